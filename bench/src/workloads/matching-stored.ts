// The matching workload as a raised alert meets it: candidates chosen by the store's indexes among
// 100,000 open alerts in a real SQLite database, then scored and ranked, timed per new alert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Alert,
  type AlertId,
  type AlertKind,
  alertIdentifiers,
  BENCH_NOW,
  findMatches,
  type GroupId,
  generateBenchAlerts,
  type MatchableAlert,
  type OrganisationId,
  type UserId,
} from '@fellwatch/core';
import { openStore } from '@fellwatch/server';
import type { WorkloadOutput } from '../load/harness.js';
import { timeCallsAsync } from './in-process.js';
import { MATCHING_SIZES, type MatchingSizes, newAlerts } from './matching.js';

const OPEN_SEED = 7;
/** Alerts written per transaction while seeding: one fsync each. */
const SEED_BATCH = 5_000;

const AUTHOR = 'U0000000000000000000000000' as UserId;
const ORGANISATION = 'O0000000000000000000000000' as OrganisationId;
const GROUP = 'G0000000000000000000000000' as GroupId;

/** A generated alert as the store keeps it: open, raised in the one bench group, shown nowhere else. */
function asAlert(alert: MatchableAlert, clientId: string): Alert {
  return {
    id: alert.id as AlertId,
    kind: alert.kind as AlertKind,
    details: alert.details,
    summary: '',
    authorId: AUTHOR,
    originGroupId: GROUP,
    location: alert.location,
    placeText: null,
    photoIds: [],
    status: 'unverified',
    outcome: null,
    outcomeNote: null,
    linkedAlertId: null,
    reach: { mode: 'group' },
    clientId,
    createdAt: alert.createdAt,
    updatedAt: alert.createdAt,
    confirmedBy: null,
    resolvedBy: null,
  };
}

/**
 * Seeds `open` generated alerts (the in-process workload's) into a fresh SQLite store, then times
 * `findMatches` — the store's candidate query and the ranking raiseAlert runs — for `alerts` new ones.
 */
export async function matchingStored(sizes: MatchingSizes = MATCHING_SIZES): Promise<WorkloadOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'fellwatch-matching-'));
  const store = await openStore({ sqlitePath: join(dir, 'bench.db') });
  try {
    await store.createUser({
      id: AUTHOR,
      displayName: 'Bench',
      email: 'bench@example.org',
      phone: null,
      passwordHash: 'x',
      isPlatformAdmin: false,
      createdAt: BENCH_NOW,
    });
    await store.createOrganisation({ id: ORGANISATION, name: 'Bench', kind: 'other', createdAt: BENCH_NOW });
    await store.createGroup({
      id: GROUP,
      organisationId: ORGANISATION,
      name: 'Bench',
      description: '',
      rules: '',
      area: null,
      vettingQuestions: [],
      externalAlerts: 'never',
      lastSeq: 0,
      createdAt: BENCH_NOW,
    });
    const open = generateBenchAlerts(sizes.open, OPEN_SEED);
    const seedBegan = performance.now();
    for (let i = 0; i < open.length; i += SEED_BATCH) {
      await store.transaction(async (tx) => {
        for (const [j, generated] of open.slice(i, i + SEED_BATCH).entries()) {
          const alert = asAlert(generated, `seed-${String(i + j).padStart(8, '0')}`);
          await tx.createAlert(alert, { shown: [], review: [] }, alertIdentifiers(alert.details));
        }
      });
    }
    const seedMs = performance.now() - seedBegan;
    const fresh = newAlerts(sizes.alerts + sizes.warmup, open).map((a, i) => asAlert(a, `new-${i}`));
    let identified = 0;
    const timed = await timeCallsAsync(sizes.alerts, sizes.warmup, async (i) => {
      const matches = await findMatches(store, fresh[i] as Alert, BENCH_NOW);
      const shared = matches[0]?.reasons.some((r) => /^same (registration|serial)/.test(r));
      if (i >= sizes.warmup && shared) identified++;
      return matches.length;
    });
    return {
      figures: {
        storedMatchingP50Ms: timed.p50Ms,
        storedMatchingP99Ms: timed.p99Ms,
        storedMatchingMaxMs: timed.maxMs,
        storedMatchingCpuP99Ms: timed.cpuP99Ms,
        seedS: Math.round(seedMs / 100) / 10,
        matchesPerAlert: Math.round((timed.total / sizes.alerts) * 10) / 10,
        otherProcessesCores: timed.otherProcessesCores,
      },
      details: {
        openAlerts: open.length,
        openSeed: OPEN_SEED,
        newAlerts: sizes.alerts,
        /** New alerts whose best match shares their registration or serial (one in ten was given one). */
        alertsWithSharedIdentifierBest: identified,
        engine: 'sqlite',
      },
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
