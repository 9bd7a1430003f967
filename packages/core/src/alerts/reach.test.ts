// Unit tests of reach: which groups show an alert, or hold it for review, by mode, distance and consent.
import { describe, expect, it } from 'vitest';
import type { GroupArea } from '../model/entities.js';
import { DomainError } from '../model/errors.js';
import type { GroupId, OrganisationId } from '../model/ids.js';
import type { ReachGroup } from '../ports/store.js';
import { seededRandom } from '../seeded-random.js';
import { generateBenchGroups } from './bench-data.js';
import { distanceToAreaKm } from './geometry.js';
import { buildReachIndex, computeReach, defaultReachKm, MAX_REACH_KM, type ReachMode } from './reach.js';

const durham = 'ORG-DURHAM' as OrganisationId;
const northYorkshire = 'ORG-NORTH-YORKS' as OrganisationId;
const cumbria = 'ORG-CUMBRIA' as OrganisationId;
const lincolnshire = 'ORG-LINCS' as OrganisationId;

const middleton = { lat: 54.625, lng: -2.081 };

function circle(lat: number, lng: number, radiusKm: number): GroupArea {
  return { kind: 'circle', centre: { lat, lng }, radiusKm };
}

function group(
  id: string,
  organisationId: OrganisationId,
  area: GroupArea | null,
  externalAlerts: ReachGroup['externalAlerts'] = 'review',
): ReachGroup {
  return { id: id as GroupId, organisationId, area, externalAlerts };
}

// Centre-to-centre distances from Middleton-in-Teesdale are approximate (Vincenty, WGS84).
const teesdale = group('teesdale', durham, circle(54.625, -2.081, 8));
const weardale = group('weardale', durham, circle(54.748, -2.006, 8)); // Stanhope, 14.5 km
const barnard = group('barnard', durham, {
  // Around Barnard Castle, 13.8 km: GeoJSON [lng, lat].
  kind: 'polygon',
  coordinates: [
    [
      [-1.97, 54.514],
      [-1.87, 54.514],
      [-1.87, 54.572],
      [-1.97, 54.572],
      [-1.97, 54.514],
    ],
  ],
});
const durhamNoArea = group('durham-farmers', durham, null);
const swaledale = group('swaledale', northYorkshire, circle(54.389, -1.942, 5), 'always'); // Reeth, 27.8 km
const richmond = group('richmond', northYorkshire, circle(54.403, -1.737, 5), 'review'); // 33.3 km
const hawes = group('hawes', northYorkshire, circle(54.304, -2.197, 5), 'never'); // 36.5 km
const yorkshireNoArea = group('yorkshire-all', northYorkshire, null, 'always');
const westCumbria = group('west-cumbria', cumbria, circle(54.549, -3.587, 10), 'always'); // Whitehaven, 97.7 km
const lincoln = group('lincoln', lincolnshire, circle(53.234, -0.538, 10), 'always'); // 185 km

const all = [
  teesdale,
  weardale,
  barnard,
  durhamNoArea,
  swaledale,
  richmond,
  hawes,
  yorkshireNoArea,
  westCumbria,
  lincoln,
];
const index = buildReachIndex(all);

function reach(mode: ReachMode, point: { lat: number; lng: number } | null = middleton, origin = teesdale) {
  return computeReach(index, { origin, point, reach: mode });
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('defaultReachKm', () => {
  it.each([
    [{ kind: 'stolen', category: 'quad' }, 80],
    [{ kind: 'stolen', category: 'tractor' }, 80],
    [{ kind: 'found', category: 'trailer' }, 80],
    [{ kind: 'stolen', category: 'plant' }, 80],
    [{ kind: 'found', category: 'vehicle' }, 80],
    [{ kind: 'stolen', category: 'livestock' }, 50],
    [{ kind: 'stolen', category: 'tools' }, 50],
    [{ kind: 'found', category: 'fuel' }, 50],
    [{ kind: 'stolen', category: 'other' }, 50],
    [{ kind: 'stolen' }, 50],
    [{ kind: 'animal' }, 10],
    [{ kind: 'suspicious' }, 30],
    [{ kind: 'appeal' }, 50],
  ])('%j reaches %i km', (details, km) => {
    expect(defaultReachKm(details)).toBe(km);
  });

  it('refuses an unknown kind, naming details.kind', () => {
    expect(refusal(() => defaultReachKm({ kind: 'gossip' }))).toMatchObject({
      code: 'invalid',
      field: 'details.kind',
    });
  });

  it('does not mistake an inherited property name for a category', () => {
    expect(defaultReachKm({ kind: 'stolen', category: 'constructor' })).toBe(50);
  });
});

describe('computeReach', () => {
  it("'group' shows it in the origin only", () => {
    expect(reach({ mode: 'group' })).toEqual({ shown: ['teesdale'], review: [] });
  });

  it("'organisation' shows it in every group of the origin's organisation, with or without an area, and no other", () => {
    expect(reach({ mode: 'organisation' }, null)).toEqual({
      shown: ['teesdale', 'barnard', 'durham-farmers', 'weardale'],
      review: [],
    });
  });

  it('by radius, reaches groups whose area comes within the distance, across organisations by consent', () => {
    // 30 km: Weardale (same force), Swaledale (always) and Richmond (review: its edge is 28 km away);
    // Hawes' edge is 31.5 km away; groups without an area are never reached by distance.
    expect(reach({ mode: 'radius', radiusKm: 30 })).toEqual({
      shown: ['teesdale', 'barnard', 'swaledale', 'weardale'],
      review: ['richmond'],
    });
  });

  it("follows each other organisation's consent: always shown, review held, never left out", () => {
    const result = reach({ mode: 'radius', radiusKm: 80 });
    expect(result.shown).toEqual(['teesdale', 'barnard', 'swaledale', 'weardale']);
    expect(result.review).toEqual(['richmond']);
    expect([...result.shown, ...result.review]).not.toContain('hawes');
  });

  it('reaches a group about 100 km away only with a radius past its edge, and one 185 km away not at all at 150 km', () => {
    expect(reach({ mode: 'radius', radiusKm: 80 }).shown).not.toContain('west-cumbria');
    expect(reach({ mode: 'radius', radiusKm: 90 }).shown).toContain('west-cumbria');
    expect(reach({ mode: 'radius', radiusKm: 150 }).shown).not.toContain('lincoln');
    expect(reach({ mode: 'radius', radiusKm: MAX_REACH_KM }).shown).toContain('lincoln');
  });

  it('ignores externalAlerts for groups of the same organisation', () => {
    const closedWeardale = { ...weardale, externalAlerts: 'never' as const };
    const closed = buildReachIndex([teesdale, closedWeardale]);
    expect(
      computeReach(closed, { origin: teesdale, point: middleton, reach: { mode: 'radius', radiusKm: 30 } }),
    ).toEqual({ shown: ['teesdale', 'weardale'], review: [] });
  });

  it('always shows the origin, even when it has no area or is not in the index', () => {
    const fromNoArea = reach({ mode: 'radius', radiusKm: 20 }, middleton, durhamNoArea);
    expect(fromNoArea.shown[0]).toBe('durham-farmers');
    expect(fromNoArea.shown).toContain('teesdale');
    const stranger = group('new-group', durham, null);
    expect(reach({ mode: 'group' }, null, stranger)).toEqual({ shown: ['new-group'], review: [] });
  });

  it('lists each group once, in the same order whatever order the groups came in', () => {
    const random = seededRandom(3);
    const shuffled = [...all, teesdale, weardale].sort(() => random() - 0.5);
    const again = computeReach(buildReachIndex(shuffled), {
      origin: teesdale,
      point: middleton,
      reach: { mode: 'radius', radiusKm: 200 },
    });
    expect(again).toEqual(reach({ mode: 'radius', radiusKm: 200 }));
    expect(new Set(again.shown).size).toBe(again.shown.length);
  });

  it('refuses a radius without a location, naming location', () => {
    expect(refusal(() => reach({ mode: 'radius', radiusKm: 30 }, null))).toMatchObject({
      code: 'invalid',
      field: 'location',
    });
  });

  it('refuses impossible coordinates, naming location', () => {
    expect(refusal(() => reach({ mode: 'radius', radiusKm: 30 }, { lat: 91, lng: 0 }))).toMatchObject({
      code: 'invalid',
      field: 'location',
    });
  });

  it.each([0, -5, 201, 10_000, Number.NaN])(
    'refuses a radius of %s km, naming reach.radiusKm',
    (radiusKm) => {
      expect(refusal(() => reach({ mode: 'radius', radiusKm }))).toMatchObject({
        code: 'invalid',
        field: 'reach.radiusKm',
      });
    },
  );
});

describe('computeReach over generated groups', () => {
  const groups = generateBenchGroups(10_000, 42);
  const big = buildReachIndex(groups);

  it('finds exactly the groups a check of every area finds', () => {
    const random = seededRandom(11);
    for (let n = 0; n < 25; n++) {
      const origin = groups[Math.floor(random() * groups.length)] as ReachGroup;
      const point = { lat: 50 + random() * 8.5, lng: -5.5 + random() * 7.2 };
      const radiusKm = 5 + random() * 195;
      const expected = { shown: [origin.id], review: [] as GroupId[] };
      for (const g of [...groups].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        if (g.id === origin.id || !g.area || distanceToAreaKm(point, g.area) > radiusKm) continue;
        if (g.organisationId === origin.organisationId || g.externalAlerts === 'always')
          expected.shown.push(g.id);
        else if (g.externalAlerts === 'review') expected.review.push(g.id);
      }
      expect(computeReach(big, { origin, point, reach: { mode: 'radius', radiusKm } })).toEqual(expected);
    }
  });

  it('answers a query among 10,000 groups quickly (a loose sanity bound; bench/ measures properly)', () => {
    const origin = groups[0] as ReachGroup;
    const started = Date.now();
    for (let n = 0; n < 50; n++) {
      computeReach(big, { origin, point: middleton, reach: { mode: 'radius', radiusKm: 80 } });
    }
    expect((Date.now() - started) / 50).toBeLessThan(50);
  });
});
