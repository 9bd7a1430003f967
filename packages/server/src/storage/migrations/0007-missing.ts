// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import type { Kysely, Migration } from 'kysely';

/**
 * Adds sightings, the records officers keep once a missing person's details are withdrawn, and the
 * photos withdrawn with them.
 */
export const missingMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sightings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .addColumn('lat', 'double precision')
      .addColumn('lng', 'double precision')
      .addColumn('place_text', 'text')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('photo_ids', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('withdrawn_at', 'bigint')
      .addUniqueConstraint('sightings_author_client_key', ['author_id', 'client_id'])
      .execute();
    // An alert's timeline, newest seen first.
    await db.schema
      .createIndex('sightings_alert_seen_idx')
      .on('sightings')
      .columns(['alert_id', 'seen_at', 'id'])
      .execute();

    // One row per withdrawn alert: the alert and its sightings as they were (JSON), for its officers.
    await db.schema
      .createTable('missing_records')
      .addColumn('alert_id', 'text', (c) => c.primaryKey().references('alerts.id'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('alert', 'text', (c) => c.notNull())
      .addColumn('sightings', 'text', (c) => c.notNull())
      .addColumn('outcome_note', 'text')
      .addColumn('withdrawn_at', 'bigint', (c) => c.notNull())
      .addColumn('withdrawn_by', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('withdrawn_media')
      .addColumn('media_id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
