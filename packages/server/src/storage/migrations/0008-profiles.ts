// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type { Kysely, Migration } from 'kysely';

/**
 * Creates the profile tables. A profile row holds no content in the clear: its owner, dates, the
 * release reference's keyed hash and the sealed content. Photo rows say whose each photo is; the
 * photos' bytes are sealed in the MediaStore.
 */
export const profilesMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('profiles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('reference_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('released_at', 'bigint')
      .addColumn('released_alert_id', 'text')
      .execute();
    await db.schema.createIndex('profiles_owner_idx').on('profiles').columns(['owner_id', 'id']).execute();

    await db.schema
      .createTable('profile_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('profile_id', 'text', (c) => c.references('profiles.id'))
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('profile_photos_profile_idx')
      .on('profile_photos')
      .columns(['profile_id', 'id'])
      .execute();
  },
};
