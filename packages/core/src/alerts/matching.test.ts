// Unit tests of match scoring: which alerts can match, decisive identifiers, agreeing descriptions and decay.
import { describe, expect, it } from 'vitest';
import type { AlertKind } from '../model/entities.js';
import { distanceKm } from './geometry.js';
import { canBeMatched, matchingKinds, scoreMatch } from './matching.js';
import type { MatchableAlert } from './prepare.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 10, 12);
const stanhope = { lat: 54.748, lng: -2.006 }; // Weardale
const middleton = { lat: 54.625, lng: -2.081 }; // Teesdale
/** Near Brampton, Cumbria: about 66 km from Stanhope. */
const brampton = { lat: 54.94, lng: -2.73 };

let counter = 0;
function alert(
  kind: AlertKind,
  details: Record<string, unknown>,
  location: { lat: number; lng: number } | null = stanhope,
  createdAt = NOW,
): MatchableAlert {
  counter += 1;
  return { id: `alert-${counter}`, kind, details: { kind, ...details }, location, createdAt };
}

const redHondaQuad = { category: 'quad', make: 'Honda', model: 'TRX420', colour: 'red' };

describe('canBeMatched', () => {
  const stolenQuad = alert('stolen', redHondaQuad);
  const foundQuad = alert('found', redHondaQuad);
  const stolenSheep = alert('stolen', { category: 'livestock', make: 'Swaledale ewes' });
  const looseSheep = alert('animal', { situation: 'loose', species: 'sheep' });
  const foundSheep = alert('animal', { situation: 'found', species: 'sheep' });
  const suspicious = alert('suspicious', { activity: 'lamping' });
  const appeal = alert('appeal', {
    request: 'Dashcam footage',
    policeReference: 'DUR-1',
    howToRespond: '101',
  });

  it.each([
    ['stolen ↔ found', stolenQuad, foundQuad, true],
    ['found ↔ stolen', foundQuad, stolenQuad, true],
    ['stolen livestock ↔ animal loose', stolenSheep, looseSheep, true],
    ['animal found ↔ stolen livestock', foundSheep, stolenSheep, true],
    ['animal loose ↔ animal found', looseSheep, foundSheep, true],
    ['stolen quad ↔ animal', stolenQuad, looseSheep, false],
    ['stolen ↔ stolen', stolenQuad, alert('stolen', redHondaQuad), false],
    ['found ↔ found', foundQuad, alert('found', redHondaQuad), false],
    [
      'animal loose ↔ animal loose',
      looseSheep,
      alert('animal', { situation: 'loose', species: 'sheep' }),
      false,
    ],
    ['found ↔ animal', foundQuad, foundSheep, false],
    ['suspicious ↔ stolen', suspicious, stolenQuad, false],
    ['appeal ↔ found', appeal, foundQuad, false],
    ['an alert ↔ itself', stolenQuad, stolenQuad, false],
  ])('%s: %s', (_name, a, b, expected) => {
    expect(canBeMatched(a, b)).toBe(expected);
  });

  it('gives the kinds worth searching', () => {
    expect(matchingKinds(stolenQuad)).toEqual(['found']);
    expect(matchingKinds(stolenSheep)).toEqual(['found', 'animal']);
    expect(matchingKinds(foundQuad)).toEqual(['stolen']);
    expect(matchingKinds(looseSheep)).toEqual(['stolen', 'animal']);
    expect(matchingKinds(suspicious)).toEqual([]);
  });
});

describe('scoreMatch: decisive identifiers', () => {
  it('an equal registration decides, whatever the colour, with the misread O and the spacing ignored', () => {
    const stolen = alert('stolen', { ...redHondaQuad, registration: 'AO12 CDE' }, stanhope, NOW - 3 * DAY);
    const found = alert(
      'found',
      { category: 'quad', colour: 'green', registration: 'a012cde' },
      brampton,
      NOW,
    );
    const match = scoreMatch(stolen, found);
    expect(match.decisive).toBe(true);
    expect(match.score).toBeGreaterThanOrEqual(0.95);
    expect(match.score).toBeLessThanOrEqual(1);
    expect(match.reasons[0]).toBe('same registration');
    expect(match.reasons).toContain(`${Math.round(distanceKm(stanhope, brampton))} km apart`);
    expect(match.reasons).toContain('3 days apart');
    expect(match.distanceKm).toBeCloseTo(distanceKm(stanhope, brampton), 1);
  });

  it.each([
    ['serial', { serial: 'IOX-1234' }, { serial: '10X1234' }, 'same serial'],
    ['marking id', { markingId: 'CESAR 55-1209' }, { markingId: 'cesar551209' }, 'same marking id'],
    [
      'serial typed as a marking id',
      { serial: 'JH2PE12A3B4567' },
      { markingId: 'jh2 pe12a 3b4567' },
      'serial matches marking id',
    ],
  ])('an equal %s decides', (_name, stolenIds, foundIds, reason) => {
    const stolen = alert('stolen', { ...redHondaQuad, ...stolenIds });
    const found = alert('found', { category: 'quad', ...foundIds });
    const match = scoreMatch(stolen, found);
    expect(match).toMatchObject({ decisive: true });
    expect(match.reasons[0]).toBe(reason);
  });

  it('an equal ear tag decides between a loose and a found animal', () => {
    const loose = alert('animal', { situation: 'loose', species: 'sheep', earTag: 'UK 0123456 00042' });
    const found = alert(
      'animal',
      { situation: 'found', species: 'ewe', earTag: 'uk012345600042' },
      middleton,
    );
    expect(scoreMatch(loose, found)).toMatchObject({
      decisive: true,
      reasons: expect.arrayContaining(['same ear tag']),
    });
  });

  it('decides even when the categories were chosen differently', () => {
    const stolen = alert('stolen', { category: 'vehicle', make: 'Land Rover', registration: 'YX19 ABC' });
    const found = alert('found', { category: 'other', registration: 'YX19ABC' });
    expect(scoreMatch(stolen, found).decisive).toBe(true);
  });

  it('ignores identifiers too short to mean anything', () => {
    const stolen = alert('stolen', { category: 'tools', make: 'Stihl', serial: '12' });
    const found = alert('found', { category: 'tools', make: 'Makita', serial: '12' });
    expect(scoreMatch(stolen, found).decisive).toBe(false);
  });

  it('is closer to 1 the nearer in place and time', () => {
    const stolen = alert('stolen', { ...redHondaQuad, registration: 'AB12CDE' }, stanhope, NOW);
    const near = alert('found', { category: 'quad', registration: 'AB12CDE' }, stanhope, NOW);
    const far = alert('found', { category: 'quad', registration: 'AB12CDE' }, brampton, NOW + 20 * DAY);
    expect(scoreMatch(stolen, near).score).toBeCloseTo(1, 6);
    expect(scoreMatch(stolen, far).score).toBeLessThan(scoreMatch(stolen, near).score);
    expect(scoreMatch(stolen, far).score).toBeGreaterThanOrEqual(0.95);
  });
});

describe('scoreMatch: descriptions', () => {
  const stolen = alert('stolen', redHondaQuad, stanhope, NOW);

  it('full agreement scores highest but never as high as a decisive identifier', () => {
    const found = alert('found', { ...redHondaQuad, model: 'trx 420' }, stanhope, NOW);
    const match = scoreMatch(stolen, found);
    expect(match.decisive).toBe(false);
    expect(match.score).toBe(0.9);
    expect(match.reasons[0]).toBe('same make, model and colour');
  });

  it('partial agreement: same make and colour, model unknown on one side', () => {
    const found = alert('found', { category: 'quad', make: 'HONDA', colour: 'Red' }, stanhope, NOW);
    const match = scoreMatch(stolen, found);
    expect(match.reasons[0]).toBe('same make and colour');
    expect(match.score).toBeCloseTo(0.9, 6); // 0.3 category + 0.3 make + 0.1 half of model + 0.2 colour
    const bare = scoreMatch(stolen, alert('found', { category: 'quad' }, stanhope, NOW));
    expect(bare.reasons[0]).toBe('same category');
    expect(bare.score).toBeCloseTo(0.65, 6);
    expect(bare.score).toBeLessThan(match.score);
  });

  it('treats a model that extends the other as agreeing, and colour words loosely', () => {
    const found = alert('found', {
      category: 'quad',
      make: 'Honda',
      model: 'TRX420FA',
      colour: 'dark red and black',
    });
    expect(scoreMatch(stolen, found).reasons[0]).toBe('same make, model and colour');
  });

  it('a different colour, model or make lowers the score, make most', () => {
    const colour = scoreMatch(stolen, alert('found', { ...redHondaQuad, colour: 'green' }));
    const model = scoreMatch(stolen, alert('found', { ...redHondaQuad, model: 'TRX250' }));
    const make = scoreMatch(stolen, alert('found', { ...redHondaQuad, make: 'Yamaha' }));
    expect(colour.reasons).toContain('different colour');
    expect(model.reasons).toContain('different model');
    expect(make.reasons).toContain('different make');
    expect(make.score).toBeLessThan(colour.score);
    expect(make.score).toBeLessThan(model.score);
    expect(make.score).toBeLessThan(0.35);
    expect(colour.score).toBeLessThan(0.9);
  });

  it('a different serial all but rules a match out; a different plate (often swapped) less so', () => {
    const withSerial = alert('stolen', {
      ...redHondaQuad,
      serial: 'JH2PE12A3B4567',
      registration: 'AB12CDE',
    });
    const otherSerial = scoreMatch(withSerial, alert('found', { ...redHondaQuad, serial: 'JH2PE12A3B9999' }));
    const otherPlate = scoreMatch(withSerial, alert('found', { ...redHondaQuad, registration: 'XY99ZZZ' }));
    expect(otherSerial.reasons).toContain('different serial');
    expect(otherPlate.reasons).toContain('different registration');
    expect(otherSerial.score).toBeCloseTo(0.3, 6); // full agreement 1.0 × 0.3
    expect(otherPlate.score).toBeCloseTo(0.6, 6); // 1.0 × 0.6
  });

  it('scores 0 across categories, saying so', () => {
    const match = scoreMatch(stolen, alert('found', { category: 'tractor', make: 'Honda', colour: 'red' }));
    expect(match).toEqual({ score: 0, decisive: false, reasons: ['different category'], distanceKm: 0 });
  });

  it('scores 0 for kinds that are never matched', () => {
    expect(scoreMatch(stolen, alert('suspicious', { activity: 'casing_farms' })).score).toBe(0);
  });

  it('is the same either way round', () => {
    const found = alert('found', { category: 'quad', make: 'Honda', colour: 'red' }, brampton, NOW + 5 * DAY);
    expect(scoreMatch(found, stolen).score).toBe(scoreMatch(stolen, found).score);
  });
});

describe('scoreMatch: decay', () => {
  /** A point `km` due north of Stanhope. */
  const north = (km: number) => ({ lat: stanhope.lat + km / 111.19508, lng: stanhope.lng });
  const stolen = alert('stolen', { category: 'quad', colour: 'red' }, stanhope, NOW);
  const found = (location: { lat: number; lng: number } | null, createdAt = NOW) =>
    alert('found', { category: 'quad', colour: 'red' }, location, createdAt);

  it('halves at 100 km for property', () => {
    const here = scoreMatch(stolen, found(stanhope)).score;
    const away = scoreMatch(stolen, found(north(100)));
    expect(away.score / here).toBeCloseTo(0.5, 3);
    expect(away.reasons).toContain('100 km apart');
    expect(away.distanceKm).toBeCloseTo(100, 1);
  });

  it('halves at 14 days for property, whichever was posted first', () => {
    const here = scoreMatch(stolen, found(stanhope)).score;
    expect(scoreMatch(stolen, found(stanhope, NOW + 14 * DAY)).score / here).toBeCloseTo(0.5, 6);
    expect(scoreMatch(stolen, found(stanhope, NOW - 14 * DAY)).score / here).toBeCloseTo(0.5, 6);
  });

  it('without a location on one side, weakens the match a little and gives no distance', () => {
    const here = scoreMatch(stolen, found(stanhope)).score;
    const unknown = scoreMatch(stolen, found(null));
    expect(unknown.distanceKm).toBeNull();
    expect(unknown.score / here).toBeCloseTo(0.75, 6);
    expect(unknown.reasons.some((r) => r.endsWith('km apart'))).toBe(false);
  });

  it('halves at 20 km and 3 days between a loose and a found animal', () => {
    const loose = alert(
      'animal',
      { situation: 'loose', species: 'cow', breed: 'Belted Galloway' },
      stanhope,
      NOW,
    );
    const at = (location: { lat: number; lng: number }, createdAt: number) =>
      alert(
        'animal',
        { situation: 'found', species: 'heifer', breed: 'belted galloway' },
        location,
        createdAt,
      );
    const here = scoreMatch(loose, at(stanhope, NOW)).score;
    expect(scoreMatch(loose, at(north(20), NOW)).score / here).toBeCloseTo(0.5, 3);
    expect(scoreMatch(loose, at(stanhope, NOW + 3 * DAY)).score / here).toBeCloseTo(0.5, 6);
  });

  it('counts a time after `now` (a fast clock) as now', () => {
    const future = found(stanhope, NOW + 10 * DAY);
    expect(scoreMatch(stolen, future, { now: NOW }).score).toBe(scoreMatch(stolen, found(stanhope)).score);
    expect(scoreMatch(stolen, future).score).toBeLessThan(scoreMatch(stolen, future, { now: NOW }).score);
  });

  it('describes gaps in hours and days', () => {
    const reasonsAt = (gap: number) => scoreMatch(stolen, found(stanhope, NOW + gap)).reasons;
    expect(reasonsAt(20 * 60_000)).toContain('within the hour');
    expect(reasonsAt(5 * 3_600_000)).toContain('5 hours apart');
    expect(reasonsAt(DAY)).toContain('1 day apart');
    expect(reasonsAt(3 * DAY + 3_600_000)).toContain('3 days apart');
    expect(scoreMatch(stolen, found(north(3.44))).reasons).toContain('3.4 km apart');
    expect(scoreMatch(stolen, found(north(0.4))).reasons).toContain('under 1 km apart');
  });
});

describe('scoreMatch: animals and livestock', () => {
  it('a loose and a found animal agree on species (by any of its names), breed and flock mark', () => {
    const loose = alert('animal', {
      situation: 'loose',
      species: 'Sheep',
      breed: 'Swaledale',
      flockMark: 'UK 123456',
    });
    const found = alert('animal', {
      situation: 'found',
      species: 'tup',
      breed: 'swaledale x',
      flockMark: 'uk123456',
    });
    const match = scoreMatch(loose, found);
    expect(match.reasons[0]).toBe('same species, breed and flock mark');
    expect(match.score).toBe(0.9);
  });

  it("a found animal's ear tag carrying the loose one's flock mark agrees on the flock", () => {
    const loose = alert('animal', { situation: 'loose', species: 'sheep', flockMark: 'UK 123456' });
    const found = alert('animal', { situation: 'found', species: 'sheep', earTag: 'UK 123456 00042' });
    expect(scoreMatch(loose, found).reasons[0]).toBe('same species and flock mark');
  });

  it('a different species rules a match out', () => {
    const loose = alert('animal', { situation: 'loose', species: 'cattle' });
    const found = alert('animal', { situation: 'found', species: 'pony' });
    const match = scoreMatch(loose, found);
    expect(match.reasons).toContain('different species');
    expect(match.score).toBeLessThan(0.1);
  });

  it('stolen livestock matches an animal from the words of its description and its marking id', () => {
    const stolen = alert('stolen', {
      category: 'livestock',
      make: 'Swaledale',
      model: '40 ewes',
      markingId: 'UK 123456',
    });
    const found = alert(
      'animal',
      { situation: 'found', species: 'sheep', breed: 'Swaledale', flockMark: 'UK123456' },
      brampton,
    );
    const match = scoreMatch(stolen, found);
    expect(match.reasons[0]).toBe('same species, breed and flock mark');
    expect(match.score).toBeGreaterThan(0.35);
    const cattle = alert('animal', { situation: 'found', species: 'bullock' }, brampton);
    expect(scoreMatch(stolen, cattle).reasons).toContain('different species');
  });

  it('stolen livestock matches found livestock but not found tools', () => {
    const stolen = alert('stolen', { category: 'livestock', make: 'Texel', model: 'tups' });
    expect(scoreMatch(stolen, alert('found', { category: 'livestock', make: 'texel rams' })).reasons[0]).toBe(
      'same species and breed',
    );
    expect(scoreMatch(stolen, alert('found', { category: 'tools', make: 'Texel' })).score).toBe(0);
  });
});
