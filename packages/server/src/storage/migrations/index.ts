// Runs the schema migrations, kept in code so the built server needs no migration files on disk.
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { Engine } from '../sql/engine.js';
import { initialMigration } from './0001-initial.js';
import { alertsMigration } from './0002-alerts.js';
import { postcodesMigration } from './0003-postcodes.js';
import { alertMediaMigration } from './0004-alert-media.js';
import { safetyMigration } from './0005-safety.js';
import { escalationsMigration } from './0006-escalations.js';
import { missingMigration } from './0007-missing.js';
import { profilesMigration } from './0008-profiles.js';
import { profilesClientIdMigration } from './0009-profiles-client-id.js';
import { pushMigration } from './0010-push.js';
import { recordRetentionMigration } from './0011-record-retention.js';

/** Every migration by name; names sort in the order they apply. */
export function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(engine),
    '0002-alerts': alertsMigration(),
    '0003-postcodes': postcodesMigration,
    '0004-alert-media': alertMediaMigration,
    '0005-safety': safetyMigration,
    '0006-escalations': escalationsMigration,
    '0007-missing': missingMigration,
    '0008-profiles': profilesMigration,
    '0009-profiles-client-id': profilesClientIdMigration,
    '0010-push': pushMigration,
    '0011-record-retention': recordRetentionMigration,
  };
}

/** Applies all pending migrations and returns the names applied now (empty when already current). */
export async function migrateDatabase<DB>(db: Kysely<DB>, engine: Engine): Promise<string[]> {
  const migrator = new Migrator({
    // The migrator keeps its own bookkeeping tables, outside the typed schema.
    db: db as Kysely<unknown>,
    provider: { getMigrations: async () => migrations(engine) },
    // Name the schema on PostgreSQL: unqualified, the migrator would take another schema's
    // bookkeeping tables for its own.
    ...(engine === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema<DB>(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}
