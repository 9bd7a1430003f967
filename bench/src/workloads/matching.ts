// The matching workload: a new found or stolen alert ranked against 100,000 open alerts, timed per alert in-process.
import {
  BENCH_NOW,
  generateBenchAlerts,
  type MatchableAlert,
  prepareCandidates,
  rankMatches,
  seededRandom,
} from '@fellwatch/core';
import type { WorkloadOutput } from '../load/harness.js';
import { timeCalls, timeOnce } from './in-process.js';

/** How much the matching workload generates and times. */
export interface MatchingSizes {
  open: number;
  alerts: number;
  warmup: number;
}

export const MATCHING_SIZES: MatchingSizes = { open: 100_000, alerts: 500, warmup: 100 };
const OPEN_SEED = 7;
const NEW_SEED = 77;
const COPY_SEED = 777;
const IDENTIFIERS = ['registration', 'serial'] as const;

/**
 * New found and stolen alerts, posted at BENCH_NOW; one in ten carries the registration or serial of an
 * open alert of the opposite kind, so the identifier path is exercised as well as the description path.
 */
export function newAlerts(count: number, open: readonly MatchableAlert[]): MatchableAlert[] {
  const identified = open.filter((a) => IDENTIFIERS.some((f) => typeof a.details[f] === 'string'));
  // A found alert is matched with stolen ones and the other way round: copy from the opposite kind.
  const ofKind = {
    stolen: identified.filter((a) => a.kind === 'stolen'),
    found: identified.filter((a) => a.kind === 'found'),
  };
  const random = seededRandom(COPY_SEED);
  const property = generateBenchAlerts(count * 3, NEW_SEED).filter((a) => a.kind !== 'animal');
  if (property.length < count) throw new Error(`only ${property.length} of ${count} new alerts are property`);
  return property.slice(0, count).map((alert, i) => {
    const details = { ...alert.details };
    const sources = alert.kind === 'stolen' ? ofKind.found : ofKind.stolen;
    const source = sources[Math.floor(random() * sources.length)];
    if (i % 10 === 0 && source) {
      for (const field of IDENTIFIERS) if (field in source.details) details[field] = source.details[field];
    }
    // Own ids, so that no new alert shares an id with an open one (an alert is never matched with itself).
    return { ...alert, id: `N${String(i).padStart(8, '0')}`, details, createdAt: BENCH_NOW };
  });
}

/**
 * Generates `open` alerts and prepares them once (timed on its own), then times rankMatches (top 5) for
 * `alerts` new found or stolen alerts against them.
 */
export function matching(sizes: MatchingSizes = MATCHING_SIZES): WorkloadOutput {
  const open = generateBenchAlerts(sizes.open, OPEN_SEED);
  const heapBefore = process.memoryUsage().heapUsed;
  const prepared = timeOnce(() => prepareCandidates(open));
  const heapAfter = process.memoryUsage().heapUsed;
  const fresh = newAlerts(sizes.alerts + sizes.warmup, open);
  let decisive = 0;
  const timed = timeCalls(sizes.alerts, sizes.warmup, (i) => {
    const ranked = rankMatches(fresh[i] as MatchableAlert, prepared.value, { now: BENCH_NOW });
    if (i >= sizes.warmup && ranked[0]?.decisive) decisive++;
    return ranked.length;
  });
  return {
    figures: {
      matchingP50Ms: timed.p50Ms,
      matchingP99Ms: timed.p99Ms,
      matchingMaxMs: timed.maxMs,
      matchingCpuP99Ms: timed.cpuP99Ms,
      prepareCandidatesMs: prepared.ms,
      matchesPerAlert: Math.round((timed.total / sizes.alerts) * 10) / 10,
      otherProcessesCores: timed.otherProcessesCores,
    },
    details: {
      openAlerts: open.length,
      openSeed: OPEN_SEED,
      newSeed: NEW_SEED,
      warmupCalls: sizes.warmup,
      // A rough figure: the heap also grows with anything else allocated meanwhile.
      preparedHeapMb: Math.round((heapAfter - heapBefore) / 1024 ** 2),
      ranking: { ...timed, alertsWithDecisiveBest: decisive },
    },
  };
}
