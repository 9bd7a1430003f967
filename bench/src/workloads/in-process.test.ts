// Tests of the in-process timing and of the reach and matching workloads at small sizes.
import { describe, expect, it } from 'vitest';
import { timeCalls, timeCallsAsync, timeOnce } from './in-process.js';
import { matching } from './matching.js';
import { matchingStored } from './matching-stored.js';
import { reach } from './reach.js';

describe('timeCalls', () => {
  it('calls each index once in order, warm-up first, and sums only the timed calls', () => {
    const seen: number[] = [];
    const timed = timeCalls(5, 3, (i) => {
      seen.push(i);
      return i;
    });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(timed.count).toBe(5);
    expect(timed.total).toBe(3 + 4 + 5 + 6 + 7);
  });

  it('reports ordered percentiles in milliseconds', () => {
    const timed = timeCalls(50, 0, (i) => {
      const until = process.hrtime.bigint() + BigInt(i === 49 ? 2_000_000 : 0);
      while (process.hrtime.bigint() < until);
      return 0;
    });
    expect(timed.p50Ms).toBeLessThanOrEqual(timed.p99Ms);
    expect(timed.p99Ms).toBeLessThanOrEqual(timed.maxMs);
    // One call spun for 2 ms: it is the maximum, and the median is far below it.
    expect(timed.maxMs).toBeGreaterThanOrEqual(2);
    expect(timed.p50Ms).toBeLessThan(1);
    // Spinning is CPU time too (the process may be descheduled meanwhile, so only a lower bound).
    expect(timed.cpuMaxMs).toBeGreaterThan(0);
    expect(timed.cpuP50Ms).toBeLessThanOrEqual(timed.cpuP99Ms);
  });

  it('timeCallsAsync awaits each call before the next, warm-up first', async () => {
    const seen: number[] = [];
    let running = 0;
    const timed = await timeCallsAsync(4, 2, async (i) => {
      running++;
      expect(running).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(i);
      running--;
      return i;
    });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(timed.total).toBe(2 + 3 + 4 + 5);
    expect(timed.p50Ms).toBeGreaterThanOrEqual(0.5);
  });

  it('timeOnce returns the value and how long the call took', () => {
    const once = timeOnce(() => 42);
    expect(once.value).toBe(42);
    expect(once.ms).toBeGreaterThanOrEqual(0);
  });
});

describe('reach workload', () => {
  it('reports the reach figures over the given number of groups and alerts', () => {
    const output = reach({ groups: 500, alerts: 40, warmup: 10 });
    const { figures, details } = output;
    expect(details.groups).toBe(500);
    expect((details.defaultRadius as { count: number }).count).toBe(40);
    expect(figures.reachP50Ms).toBeLessThanOrEqual(figures.reachP99Ms as number);
    expect(figures.rebuildIndexMedianMs).toBeGreaterThan(0);
    // The origin is always shown, so an alert reaches at least one group.
    expect(figures.groupsShownPerAlert).toBeGreaterThanOrEqual(1);
    // The widest radius reaches at least as many groups as each kind's default.
    const widest = details.widestRadius as { groupsReachedPerAlert: number };
    expect(widest.groupsReachedPerAlert).toBeGreaterThanOrEqual(figures.groupsShownPerAlert as number);
  });
});

describe('matching workload', () => {
  it('ranks the new alerts and finds the ones carrying an open alert’s identifier', () => {
    const { figures, details } = matching({ open: 3_000, alerts: 40, warmup: 10 });
    expect(details.openAlerts).toBe(3_000);
    const ranking = details.ranking as { count: number; alertsWithDecisiveBest: number };
    expect(ranking.count).toBe(40);
    // One in ten new alerts copies an identifier of an opposite-kind open alert: a decisive match.
    expect(ranking.alertsWithDecisiveBest).toBeGreaterThanOrEqual(4);
    expect(figures.matchesPerAlert).toBeGreaterThan(0);
    expect(figures.prepareCandidatesMs).toBeGreaterThan(0);
  });
});

describe('stored matching workload', () => {
  it('finds, through a real SQLite store, the new alerts carrying an open alert’s identifier', async () => {
    const { figures, details } = await matchingStored({ open: 3_000, alerts: 40, warmup: 10 });
    expect(details.openAlerts).toBe(3_000);
    expect(details.alertsWithSharedIdentifierBest).toBeGreaterThanOrEqual(4);
    expect(figures.storedMatchingP50Ms).toBeLessThanOrEqual(figures.storedMatchingP99Ms as number);
    expect(figures.matchesPerAlert).toBeGreaterThan(0);
  });
});
