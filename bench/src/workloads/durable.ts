// Workload 3: 100 members each posting as soon as their previous post is acknowledged (SQLite, synchronous=FULL).
import { performance } from 'node:perf_hooks';
import { type Harness, postUntil, type WorkloadOutput } from '../load/harness.js';
import { summarise } from '../stats.js';

const POSTERS = 100;
const WARMUP_MS = 1_000;
const MEASURE_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the durable-burst workload: acknowledged (committed) posts per second. */
export async function durable(h: Harness): Promise<WorkloadOutput> {
  const posters = await h.posters(h.seed.members.slice(0, POSTERS), 'durable');
  const group = h.seed.groups.burst;
  let stop = false;
  const pumping = Promise.all(posters.map((p, i) => postUntil(p, group, 1, () => stop, `durable ${i}`)));
  await sleep(WARMUP_MS);
  const measured = await h.measure(async () => {
    const from = performance.now();
    await sleep(MEASURE_MS);
    stop = true;
    return { from, to: performance.now() };
  });
  const outcomes = (await pumping).flat();
  const { from, to } = measured.value;
  const windowS = (to - from) / 1000;
  const inWindow = outcomes.filter((o) => o.at >= from && o.at <= to);
  const acked = inWindow.filter((o) => o.outcome.ok);
  const ack = summarise(acked.map((o) => o.outcome.latencyMs));
  const failures: Record<string, number> = {};
  for (const o of inWindow) {
    if (!o.outcome.ok) failures[o.outcome.code ?? '?'] = (failures[o.outcome.code ?? '?'] ?? 0) + 1;
  }
  for (const p of posters) p.close();

  return {
    figures: {
      ackedPostsPerSecond: Math.round(acked.length / windowS),
      ackP50Ms: ack.p50,
      ackP99Ms: ack.p99,
      ackMaxMs: ack.max,
      nacks: inWindow.length - acked.length,
      serverCpuS: measured.server.cpuS,
      serverCores: measured.server.cpuCores,
      serverEventLoopMaxStallMs: measured.server.eventLoopMaxStallMs,
      loadgenCores: measured.loadgenCores,
      otherProcessesCores: measured.machine.otherProcessesCores,
    },
    details: {
      posters: POSTERS,
      inFlightPerPoster: 1,
      warmupMs: WARMUP_MS,
      measuredMs: Math.round(to - from),
      postedVia:
        'WebSocket post frames; the posters do not subscribe (no hello), so this is the durable write path without fan-out',
      acked: acked.length,
      failures,
      server: measured.server,
      machine: measured.machine,
      ack,
      ...(measured.profilePath ? { profile: measured.profilePath } : {}),
    },
  };
}
