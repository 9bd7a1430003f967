// Unit tests of the message rules that need no store: length in characters, trimming, locations.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/errors.js';
import { checkMessageLocation, MAX_MESSAGE_LENGTH, messageLength, normaliseMessageBody } from './messages.js';

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('messageLength', () => {
  it('counts an emoji or other astral character as one character', () => {
    expect(messageLength('tractor 🚜')).toBe(9);
    expect('🚜'.length).toBe(2);
    expect(messageLength('')).toBe(0);
  });
});

describe('normaliseMessageBody', () => {
  it('trims surrounding whitespace and keeps inner lines', () => {
    expect(normaliseMessageBody('  gate open\non the fell  \n', { required: false })).toBe(
      'gate open\non the fell',
    );
  });

  it('accepts exactly the limit and refuses one character more, naming the body', () => {
    expect(normaliseMessageBody('a'.repeat(MAX_MESSAGE_LENGTH), { required: true })).toHaveLength(
      MAX_MESSAGE_LENGTH,
    );
    const error = refusal(() => normaliseMessageBody('a'.repeat(MAX_MESSAGE_LENGTH + 1), { required: true }));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('body');
  });

  it('counts characters, not UTF-16 units: 4,000 emoji fit, 4,001 do not', () => {
    expect(() => normaliseMessageBody('🐑'.repeat(MAX_MESSAGE_LENGTH), { required: true })).not.toThrow();
    expect(() => normaliseMessageBody('🐑'.repeat(MAX_MESSAGE_LENGTH + 1), { required: true })).toThrow(
      DomainError,
    );
  });

  it('refuses blank text only when text is required', () => {
    expect(normaliseMessageBody(' \n\t ', { required: false })).toBe('');
    expect(refusal(() => normaliseMessageBody(' \n\t ', { required: true })).field).toBe('body');
  });
});

describe('checkMessageLocation', () => {
  it('keeps a point in range and drops anything else it was given', () => {
    const point = { lat: 54.6, lng: -3.13, label: 'x' } as unknown as { lat: number; lng: number };
    expect(checkMessageLocation(point)).toEqual({ lat: 54.6, lng: -3.13 });
    expect(checkMessageLocation({ lat: -90, lng: 180 })).toEqual({ lat: -90, lng: 180 });
  });

  it.each([
    { lat: 90.1, lng: 0 },
    { lat: 0, lng: -180.5 },
    { lat: Number.NaN, lng: 0 },
    { lat: 0, lng: Number.POSITIVE_INFINITY },
    { lat: '54' as unknown as number, lng: 0 },
  ])('refuses %o, naming the location', (point) => {
    const error = refusal(() => checkMessageLocation(point));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('location');
  });
});
