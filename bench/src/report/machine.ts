// Describes the machine a run happened on, including how long a durable write takes on its disk.
import { closeSync, fdatasyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  node: string;
  platform: string;
  openFilesLimit: string;
  /** Median time of a 4 KiB write followed by fdatasync in the data folder's file system. */
  fdatasyncMs: number;
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
