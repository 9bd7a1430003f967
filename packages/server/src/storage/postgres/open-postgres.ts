// Opens the PostgreSQL store: a pg pool, optionally confined to one schema through search_path.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateDatabase } from '../migrations/index.js';
import type { Database } from '../sql/database.js';
import { SqlStore } from '../sql/sql-store.js';

// int8 (bigint) arrives as a string by default; every bigint here (epoch ms, sequences, counts)
// is far below 2^53, so a number is exact and matches what SQLite returns.
pg.types.setTypeParser(20, Number);

/** How to reach PostgreSQL. */
export interface PostgresOptions {
  url: string;
  /** A schema to create if needed and use for every table (tests use one per file). */
  schema?: string;
  /** Pool size; about ten serves one app node. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens a Kysely instance on a pool, creating `schema` if given, without migrating it. */
export async function openPostgresKysely(options: PostgresOptions): Promise<Kysely<Database>> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Schema name "${schema}" must be lower-case letters, digits and underscores.`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Set at connection start, so every pooled connection resolves tables in the schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await pool.query(`create schema if not exists ${schema}`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** Opens a pool on `url`, creating `schema` if given, and migrates it to the latest schema. */
export async function openPostgresStore(options: PostgresOptions): Promise<SqlStore> {
  const db = await openPostgresKysely(options);
  try {
    await migrateDatabase(db, 'postgres');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlStore(db, 'postgres');
}
