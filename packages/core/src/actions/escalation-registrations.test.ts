// Unit tests of the registration finder: UK marks in what people write, and nothing that only looks close.
import { describe, expect, it } from 'vitest';
import { findRegistrations, tidyRegistration } from './escalation-registrations.js';

describe('findRegistrations', () => {
  it('finds current-style marks with or without the space, in any case, in capitals with one space', () => {
    expect(findRegistrations('Pickup AB12 CDE went past, then ab12cde again, then Yk70xyz.')).toEqual([
      'AB12 CDE',
      'YK70 XYZ',
    ]);
  });

  it('finds prefix and suffix marks written in capitals, in the order they appear', () => {
    expect(findRegistrations('Old Land Rover ABC 123D towing a trailer on J123 KLM, then A1 BCD')).toEqual([
      'ABC 123D',
      'J123 KLM',
      'A1 BCD',
    ]);
    expect(findRegistrations('suffix without the space: ABC123D')).toEqual(['ABC 123D']);
  });

  it('ignores roads, postcodes, times, lower-case older styles and marks glued to other words', () => {
    const text = [
      'Heading north on the A1 and the A66 past DL13 2AB at 10pm.',
      'the a1 and the m6',
      'J123 klm is not a mark in lower case',
      'XAB12CDE and AB12CDEX are not marks',
      'B6277 by Middleton, grid NY 944 258',
    ].join('\n');
    expect(findRegistrations(text)).toEqual([]);
  });

  it('lists a mark once however often it is written', () => {
    expect(findRegistrations('AB12 CDE. Yes, AB12CDE. ab12 cde!')).toEqual(['AB12 CDE']);
  });

  it('finds marks next to punctuation and at the ends of the text', () => {
    expect(findRegistrations('(AB12 CDE), "CD34EFG"')).toEqual(['AB12 CDE', 'CD34 EFG']);
    expect(findRegistrations('AB12CDE')).toEqual(['AB12 CDE']);
  });
});

describe('tidyRegistration', () => {
  it('tidies a mark typed into a registration field to capitals with the usual space', () => {
    expect(tidyRegistration(' ab12cde ')).toBe('AB12 CDE');
    expect(tidyRegistration('abc 123d')).toBe('ABC 123D');
  });

  it('keeps a mark of another shape as typed, in capitals with single spaces', () => {
    expect(tidyRegistration('ni  1234 xyz')).toBe('NI 1234 XYZ');
    expect(tidyRegistration('1234 AB')).toBe('1234 AB');
  });
});
