// Workload 5: 10,000 signed-in, subscribed, silent connections; the server's memory per connection.
import type { Harness, WorkloadOutput } from '../load/harness.js';
import { connectFleet } from './common.js';

const CONNECTIONS = 10_000;
const SETTLE_MS = 2_000;
/** Longer than the hub's 30 s heartbeat, so the quiet window includes one round of pings. */
const QUIET_MS = 31_000;
const KB = 1024;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the idle-connections workload: RSS after minus RSS before, divided by the connections. */
export async function idle(h: Harness): Promise<WorkloadOutput> {
  await sleep(SETTLE_MS);
  const before = await h.probe.gc();
  // The connecting is the measured window: what signing in and subscribing 10,000 sockets costs.
  const measured = await h.measure(() =>
    connectFleet(h, h.seed.members.slice(0, CONNECTIONS), { sampleEvery: 0 }),
  );
  const { fleet, connectS } = measured.value;
  await sleep(SETTLE_MS);
  const settled = await h.probe.stats();
  const after = await h.probe.gc();
  const perConnection = (bytesAfter: number, bytesBefore: number) =>
    Math.round(((bytesAfter - bytesBefore) / CONNECTIONS / KB) * 100) / 100;
  // Nothing happens for a while: what does keeping 10,000 sockets cost, and does the loop ever stall?
  const quiet = await h.measure(() => sleep(QUIET_MS), 'quiet');
  const closedDuring = fleet.tally.closed;
  await fleet.closeAll();

  return {
    figures: {
      rssPerConnectionKb: perConnection(after.rssBytes, before.rssBytes),
      rssPerConnectionBeforeGcKb: perConnection(settled.rssBytes, before.rssBytes),
      heapPerConnectionKb: perConnection(after.heapUsedBytes, before.heapUsedBytes),
      externalPerConnectionKb: perConnection(after.externalBytes, before.externalBytes),
      serverOpenSockets: after.openSockets,
      rssBeforeMb: Math.round(before.rssBytes / KB / KB),
      rssAfterMb: Math.round(after.rssBytes / KB / KB),
      membersClosedByServer: closedDuring,
      connectAllS: connectS,
      connectsPerSecond: Math.round(CONNECTIONS / connectS),
      connectServerCpuMsEach: Math.round((measured.server.cpuS / CONNECTIONS) * 1e5) / 100,
      connectEventLoopMaxStallMs: measured.server.eventLoopMaxStallMs,
      quietEventLoopMaxStallMs: quiet.server.eventLoopMaxStallMs,
      quietServerCores: quiet.server.cpuCores,
      loadgenCores: measured.loadgenCores,
      otherProcessesCores: measured.machine.otherProcessesCores,
    },
    details: {
      connections: CONNECTIONS,
      subscribed: 'each sent hello and got caught_up for its groups',
      gcCollected: after.collected,
      connecting: measured.server,
      quiet: quiet.server,
      quietMs: QUIET_MS,
      machine: measured.machine,
      ...(measured.profilePath ? { profile: measured.profilePath } : {}),
      ...(quiet.profilePath ? { quietProfile: quiet.profilePath } : {}),
      before,
      settled,
      after,
    },
  };
}
