// The append-only audit log, hash-chained so that editing or removing an entry is detectable.
import { createHash } from 'node:crypto';
import type { AuditEntry, GroupId } from '@fellwatch/core';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from './database.js';
import { toAuditEntry } from './rows.js';

type Db = Kysely<Database>;

/** JSON with object keys sorted at every depth, so equal entries always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256(prevHash + canonical entry JSON), hex. The first entry's prevHash is the empty string. */
export function auditHash(prevHash: string, entry: AuditEntry): string {
  const content = canonicalJson({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    groupId: entry.groupId,
    detail: entry.detail,
    at: entry.at,
  });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/**
 * Appends an entry to the chain; must run inside a transaction. Updating the single head row
 * first makes concurrent appenders queue behind each other, so the chain never forks.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  // Store the detail as it will read back, so the hash verifies against the stored row.
  const detail = JSON.parse(canonicalJson(entry.detail ?? {})) as Record<string, unknown>;
  const stored: AuditEntry = { ...entry, detail };
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ entries: eb('entries', '+', 1) }))
    .where('id', '=', 1)
    .returning('last_hash')
    .executeTakeFirstOrThrow();
  const hash = auditHash(head.last_hash, stored);
  await db
    .insertInto('audit_log')
    .values({
      actor_id: stored.actorId,
      action: stored.action,
      subject_type: stored.subjectType,
      subject_id: stored.subjectId,
      group_id: stored.groupId,
      detail: canonicalJson(detail),
      at: stored.at,
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await db.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
}

/** Audit entries newest first, optionally for one group or one subject. */
export async function listAudit(
  db: Db,
  filter: { groupId?: GroupId; subjectId?: string; limit: number },
): Promise<AuditEntry[]> {
  if (filter.limit <= 0) return [];
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toAuditEntry);
}

/** The outcome of checking the chain: `brokenAt` is the id of the first entry that fails. */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAt?: number;
  reason?: string;
}

const VERIFY_PAGE = 1000;

/** Recomputes every hash in order and checks each link and the head; reads in pages. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prev = '';
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows: Selectable<AuditLogTable>[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(VERIFY_PAGE)
      .execute();
    for (const row of rows) {
      const id = Number(row.id);
      if (row.prev_hash !== prev)
        return { ok: false, entries, brokenAt: id, reason: 'link to the previous entry' };
      if (auditHash(prev, toAuditEntry(row)) !== row.hash) {
        return { ok: false, entries, brokenAt: id, reason: 'content does not match its hash' };
      }
      prev = row.hash;
      lastId = id;
      entries += 1;
    }
    if (rows.length < VERIFY_PAGE) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.last_hash !== prev || Number(head.entries) !== entries) {
    return { ok: false, entries, reason: 'entries missing from the end of the log' };
  }
  return { ok: true, entries };
}
