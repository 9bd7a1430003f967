// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import type { Kysely, Migration } from 'kysely';

/** Creates this feature's tables. */
export const missingMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(_db: Kysely<any>) {},
};
