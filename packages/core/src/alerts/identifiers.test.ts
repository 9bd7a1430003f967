// Unit tests of identifier normalisation: spaces, case, punctuation, accents and the O/0 and I/1 confusions.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { normaliseIdentifier, normalisesTo } from './identifiers.js';

describe('normaliseIdentifier', () => {
  it.each([
    ['ab12 cde', 'AB12CDE'],
    ['AB12CDE', 'AB12CDE'],
    [' ab-12.cde ', 'AB12CDE'],
    ['AO12 CDE', 'A012CDE'],
    ['A012CDE', 'A012CDE'],
    ['IOX-1234', '10X1234'],
    ['10X1234', '10X1234'],
    ['jh2 pe12a 3b456789', 'JH2PE12A3B456789'],
    ['UK 0 123456 00042', 'UK012345600042'],
    ['ÀB12 ÇDE', 'AB12CDE'],
    ['', ''],
    ['  --  ', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(normaliseIdentifier(input)).toBe(expected);
  });

  it('makes a plate misread as O for 0 (or I for 1) compare equal', () => {
    expect(normaliseIdentifier('AO12 CDE')).toBe(normaliseIdentifier('A012CDE'));
    expect(normaliseIdentifier('IOX-1234')).toBe(normaliseIdentifier('10X1234'));
    expect(normaliseIdentifier('AB12 CDE')).not.toBe(normaliseIdentifier('AB12 CDF'));
  });

  it('is idempotent', () => {
    for (const text of ['ab12 cde', 'IOX-1234', 'ÀB12 ÇDE', 'oil drum 17']) {
      const once = normaliseIdentifier(text);
      expect(normaliseIdentifier(once)).toBe(once);
    }
  });
});

describe('normalisesTo', () => {
  it('agrees with normaliseIdentifier on random mixes of letters, digits, punctuation and accents', () => {
    const random = seededRandom(7);
    const alphabet = 'abcioOI01 -./AZÉé9';
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * 10);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const normalised = normaliseIdentifier(text);
      expect(normalisesTo(text, normalised)).toBe(true);
      expect(normalisesTo(text, `${normalised}X`)).toBe(false);
      if (normalised.length > 0) expect(normalisesTo(text, normalised.slice(1))).toBe(false);
    }
  });

  it('compares without regard to spaces, case and O/I', () => {
    expect(normalisesTo('ao12 cde', 'A012CDE')).toBe(true);
    expect(normalisesTo('AB12 CDE', 'AB12CD')).toBe(false);
  });
});
