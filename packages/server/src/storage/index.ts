// The Store adapters' public face: open a store for the configured engine, migrate, back up.
import { Kysely, SqliteAdapter } from 'kysely';
import { migrateDatabase } from './migrations/index.js';
import { openPostgresKysely, openPostgresStore } from './postgres/index.js';
import type { Database } from './sql/database.js';
import type { Engine } from './sql/engine.js';
import type { SqlStore } from './sql/sql-store.js';
import { openSqliteKysely, openSqliteStore } from './sqlite/index.js';

export { type AuditVerification, canonicalJson } from './sql/audit.js';
export type { Database } from './sql/database.js';
export type { Engine } from './sql/engine.js';
export type { GroupCommitStats } from './sql/group-commit.js';
export { SqlStore } from './sql/sql-store.js';
export { backupSqlite, SqliteStore } from './sqlite/index.js';

/** Where the store lives: PostgreSQL when `databaseUrl` is set, else SQLite at `sqlitePath`. */
export interface OpenStoreOptions {
  databaseUrl?: string;
  sqlitePath: string;
  /** PostgreSQL only: keep every table in this schema. */
  pgSchema?: string;
}

function postgresOptions(options: OpenStoreOptions & { databaseUrl: string }) {
  return {
    url: options.databaseUrl,
    ...(options.pgSchema !== undefined ? { schema: options.pgSchema } : {}),
  };
}

/** Opens the store for the configured engine and migrates it to the latest schema. */
export async function openStore(options: OpenStoreOptions): Promise<SqlStore & { engine: Engine }> {
  if (options.databaseUrl)
    return openPostgresStore(postgresOptions({ ...options, databaseUrl: options.databaseUrl }));
  return openSqliteStore(options.sqlitePath);
}

/**
 * Applies pending migrations and returns the names applied now (empty when already current).
 * Given options it opens the database, migrates and closes it; given an open Kysely, it migrates that.
 */
export async function migrateToLatest(target: OpenStoreOptions | Kysely<Database>): Promise<string[]> {
  if (target instanceof Kysely) {
    const engine: Engine = target.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
    return migrateDatabase(target, engine);
  }
  const db = target.databaseUrl
    ? await openPostgresKysely(postgresOptions({ ...target, databaseUrl: target.databaseUrl }))
    : openSqliteKysely(target.sqlitePath).db;
  try {
    return await migrateDatabase(db, target.databaseUrl ? 'postgres' : 'sqlite');
  } finally {
    await db.destroy();
  }
}
