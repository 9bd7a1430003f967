// Steps several workloads share: connecting a fleet of members and checking it is whole.
import { performance } from 'node:perf_hooks';
import { type ConnectOptions, Fleet, type Person } from '../load/fleet.js';
import type { Harness } from '../load/harness.js';

/** Connects `people` (each says hello), waits until every one is caught up, and times it. */
export async function connectFleet(
  h: Harness,
  people: readonly Person[],
  options: ConnectOptions,
): Promise<{ fleet: Fleet; connectS: number }> {
  const fleet = new Fleet(h.target);
  const began = performance.now();
  await fleet.connect(people, options);
  await fleet.waitFor(() => fleet.tally.settled >= people.length, 120_000);
  const connectS = (performance.now() - began) / 1000;
  if (fleet.tally.caughtUp < people.length) {
    await fleet.closeAll();
    throw new Error(
      `only ${fleet.tally.caughtUp} of ${people.length} members caught up; close codes ${JSON.stringify(fleet.tally.closeCodes)}`,
    );
  }
  return { fleet, connectS: Math.round(connectS * 100) / 100 };
}

/** Milliseconds as seconds, to two decimals. */
export function seconds(ms: number): number {
  return Math.round(ms / 10) / 100;
}
