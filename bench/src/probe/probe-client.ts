// Asks the probe inside the benchmarked server for its figures, and turns two readings into a window.
import type { ProbeStats } from './server-probe.js';

export type { ProbeStats } from './server-probe.js';

/** What the server spent and suffered between two probe readings. */
export interface ServerWindow {
  wallS: number;
  cpuUserS: number;
  cpuSystemS: number;
  /** user + system: on this 2-core machine, 1 CPU second per wall second is one core saturated. */
  cpuS: number;
  /** cpuS / wallS. */
  cpuCores: number;
  rssStartMb: number;
  rssEndMb: number;
  eventLoopMaxStallMs: number;
  eventLoopP99StallMs: number;
}

/** A client of the probe at 127.0.0.1:port. */
export class ProbeClient {
  constructor(readonly port: number) {}

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`);
    if (!response.ok) throw new Error(`probe ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  stats(): Promise<ProbeStats> {
    return this.get('/stats');
  }
  /** Clears the event-loop delay histogram and returns the figures at that moment. */
  reset(): Promise<ProbeStats> {
    return this.get('/reset');
  }
  /** Collects garbage twice (when the server exposes gc) and returns the figures after. */
  gc(): Promise<ProbeStats & { collected: boolean }> {
    return this.get('/gc');
  }
  startProfile(): Promise<unknown> {
    return this.get('/profile/start');
  }
  stopProfile(path: string): Promise<unknown> {
    return this.get(`/profile/stop?path=${encodeURIComponent(path)}`);
  }
}

const MB = 1024 * 1024;

/** The window between a reading taken at reset and one taken at the end. */
export function serverWindow(start: ProbeStats, end: ProbeStats, wallS: number): ServerWindow {
  const cpuUserS = end.cpuUserS - start.cpuUserS;
  const cpuSystemS = end.cpuSystemS - start.cpuSystemS;
  const cpuS = cpuUserS + cpuSystemS;
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    wallS: r(wallS),
    cpuUserS: r(cpuUserS),
    cpuSystemS: r(cpuSystemS),
    cpuS: r(cpuS),
    cpuCores: r(wallS > 0 ? cpuS / wallS : 0),
    rssStartMb: r(start.rssBytes / MB),
    rssEndMb: r(end.rssBytes / MB),
    eventLoopMaxStallMs: r(end.eventLoop.maxMs),
    eventLoopP99StallMs: r(end.eventLoop.p99Ms),
  };
}
