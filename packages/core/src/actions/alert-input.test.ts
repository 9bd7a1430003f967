// The rules an alert's input follows: required fields per kind, the place as typed, reach defaults.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/errors.js';
import { checkAlertDetails, checkPlaceText, checkReach } from './alert-input.js';

const MIDDLETON = { lat: 54.625, lng: -2.081 };

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  return 'no error';
}

describe('checkAlertDetails', () => {
  it('names the field each kind is missing', () => {
    expect(fieldOf(() => checkAlertDetails({ kind: 'ufo' }))).toBe('details.kind');
    expect(fieldOf(() => checkAlertDetails({ kind: 'stolen' }))).toBe('details.category');
    expect(fieldOf(() => checkAlertDetails({ kind: 'found', category: 'boat' }))).toBe('details.category');
    expect(fieldOf(() => checkAlertDetails({ kind: 'animal', situation: 'loose', species: ' ' }))).toBe(
      'details.species',
    );
    expect(fieldOf(() => checkAlertDetails({ kind: 'suspicious', activity: 'picnic' }))).toBe(
      'details.activity',
    );
    expect(fieldOf(() => checkAlertDetails({ kind: 'appeal', request: 'Sightings' }))).toBe(
      'details.policeReference',
    );
  });

  it('accepts each kind with its required fields', () => {
    expect(checkAlertDetails({ kind: 'stolen', category: 'quad' })).toBe('stolen');
    expect(checkAlertDetails({ kind: 'animal', situation: 'found', species: 'sheep' })).toBe('animal');
    expect(checkAlertDetails({ kind: 'suspicious', activity: 'lamping' })).toBe('suspicious');
  });
});

describe('checkReach', () => {
  it('fills in the radius for the kind: vehicles and plant 80 km, animals 10 km', () => {
    expect(checkReach({ mode: 'radius' }, { kind: 'stolen', category: 'quad' }, MIDDLETON).stored).toEqual({
      mode: 'radius',
      radiusKm: 80,
    });
    expect(checkReach({ mode: 'radius' }, { kind: 'animal' }, MIDDLETON).stored).toEqual({
      mode: 'radius',
      radiusKm: 10,
    });
    expect(checkReach({ mode: 'organisation' }, { kind: 'animal' }, null).stored).toEqual({
      mode: 'organisation',
    });
  });

  it('refuses a radius over 200 km, a radius without a location, and unknown modes', () => {
    const stolen = { kind: 'stolen', category: 'quad' };
    expect(fieldOf(() => checkReach({ mode: 'radius', radiusKm: 10_000 }, stolen, MIDDLETON))).toBe(
      'reach.radiusKm',
    );
    expect(fieldOf(() => checkReach({ mode: 'radius', radiusKm: 0 }, stolen, MIDDLETON))).toBe(
      'reach.radiusKm',
    );
    expect(fieldOf(() => checkReach({ mode: 'radius' }, stolen, null))).toBe('location');
    expect(fieldOf(() => checkReach({ mode: 'world' } as never, stolen, MIDDLETON))).toBe('reach.mode');
  });
});

describe('checkPlaceText', () => {
  it('keeps the place as typed, trimmed; empty is none; over 120 characters is refused', () => {
    expect(checkPlaceText('  ///filled.count.soap ')).toBe('///filled.count.soap');
    expect(checkPlaceText('   ')).toBeNull();
    expect(checkPlaceText(undefined)).toBeNull();
    expect(fieldOf(() => checkPlaceText('x'.repeat(121)))).toBe('placeText');
  });
});
