// The first schema: every table of the Store, portable to SQLite and PostgreSQL.
import { type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { Engine } from '../sql/engine.js';

/** Builds the initial migration; the engine only decides how an auto-incrementing key is spelt. */
export function initialMigration(engine: Engine): Migration {
  return {
    // Migrations run before the typed schema exists, so they see an untyped database.
    // biome-ignore lint/suspicious/noExplicitAny: a migration's database has no static schema
    async up(db: Kysely<any>) {
      // An auto-incrementing `id` key: SQLite's INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL's bigserial.
      const serialId = <TB extends string>(table: CreateTableBuilder<TB>) =>
        engine === 'postgres'
          ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
          : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_key', 'text', (c) => c.notNull().unique())
        .addColumn('phone', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('is_platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('last_used_at', 'bigint')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('organisation_members')
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('affiliation', 'text')
        .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('verified_by', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('organisation_members_pk', ['organisation_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('organisation_members_user_idx')
        .on('organisation_members')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('area', 'text')
        .addColumn('vetting_questions', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('invites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('max_uses', 'integer', (c) => c.notNull())
        .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('invites_group_idx').on('invites').column('group_id').execute();

      await db.schema
        .createTable('memberships')
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('invite_id', 'text', (c) => c.references('invites.id'))
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'bigint')
        .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['group_id', 'user_id'])
        .execute();
      await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('reply_to_id', 'text')
        .addColumn('photo_ids', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('deleted_at', 'bigint')
        .addColumn('deleted_by', 'text')
        .addUniqueConstraint('messages_group_seq_key', ['group_id', 'seq'])
        .addUniqueConstraint('messages_author_client_key', ['author_id', 'client_id'])
        .execute();

      await db.schema
        .createTable('message_edits')
        .$call(serialId)
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('edited_by', 'text', (c) => c.notNull())
        .addColumn('replaced_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('message_edits_message_idx')
        .on('message_edits')
        .column('message_id')
        .execute();

      await db.schema
        .createTable('group_events')
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_events_pk', ['group_id', 'seq'])
        .execute();

      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('uploader_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('original_type', 'text', (c) => c.notNull())
        .addColumn('original_bytes', 'bigint', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_sha256_idx').on('media').column('sha256').execute();

      await db.schema
        .createTable('audit_log')
        .$call(serialId)
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createIndex('audit_log_group_idx')
        .on('audit_log')
        .columns(['group_id', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_log_subject_idx')
        .on('audit_log')
        .columns(['subject_id', 'id'])
        .execute();

      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('entries', 'bigint', (c) => c.notNull())
        .addColumn('last_hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into audit_head (id, entries, last_hash) values (1, 0, '')`.execute(db);
    },
  };
}
