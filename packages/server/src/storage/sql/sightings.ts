// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import {
  type AddSightingOutcome,
  type Alert,
  type AlertId,
  type AlertUpdate,
  type DeletedMissingRecord,
  type EpochMs,
  type ExpiredMissingRecord,
  fail,
  type GroupId,
  type MediaId,
  type MissingRecord,
  type MissingWithdrawal,
  type OrganisationId,
  type RecordPhoto,
  type Sighting,
  type SightingId,
  type SightingRepository,
  type UserId,
  type WithdrawnMedia,
} from '@fellwatch/core';
import { type Selectable, sql } from 'kysely';
import { getAlert, updateAlert } from './alerts.js';
import { isUniqueViolation } from './errors.js';
import type { Atomically, Db } from './repository.js';
import { toAlert } from './rows.js';

/** A sighting; `photo_ids` is JSON text, `withdrawn_at` set once the person's details are withdrawn. */
export interface SightingsTable {
  id: string;
  alert_id: string;
  group_id: string;
  author_id: string;
  client_id: string;
  seen_at: number;
  lat: number | null;
  lng: number | null;
  place_text: string | null;
  note: string;
  photo_ids: string;
  created_at: number;
  withdrawn_at: number | null;
}

/** What officers keep of a withdrawn missing-person alert: the alert and its sightings as JSON text. */
export interface MissingRecordsTable {
  alert_id: string;
  organisation_id: string;
  alert: string;
  sightings: string;
  outcome_note: string | null;
  withdrawn_at: number;
  withdrawn_by: string;
}

/** A photo withdrawn with a missing-person alert. */
export interface WithdrawnMediaTable {
  media_id: string;
  alert_id: string;
  organisation_id: string;
  withdrawn_at: number;
}

/** This feature's tables, part of the typed schema. */
export type SightingTables = {
  sightings: SightingsTable;
  missing_records: MissingRecordsTable;
  withdrawn_media: WithdrawnMediaTable;
};

const OPEN_STATUSES = ['unverified', 'confirmed'];
const DAY_MS = 24 * 60 * 60 * 1000;
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Reads a sightings row. */
function toSighting(row: Selectable<SightingsTable>): Sighting {
  return {
    id: row.id as SightingId,
    alertId: row.alert_id as AlertId,
    groupId: row.group_id as GroupId,
    authorId: row.author_id as UserId,
    clientId: row.client_id,
    seenAt: Number(row.seen_at),
    location: row.lat === null || row.lng === null ? null : { lat: Number(row.lat), lng: Number(row.lng) },
    placeText: row.place_text,
    note: row.note,
    photoIds: JSON.parse(row.photo_ids) as MediaId[],
    createdAt: Number(row.created_at),
    withdrawnAt: row.withdrawn_at === null ? null : Number(row.withdrawn_at),
  };
}

/** Writes a sightings row. */
function fromSighting(s: Sighting): Selectable<SightingsTable> {
  return {
    id: s.id,
    alert_id: s.alertId,
    group_id: s.groupId,
    author_id: s.authorId,
    client_id: s.clientId,
    seen_at: s.seenAt,
    lat: s.location?.lat ?? null,
    lng: s.location?.lng ?? null,
    place_text: s.placeText,
    note: s.note,
    photo_ids: JSON.stringify(s.photoIds),
    created_at: s.createdAt,
    withdrawn_at: s.withdrawnAt,
  };
}

/** The sighting an author already reported under this client id, with its alert as it is now. */
async function findSighting(
  db: Db,
  authorId: UserId,
  clientId: string,
): Promise<AddSightingOutcome | undefined> {
  const row = await db
    .selectFrom('sightings')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  const alert = await getAlert(db, row.alert_id as AlertId);
  if (!alert) throw fail.notFound('Alert');
  return { sighting: toSighting(row), update: { alert, events: [] }, duplicate: true };
}

/** Lets members of every group showing the alert open these photos (see listAlertGroupsOfMedia). */
async function openPhotosToAlertGroups(db: Db, alertId: AlertId, photoIds: readonly MediaId[]) {
  const photos = unique(photoIds);
  if (photos.length === 0) return;
  await db
    .insertInto('alert_media')
    .values(photos.map((mediaId) => ({ media_id: mediaId, alert_id: alertId })))
    .onConflict((oc) => oc.columns(['media_id', 'alert_id']).doNothing())
    .execute();
}

/** The sightings repository on a Kysely database (or one transaction of it). */
export class SqlSightingRepository implements SightingRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}

  /**
   * The alert's row is changed first, so on PostgreSQL a sighting and a withdrawal of the same alert
   * wait for each other, and a sighting can never land on an alert already withdrawn.
   */
  async addSighting(sighting: Sighting): Promise<AddSightingOutcome> {
    try {
      return await this.atomically(async (conn) => {
        const first = await findSighting(conn, sighting.authorId, sighting.clientId);
        if (first) return first;
        const update = await updateAlert(conn, sighting.alertId, { updatedAt: sighting.createdAt });
        if (!OPEN_STATUSES.includes(update.alert.status)) {
          throw fail.conflict(`This alert was already ${update.alert.status}.`, 'alertId');
        }
        await conn.insertInto('sightings').values(fromSighting(sighting)).execute();
        await openPhotosToAlertGroups(conn, sighting.alertId, sighting.photoIds);
        return { sighting, update, duplicate: false };
      });
    } catch (error) {
      // Two first copies raced (possible on PostgreSQL from another node): the loser returns the winner.
      const conflict = error instanceof Error && 'code' in error && error.code === 'conflict';
      if (conflict || isUniqueViolation(error)) {
        const first = await findSighting(this.db, sighting.authorId, sighting.clientId);
        if (first) return first;
      }
      throw error;
    }
  }

  async listSightings(alertId: AlertId, options: { includeWithdrawn?: boolean } = {}): Promise<Sighting[]> {
    let query = this.db.selectFrom('sightings').selectAll().where('alert_id', '=', alertId);
    if (!options.includeWithdrawn) query = query.where('withdrawn_at', 'is', null);
    const rows = await query.orderBy('seen_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toSighting);
  }

  async countSightings(alertIds: readonly AlertId[]): Promise<Map<AlertId, number>> {
    const ids = unique(alertIds);
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('sightings')
      .select(['alert_id', (eb) => eb.fn.countAll().as('count')])
      .where('alert_id', 'in', ids)
      .where('withdrawn_at', 'is', null)
      .groupBy('alert_id')
      .execute();
    return new Map(rows.map((r) => [r.alert_id as AlertId, Number(r.count)]));
  }

  withdrawMissingAlert(alertId: AlertId, withdrawal: MissingWithdrawal): Promise<AlertUpdate> {
    return this.atomically((conn) => withdraw(conn, alertId, withdrawal));
  }

  async getMissingRecord(alertId: AlertId): Promise<MissingRecord | undefined> {
    const row = await this.db
      .selectFrom('missing_records')
      .selectAll()
      .where('alert_id', '=', alertId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      alert: JSON.parse(row.alert) as Alert,
      sightings: JSON.parse(row.sightings) as Sighting[],
      outcomeNote: row.outcome_note,
      organisationId: row.organisation_id as OrganisationId,
      withdrawnAt: Number(row.withdrawn_at),
      withdrawnBy: row.withdrawn_by as UserId,
    };
  }

  async getWithdrawnMedia(mediaId: MediaId): Promise<WithdrawnMedia | undefined> {
    const row = await this.db
      .selectFrom('withdrawn_media')
      .selectAll()
      .where('media_id', '=', mediaId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      mediaId: row.media_id as MediaId,
      alertId: row.alert_id as AlertId,
      organisationId: row.organisation_id as OrganisationId,
      withdrawnAt: Number(row.withdrawn_at),
    };
  }

  async isMissingPersonMedia(mediaId: MediaId): Promise<boolean> {
    const row = await this.db
      .selectFrom('alert_media')
      .innerJoin('alerts', 'alerts.id', 'alert_media.alert_id')
      .select('alerts.id')
      .where('alert_media.media_id', '=', mediaId)
      .where('alerts.kind', '=', 'missing')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async listExpiredMissingRecords(
    now: EpochMs,
    defaultRetentionDays: number,
    limit: number,
  ): Promise<ExpiredMissingRecord[]> {
    // The rule as the organisation set it beside its numbers, else the default; days as bigint, so
    // ten years in milliseconds does not overflow PostgreSQL's integer.
    const keptUntil = sql<number>`missing_records.withdrawn_at + cast(coalesce(emergency_guidance.record_retention_days, ${defaultRetentionDays}) as bigint) * ${sql.lit(DAY_MS)}`;
    const rows = await this.db
      .selectFrom('missing_records')
      .leftJoin('emergency_guidance', 'emergency_guidance.organisation_id', 'missing_records.organisation_id')
      .select([
        'missing_records.alert_id',
        'missing_records.organisation_id',
        'missing_records.withdrawn_at',
        keptUntil.as('kept_until'),
      ])
      .where(keptUntil, '<=', now)
      .orderBy('kept_until')
      .orderBy('missing_records.alert_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      alertId: r.alert_id as AlertId,
      organisationId: r.organisation_id as OrganisationId,
      withdrawnAt: Number(r.withdrawn_at),
      keptUntil: Number(r.kept_until),
    }));
  }

  async listRecordPhotos(alertId: AlertId): Promise<RecordPhoto[]> {
    const rows = await this.db
      .selectFrom('withdrawn_media')
      .innerJoin('media', 'media.id', 'withdrawn_media.media_id')
      .select(['media.id', 'media.sha256'])
      .where('withdrawn_media.alert_id', '=', alertId)
      .orderBy('media.id')
      .execute();
    if (rows.length === 0) return [];
    const others = await this.db
      .selectFrom('media')
      .select('sha256')
      .where('sha256', 'in', unique(rows.map((r) => r.sha256)))
      .where(
        'id',
        'not in',
        rows.map((r) => r.id),
      )
      .execute();
    const shared = new Set(others.map((o) => o.sha256));
    return rows.map((r) => ({
      mediaId: r.id as MediaId,
      sha256: r.sha256,
      originalShared: shared.has(r.sha256),
    }));
  }

  deleteMissingRecord(alertId: AlertId): Promise<DeletedMissingRecord | undefined> {
    return this.atomically(async (conn) => {
      // First the record's row: on PostgreSQL a second deletion waits here, then finds nothing.
      const record = await conn
        .deleteFrom('missing_records')
        .where('alert_id', '=', alertId)
        .returning(['organisation_id', 'withdrawn_at'])
        .executeTakeFirst();
      if (!record) return undefined;
      const withdrawn = await conn
        .deleteFrom('withdrawn_media')
        .where('alert_id', '=', alertId)
        .returning('media_id')
        .execute();
      const mediaIds = withdrawn.map((w) => w.media_id as MediaId).sort();
      if (mediaIds.length > 0) {
        await conn.deleteFrom('alert_media').where('media_id', 'in', mediaIds).execute();
        await conn.deleteFrom('media').where('id', 'in', mediaIds).execute();
      }
      return {
        alertId,
        organisationId: record.organisation_id as OrganisationId,
        withdrawnAt: Number(record.withdrawn_at),
        mediaIds,
      };
    });
  }
}

/**
 * Withdraws a missing person's details, in the caller's transaction. The first statement takes the
 * alert's row (on PostgreSQL a concurrent sighting or withdrawal waits, then sees this one's result);
 * the record keeps the alert and sightings exactly as they were before anything is overwritten.
 */
async function withdraw(db: Db, alertId: AlertId, w: MissingWithdrawal): Promise<AlertUpdate> {
  const row = await db
    .updateTable('alerts')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', alertId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw fail.notFound('Alert');
  const original = toAlert(row);
  if (original.kind !== 'missing') throw fail.invalid('Only a missing person’s details are withdrawn.');
  if (original.details.withdrawn === true) throw fail.conflict('This alert was already withdrawn.', 'status');

  const sightings = (
    await db
      .selectFrom('sightings')
      .selectAll()
      .where('alert_id', '=', alertId)
      .where('withdrawn_at', 'is', null)
      .orderBy('seen_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).map(toSighting);
  await db
    .insertInto('missing_records')
    .values({
      alert_id: alertId,
      organisation_id: w.organisationId,
      alert: JSON.stringify(original),
      sightings: JSON.stringify(sightings),
      outcome_note: w.change.outcomeNote ?? null,
      withdrawn_at: w.at,
      withdrawn_by: w.by,
    })
    .execute();

  const photos = unique([...original.photoIds, ...sightings.flatMap((s) => s.photoIds)]);
  if (photos.length > 0) {
    await db
      .insertInto('withdrawn_media')
      .values(
        photos.map((mediaId) => ({
          media_id: mediaId,
          alert_id: alertId,
          organisation_id: w.organisationId,
          withdrawn_at: w.at,
        })),
      )
      .onConflict((oc) => oc.column('media_id').doNothing())
      .execute();
  }
  await db
    .updateTable('sightings')
    .set({ note: '', photo_ids: '[]', lat: null, lng: null, place_text: null, withdrawn_at: w.at })
    .where('alert_id', '=', alertId)
    .where('withdrawn_at', 'is', null)
    .execute();
  await db
    .updateTable('messages')
    .set({ body: w.summary, photo_ids: '[]', lat: null, lng: null })
    .where('alert_id', '=', alertId)
    .execute();
  await db.deleteFrom('alert_identifiers').where('alert_id', '=', alertId).execute();
  await db
    .updateTable('alerts')
    .set({
      details: JSON.stringify(w.details),
      summary: w.summary,
      place_text: null,
      lat: null,
      lng: null,
      photo_ids: '[]',
      category: null,
    })
    .where('id', '=', alertId)
    .execute();
  return updateAlert(db, alertId, { ...w.change, outcomeNote: null });
}
