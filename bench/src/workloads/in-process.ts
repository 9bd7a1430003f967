// Timing pure functions in the bench's own process: one sample per call, and what the machine did meanwhile.
import { loadavg } from 'node:os';
import { machineCores, readCpuTimes } from '../load/machine-load.js';
import { round, summarise } from '../stats.js';

/** Per-call times of a run of calls, in ms, and how busy the machine was while they ran. */
export interface TimedCalls {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /**
   * CPU time of the process per call (user + system, from getrusage): unlike the wall time, it leaves out
   * the waits while other processes held the cores, but it includes the garbage collector's threads.
   */
  cpuP50Ms: number;
  cpuP99Ms: number;
  cpuMaxMs: number;
  /** The sum of what the calls returned (a result size), so the work cannot be optimised away. */
  total: number;
  wallS: number;
  /** Cores this process used, and cores every other process on the machine used, over the run. */
  ownCores: number;
  otherProcessesCores: number;
  loadAverage1m: number;
}

const nsToMs = (ns: bigint) => Number(ns) / 1e6;

/** Times one call with hrtime; for one-off costs such as building an index. */
export function timeOnce<T>(call: () => T): { value: T; ms: number } {
  const began = process.hrtime.bigint();
  const value = call();
  return { value, ms: round(nsToMs(process.hrtime.bigint() - began), 3) };
}

/**
 * Calls `call(i)` for i below `warmup` untimed (so the JIT has compiled it), then for the next `count`
 * values of i, timing each call on its own with process.hrtime.bigint.
 */
export function timeCalls(count: number, warmup: number, call: (i: number) => number): TimedCalls {
  for (let i = 0; i < warmup; i++) call(i);
  const run = startRun(count);
  for (let k = 0; k < count; k++) {
    const sample = run.begin();
    run.end(k, sample, call(warmup + k));
  }
  return run.finish();
}

/** As timeCalls, for calls that wait (a store's queries): each is awaited before the next begins. */
export async function timeCallsAsync(
  count: number,
  warmup: number,
  call: (i: number) => Promise<number>,
): Promise<TimedCalls> {
  for (let i = 0; i < warmup; i++) await call(i);
  const run = startRun(count);
  for (let k = 0; k < count; k++) {
    const sample = run.begin();
    run.end(k, sample, await call(warmup + k));
  }
  return run.finish();
}

/** The samples of one timed run, and the machine's and process's CPU times at its start. */
function startRun(count: number) {
  let total = 0;
  const samplesUs = new Float64Array(count);
  const cpuSamplesUs = new Float64Array(count);
  const cpu = process.cpuUsage();
  const machineBefore = readCpuTimes();
  const runBegan = process.hrtime.bigint();
  return {
    begin: () => ({ cpu: process.cpuUsage(), at: process.hrtime.bigint() }),
    end(k: number, began: { cpu: NodeJS.CpuUsage; at: bigint }, result: number): void {
      samplesUs[k] = Number(process.hrtime.bigint() - began.at) / 1e3;
      const cpuSpent = process.cpuUsage(began.cpu);
      cpuSamplesUs[k] = cpuSpent.user + cpuSpent.system;
      total += result;
    },
    finish: (): TimedCalls =>
      summariseRun({ count, samplesUs, cpuSamplesUs, total, cpu, machineBefore, runBegan }),
  };
}

function summariseRun(run: {
  count: number;
  samplesUs: Float64Array;
  cpuSamplesUs: Float64Array;
  total: number;
  cpu: NodeJS.CpuUsage;
  machineBefore: ReturnType<typeof readCpuTimes>;
  runBegan: bigint;
}): TimedCalls {
  const { count, samplesUs, cpuSamplesUs, total, cpu, machineBefore, runBegan } = run;
  const wallS = nsToMs(process.hrtime.bigint() - runBegan) / 1000;
  const spent = process.cpuUsage(cpu);
  const ownCores = (spent.user + spent.system) / 1e6 / wallS;
  const machine = machineCores(machineBefore, readCpuTimes(), wallS);
  // Summarised in µs, then reported in ms with three decimals: these calls take well under a millisecond.
  const s = summarise(Array.from(samplesUs));
  const c = summarise(Array.from(cpuSamplesUs));
  const ms = (us: number) => round(us / 1000, 3);
  return {
    count,
    p50Ms: ms(s.p50),
    p90Ms: ms(s.p90),
    p99Ms: ms(s.p99),
    maxMs: ms(s.max),
    meanMs: ms(s.mean),
    cpuP50Ms: ms(c.p50),
    cpuP99Ms: ms(c.p99),
    cpuMaxMs: ms(c.max),
    total,
    wallS: round(wallS, 3),
    ownCores: round(ownCores),
    otherProcessesCores: round(Math.max(0, machine.busy - ownCores)),
    loadAverage1m: round(loadavg()[0] ?? 0),
  };
}
