// Alerts: one alerts row per alert, its placements as messages with an alert_id, reviews by
// groups of other organisations, normalised identifiers for matching, and each group's policy.
import type { Kysely, Migration } from 'kysely';

/** Adds the alert tables and the columns that tie alerts to groups and messages. */
export function alertsMigration(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('groups')
        .addColumn('external_alerts', 'text', (c) => c.notNull().defaultTo('review'))
        .execute();

      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('origin_group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('place_text', 'text')
        .addColumn('photo_ids', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('outcome_note', 'text')
        .addColumn('linked_alert_id', 'text')
        .addColumn('reach', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('confirmed_by', 'text')
        .addColumn('resolved_by', 'text')
        .addUniqueConstraint('alerts_author_client_key', ['author_id', 'client_id'])
        .execute();
      // Matching looks among open alerts of some kinds by place (a latitude band), category and age.
      // Each index ends in (created_at, id), so picking the newest candidates never reads a row.
      await db.schema
        .createIndex('alerts_kind_place_idx')
        .on('alerts')
        .columns(['kind', 'status', 'lat', 'lng', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('alerts_kind_category_idx')
        .on('alerts')
        .columns(['kind', 'status', 'category', 'lat', 'lng', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('alerts_kind_created_idx')
        .on('alerts')
        .columns(['kind', 'status', 'created_at', 'id'])
        .execute();

      await db.schema
        .alterTable('messages')
        .addColumn('alert_id', 'text', (c) => c.references('alerts.id'))
        .execute();
      // Only placements carry an alert id; partial indexes keep ordinary messages out of them.
      await db.schema
        .createIndex('messages_alert_idx')
        .on('messages')
        .columns(['alert_id', 'group_id'])
        .where('alert_id', 'is not', null)
        .execute();
      await db.schema
        .createIndex('messages_group_alert_idx')
        .on('messages')
        .columns(['group_id', 'alert_id'])
        .where('alert_id', 'is not', null)
        .execute();

      await db.schema
        .createTable('alert_reviews')
        .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'bigint')
        .addPrimaryKeyConstraint('alert_reviews_pk', ['alert_id', 'group_id'])
        .execute();
      await db.schema
        .createIndex('alert_reviews_group_idx')
        .on('alert_reviews')
        .columns(['group_id', 'state', 'created_at'])
        .execute();

      await db.schema
        .createTable('alert_identifiers')
        .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_identifiers_pk', ['alert_id', 'value'])
        .execute();
      await db.schema
        .createIndex('alert_identifiers_value_idx')
        .on('alert_identifiers')
        .column('value')
        .execute();
    },
  };
}
