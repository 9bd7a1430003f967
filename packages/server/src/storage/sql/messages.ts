// Queries for messages and the group event stream. The writers expect to run inside a transaction.
import {
  type AppendResult,
  type EpochMs,
  fail,
  type GroupEventRecord,
  type GroupEventType,
  type GroupEventWithMessage,
  type GroupId,
  type Message,
  type MessageChange,
  type MessageEdit,
  type MessageId,
  type NewMessage,
  type UserId,
} from '@fellwatch/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { fromNewMessage, toGroupEvent, toMessage, toMessageEdit } from './rows.js';

type Db = Kysely<Database>;

/**
 * Takes the group's next sequence number. The UPDATE locks the group's row until commit on
 * PostgreSQL (SQLite has one writer), so concurrent writers get consecutive numbers and a rolled
 * back writer gives its number back: sequences stay gapless.
 */
async function nextSeq(db: Db, groupId: GroupId): Promise<number> {
  const row = await db
    .updateTable('groups')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', groupId)
    .returning('last_seq')
    .executeTakeFirst();
  if (!row) throw fail.notFound('Group');
  return Number(row.last_seq);
}

async function insertEvent(db: Db, event: GroupEventRecord): Promise<void> {
  await db
    .insertInto('group_events')
    .values({
      group_id: event.groupId,
      seq: event.seq,
      type: event.type,
      message_id: event.messageId,
      at: event.at,
    })
    .execute();
}

async function eventAt(db: Db, groupId: string, seq: number): Promise<GroupEventRecord> {
  const row = await db
    .selectFrom('group_events')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return toGroupEvent(row);
}

/** The message an author already sent under this client id, with the event that posted it. */
export async function findPosted(
  db: Db,
  authorId: UserId,
  clientId: string,
): Promise<AppendResult | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    message: toMessage(row),
    event: await eventAt(db, row.group_id, Number(row.seq)),
    duplicate: true,
  };
}

/** Appends a message and its `message.posted` event; a repeat of (author, clientId) returns the first. */
export async function appendMessage(db: Db, message: NewMessage): Promise<AppendResult> {
  const existing = await findPosted(db, message.authorId, message.clientId);
  if (existing) return existing;
  return insertPosted(db, { ...message, alertId: null });
}

/**
 * Inserts a new message with the group's next sequence and its `message.posted` event, without
 * looking for an earlier copy: the caller knows there is none.
 */
export async function insertPosted(
  db: Db,
  message: Omit<Message, 'seq' | 'editedAt' | 'deletedAt' | 'deletedBy'>,
): Promise<AppendResult> {
  const seq = await nextSeq(db, message.groupId);
  const stored: Message = { ...message, seq, editedAt: null, deletedAt: null, deletedBy: null };
  await db.insertInto('messages').values(fromNewMessage(stored)).execute();
  const event: GroupEventRecord = {
    groupId: message.groupId,
    seq,
    type: 'message.posted',
    messageId: message.id,
    at: message.createdAt,
  };
  await insertEvent(db, event);
  return { message: stored, event, duplicate: false };
}

async function requireMessage(db: Db, id: MessageId): Promise<Message> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fail.notFound('Message');
  return toMessage(row);
}

/** Appends an event of `type` about an existing message with its group's next sequence. */
export async function sequence(
  db: Db,
  message: Message,
  type: GroupEventType,
  at: EpochMs,
): Promise<GroupEventRecord> {
  const event: GroupEventRecord = {
    groupId: message.groupId,
    seq: await nextSeq(db, message.groupId),
    type,
    messageId: message.id,
    at,
  };
  await insertEvent(db, event);
  return event;
}

/** Replaces a message's body, keeping the old one in its edit history, and appends `message.edited`. */
export async function editMessage(
  db: Db,
  id: MessageId,
  body: string,
  editedBy: UserId,
  at: EpochMs,
): Promise<MessageChange> {
  const before = await requireMessage(db, id);
  await db
    .insertInto('message_edits')
    .values({ message_id: id, body: before.body, edited_by: editedBy, replaced_at: at })
    .execute();
  await db.updateTable('messages').set({ body, edited_at: at }).where('id', '=', id).execute();
  const event = await sequence(db, before, 'message.edited', at);
  return { message: { ...before, body, editedAt: at }, event };
}

/** Marks a message deleted, keeping its text, and appends `message.deleted`. */
export async function deleteMessage(
  db: Db,
  id: MessageId,
  deletedBy: UserId,
  at: EpochMs,
): Promise<MessageChange> {
  const before = await requireMessage(db, id);
  await db
    .updateTable('messages')
    .set({ deleted_at: at, deleted_by: deletedBy })
    .where('id', '=', id)
    .execute();
  const event = await sequence(db, before, 'message.deleted', at);
  return { message: { ...before, deletedAt: at, deletedBy }, event };
}

/** Reads a message in its current state. */
export async function getMessage(db: Db, id: MessageId): Promise<Message | undefined> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMessage(row);
}

/** Earlier versions of a message, oldest first. */
export async function listMessageEdits(db: Db, id: MessageId): Promise<MessageEdit[]> {
  const rows = await db
    .selectFrom('message_edits')
    .selectAll()
    .where('message_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map(toMessageEdit);
}

/** Events after `afterSeq` in sequence order, each joined to its message's current state. */
export async function listEvents(
  db: Db,
  groupId: GroupId,
  afterSeq: number,
  limit: number,
): Promise<GroupEventWithMessage[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('group_events as e')
    .innerJoin('messages as m', 'm.id', 'e.message_id')
    .selectAll('m')
    .select(['e.seq as event_seq', 'e.type as event_type', 'e.at as event_at'])
    .where('e.group_id', '=', groupId)
    .where('e.seq', '>', afterSeq)
    .orderBy('e.seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    event: toGroupEvent({
      group_id: row.group_id,
      seq: row.event_seq,
      type: row.event_type,
      message_id: row.id,
      at: row.event_at,
    }),
    message: toMessage(row),
  }));
}

/** Messages newest first, before `beforeSeq` when given, at most `limit`. */
export async function listMessages(
  db: Db,
  groupId: GroupId,
  beforeSeq: number | undefined,
  limit: number,
): Promise<Message[]> {
  if (limit <= 0) return [];
  let query = db.selectFrom('messages').selectAll().where('group_id', '=', groupId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toMessage);
}
