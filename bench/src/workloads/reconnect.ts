// Workload 4: 5,000 members drop off, 50 messages are posted, then all reconnect within 10 s, resuming.
import { performance } from 'node:perf_hooks';
import { Fleet } from '../load/fleet.js';
import type { Harness, WorkloadOutput } from '../load/harness.js';
import { summarise } from '../stats.js';
import { connectFleet, seconds } from './common.js';

const MEMBERS = 5_000;
const MISSED = 50;
const SPREAD_MS = 10_000;
/** Give up this long after the last reconnect. */
const PATIENCE_MS = 30_000;

/** Runs the reconnect storm: how soon everyone is current, and how the server's event loop held up. */
export async function reconnect(h: Harness): Promise<WorkloadOutput> {
  const people = h.seed.members.slice(0, MEMBERS);
  const group = h.seed.groups.main;
  const { fleet: before, connectS } = await connectFleet(h, people, { sampleEvery: 0 });
  const cursors = new Map(before.receivers.map((r) => [r.person.userId, r.lastSeq]));
  await before.closeAll();

  const [poster] = await h.posters(h.seed.posters.slice(0, 1), 'reconnect');
  if (!poster) throw new Error('no poster');
  const acks = await Promise.all(
    Array.from({ length: MISSED }, (_, i) => poster.post(group, `missed while away ${i}`)),
  );
  const failed = acks.filter((a) => !a.ok);
  if (failed.length > 0) throw new Error(`posting the missed messages failed: ${JSON.stringify(failed[0])}`);
  const newest = Math.max(...acks.map((a) => a.seq));
  const behind = newest - Math.min(...cursors.values());

  const storm = new Fleet(h.target);
  const measured = await h.measure(async () => {
    const began = performance.now();
    await storm.connect(people, {
      sampleEvery: 0,
      spreadMs: SPREAD_MS,
      target: newest,
      resume: (person) => ({ [group]: cursors.get(person.userId) ?? 0 }),
    });
    const lastStartedAt = performance.now();
    await storm.waitFor(() => storm.tally.current + storm.tally.closed >= MEMBERS, PATIENCE_MS);
    return { began, lastStartedAt };
  });
  const { began, lastStartedAt } = measured.value;
  const current = storm.receivers.filter((r) => r.currentAt > 0);
  const allCurrentAt = current.reduce((latest, r) => Math.max(latest, r.currentAt), 0);
  const everyone = current.length === MEMBERS;
  const perMember = summarise(current.map((r) => r.currentAt - r.startedAt));
  poster.close();
  const closedDuring = storm.tally.closed;
  await storm.closeAll();

  return {
    figures: {
      membersCurrent: current.length,
      allCurrentAfterLastReconnectMs: everyone ? Math.round(allCurrentAt - lastStartedAt) : -1,
      allCurrentAfterStormBeganS: everyone ? seconds(allCurrentAt - began) : -1,
      serverCpuMsPerReconnect: Math.round((measured.server.cpuS / MEMBERS) * 1e5) / 100,
      reconnectToCurrentP50Ms: perMember.p50,
      reconnectToCurrentP99Ms: perMember.p99,
      reconnectToCurrentMaxMs: perMember.max,
      serverEventLoopMaxStallMs: measured.server.eventLoopMaxStallMs,
      serverEventLoopP99StallMs: measured.server.eventLoopP99StallMs,
      serverCpuS: measured.server.cpuS,
      serverCores: measured.server.cpuCores,
      membersClosedByServer: closedDuring,
      loadgenCores: measured.loadgenCores,
      otherProcessesCores: measured.machine.otherProcessesCores,
      connectAllS: connectS,
    },
    details: {
      members: MEMBERS,
      missedMessages: MISSED,
      eventsBehind: behind,
      newestSeq: newest,
      reconnectSpreadMs: SPREAD_MS,
      postedVia:
        'WebSocket post frames, 50 at once from one unsubscribed poster, all acknowledged before the storm',
      server: measured.server,
      machine: measured.machine,
      reconnectToCurrent: perMember,
      closeCodes: storm.tally.closeCodes,
      ...(measured.profilePath ? { profile: measured.profilePath } : {}),
    },
  };
}
