// Throwaway PostgreSQL databases for end-to-end runs: the server takes only a URL, so each run gets its own database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server end-to-end runs use: TEST_DATABASE_URL's server, or the local one. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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
