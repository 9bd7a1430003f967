// Queries for alerts: the alert row, its placement messages in groups, reviews by other
// organisations' groups and identifiers for matching. The writers expect to run inside a transaction.
import { createHash } from 'node:crypto';
import {
  type Alert,
  type AlertChange,
  type AlertId,
  type AlertPlacement,
  type AlertTravelEntry,
  type AlertUpdate,
  type AppendResult,
  type CreateAlertResult,
  type EpochMs,
  fail,
  type GroupArea,
  type GroupId,
  type MatchCandidateFilter,
  type MediaId,
  type Message,
  type MessageId,
  type OrganisationId,
  type ReachGroup,
  type UserId,
} from '@fellwatch/core';
import type { Kysely, Selectable } from 'kysely';
import { monotonicFactory } from 'ulid';
import type { AlertsTable, Database } from './database.js';
import { insertPosted, sequence } from './messages.js';
import { fromAlert, toAlert, toMessage } from './rows.js';

type Db = Kysely<Database>;

const OPEN_STATUSES = ['unverified', 'confirmed'] as const;
const nextMessageId = monotonicFactory();

/**
 * The client id of an alert's placement in a group. Devices' client ids never contain ':', so a
 * placement can never collide with a message its author posted; unique per (alert, group).
 */
export function placementClientId(alertId: AlertId, groupId: GroupId): string {
  const plain = `alert:${alertId}:${groupId}`;
  if (plain.length <= 64) return plain;
  const digest = createHash('sha256').update(`${alertId}\u0000${groupId}`).digest('base64url');
  return `alert:${digest}`;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The alert an author already raised under this client id. */
export async function findAlert(db: Db, authorId: UserId, clientId: string): Promise<Alert | undefined> {
  const row = await db
    .selectFrom('alerts')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row && toAlert(row);
}

/** Appends the alert's placement message in a group, with the group's next sequence. */
function place(db: Db, alert: Alert, groupId: GroupId, at: EpochMs): Promise<AppendResult> {
  return insertPosted(db, {
    id: nextMessageId() as MessageId,
    groupId,
    authorId: alert.authorId,
    clientId: placementClientId(alert.id, groupId),
    body: alert.summary,
    replyToId: null,
    photoIds: alert.photoIds,
    location: alert.location,
    createdAt: at,
    alertId: alert.id,
  });
}

/**
 * Inserts an alert, its identifiers, a placement in every shown group and a pending review in every
 * review group. A repeat of (author, clientId) returns the stored alert and writes nothing.
 */
export async function createAlert(
  db: Db,
  alert: Alert,
  placement: AlertPlacement,
  identifiers: readonly string[],
): Promise<CreateAlertResult> {
  const existing = await findAlert(db, alert.authorId, alert.clientId);
  if (existing) return { alert: existing, placements: [], duplicate: true };
  await db.insertInto('alerts').values(fromAlert(alert)).execute();
  const values = unique(identifiers).filter((v) => v.length > 0);
  if (values.length > 0)
    await db
      .insertInto('alert_identifiers')
      .values(values.map((value) => ({ alert_id: alert.id, value })))
      .execute();
  const photos = unique(alert.photoIds);
  if (photos.length > 0)
    await db
      .insertInto('alert_media')
      .values(photos.map((mediaId) => ({ media_id: mediaId, alert_id: alert.id })))
      .execute();

  const shown = unique(placement.shown);
  const placed = new Map<GroupId, AppendResult>();
  // Groups in a fixed order, so concurrent writers lock group rows in the same order and never deadlock.
  for (const groupId of [...shown].sort())
    placed.set(groupId, await place(db, alert, groupId, alert.createdAt));
  const review = unique(placement.review).filter((g) => !placed.has(g));
  if (review.length > 0)
    await db
      .insertInto('alert_reviews')
      .values(
        review.map((groupId) => ({
          alert_id: alert.id,
          group_id: groupId,
          state: 'pending',
          created_at: alert.createdAt,
          decided_by: null,
          decided_at: null,
        })),
      )
      .execute();
  return { alert, placements: shown.map((g) => placed.get(g) as AppendResult), duplicate: false };
}

/** Reads an alert. */
export async function getAlert(db: Db, id: AlertId): Promise<Alert | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAlert(row);
}

/** Reads many alerts, in the order of `ids`; unknown ids are left out. */
export async function getAlertsByIds(db: Db, ids: readonly AlertId[]): Promise<Alert[]> {
  const wanted = unique(ids);
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom('alerts').selectAll().where('id', 'in', wanted).execute();
  const byId = new Map(rows.map((row) => [row.id, toAlert(row)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

/** Every placement message of an alert, deleted ones included, in the order they were placed. */
export async function listAlertPlacements(db: Db, alertId: AlertId): Promise<Message[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('alert_id', '=', alertId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toMessage);
}

/**
 * Changes the alert row, then appends `alert.updated` in every group where its placement still
 * stands (a placement a moderator deleted no longer shows it). The UPDATE comes first so that, on
 * PostgreSQL, concurrent changes of one alert wait for each other.
 */
export async function updateAlert(db: Db, id: AlertId, change: AlertChange): Promise<AlertUpdate> {
  const set: Partial<Selectable<AlertsTable>> = {};
  if (change.status !== undefined) set.status = change.status;
  if (change.outcome !== undefined) set.outcome = change.outcome;
  if (change.outcomeNote !== undefined) set.outcome_note = change.outcomeNote;
  if (change.linkedAlertId !== undefined) set.linked_alert_id = change.linkedAlertId;
  if (change.confirmedBy !== undefined) set.confirmed_by = change.confirmedBy;
  if (change.resolvedBy !== undefined) set.resolved_by = change.resolvedBy;
  if (change.updatedAt !== undefined) set.updated_at = change.updatedAt;
  const row = await db
    .updateTable('alerts')
    .set((eb) => ({ updated_at: eb.ref('updated_at'), ...set }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw fail.notFound('Alert');
  const alert = toAlert(row);
  const placements = await db
    .selectFrom('messages')
    .selectAll()
    .where('alert_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('group_id')
    .execute();
  const events = [];
  for (const placementRow of placements) {
    const message = toMessage(placementRow);
    events.push({ message, event: await sequence(db, message, 'alert.updated', alert.updatedAt) });
  }
  return { alert, events };
}

/** Alerts whose placement stands in a group, newest first. */
export async function listGroupAlerts(
  db: Db,
  groupId: GroupId,
  filter: { openOnly: boolean; kind?: string; limit: number },
): Promise<Alert[]> {
  if (filter.limit <= 0) return [];
  let query = db
    .selectFrom('messages as m')
    .innerJoin('alerts as a', 'a.id', 'm.alert_id')
    .selectAll('a')
    .where('m.group_id', '=', groupId)
    .where('m.alert_id', 'is not', null)
    .where('m.deleted_at', 'is', null);
  if (filter.openOnly) query = query.where('a.status', 'in', [...OPEN_STATUSES]);
  if (filter.kind !== undefined) query = query.where('a.kind', '=', filter.kind);
  const rows = await query
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toAlert);
}

/**
 * The groups alerts were placed in (deleted placements included: the alert went there) and the groups
 * still reviewing them, each with its organisation: two indexed reads for a whole list of alerts.
 */
export async function listAlertTravel(db: Db, alertIds: readonly AlertId[]): Promise<AlertTravelEntry[]> {
  const wanted = unique(alertIds);
  if (wanted.length === 0) return [];
  const shown = await db
    .selectFrom('messages as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select(['m.alert_id as alert_id', 'm.group_id as group_id', 'g.organisation_id as organisation_id'])
    .distinct()
    .where('m.alert_id', 'in', wanted)
    .execute();
  const reviewing = await db
    .selectFrom('alert_reviews as r')
    .innerJoin('groups as g', 'g.id', 'r.group_id')
    .select(['r.alert_id as alert_id', 'r.group_id as group_id', 'g.organisation_id as organisation_id'])
    .where('r.alert_id', 'in', wanted)
    .where('r.state', '=', 'pending')
    .execute();
  const entry = (reviewing: boolean) => (row: (typeof shown)[number]) => ({
    alertId: row.alert_id as AlertId,
    groupId: row.group_id as GroupId,
    organisationId: row.organisation_id as OrganisationId,
    reviewing,
  });
  return [...shown.map(entry(false)), ...reviewing.map(entry(true))];
}

/** Alerts waiting for a group's review, oldest first. */
export async function listAlertReviews(db: Db, groupId: GroupId): Promise<Alert[]> {
  const rows = await db
    .selectFrom('alert_reviews as r')
    .innerJoin('alerts as a', 'a.id', 'r.alert_id')
    .selectAll('a')
    .where('r.group_id', '=', groupId)
    .where('r.state', '=', 'pending')
    .orderBy('r.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toAlert);
}

/**
 * Decides a pending review; accepting appends the placement. The state moves by a conditional
 * UPDATE, so of two admins deciding at once one wins and the other gets a conflict.
 */
export async function decideAlertReview(
  db: Db,
  alertId: AlertId,
  groupId: GroupId,
  accept: boolean,
  by: UserId,
  at: EpochMs,
): Promise<AppendResult | undefined> {
  const result = await db
    .updateTable('alert_reviews')
    .set({ state: accept ? 'accepted' : 'declined', decided_by: by, decided_at: at })
    .where('alert_id', '=', alertId)
    .where('group_id', '=', groupId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const review = await db
      .selectFrom('alert_reviews')
      .select('state')
      .where('alert_id', '=', alertId)
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    if (!review) throw fail.notFound('Alert review');
    throw fail.conflict(`This alert was already ${review.state} for the group.`);
  }
  if (!accept) return undefined;
  const alert = await getAlert(db, alertId);
  if (!alert) throw fail.notFound('Alert');
  return place(db, alert, groupId, at);
}

/** The groups where an alert carrying this photo is shown (its placement not deleted), each once. */
export async function listAlertGroupsOfMedia(db: Db, mediaId: MediaId): Promise<GroupId[]> {
  const rows = await db
    .selectFrom('alert_media')
    .innerJoin('messages', 'messages.alert_id', 'alert_media.alert_id')
    .select('messages.group_id')
    .distinct()
    .where('alert_media.media_id', '=', mediaId)
    .where('messages.deleted_at', 'is', null)
    .orderBy('messages.group_id')
    .execute();
  return rows.map((row) => row.group_id as GroupId);
}

/** A number that changes whenever a group is created or changed: reach's groups are kept until it does. */
export async function reachVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('reach_version').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Marks the groups reach reads as changed; call after writing the group, in the same transaction. */
export async function bumpReachVersion(db: Db): Promise<void> {
  await db
    .updateTable('reach_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** Every group, with what deciding an alert's reach needs. */
export async function listReachGroups(db: Db): Promise<ReachGroup[]> {
  const rows = await db
    .selectFrom('groups')
    .select(['id', 'organisation_id', 'area', 'external_alerts'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id as GroupId,
    organisationId: row.organisation_id as ReachGroup['organisationId'],
    area: row.area === null ? null : (JSON.parse(row.area) as GroupArea),
    externalAlerts: row.external_alerts as ReachGroup['externalAlerts'],
  }));
}

/**
 * Open alerts that may match: those sharing an identifier first (found through the identifiers'
 * index), then those meeting the category, place and age filters, newest first. Both steps pick
 * ids from covering indexes; only the chosen alerts' rows are read.
 */
export async function findMatchCandidates(db: Db, filter: MatchCandidateFilter): Promise<Alert[]> {
  if (filter.limit <= 0 || filter.kinds.length === 0) return [];
  const open = db
    .selectFrom('alerts')
    .select(['id', 'created_at'])
    .where('kind', 'in', unique(filter.kinds))
    .where('status', 'in', [...OPEN_STATUSES]);
  const newestFirst = <Q extends typeof open>(query: Q) =>
    query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();

  const identifiers = unique(filter.identifiers).filter((v) => v.length > 0);
  // Two steps, so the identifiers' index leads: as one query SQLite would rather walk every open alert.
  const sharing =
    identifiers.length === 0
      ? []
      : await db
          .selectFrom('alert_identifiers')
          .select('alert_id')
          .distinct()
          .where('value', 'in', identifiers)
          .execute();
  const byIdentifier =
    sharing.length === 0
      ? []
      : await newestFirst(
          open.where(
            'id',
            'in',
            sharing.map((r) => r.alert_id),
          ),
        );

  let nearby = open;
  if (filter.category !== undefined) nearby = nearby.where('category', '=', filter.category);
  if (filter.bbox) {
    const { minLat, maxLat, minLng, maxLng } = filter.bbox;
    nearby = nearby
      .where('lat', '>=', minLat)
      .where('lat', '<=', maxLat)
      .where('lng', '>=', minLng)
      .where('lng', '<=', maxLng);
  }
  if (filter.since !== undefined) nearby = nearby.where('created_at', '>=', filter.since);
  const others = await newestFirst(nearby);

  const chosen = unique([...byIdentifier, ...others].map((r) => r.id as AlertId)).slice(0, filter.limit);
  return getAlertsByIds(db, chosen);
}
