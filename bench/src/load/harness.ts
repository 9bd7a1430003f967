// What a workload gets in the load generator: the seed, the stream, the server's probe, and timing helpers.
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProbeClient, type ServerWindow, serverWindow } from '../probe/probe-client.js';
import type { SeedFile } from '../setup/seed.js';
import { type Person, Poster, type PostOutcome, postBody, type StreamTarget } from './fleet.js';
import { machineCores, readCpuTimes } from './machine-load.js';

/** Workloads run against a server process, loaded from a load-generator process. */
export const SERVER_WORKLOADS = ['fanout', 'saturation', 'durable', 'reconnect', 'idle'] as const;
export type ServerWorkloadName = (typeof SERVER_WORKLOADS)[number];
/** Workloads timing pure core functions in the orchestrator's own process: no server, no sockets. */
export const IN_PROCESS_WORKLOADS = ['reach', 'matching', 'matching-stored'] as const;
export type InProcessWorkloadName = (typeof IN_PROCESS_WORKLOADS)[number];
export const WORKLOAD_NAMES = [...SERVER_WORKLOADS, ...IN_PROCESS_WORKLOADS] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** What the orchestrator asks one load-generator process to do. */
export interface Job {
  workload: ServerWorkloadName;
  port: number;
  probePort: number;
  seedPath: string;
  /** Unique per benchmark run: makes client ids unique across runs on one database. */
  runId: string;
  /** When set, the server is CPU-profiled during the measured window and the profile written here. */
  profileDir?: string;
}

/** Every figure a workload measured (flat, for the results table) and anything else worth keeping. */
export interface WorkloadOutput {
  figures: Record<string, number>;
  details: Record<string, unknown>;
}

/** A measured stretch: what the body returned, what the server spent, what the load generator spent. */
export interface Measured<T> {
  value: T;
  server: ServerWindow;
  loadgenCores: number;
  /** Cores busy on the whole machine, and what is left after the server and the load generator. */
  machine: { busyCores: number; otherProcessesCores: number; stealCores: number };
  profilePath?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The context of one workload run. */
export class Harness {
  readonly probe: ProbeClient;
  readonly target: StreamTarget;

  constructor(
    readonly job: Job,
    readonly seed: SeedFile,
  ) {
    this.probe = new ProbeClient(job.probePort);
    this.target = { host: '127.0.0.1', port: job.port, path: '/api/v1/stream' };
  }

  /**
   * Runs `body` as the measured window: event-loop histogram reset first, CPU read before and after.
   * With profiling on, the server is profiled meanwhile, into `<workload>[-label].cpuprofile`.
   */
  async measure<T>(body: () => Promise<T>, label = ''): Promise<Measured<T>> {
    const name = label ? `${this.job.workload}-${label}` : this.job.workload;
    const profilePath = this.job.profileDir ? join(this.job.profileDir, `${name}.cpuprofile`) : undefined;
    if (profilePath) await this.probe.startProfile();
    const start = await this.probe.reset();
    const began = performance.now();
    const cpu = process.cpuUsage();
    const machineBefore = readCpuTimes();
    const value = await body();
    const wallS = (performance.now() - began) / 1000;
    const spent = process.cpuUsage(cpu);
    const machine = machineCores(machineBefore, readCpuTimes(), wallS);
    const end = await this.probe.stats();
    if (profilePath) await this.probe.stopProfile(profilePath);
    const server = serverWindow(start, end, wallS);
    const loadgenCores = Math.round(((spent.user + spent.system) / 1e6 / wallS) * 100) / 100;
    const others = Math.max(0, machine.busy - server.cpuCores - loadgenCores);
    return {
      value,
      server,
      loadgenCores,
      machine: {
        busyCores: machine.busy,
        otherProcessesCores: Math.round(others * 100) / 100,
        stealCores: machine.steal,
      },
      // Recorded relative to the project, so results name no machine's folders.
      ...(profilePath ? { profilePath: relative(process.cwd(), profilePath) } : {}),
    };
  }

  /** Connects posters (each signed in before this resolves); client ids start with `label`. */
  async posters(people: readonly Person[], label: string): Promise<Poster[]> {
    const posters = people.map((person, i) => new Poster(person, `${this.job.runId}-${label}-${i}-`));
    for (const poster of posters) poster.start(this.target);
    const timeout = sleep(15_000).then(() => {
      throw new Error('posters were not signed in within 15 s');
    });
    await Promise.race([Promise.all(posters.map((p) => p.ready)), timeout]);
    return posters;
  }
}

/** Posts `count` messages at `perSecond`, on schedule (not waiting for acks); resolves with every outcome. */
export async function postPaced(
  poster: Poster,
  groupId: string,
  count: number,
  perSecond: number,
  note: string,
): Promise<PostOutcome[]> {
  const begin = performance.now();
  const outcomes: Promise<PostOutcome>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = begin + (i * 1000) / perSecond - performance.now();
    if (wait >= 1) await sleep(wait);
    outcomes.push(poster.post(groupId, postBody(`${note} ${i}`)));
  }
  return Promise.all(outcomes);
}

/**
 * Keeps `window` posts in flight on a poster until `stopped()` turns true: each lane posts again as soon
 * as its previous post is acknowledged. Resolves with every outcome and when it arrived.
 */
export async function postUntil(
  poster: Poster,
  groupId: string,
  window: number,
  stopped: () => boolean,
  note: string,
): Promise<{ outcome: PostOutcome; at: number }[]> {
  const outcomes: { outcome: PostOutcome; at: number }[] = [];
  const lane = async () => {
    while (!stopped()) {
      const outcome = await poster.post(groupId, postBody(note));
      outcomes.push({ outcome, at: performance.now() });
      if (!outcome.ok && outcome.code?.startsWith('closed')) return;
    }
  };
  await Promise.all(Array.from({ length: window }, lane));
  return outcomes;
}
