// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type { Kysely, Migration } from 'kysely';

/** Creates the escalations table, its own history, and an index to find the replies to a message. */
export const escalationsMigration: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('escalations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
      .addColumn('alert_id', 'text', (c) => c.references('alerts.id'))
      .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('escalated_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('outcome_note', 'text')
      .addColumn('consent_phone', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consent_email', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consent_at', 'bigint')
      .addColumn('posted_back_message_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('escalations_by_client_key', ['escalated_by', 'client_id'])
      .execute();
    // Lists per group and per reporter, newest first; an organisation's list joins its groups.
    await db.schema
      .createIndex('escalations_group_idx')
      .on('escalations')
      .columns(['group_id', 'status', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('escalations_reporter_idx')
      .on('escalations')
      .columns(['reporter_id', 'created_at', 'id'])
      .execute();

    await db.schema
      .createTable('escalation_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('escalation_history_escalation_idx')
      .on('escalation_history')
      .columns(['escalation_id', 'at', 'id'])
      .execute();

    // The handover pack quotes the replies around a message; only replies carry reply_to_id.
    await db.schema
      .createIndex('messages_reply_to_idx')
      .on('messages')
      .columns(['reply_to_id', 'seq'])
      .where('reply_to_id', 'is not', null)
      .execute();
  },
};
