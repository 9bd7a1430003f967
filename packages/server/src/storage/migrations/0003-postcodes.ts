// UK postcodes and their points, imported by the operator from the ONS Postcode Directory.
import type { Kysely, Migration } from 'kysely';

/** The postcode directory's table: one row per live postcode with a location. */
export const postcodesMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('postcodes')
      // Normalised: capitals, one space before the inward code ("DL13 2AB").
      .addColumn('postcode', 'text', (c) => c.primaryKey())
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lng', 'double precision', (c) => c.notNull())
      .execute();
  },
};
