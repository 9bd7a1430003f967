// Herbert Protocol profiles: the device's client id, so a filing retried after a lost answer makes no second copy.
import type { Kysely, Migration } from 'kysely';

/**
 * Adds `client_id` to profiles, unique per owner. Profiles filed before it have none (null), and NULLs
 * never clash in a unique index on either engine.
 */
export const profilesClientIdMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema.alterTable('profiles').addColumn('client_id', 'text').execute();
    await db.schema
      .createIndex('profiles_owner_client_key')
      .on('profiles')
      .columns(['owner_id', 'client_id'])
      .unique()
      .execute();
  },
};
