// Which alerts carry which photos, so members of every group an alert reached may open them, and a
// counter bumped whenever a group changes, so the groups reach reads can be kept until one does.
import type { Kysely, Migration } from 'kysely';

/** Adds alert_media (filled from existing alerts) and the single-row reach_version counter. */
export const alertMediaMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('alert_media')
      .addColumn('media_id', 'text', (c) => c.notNull())
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
      .addPrimaryKeyConstraint('alert_media_pk', ['media_id', 'alert_id'])
      .execute();
    const alerts: { id: string; photo_ids: string }[] = await db
      .selectFrom('alerts')
      .select(['id', 'photo_ids'])
      .where('photo_ids', '!=', '[]')
      .execute();
    const rows = alerts.flatMap((a) =>
      (JSON.parse(a.photo_ids) as string[]).map((mediaId) => ({ media_id: mediaId, alert_id: a.id })),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('alert_media')
        .values(rows.slice(i, i + 500))
        .execute();
    }

    await db.schema
      .createTable('reach_version')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('reach_version').values({ id: 1, version: 0 }).execute();
  },
};
