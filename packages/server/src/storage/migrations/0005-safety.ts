// Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import type { Kysely, Migration } from 'kysely';

/** Creates the guidance, shift and flag tables. */
export const safetyMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('emergency_guidance')
      .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
      .addColumn('emergency_number', 'text', (c) => c.notNull())
      .addColumn('non_emergency_number', 'text', (c) => c.notNull())
      .addColumn('online_report_url', 'text')
      .addColumn('force_name', 'text')
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'bigint')
      .execute();

    await db.schema
      .createTable('watch_shifts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('starts_at', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_early', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('watch_shifts_user_idx')
      .on('watch_shifts')
      .columns(['user_id', 'ends_at'])
      .execute();
    // A shift's groups, with its times repeated so "who watches this group now" reads one index range.
    await db.schema
      .createTable('watch_shift_groups')
      .addColumn('shift_id', 'text', (c) => c.notNull().references('watch_shifts.id'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('starts_at', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('watch_shift_groups_pk', ['shift_id', 'group_id'])
      .execute();
    await db.schema
      .createIndex('watch_shift_groups_group_idx')
      .on('watch_shift_groups')
      .columns(['group_id', 'ends_at', 'starts_at'])
      .execute();

    // Weekly patterns: days as JSON text ([1..7], Monday first), times in UK local minutes.
    await db.schema
      .createTable('watch_patterns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('days', 'text', (c) => c.notNull())
      .addColumn('start_minute', 'integer', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('watch_patterns_user_idx')
      .on('watch_patterns')
      .columns(['user_id'])
      .execute();
    await db.schema
      .createTable('watch_pattern_groups')
      .addColumn('pattern_id', 'text', (c) => c.notNull().references('watch_patterns.id'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addPrimaryKeyConstraint('watch_pattern_groups_pk', ['pattern_id', 'group_id'])
      .execute();
    await db.schema
      .createIndex('watch_pattern_groups_group_idx')
      .on('watch_pattern_groups')
      .columns(['group_id', 'pattern_id'])
      .execute();

    await db.schema
      .createTable('risk_flags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull().unique().references('messages.id'))
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('cues', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('handled_by', 'text')
      .addColumn('handled_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('risk_flags_queue_idx')
      .on('risk_flags')
      .columns(['group_id', 'state', 'created_at', 'id'])
      .execute();
  },
};
