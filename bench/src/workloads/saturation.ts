// Workload 2: the same 5,000 members, posts as fast as several pipelined posters get them acknowledged.
import { performance } from 'node:perf_hooks';
import { type Harness, postUntil, type WorkloadOutput } from '../load/harness.js';
import { summarise } from '../stats.js';
import { connectFleet } from './common.js';

const MEMBERS = 5_000;
const POSTERS = 4;
/** Posts each poster keeps in flight. */
const WINDOW = 16;
const WARMUP_MS = 2_000;
const MEASURE_MS = 10_000;
const SAMPLE_EVERY = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the saturation workload: deliveries per second across every socket. */
export async function saturation(h: Harness): Promise<WorkloadOutput> {
  const { fleet, connectS } = await connectFleet(h, h.seed.members.slice(0, MEMBERS), {
    sampleEvery: SAMPLE_EVERY,
  });
  const posters = await h.posters(h.seed.posters.slice(0, POSTERS), 'saturation');
  const group = h.seed.groups.main;
  const tally = fleet.tally;

  let stop = false;
  const pumping = Promise.all(
    posters.map((p, i) => postUntil(p, group, WINDOW, () => stop, `saturation ${i}`)),
  );
  await sleep(WARMUP_MS);
  fleet.latencies = [];
  const measured = await h.measure(async () => {
    const events = tally.events;
    const frames = tally.frames;
    const from = performance.now();
    await sleep(MEASURE_MS);
    const to = performance.now();
    stop = true;
    return { events: tally.events - events, frames: tally.frames - frames, from, to };
  });
  const outcomes = (await pumping).flat();
  const stoppedAt = performance.now();
  const lastSeq = outcomes.reduce((max, o) => (o.outcome.ok && o.outcome.seq > max ? o.outcome.seq : max), 0);
  // Every member should still get everything that was acknowledged.
  const open = fleet.receivers.filter((r) => r.closeCode === 0);
  const drained = await fleet.waitFor(() => open.every((r) => r.lastSeq >= lastSeq), 30_000);
  const drainMs = performance.now() - stoppedAt;

  const { events, frames, from, to } = measured.value;
  const windowS = (to - from) / 1000;
  const inWindow = outcomes.filter((o) => o.at >= from && o.at <= to);
  const acked = inWindow.filter((o) => o.outcome.ok);
  const latency = summarise(fleet.latencies);
  const ack = summarise(acked.map((o) => o.outcome.latencyMs));
  const closedDuring = tally.closed;
  for (const p of posters) p.close();
  await fleet.closeAll();

  return {
    figures: {
      deliveriesPerSecond: Math.round(events / windowS),
      postsAckedPerSecond: Math.round(acked.length / windowS),
      eventsPerFrame: Math.round((events / Math.max(1, frames)) * 100) / 100,
      latencyP50Ms: latency.p50,
      latencyP99Ms: latency.p99,
      latencyMaxMs: latency.max,
      ackP50Ms: ack.p50,
      ackP99Ms: ack.p99,
      nacks: inWindow.length - acked.length,
      membersClosedByServer: closedDuring,
      allDeliveredAfterStopMs: drained ? Math.round(drainMs) : -1,
      serverCpuS: measured.server.cpuS,
      serverCores: measured.server.cpuCores,
      serverEventLoopMaxStallMs: measured.server.eventLoopMaxStallMs,
      loadgenCores: measured.loadgenCores,
      otherProcessesCores: measured.machine.otherProcessesCores,
      connectAllS: connectS,
    },
    details: {
      members: MEMBERS,
      posters: POSTERS,
      inFlightPerPoster: WINDOW,
      warmupMs: WARMUP_MS,
      measuredMs: Math.round(to - from),
      postedVia: 'WebSocket post frames from unsubscribed poster connections, each keeping its window full',
      deliveries: events,
      frames,
      server: measured.server,
      machine: measured.machine,
      latency,
      ack,
      closeCodes: tally.closeCodes,
      ...(measured.profilePath ? { profile: measured.profilePath } : {}),
    },
  };
}
