// Appends a whole group-commit batch with a handful of statements instead of four per message.
import {
  type AppendResult,
  fail,
  type GroupEventRecord,
  type Message,
  type NewMessage,
} from '@fellwatch/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import type { BatchOutcome } from './group-commit.js';
import { findPosted } from './messages.js';
import { fromNewMessage, toMessage } from './rows.js';

type Db = Kysely<Database>;
type AppendOutcome = BatchOutcome<AppendResult>;

const LARGEST_CHUNK = 256;

/**
 * Splits rows into chunks whose sizes are powers of two (200 = 128 + 64 + 8), so the statements
 * take few distinct shapes and SQLite's prepared-statement cache keeps hitting.
 */
function* powerOfTwoChunks<T>(rows: readonly T[]): Generator<T[]> {
  let start = 0;
  for (let size = LARGEST_CHUNK; size >= 1; size >>= 1) {
    while (rows.length - start >= size) {
      yield rows.slice(start, start + size);
      start += size;
    }
  }
}

/** Pads an IN-list to a power of two by repeating its last value, for the same reason. */
function padded<T>(values: readonly T[]): T[] {
  let size = 1;
  while (size < values.length) size <<= 1;
  const last = values[values.length - 1];
  return last === undefined ? [] : [...values, ...Array<T>(size - values.length).fill(last)];
}

const pairKey = (m: { authorId: string; clientId: string }) => `${m.authorId}\u0000${m.clientId}`;

/**
 * Messages of the batch that are already stored, by (author, clientId). One row-value IN list lets
 * both engines walk the unique (author_id, client_id) index pair by pair; two separate IN lists made
 * SQLite probe every author with every client id (2 ms per batch against 0.1 ms).
 */
async function alreadyPosted(db: Db, items: readonly NewMessage[]) {
  const found = new Map<string, Message>();
  for (let start = 0; start < items.length; start += LARGEST_CHUNK) {
    const chunk = items.slice(start, start + LARGEST_CHUNK);
    const pairs = padded([...new Map(chunk.map((m) => [pairKey(m), m] as const)).values()]);
    const rows = await db
      .selectFrom('messages')
      .selectAll()
      .where(
        sql<boolean>`(author_id, client_id) in (values ${sql.join(pairs.map((m) => sql`(${m.authorId}, ${m.clientId})`))})`,
      )
      .execute();
    for (const row of rows) {
      const message = toMessage(row);
      found.set(pairKey(message), message);
    }
  }
  return found;
}

/**
 * Appends every message of a batch inside the caller's transaction. Repeats of (author, clientId),
 * stored before or earlier in the batch, resolve to the first copy. A message to an unknown group
 * fails alone: that is found before anything of it is written. Any other error rejects the whole
 * call, and the caller rolls back.
 */
export async function appendMessages(db: Db, items: readonly NewMessage[]): Promise<AppendOutcome[]> {
  const outcomes: (AppendOutcome | undefined)[] = new Array(items.length);
  const stored = await alreadyPosted(db, items);
  const firstOfPair = new Map<string, number>();
  const byGroup = new Map<string, number[]>();
  for (const [index, item] of items.entries()) {
    const key = pairKey(item);
    if (stored.has(key)) {
      const first = await findPosted(db, item.authorId, item.clientId);
      outcomes[index] = first ? { ok: true, value: first } : { ok: false, error: fail.notFound('Message') };
    } else if (!firstOfPair.has(key)) {
      firstOfPair.set(key, index);
      const indexes = byGroup.get(item.groupId) ?? [];
      indexes.push(index);
      byGroup.set(item.groupId, indexes);
    }
  }

  const messages: Message[] = [];
  const events: GroupEventRecord[] = [];
  // Groups in a fixed order, so two nodes' batches lock their rows in the same order and never deadlock.
  for (const groupId of [...byGroup.keys()].sort()) {
    const indexes = byGroup.get(groupId) as number[];
    // One UPDATE takes the whole run of sequences for this group's messages in the batch.
    const row = await db
      .updateTable('groups')
      .set((eb) => ({ last_seq: eb('last_seq', '+', indexes.length) }))
      .where('id', '=', groupId)
      .returning('last_seq')
      .executeTakeFirst();
    if (!row) {
      for (const index of indexes) outcomes[index] = { ok: false, error: fail.notFound('Group') };
      continue;
    }
    let seq = Number(row.last_seq) - indexes.length;
    for (const index of indexes) {
      const item = items[index] as NewMessage;
      seq += 1;
      const message: Message = {
        ...item,
        seq,
        editedAt: null,
        deletedAt: null,
        deletedBy: null,
        alertId: null,
      };
      const event: GroupEventRecord = {
        groupId: item.groupId,
        seq,
        type: 'message.posted',
        messageId: item.id,
        at: item.createdAt,
      };
      messages.push(message);
      events.push(event);
      outcomes[index] = { ok: true, value: { message, event, duplicate: false } };
    }
  }

  for (const chunk of powerOfTwoChunks(messages)) {
    await db.insertInto('messages').values(chunk.map(fromNewMessage)).execute();
  }
  for (const chunk of powerOfTwoChunks(events)) {
    await db
      .insertInto('group_events')
      .values(
        chunk.map((e) => ({
          group_id: e.groupId,
          seq: e.seq,
          type: e.type,
          message_id: e.messageId,
          at: e.at,
        })),
      )
      .execute();
  }

  return items.map((item, index) => {
    const outcome = outcomes[index];
    if (outcome) return outcome;
    // A repeat within the batch: it resolves like the first copy, marked as a duplicate.
    const first = outcomes[firstOfPair.get(pairKey(item)) as number] as AppendOutcome;
    return first.ok ? { ok: true, value: { ...first.value, duplicate: true } } : first;
  });
}
