// Retention of a found person's record: each organisation's rule, kept beside its emergency numbers.
import type { Kysely, Migration } from 'kysely';

/**
 * Adds `record_retention_days` to the organisation's guidance: 365 (a year) for organisations that set
 * their numbers before there was a rule, as for those that have set none.
 */
export const recordRetentionMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('emergency_guidance')
      .addColumn('record_retention_days', 'integer', (c) => c.notNull().defaultTo(365))
      .execute();
  },
};
