// Web Push subscriptions: the phones that receive priority notices with Fellwatch closed.
import type { Kysely, Migration } from 'kysely';

/**
 * Creates `push_subscriptions`: one row per endpoint (the push service's address for one browser),
 * whose person, keys and dates it holds. A person may have several rows, one per phone.
 */
export const pushMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('push_subscriptions')
      .addColumn('endpoint', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('p256dh', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('push_subscriptions_user_idx')
      .on('push_subscriptions')
      .columns(['user_id', 'created_at'])
      .execute();
  },
};
