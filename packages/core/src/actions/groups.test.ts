// Unit tests of the rules a group's area and vetting questions must follow.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/errors.js';
import { validateGroupArea, validateVettingQuestions } from './groups.js';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const square: [number, number][] = [
  [-2.1, 54.6],
  [-2.0, 54.6],
  [-2.0, 54.7],
  [-2.1, 54.7],
  [-2.1, 54.6],
];

describe('validateGroupArea', () => {
  it('accepts no area, a circle and a closed polygon', () => {
    expect(validateGroupArea(null)).toBeNull();
    const circle = { kind: 'circle' as const, centre: { lat: 54.6, lng: -2.1 }, radiusKm: 12 };
    expect(validateGroupArea(circle)).toEqual(circle);
    const polygon = { kind: 'polygon' as const, coordinates: [square] };
    expect(validateGroupArea(polygon)).toEqual(polygon);
  });

  it('refuses a ring that does not end where it starts', () => {
    const open = square.slice(0, 4).concat([[-2.05, 54.65]]);
    const error = refusal(() => validateGroupArea({ kind: 'polygon', coordinates: [open] }));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('area.coordinates.0');
  });

  it('refuses a ring of fewer than four points, even when closed', () => {
    const triangle: [number, number][] = [
      [-2.1, 54.6],
      [-2.0, 54.6],
      [-2.1, 54.6],
    ];
    expect(refusal(() => validateGroupArea({ kind: 'polygon', coordinates: [triangle] })).field).toBe(
      'area.coordinates.0',
    );
  });

  it('names the offending hole ring and refuses a polygon with no rings', () => {
    const hole: [number, number][] = [
      [-2.06, 54.62],
      [-2.04, 54.62],
      [-2.04, 54.64],
      [-2.06, 54.63],
    ];
    expect(refusal(() => validateGroupArea({ kind: 'polygon', coordinates: [square, hole] })).field).toBe(
      'area.coordinates.1',
    );
    expect(refusal(() => validateGroupArea({ kind: 'polygon', coordinates: [] })).field).toBe(
      'area.coordinates',
    );
  });

  it('refuses points off the earth', () => {
    const offEarth = square.map(([lng, lat]) => [lng, lat + 40] as [number, number]);
    expect(refusal(() => validateGroupArea({ kind: 'polygon', coordinates: [offEarth] })).code).toBe(
      'invalid',
    );
    expect(
      refusal(() => validateGroupArea({ kind: 'circle', centre: { lat: 91, lng: 0 }, radiusKm: 1 })).field,
    ).toBe('area.centre');
  });

  it('refuses a circle with no size or a vast one', () => {
    for (const radiusKm of [0, -1, 501, Number.NaN]) {
      expect(
        refusal(() => validateGroupArea({ kind: 'circle', centre: { lat: 54, lng: -2 }, radiusKm })).field,
      ).toBe('area.radiusKm');
    }
  });
});

describe('validateVettingQuestions', () => {
  it('trims questions', () => {
    expect(validateVettingQuestions(['  Which farm are you at? '])).toEqual(['Which farm are you at?']);
  });

  it('refuses an empty question and more than ten', () => {
    expect(refusal(() => validateVettingQuestions(['Where?', '  '])).field).toBe('vettingQuestions');
    expect(refusal(() => validateVettingQuestions(Array.from({ length: 11 }, () => 'Why?'))).field).toBe(
      'vettingQuestions',
    );
  });
});
