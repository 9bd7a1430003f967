// How busy the whole machine was during a measured window, from /proc/stat: other processes skew results.
import { readFileSync } from 'node:fs';

/** Jiffies since boot: busy (user, nice, system, irq, softirq), steal, and all. */
export interface CpuTimes {
  busy: number;
  steal: number;
}

const TICKS_PER_SECOND = 100;

/** Reads the machine-wide CPU line of /proc/stat (zeros where it is unavailable). */
export function readCpuTimes(): CpuTimes {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
      .trim()
      .split(/\s+/)
      .map(Number);
    return { busy: user + nice + system + irq + softirq, steal };
  } catch {
    return { busy: 0, steal: 0 };
  }
}

/** Cores the machine as a whole kept busy (and lost to the hypervisor) between two readings. */
export function machineCores(start: CpuTimes, end: CpuTimes, wallS: number): { busy: number; steal: number } {
  const cores = (jiffies: number) => Math.round((jiffies / TICKS_PER_SECOND / wallS) * 100) / 100;
  return { busy: cores(end.busy - start.busy), steal: cores(end.steal - start.steal) };
}
