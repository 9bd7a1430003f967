// Opens throwaway stores for tests: SQLite in a fresh temporary file, PostgreSQL in a fresh schema.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@fellwatch/core';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore } from '../index.js';

/** The engines every storage-backed test runs against. */
export type Engine = 'sqlite' | 'postgres';
export const engines: Engine[] = ['sqlite', 'postgres'];

/** The PostgreSQL server tests use: TEST_DATABASE_URL, or the local one. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store for one test file, and how to throw it away. */
export interface TestStore {
  store: Store & { engine: Engine };
  /** PostgreSQL: the server URL (use with `pgSchema`). */
  url?: string;
  pgSchema?: string;
  /** SQLite: the database file. */
  sqlitePath?: string;
  cleanup(): Promise<void>;
}

let available: Promise<boolean> | undefined;

/** True when the test PostgreSQL answers within two seconds; asked once per process. */
export function postgresAvailable(): Promise<boolean> {
  available ??= (async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return available;
}

// Known before any describe runs, so an unreachable PostgreSQL can skip at collection time.
const postgresUp = await postgresAvailable();

/** Opens a migrated, empty store on `engine`. Call `cleanup` when done (closes and deletes it). */
export async function openTestStore(engine: Engine): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'fellwatch-store-'));
    const sqlitePath = join(dir, 'fellwatch.db');
    const store = await openStore({ sqlitePath });
    return {
      store,
      sqlitePath,
      async cleanup() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = `test_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: testDatabaseUrl, sqlitePath: '', pgSchema });
  return {
    store,
    url: testDatabaseUrl,
    pgSchema,
    async cleanup() {
      await store.close();
      await dropSchema(pgSchema);
    },
  };
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema.replaceAll('"', '""')}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * A `describe` named "<name> [engine]" for one engine. Without a reachable PostgreSQL its suite
 * fails under CI and is skipped, loudly, elsewhere.
 */
export function describeEngine(engine: Engine, name: string, fn: (engine: Engine) => void): void {
  const title = `${name} [${engine}]`;
  if (engine === 'postgres' && !postgresUp) {
    const reason = `PostgreSQL is unreachable at ${testDatabaseUrl} (set TEST_DATABASE_URL)`;
    if (process.env.CI) throw new Error(`${title}: ${reason}; CI requires it.`);
    console.warn(`\n*** SKIPPING "${title}": ${reason}. ***\n`);
    describe.skip(title, () => fn(engine));
    return;
  }
  describe(title, () => fn(engine));
}

/** A `describe` per engine (see describeEngine for an unreachable PostgreSQL). */
export function describeEngines(name: string, fn: (engine: Engine) => void): void {
  for (const engine of engines) describeEngine(engine, name, fn);
}
