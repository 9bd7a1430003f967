// Unit tests of ranking: best first, limits, thresholds, ties, and the prepared index agreeing with a plain scan.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { BENCH_NOW, generateBenchAlerts } from './bench-data.js';
import { prepareCandidates } from './candidates.js';
import { descriptiveMatchWindow, rankMatches, scoreMatch } from './matching.js';
import type { MatchableAlert } from './prepare.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 10, 12);
const stanhope = { lat: 54.748, lng: -2.006 }; // Weardale
const dumfries = { lat: 55.07, lng: -3.61 }; // 109 km from Stanhope, over the border

function alert(
  id: string,
  kind: MatchableAlert['kind'],
  details: Record<string, unknown>,
  location: { lat: number; lng: number } | null,
  createdAt: number,
): MatchableAlert {
  return { id, kind, details: { kind, ...details }, location, createdAt };
}

describe('rankMatches', () => {
  const stolenQuad = alert(
    'stolen-quad',
    'stolen',
    { category: 'quad', make: 'Honda', model: 'TRX420', colour: 'red' },
    stanhope,
    NOW - 3 * DAY,
  );

  it('offers "stolen red Honda quad, Weardale, 3 days ago, 109 km" for a red Honda quad found over the border', () => {
    const found = alert(
      'found-quad',
      'found',
      { category: 'quad', make: 'Honda', colour: 'red' },
      dumfries,
      NOW,
    );
    const [match, ...rest] = rankMatches(found, [stolenQuad]);
    expect(rest).toEqual([]);
    expect(match?.candidate).toBe(stolenQuad);
    expect(match?.reasons).toEqual(['same make and colour', '109 km apart', '3 days apart']);
    expect(match?.score).toBeGreaterThanOrEqual(0.35);
  });

  const found = alert(
    'found',
    'found',
    { category: 'quad', make: 'Honda', colour: 'red', serial: 'JH2PE1' },
    stanhope,
    NOW,
  );
  const candidates = [
    alert('far', 'stolen', { category: 'quad', make: 'Honda', colour: 'red' }, dumfries, NOW - 3 * DAY),
    alert('near', 'stolen', { category: 'quad', make: 'Honda', colour: 'red' }, stanhope, NOW - DAY),
    alert(
      'serial',
      'stolen',
      { category: 'quad', make: 'Yamaha', serial: 'jh2 pe1' },
      dumfries,
      NOW - 60 * DAY,
    ),
    alert('tractor', 'stolen', { category: 'tractor', make: 'Honda', colour: 'red' }, stanhope, NOW),
    alert('other-found', 'found', { category: 'quad', make: 'Honda', colour: 'red' }, stanhope, NOW),
    alert('green', 'stolen', { category: 'quad', make: 'Honda', colour: 'green' }, stanhope, NOW),
    alert('yamaha', 'stolen', { category: 'quad', make: 'Yamaha', colour: 'red' }, stanhope, NOW),
  ];

  it('puts a decisive identifier first, then the best descriptions, leaving out what cannot match or scores too low', () => {
    const ranked = rankMatches(found, candidates);
    expect(ranked.map((m) => m.candidate.id)).toEqual(['serial', 'near', 'far']);
    expect(ranked[0]?.decisive).toBe(true);
    expect(ranked.map((m) => m.score)).toEqual([...ranked.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('gives each match the same score and reasons as scoreMatch', () => {
    for (const match of rankMatches(found, candidates)) {
      const { candidate, ...score } = match;
      expect(score).toEqual(scoreMatch(found, candidate));
    }
  });

  it('honours limit and minScore', () => {
    expect(rankMatches(found, candidates, { limit: 1 }).map((m) => m.candidate.id)).toEqual(['serial']);
    expect(rankMatches(found, candidates, { limit: 0 })).toEqual([]);
    expect(rankMatches(found, candidates, { minScore: 0.95 }).map((m) => m.candidate.id)).toEqual(['serial']);
    const everything = rankMatches(found, candidates, { minScore: 0, limit: 10 });
    expect(everything.map((m) => m.candidate.id)).toEqual(['serial', 'near', 'far', 'green', 'yamaha']);
  });

  it('never matches an alert with itself', () => {
    const twin = { ...found, kind: 'stolen' as const };
    expect(rankMatches(found, [twin])).toEqual([]);
  });

  it('breaks ties by the newer alert, then by id', () => {
    const same = { category: 'quad', make: 'Honda', colour: 'red' };
    const tied = [
      alert('b', 'stolen', same, stanhope, NOW - DAY),
      alert('a', 'stolen', same, stanhope, NOW - DAY),
      alert('c', 'stolen', same, stanhope, NOW + DAY),
    ];
    // The gaps are equal (a day either side), so the scores tie exactly.
    expect(rankMatches(found, tied).map((m) => m.candidate.id)).toEqual(['c', 'a', 'b']);
    expect(rankMatches(found, prepareCandidates(tied)).map((m) => m.candidate.id)).toEqual(['c', 'a', 'b']);
  });

  it('gives the same answer from prepared candidates as from a plain list', () => {
    const prepared = prepareCandidates(candidates);
    for (const options of [{}, { minScore: 0 }, { limit: 2 }, { minScore: 0.5, now: NOW }]) {
      expect(rankMatches(found, prepared, options)).toEqual(rankMatches(found, candidates, options));
    }
  });
});

describe('rankMatches over generated alerts', () => {
  const candidates = generateBenchAlerts(4_000, 5);
  const prepared = prepareCandidates(candidates);
  const random = seededRandom(17);
  // New alerts: some generated, some sharing a candidate's identifier, some without a location, and
  // some describing a candidate exactly from 120-160 km and a few days away, at the edge of reach.
  const subjects = generateBenchAlerts(60, 23).map((subject, i) => {
    const copy = { ...subject, id: `subject-${i}`, createdAt: BENCH_NOW };
    const donor = candidates[Math.floor(random() * candidates.length)] as MatchableAlert;
    if (i % 3 === 0 && typeof donor.details.registration === 'string') {
      copy.details = { ...copy.details, registration: donor.details.registration.toLowerCase() };
    }
    if (i % 4 === 1 && donor.location && donor.kind !== 'animal') {
      const kind = donor.kind === 'stolen' ? 'found' : 'stolen';
      const { registration: _r, serial: _s, ...description } = donor.details;
      copy.kind = kind;
      copy.details = { ...description, kind };
      copy.location = { lat: donor.location.lat + (120 + random() * 40) / 111.2, lng: donor.location.lng };
      copy.createdAt = donor.createdAt + Math.floor(random() * 5 * DAY);
    }
    if (i % 7 === 0) copy.location = null;
    return copy;
  });

  /** Every candidate scored one by one: what the pruning in rankMatches must reproduce. */
  function scanEvery(subject: MatchableAlert, minScore: number) {
    return candidates
      .map((candidate) => ({ candidate, ...scoreMatch(subject, candidate) }))
      .filter((m) => m.score > 0 && m.score >= minScore)
      .sort(
        (x, y) =>
          y.score - x.score ||
          y.candidate.createdAt - x.candidate.createdAt ||
          (x.candidate.id < y.candidate.id ? -1 : 1),
      )
      .slice(0, 5);
  }

  it('finds the same matches as scoring every candidate, from a plain list and from prepared candidates', () => {
    let found = 0;
    for (const subject of subjects) {
      for (const minScore of [0.35, 0.1]) {
        const expected = scanEvery(subject, minScore);
        found += expected.length;
        expect(rankMatches(subject, candidates, { minScore })).toEqual(expected);
        expect(rankMatches(subject, prepared, { minScore })).toEqual(expected);
      }
    }
    // The comparison means something only if there were matches to find.
    expect(found).toBeGreaterThan(100);
  });

  it('ranks among 100,000 prepared candidates quickly (a loose sanity bound; bench/ measures properly)', () => {
    const many = prepareCandidates(generateBenchAlerts(100_000, 29));
    const started = Date.now();
    for (const subject of subjects.slice(0, 20)) rankMatches(subject, many);
    expect((Date.now() - started) / 20).toBeLessThan(200);
  });
});

describe('descriptiveMatchWindow', () => {
  const stanhopeQuad = (id: string, location: { lat: number; lng: number }, createdAt: number) =>
    alert(
      id,
      'found',
      { category: 'quad', make: 'Honda', model: 'TRX420', colour: 'red' },
      location,
      createdAt,
    );
  const stolen = stanhopeQuad('stolen', stanhope, NOW);
  const best = { ...stolen, id: 'stolen', kind: 'stolen' as const };

  it('bounds how far apart a perfectly described pair can be and still reach the score', () => {
    const { km, ms } = descriptiveMatchWindow(0.35);
    expect(km).toBeCloseTo(100 * Math.log2(1 / 0.35), 6);
    const north = (d: number) => ({ lat: stanhope.lat + d / 111.19508, lng: stanhope.lng });
    expect(scoreMatch(best, stanhopeQuad('inside', north(km - 1), NOW)).score).toBeGreaterThanOrEqual(0.35);
    expect(scoreMatch(best, stanhopeQuad('outside', north(km + 1), NOW)).score).toBeLessThan(0.35);
    expect(scoreMatch(best, stanhopeQuad('later', stanhope, NOW + ms - DAY)).score).toBeGreaterThanOrEqual(
      0.35,
    );
    expect(scoreMatch(best, stanhopeQuad('too-late', stanhope, NOW + ms + DAY)).score).toBeLessThan(0.35);
  });

  it('is unbounded for a zero threshold and empty above what a description can score', () => {
    expect(descriptiveMatchWindow(0).km).toBe(Number.POSITIVE_INFINITY);
    expect(descriptiveMatchWindow(1.2)).toEqual({ km: 0, ms: 0 });
  });
});
