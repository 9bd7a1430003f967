// `fellwatch backup`: an online copy of the SQLite store, safe while the server is running.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '@fellwatch/core';
import { backupSqlite } from '@fellwatch/server';
import { flag, required } from '../arguments.js';
import type { Command } from './command.js';

/** Copies the live SQLite database to a file. */
export const backup: Command = {
  name: 'backup',
  summary: 'Copy the SQLite store to a file while the server keeps running',
  usage: `fellwatch backup --to PATH [--force] [--json]

  --to PATH   the file to write (a complete SQLite database)
  --force     replace PATH if it exists
  Uses SQLite's online backup, so readers and writers carry on. For PostgreSQL, use pg_dump.`,
  options: { to: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, context) {
    const destination = resolve(required(values, 'to'));
    if (context.config.databaseUrl) {
      throw new DomainError(
        'invalid',
        'backup copies the embedded SQLite store; this server uses PostgreSQL (DATABASE_URL), so back it up with pg_dump, e.g. pg_dump --format=custom --file=fellwatch.dump "$DATABASE_URL".',
      );
    }
    if (!existsSync(context.sqlitePath)) {
      throw new DomainError(
        'not_found',
        `No database at ${context.sqlitePath}: set DATA_DIR to the server's data folder.`,
      );
    }
    if (existsSync(destination) && !flag(values, 'force')) {
      throw new DomainError(
        'conflict',
        `${destination} already exists; choose another path or add --force.`,
        'to',
      );
    }
    // Write beside the destination and rename, so PATH is never a half-written database.
    const partial = `${destination}.partial-${process.pid}`;
    try {
      await backupSqlite(context.sqlitePath, partial);
      renameSync(partial, destination);
    } finally {
      rmSync(partial, { force: true });
    }
    const bytes = statSync(destination).size;
    return {
      text: `Backed up ${context.sqlitePath} to ${destination} (${bytes} bytes).`,
      json: { path: destination, bytes },
    };
  },
};
