// Opens the embedded SQLite store: WAL, synchronous=FULL, foreign keys, and cached prepared statements.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import { migrateDatabase } from '../migrations/index.js';
import type { Database } from '../sql/database.js';
import { SqlStore } from '../sql/sql-store.js';

// Enough for every distinct query the store issues; IN-lists of other lengths fall out first.
const STATEMENT_CACHE_SIZE = 256;

/** Opens a better-sqlite3 connection with the pragmas the store relies on. */
export function openSqliteDatabase(path: string): Sqlite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk (the WAL fsynced) before the call returns; group commit pays for it.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Wraps the connection so each distinct SQL text is prepared once: Kysely's dialect prepares on
 * every query, and preparing costs more than running the small statements of the hot path.
 */
function withStatementCache(db: Sqlite.Database): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    prepare(text: string): SqliteStatement {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = db.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(text, statement);
      return statement as unknown as SqliteStatement;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}

/** A SqlStore on SQLite that also keeps its raw connection, for online backups. */
export class SqliteStore extends SqlStore {
  constructor(
    db: Kysely<Database>,
    readonly connection: Sqlite.Database,
  ) {
    super(db, 'sqlite');
  }
}

/** Opens a Kysely instance on the SQLite file at `path`, without migrating it. */
export function openSqliteKysely(path: string): { db: Kysely<Database>; connection: Sqlite.Database } {
  const connection = openSqliteDatabase(path);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  return { db, connection };
}

/** Opens (creating when absent) the SQLite store at `path` and migrates it to the latest schema. */
export async function openSqliteStore(path: string): Promise<SqliteStore> {
  const { db, connection } = openSqliteKysely(path);
  try {
    await migrateDatabase(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqliteStore(db, connection);
}

/**
 * Copies a live SQLite database to `destination` with SQLite's online backup: readers and writers
 * carry on meanwhile. `source` is an open SQLite store or the path of a database file.
 */
export async function backupSqlite(source: SqlStore | string, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  if (typeof source !== 'string') {
    if (!(source instanceof SqliteStore)) throw new Error('Online backup is for the SQLite store only.');
    await source.connection.backup(destination);
    return;
  }
  const connection = new Sqlite(source, { fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    await connection.backup(destination);
  } finally {
    connection.close();
  }
}
