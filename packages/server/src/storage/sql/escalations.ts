// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import {
  type CreateEscalationResult,
  type Escalation,
  type EscalationChange,
  type EscalationHistoryEntry,
  type EscalationId,
  type EscalationListFilter,
  type EscalationRepository,
  fail,
  type GroupId,
  type Message,
  type MessageId,
  type OrganisationId,
  type UserId,
} from '@fellwatch/core';
import type { Selectable } from 'kysely';
import { monotonicFactory } from 'ulid';
import type { Atomically, Db } from './repository.js';
import { toMessage } from './rows.js';

/** One row per escalation; booleans as 0/1, times as epoch milliseconds. */
export interface EscalationsTable {
  id: string;
  group_id: string;
  message_id: string;
  alert_id: string | null;
  reporter_id: string;
  escalated_by: string;
  client_id: string;
  channel: string;
  reference: string | null;
  status: string;
  outcome: string | null;
  outcome_note: string | null;
  consent_phone: number;
  consent_email: number;
  consent_at: number | null;
  posted_back_message_id: string | null;
  created_at: number;
  updated_at: number;
}

/** An escalation's own history; `detail` is JSON text, ids are monotonic ULIDs so they sort in order. */
export interface EscalationHistoryTable {
  id: string;
  escalation_id: string;
  at: number;
  actor_id: string;
  action: string;
  detail: string;
}

/** This feature's tables, part of the typed schema. */
export type EscalationTables = {
  escalations: EscalationsTable;
  escalation_history: EscalationHistoryTable;
};

const nextHistoryId = monotonicFactory();

// Branded ids are plain strings at run time; these casts restore the brand the column lost.
const id = <T extends string>(value: string): T => value as T;
const maybeId = <T extends string>(value: string | null): T | null => (value === null ? null : (value as T));
const maybeNum = (value: number | string | null): number | null => (value === null ? null : Number(value));

function toEscalation(row: Selectable<EscalationsTable>): Escalation {
  return {
    id: id(row.id),
    groupId: id(row.group_id),
    messageId: id(row.message_id),
    alertId: maybeId(row.alert_id),
    reporterId: id(row.reporter_id),
    escalatedBy: id(row.escalated_by),
    clientId: row.client_id,
    channel: row.channel as Escalation['channel'],
    reference: row.reference,
    status: row.status as Escalation['status'],
    outcome: row.outcome as Escalation['outcome'],
    outcomeNote: row.outcome_note,
    consentPhone: Number(row.consent_phone) === 1,
    consentEmail: Number(row.consent_email) === 1,
    consentAt: maybeNum(row.consent_at),
    postedBackMessageId: maybeId(row.posted_back_message_id),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function fromEscalation(e: Escalation): Selectable<EscalationsTable> {
  return {
    id: e.id,
    group_id: e.groupId,
    message_id: e.messageId,
    alert_id: e.alertId,
    reporter_id: e.reporterId,
    escalated_by: e.escalatedBy,
    client_id: e.clientId,
    channel: e.channel,
    reference: e.reference,
    status: e.status,
    outcome: e.outcome,
    outcome_note: e.outcomeNote,
    consent_phone: e.consentPhone ? 1 : 0,
    consent_email: e.consentEmail ? 1 : 0,
    consent_at: e.consentAt,
    posted_back_message_id: e.postedBackMessageId,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

/** The columns a change touches, named as in the table. */
function changeRow(change: EscalationChange): Partial<Selectable<EscalationsTable>> {
  const row: Partial<Selectable<EscalationsTable>> = {};
  if (change.reference !== undefined) row.reference = change.reference;
  if (change.status !== undefined) row.status = change.status;
  if (change.outcome !== undefined) row.outcome = change.outcome;
  if (change.outcomeNote !== undefined) row.outcome_note = change.outcomeNote;
  if (change.consentPhone !== undefined) row.consent_phone = change.consentPhone ? 1 : 0;
  if (change.consentEmail !== undefined) row.consent_email = change.consentEmail ? 1 : 0;
  if (change.consentAt !== undefined) row.consent_at = change.consentAt;
  if (change.postedBackMessageId !== undefined) row.posted_back_message_id = change.postedBackMessageId;
  if (change.updatedAt !== undefined) row.updated_at = change.updatedAt;
  return row;
}

function toHistoryEntry(row: Selectable<EscalationHistoryTable>): EscalationHistoryEntry {
  return {
    escalationId: id(row.escalation_id),
    at: Number(row.at),
    actorId: id(row.actor_id),
    action: row.action as EscalationHistoryEntry['action'],
    detail: JSON.parse(row.detail) as EscalationHistoryEntry['detail'],
  };
}

/** The escalations repository on a Kysely database (or one transaction of it). */
export class SqlEscalationRepository implements EscalationRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}

  createEscalation(escalation: Escalation, first: EscalationHistoryEntry): Promise<CreateEscalationResult> {
    return this.atomically(async (conn) => {
      const existing = await conn
        .selectFrom('escalations')
        .selectAll()
        .where('escalated_by', '=', escalation.escalatedBy)
        .where('client_id', '=', escalation.clientId)
        .executeTakeFirst();
      if (existing) return { escalation: toEscalation(existing), duplicate: true };
      await conn.insertInto('escalations').values(fromEscalation(escalation)).execute();
      await insertHistory(conn, first);
      return { escalation, duplicate: false };
    });
  }

  async getEscalation(escalationId: EscalationId): Promise<Escalation | undefined> {
    const row = await this.db
      .selectFrom('escalations')
      .selectAll()
      .where('id', '=', escalationId)
      .executeTakeFirst();
    return row && toEscalation(row);
  }

  updateEscalation(
    escalationId: EscalationId,
    change: EscalationChange,
    entry: EscalationHistoryEntry,
  ): Promise<Escalation> {
    return this.atomically(async (conn) => {
      const row = changeRow(change);
      if (Object.keys(row).length > 0) {
        const result = await conn
          .updateTable('escalations')
          .set(row)
          .where('id', '=', escalationId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw fail.notFound('Escalation');
      }
      const updated = await conn
        .selectFrom('escalations')
        .selectAll()
        .where('id', '=', escalationId)
        .executeTakeFirst();
      if (!updated) throw fail.notFound('Escalation');
      await insertHistory(conn, entry);
      return toEscalation(updated);
    });
  }

  async listGroupEscalations(groupId: GroupId, filter: EscalationListFilter): Promise<Escalation[]> {
    let query = this.db.selectFrom('escalations').selectAll().where('group_id', '=', groupId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toEscalation);
  }

  async listOrganisationEscalations(
    organisationId: OrganisationId,
    filter: EscalationListFilter,
  ): Promise<Escalation[]> {
    let query = this.db
      .selectFrom('escalations')
      .innerJoin('groups', 'groups.id', 'escalations.group_id')
      .selectAll('escalations')
      .where('groups.organisation_id', '=', organisationId);
    if (filter.status) query = query.where('escalations.status', '=', filter.status);
    const rows = await query
      .orderBy('escalations.created_at', 'desc')
      .orderBy('escalations.id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(toEscalation);
  }

  async listReporterEscalations(reporterId: UserId, limit: number): Promise<Escalation[]> {
    const rows = await this.db
      .selectFrom('escalations')
      .selectAll()
      .where('reporter_id', '=', reporterId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEscalation);
  }

  async listEscalationHistory(escalationId: EscalationId): Promise<EscalationHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('escalation_history')
      .selectAll()
      .where('escalation_id', '=', escalationId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toHistoryEntry);
  }

  async listReplies(messageId: MessageId, limit: number): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('reply_to_id', '=', messageId)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }
}

async function insertHistory(conn: Db, entry: EscalationHistoryEntry): Promise<void> {
  await conn
    .insertInto('escalation_history')
    .values({
      id: nextHistoryId(),
      escalation_id: entry.escalationId,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}
