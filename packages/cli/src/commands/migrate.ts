// `fellwatch migrate`: bring the configured store's schema up to date, listing the migrations applied.
import { mkdirSync } from 'node:fs';
import { migrateToLatest } from '@fellwatch/server';
import type { Command } from './command.js';

/** Applies pending schema migrations. */
export const migrate: Command = {
  name: 'migrate',
  summary:
    'Apply pending schema migrations to the configured store (the server also does this when it starts)',
  usage: `fellwatch migrate [--json]

  Migrates PostgreSQL when DATABASE_URL is set, else the SQLite store in DATA_DIR.`,
  options: {},
  async run(_values, context) {
    const { config } = context;
    const engine = config.databaseUrl ? 'postgres' : 'sqlite';
    if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
    const applied = await migrateToLatest({
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      sqlitePath: context.sqlitePath,
    });
    const where = engine === 'postgres' ? 'PostgreSQL' : `SQLite at ${context.sqlitePath}`;
    const text =
      applied.length === 0
        ? `${where}: already up to date.`
        : `${where}: applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}`;
    return { text, json: { engine, applied } };
  },
};
