// The reach workload: which of 10,000 watch groups an alert reaches by radius, timed per alert in-process.
import {
  buildReachIndex,
  computeReach,
  defaultReachKm,
  generateBenchAlerts,
  generateBenchGroups,
  MAX_REACH_KM,
  type ReachGroup,
  seededRandom,
} from '@fellwatch/core';
import type { WorkloadOutput } from '../load/harness.js';
import { timeCalls, timeOnce } from './in-process.js';

/** How much the reach workload generates and times. */
export interface ReachSizes {
  groups: number;
  alerts: number;
  warmup: number;
}

export const REACH_SIZES: ReachSizes = { groups: 10_000, alerts: 2_000, warmup: 500 };
const GROUP_SEED = 3;
const ALERT_SEED = 33;
const ORIGIN_SEED = 333;
const REBUILDS = 9;

/**
 * Builds the index of `groups` generated groups once (and times rebuilding it), then times computeReach for `alerts` generated
 * located alerts, each from a random origin group with its kind's default radius (10-80 km); then again
 * with the widest radius a poster may choose, as the worst case.
 */
export function reach(sizes: ReachSizes = REACH_SIZES): WorkloadOutput {
  const groups = generateBenchGroups(sizes.groups, GROUP_SEED);
  const built = timeOnce(() => buildReachIndex(groups));
  const index = built.value;
  // The first build runs cold; later ones show what rebuilding the index costs once the code is compiled.
  const rebuilds = Array.from({ length: REBUILDS }, () => timeOnce(() => buildReachIndex(groups)).ms);
  rebuilds.sort((a, b) => a - b);
  const needed = sizes.alerts + sizes.warmup;
  const located = generateBenchAlerts(needed * 2, ALERT_SEED).filter((a) => a.location !== null);
  if (located.length < needed) throw new Error(`only ${located.length} of ${needed} alerts have a location`);
  const random = seededRandom(ORIGIN_SEED);
  const queries = located.slice(0, needed).map((alert) => ({
    origin: index.groups[Math.floor(random() * index.groups.length)] as ReachGroup,
    point: alert.location,
    radiusKm: defaultReachKm(alert.details as { kind: string; category?: string }),
  }));
  let reviewed = 0;
  const byDefault = timeCalls(sizes.alerts, sizes.warmup, (i) => {
    const q = queries[i] as (typeof queries)[number];
    const result = computeReach(index, {
      origin: q.origin,
      point: q.point,
      reach: { mode: 'radius', radiusKm: q.radiusKm },
    });
    if (i >= sizes.warmup) reviewed += result.review.length;
    return result.shown.length;
  });
  const widest = timeCalls(sizes.alerts, sizes.warmup, (i) => {
    const q = queries[i] as (typeof queries)[number];
    const result = computeReach(index, {
      origin: q.origin,
      point: q.point,
      reach: { mode: 'radius', radiusKm: MAX_REACH_KM },
    });
    return result.shown.length + result.review.length;
  });
  const perAlert = (n: number) => Math.round((n / sizes.alerts) * 10) / 10;
  return {
    figures: {
      reachP50Ms: byDefault.p50Ms,
      reachP99Ms: byDefault.p99Ms,
      reachMaxMs: byDefault.maxMs,
      reachCpuP99Ms: byDefault.cpuP99Ms,
      widestReachP99Ms: widest.p99Ms,
      buildIndexMs: built.ms,
      rebuildIndexMedianMs: rebuilds[Math.floor(REBUILDS / 2)] as number,
      groupsShownPerAlert: perAlert(byDefault.total),
      otherProcessesCores: byDefault.otherProcessesCores,
    },
    details: {
      groups: index.groups.length,
      groupSeed: GROUP_SEED,
      alertSeed: ALERT_SEED,
      warmupCalls: sizes.warmup,
      defaultRadius: { ...byDefault, groupsInReviewPerAlert: perAlert(reviewed) },
      widestRadius: { radiusKm: MAX_REACH_KM, ...widest, groupsReachedPerAlert: perAlert(widest.total) },
    },
  };
}
