// Workload 5: 10,000 signed-in, subscribed, silent connections; the server's memory per connection.
import type { Harness, WorkloadOutput } from '../load/harness.js';
import { connectFleet } from './common.js';

const CONNECTIONS = 10_000;
const SETTLE_MS = 2_000;
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
      loadgenCores: measured.loadgenCores,
      otherProcessesCores: measured.machine.otherProcessesCores,
    },
    details: {
      connections: CONNECTIONS,
      subscribed: 'each sent hello and got caught_up for its groups',
      gcCollected: after.collected,
      connecting: measured.server,
      machine: measured.machine,
      ...(measured.profilePath ? { profile: measured.profilePath } : {}),
      before,
      settled,
      after,
    },
  };
}
