// Runs a spec per storage engine, and skips (or, under CI, fails) when a service it needs is unreachable.
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { describe } from 'vitest';
import { postgresAvailable, testDatabaseUrl } from './postgres.js';
import { type Engine, webIndex } from './server.js';

export const engines: Engine[] = ['sqlite', 'postgres'];

/** The Redis the multi-node spec uses: TEST_REDIS_URL, or the local one. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something accepts TCP connections at the Redis URL's host and port within two seconds. */
export async function redisAvailable(url = testRedisUrl): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname, () => done(true));
  });
}

/** True when the web client has been built, so the server serves /join/ pages. */
export function webClientBuilt(): boolean {
  return existsSync(webIndex);
}

/**
 * A describe block that runs only when `available`; otherwise it fails under CI and is skipped,
 * loudly, elsewhere.
 */
export function describeIf(available: boolean, title: string, reason: string, fn: () => void): void {
  if (available) {
    describe(title, fn);
    return;
  }
  if (process.env.CI) throw new Error(`${title}: ${reason}; CI requires it.`);
  console.warn(`\n*** SKIPPING "${title}": ${reason}. ***\n`);
  describe.skip(title, fn);
}

// Known before any describe runs, so an unreachable PostgreSQL can skip at collection time.
const postgresUp = await postgresAvailable();

/** A describe named "<name> [engine]" per engine; PostgreSQL's is skipped (or fails under CI) when unreachable. */
export function describeEngines(name: string, fn: (engine: Engine) => void): void {
  for (const engine of engines) {
    describeIf(
      engine === 'sqlite' || postgresUp,
      `${name} [${engine}]`,
      `PostgreSQL is unreachable at ${testDatabaseUrl} (set TEST_DATABASE_URL)`,
      () => fn(engine),
    );
  }
}
