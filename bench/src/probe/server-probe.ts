// Preloaded into the benchmarked server (node --import): its own CPU, memory, event-loop delay and open
// sockets, and CPU profiles on demand, served on a loopback port apart from the app.
import { writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The histogram's sampling interval; every recorded delay includes it, so it is subtracted. */
export const RESOLUTION_MS = 10;

const port = Number(process.env.BENCH_PROBE_PORT ?? 0);

/** What the probe reports about the process it runs in. */
export interface ProbeStats {
  cpuUserS: number;
  cpuSystemS: number;
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  /** Event-loop stalls since the last reset: how late the loop was beyond its sampling interval. */
  eventLoop: { maxMs: number; p99Ms: number; p50Ms: number; samples: number };
  openSockets: number;
}

if (port > 0) startProbe(port);

function startProbe(listenPort: number): void {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const inspector = new Session();
  inspector.connect();
  let profiling = false;

  const stall = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  function stats(): ProbeStats {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    let openSockets = 0;
    for (const kind of process.getActiveResourcesInfo()) if (kind === 'TCPSocketWrap') openSockets++;
    return {
      cpuUserS: cpu.user / 1e6,
      cpuSystemS: cpu.system / 1e6,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      externalBytes: memory.external + memory.arrayBuffers,
      eventLoop: {
        maxMs: delay.count > 0 ? stall(delay.max) : 0,
        p99Ms: delay.count > 0 ? stall(delay.percentile(99)) : 0,
        p50Ms: delay.count > 0 ? stall(delay.percentile(50)) : 0,
        samples: delay.count,
      },
      openSockets,
    };
  }

  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) =>
      inspector.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );

  function reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://probe');
    void (async () => {
      try {
        switch (url.pathname) {
          case '/stats':
            return reply(res, 200, stats());
          case '/reset':
            delay.reset();
            return reply(res, 200, stats());
          case '/gc': {
            // Present when the server was started with --expose-gc.
            const gc = (globalThis as { gc?: () => void }).gc;
            gc?.();
            gc?.();
            return reply(res, 200, { collected: gc !== undefined, ...stats() });
          }
          case '/profile/start':
            if (!profiling) {
              await post('Profiler.enable');
              await post('Profiler.setSamplingInterval', { interval: 200 });
              await post('Profiler.start');
              profiling = true;
            }
            return reply(res, 200, { profiling });
          case '/profile/stop': {
            const path = url.searchParams.get('path');
            if (!profiling || !path) return reply(res, 400, { error: 'not profiling, or no path' });
            const { profile } = (await post('Profiler.stop')) as { profile: unknown };
            profiling = false;
            writeFileSync(path, JSON.stringify(profile));
            return reply(res, 200, { path });
          }
          default:
            return reply(res, 404, { error: 'unknown' });
        }
      } catch (error) {
        reply(res, 500, { error: String(error) });
      }
    })();
  });
  server.listen(listenPort, '127.0.0.1');
  // The probe must never keep the server alive once it is asked to stop.
  server.unref();
}
