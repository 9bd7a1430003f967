// Throwaway PostgreSQL databases for end-to-end runs: the server takes only a URL, so each run gets its own database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The same server, and the same reachability probe, as the integration tests use.
export {
  postgresAvailable,
  testDatabaseUrl,
} from '../../packages/server/src/storage/test-support/test-stores.js';

import { testDatabaseUrl } from '../../packages/server/src/storage/test-support/test-stores.js';

/** The URL of database `name` on the test server (same host, port and credentials). */
export function databaseUrl(name: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database `fellwatch_e2e_<random>` and returns its name and URL. */
export async function createDatabase(): Promise<{ name: string; url: string }> {
  const name = `fellwatch_e2e_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${quoteIdent(name)}`));
  return { name, url: databaseUrl(name) };
}

/** Drops a database made by createDatabase, closing any connection a killed server left behind. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}
