// Describes the machine a run happened on, including how long a durable write takes on its disk.
import { closeSync, fdatasyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { machineCores, readCpuTimes } from '../load/machine-load.js';
import type { WriteFloor } from './calibrate.js';

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  node: string;
  platform: string;
  openFilesLimit: string;
  /** Median time of a 4 KiB write followed by fdatasync in the data folder's file system. */
  fdatasyncMs: number;
  /** A bare 500-byte write to each of 5,000 loopback sockets (see calibrate.ts). */
  loopbackWrite?: WriteFloor;
}

/** How busy the machine was when a workload started, and how long the run waited for it to calm down. */
export interface Quiet {
  waitedS: number;
  busyCores: number;
  loadAverage1m: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits (at most `maxWaitMs`) until other processes keep less than `cores` busy, sampling each second:
 * on a shared machine, someone else's build can halve the server's CPU. Returns what it saw last.
 */
export async function waitForQuiet(cores = 0.3, maxWaitMs = 20_000): Promise<Quiet> {
  const began = performance.now();
  let busy = 0;
  for (;;) {
    const before = readCpuTimes();
    await sleep(1_000);
    busy = machineCores(before, readCpuTimes(), 1).busy;
    if (busy < cores || performance.now() - began > maxWaitMs) break;
  }
  return {
    waitedS: Math.round((performance.now() - began) / 100) / 10,
    busyCores: busy,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function openFilesLimit(): string {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    return line?.split(/\s{2,}/)[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Times 100 small synchronous writes in `dir`: the floor under every synchronous=FULL commit. */
function fdatasyncMs(dir: string): number {
  const path = join(dir, 'fsync-probe');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 100; i++) {
      const began = performance.now();
      writeSync(fd, block);
      fdatasyncSync(fd);
      times.push(performance.now() - began);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  times.sort((a, b) => a - b);
  return Math.round((times[50] ?? 0) * 100) / 100;
}

/** What a result needs to say about where it was measured. */
export function machineInfo(dataDir: string): MachineInfo {
  const all = cpus();
  return {
    cpuModel: all[0]?.model ?? 'unknown',
    cpus: all.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${release()}`,
    openFilesLimit: openFilesLimit(),
    fdatasyncMs: fdatasyncMs(dataDir),
  };
}
