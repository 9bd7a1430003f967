// Reach: which watch groups an alert is shown in, or waits for review in, from its origin, location and mode.

import { isValidPoint } from '../location/point.js';
import { fail } from '../model/errors.js';
import type { GroupId, OrganisationId } from '../model/ids.js';
import type { ReachGroup } from '../ports/store.js';
import { areaBounds, boundsAround, distanceToAreaKm, type LatLng } from './geometry.js';

/** The longest radius a poster may choose, in km. */
export const MAX_REACH_KM = 200;

/** How far an alert travels: its origin group only, groups near its location, or its organisation. */
export type ReachMode = { mode: 'group' } | { mode: 'radius'; radiusKm: number } | { mode: 'organisation' };

/** Where an alert goes: groups that show it now, and other organisations' groups whose admins decide. */
export interface ReachResult {
  shown: GroupId[];
  review: GroupId[];
}

/** Groups prepared for repeated reach queries: sorted by id, with each area's bounding box. */
export interface ReachIndex {
  readonly groups: readonly ReachGroup[];
  /** minLat, maxLat, minLng, maxLng per group, in group order; NaN for a group without an area. */
  readonly bounds: Float64Array;
  /** Positions in `groups` of each organisation's groups, ascending. */
  readonly byOrganisation: ReadonlyMap<OrganisationId, readonly number[]>;
}

const PROPERTY_REACH_KM = new Map(
  Object.entries({
    quad: 80,
    tractor: 80,
    trailer: 80,
    plant: 80,
    vehicle: 80,
    livestock: 50,
    tools: 50,
    fuel: 50,
    other: 50,
  }),
);

/**
 * The radius offered by default for an alert: vehicles and plant travel far and fast (80 km), other
 * property less (50 km), a loose animal stays near (10 km); suspicious activity 30 km, appeals 50 km,
 * a missing person 25 km from where they were last seen (most are found within a few miles of it).
 */
export function defaultReachKm(details: { kind: string; category?: string }): number {
  switch (details.kind) {
    case 'stolen':
    case 'found':
      return PROPERTY_REACH_KM.get(details.category ?? 'other') ?? 50;
    case 'animal':
      return 10;
    case 'suspicious':
      return 30;
    case 'appeal':
      return 50;
    case 'missing':
      return 25;
    default:
      throw fail.invalid(`Unknown alert kind "${details.kind}".`, 'details.kind');
  }
}

/** Prepares groups for reach queries; build once, query many times. Later duplicates of an id are ignored. */
export function buildReachIndex(groups: readonly ReachGroup[]): ReachIndex {
  const seen = new Set<GroupId>();
  const unique: ReachGroup[] = [];
  for (const group of groups) {
    if (seen.has(group.id)) continue;
    seen.add(group.id);
    unique.push(group);
  }
  unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bounds = new Float64Array(unique.length * 4).fill(Number.NaN);
  const byOrganisation = new Map<OrganisationId, number[]>();
  unique.forEach((group, i) => {
    if (group.area) {
      const box = areaBounds(group.area);
      bounds.set([box.minLat, box.maxLat, box.minLng, box.maxLng], i * 4);
    }
    const list = byOrganisation.get(group.organisationId);
    if (list) list.push(i);
    else byOrganisation.set(group.organisationId, [i]);
  });
  return { groups: unique, bounds, byOrganisation };
}

/**
 * The groups an alert reaches. The origin is always shown, first; the rest follow in id order.
 * Groups of the origin's organisation are shown; another organisation's group (reached only by radius)
 * follows its externalAlerts: always → shown, review → review, never → left out. 'radius' takes every
 * group whose area comes within radiusKm of the point; groups without an area are reached only by
 * 'group' and 'organisation'.
 */
export function computeReach(
  index: ReachIndex,
  input: { origin: ReachGroup; point: LatLng | null; reach: ReachMode },
): ReachResult {
  const { origin, point, reach } = input;
  const shown: GroupId[] = [origin.id];
  const review: GroupId[] = [];
  if (reach.mode === 'group') return { shown, review };

  if (reach.mode === 'organisation') {
    for (const i of index.byOrganisation.get(origin.organisationId) ?? []) {
      const id = (index.groups[i] as ReachGroup).id;
      if (id !== origin.id) shown.push(id);
    }
    return { shown, review };
  }

  const { radiusKm } = reach;
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_REACH_KM) {
    throw fail.invalid(`The reach must be more than 0 and at most ${MAX_REACH_KM} km.`, 'reach.radiusKm');
  }
  if (!point) throw fail.invalid('A reach by distance needs the alert’s location.', 'location');
  if (!isValidPoint(point)) throw fail.invalid('The location is not a valid point.', 'location');

  const box = boundsAround(point, radiusKm);
  const { bounds, groups } = index;
  for (let i = 0; i < groups.length; i++) {
    const o = i * 4;
    // NaN bounds (no area) fail every comparison, so those groups drop out here.
    if (
      !((bounds[o] as number) <= box.maxLat) ||
      !((bounds[o + 1] as number) >= box.minLat) ||
      !((bounds[o + 2] as number) <= box.maxLng) ||
      !((bounds[o + 3] as number) >= box.minLng)
    ) {
      continue;
    }
    const group = groups[i] as ReachGroup;
    if (group.id === origin.id || !group.area) continue;
    if (distanceToAreaKm(point, group.area) > radiusKm) continue;
    if (group.organisationId === origin.organisationId || group.externalAlerts === 'always') {
      shown.push(group.id);
    } else if (group.externalAlerts === 'review') {
      review.push(group.id);
    }
  }
  return { shown, review };
}
