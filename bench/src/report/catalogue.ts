// What each workload is, and the targets its figures are held to.
import type { WorkloadName } from '../load/harness.js';

/** A figure's target: `figure op value`. A figure of -1 (not reached) never meets a target. */
export interface Target {
  figure: string;
  op: '<=' | '>=';
  value: number;
  unit: string;
  label: string;
}

export interface WorkloadInfo {
  title: string;
  summary: string;
  targets: Target[];
}

const noneClosed: Target = {
  figure: 'membersClosedByServer',
  op: '<=',
  value: 0,
  unit: 'sockets',
  label: 'no member disconnected by the server',
};

export const CATALOGUE: Record<WorkloadName, WorkloadInfo> = {
  fanout: {
    title: 'Fan-out latency',
    summary:
      'One group, 5,000 connected members, 10 posts/s for 30 s; post-to-delivery latency at every 50th member.',
    targets: [
      { figure: 'latencyP50Ms', op: '<=', value: 30, unit: 'ms', label: 'p50 post-to-delivery' },
      { figure: 'latencyP99Ms', op: '<=', value: 80, unit: 'ms', label: 'p99 post-to-delivery' },
      {
        figure: 'deliveriesReceived',
        op: '>=',
        value: 1_500_000,
        unit: 'events',
        label: 'every post reached every member',
      },
      noneClosed,
    ],
  },
  saturation: {
    title: 'Fan-out saturation',
    summary: 'The same group and members; 4 posters with 16 posts each in flight, as fast as acks come back.',
    targets: [
      {
        figure: 'deliveriesPerSecond',
        op: '>=',
        value: 300_000,
        unit: 'events/s',
        label: 'deliveries per second',
      },
      noneClosed,
    ],
  },
  durable: {
    title: 'Durable burst',
    summary:
      '100 members each posting as soon as their previous post is acknowledged; SQLite with synchronous=FULL.',
    targets: [
      {
        figure: 'ackedPostsPerSecond',
        op: '>=',
        value: 5_000,
        unit: 'posts/s',
        label: 'acknowledged posts per second',
      },
    ],
  },
  reconnect: {
    title: 'Reconnect storm',
    summary:
      '5,000 members disconnect, 50 messages are posted, all reconnect over 10 s resuming from their cursors.',
    targets: [
      {
        figure: 'allCurrentAfterLastReconnectMs',
        op: '<=',
        value: 3_000,
        unit: 'ms',
        label: 'everyone current after the last reconnect',
      },
      {
        figure: 'serverEventLoopMaxStallMs',
        op: '<=',
        value: 50,
        unit: 'ms',
        label: 'longest event-loop stall',
      },
      noneClosed,
    ],
  },
  idle: {
    title: 'Idle connections',
    summary:
      '10,000 signed-in, subscribed, silent connections; server RSS after minus before, per connection.',
    targets: [
      { figure: 'rssPerConnectionKb', op: '<=', value: 20, unit: 'KB', label: 'RSS per idle connection' },
      noneClosed,
    ],
  },
  reach: {
    title: 'Alert reach',
    summary:
      'In-process: computeReach by radius (the kind’s default, 10-80 km) among 10,000 generated groups, 2,000 alerts.',
    targets: [{ figure: 'reachP99Ms', op: '<=', value: 5, unit: 'ms', label: 'p99 reach of an alert' }],
  },
  matching: {
    title: 'Alert matching',
    summary:
      'In-process: rankMatches of 500 new found or stolen alerts against 100,000 prepared open alerts.',
    targets: [
      { figure: 'matchingP99Ms', op: '<=', value: 20, unit: 'ms', label: 'p99 matching of a new alert' },
    ],
  },
  'matching-stored': {
    title: 'Alert matching through the store',
    summary:
      'In-process: findMatches (the SQLite store picks candidates by its indexes, then ranking) for 500 new alerts among 100,000 open ones.',
    targets: [
      {
        figure: 'storedMatchingP99Ms',
        op: '<=',
        value: 20,
        unit: 'ms',
        label: 'p99 matching of a new alert, store included',
      },
    ],
  },
};

/** Whether a figure meets its target; a missing or -1 figure does not. */
export function meets(target: Target, actual: number | undefined): boolean {
  if (actual === undefined || !Number.isFinite(actual) || actual < 0) return false;
  return target.op === '<=' ? actual <= target.value : actual >= target.value;
}
