// Workload 1: one group, 5,000 members on the stream, 10 posts a second for 30 s; post-to-delivery latency.
import { performance } from 'node:perf_hooks';
import { type Harness, postPaced, type WorkloadOutput } from '../load/harness.js';
import { summarise } from '../stats.js';
import { connectFleet } from './common.js';

const MEMBERS = 5_000;
const RATE = 10;
const SECONDS = 30;
const WARMUP_POSTS = 20;
const SAMPLE_EVERY = 50;

/** Runs the fan-out workload. */
export async function fanout(h: Harness): Promise<WorkloadOutput> {
  const { fleet, connectS } = await connectFleet(h, h.seed.members.slice(0, MEMBERS), {
    sampleEvery: SAMPLE_EVERY,
  });
  const [poster] = await h.posters(h.seed.posters.slice(0, 1), 'fanout');
  if (!poster) throw new Error('no poster');
  const group = h.seed.groups.main;
  const tally = fleet.tally;

  // Warm-up: the server's hot paths get compiled before anything is measured.
  await postPaced(poster, group, WARMUP_POSTS, RATE, 'warm-up');
  await fleet.waitFor(() => tally.events >= WARMUP_POSTS * MEMBERS, 10_000);
  fleet.latencies = [];
  const eventsBefore = tally.events;
  const posts = RATE * SECONDS;
  const expected = posts * MEMBERS;

  const measured = await h.measure(async () => {
    const acks = await postPaced(poster, group, posts, RATE, 'fan-out');
    const lastPostAt = performance.now();
    await fleet.waitFor(() => tally.events - eventsBefore >= expected, 10_000);
    return { acks, drainMs: performance.now() - lastPostAt };
  });
  const { acks, drainMs } = measured.value;
  const received = tally.events - eventsBefore;
  const latency = summarise(fleet.latencies);
  const ack = summarise(acks.filter((a) => a.ok).map((a) => a.latencyMs));
  poster.close();
  const closedDuring = tally.closed;
  await fleet.closeAll();

  return {
    figures: {
      latencyP50Ms: latency.p50,
      latencyP90Ms: latency.p90,
      latencyP99Ms: latency.p99,
      latencyMaxMs: latency.max,
      latencySamples: latency.count,
      ackP50Ms: ack.p50,
      ackP99Ms: ack.p99,
      postsAcked: acks.filter((a) => a.ok).length,
      deliveriesExpected: expected,
      deliveriesReceived: received,
      drainAfterLastPostMs: Math.round(drainMs),
      membersClosedByServer: closedDuring,
      serverCpuS: measured.server.cpuS,
      serverCores: measured.server.cpuCores,
      serverEventLoopMaxStallMs: measured.server.eventLoopMaxStallMs,
      loadgenCores: measured.loadgenCores,
      otherProcessesCores: measured.machine.otherProcessesCores,
      connectAllS: connectS,
    },
    details: {
      members: MEMBERS,
      postsPerSecond: RATE,
      seconds: SECONDS,
      sampledEvery: SAMPLE_EVERY,
      postedVia: 'WebSocket post frame, one poster connection that is not subscribed (no hello)',
      server: measured.server,
      machine: measured.machine,
      latency,
      ack,
      closeCodes: tally.closeCodes,
      ...(measured.profilePath ? { profile: measured.profilePath } : {}),
    },
  };
}
