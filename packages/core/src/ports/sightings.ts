// Missing people: sightings reported against a missing-person alert, and withdrawal of their details once found.
import type { Alert, Sighting } from '../model/entities.js';
import type { AlertId, EpochMs, MediaId, OrganisationId, UserId } from '../model/ids.js';
import type { AlertChange, AlertUpdate } from './store.js';

/** Result of adding a sighting: the alert's `alert.updated` in every group where it is shown. */
export interface AddSightingOutcome {
  sighting: Sighting;
  /** No events when `duplicate`. */
  update: AlertUpdate;
  /** True when (authorId, clientId) already existed: the first copy is returned and nothing is written. */
  duplicate: boolean;
}

/** What is left of a missing-person alert once withdrawn, and the change of status that closes it. */
export interface MissingWithdrawal {
  /** The status, outcome, resolver and time, as for any status change; the note goes to the record only. */
  change: AlertChange;
  /** What every group sees instead: the details reduced to `{ kind, withdrawn }`, and a short thank-you. */
  details: Record<string, unknown>;
  summary: string;
  organisationId: OrganisationId;
  by: UserId;
  at: EpochMs;
}

/** The original alert and sightings kept for officers once a missing-person alert is withdrawn. */
export interface MissingRecord {
  alert: Alert;
  sightings: Sighting[];
  /** The note written when it was closed: kept here, never shown to the groups. */
  outcomeNote: string | null;
  organisationId: OrganisationId;
  withdrawnAt: EpochMs;
  withdrawnBy: UserId;
}

/** A photo withdrawn with a missing-person alert: served to officers of the organisation only. */
export interface WithdrawnMedia {
  mediaId: MediaId;
  alertId: AlertId;
  organisationId: OrganisationId;
  withdrawnAt: EpochMs;
}

/** A record whose time under its organisation's retention rule has run out. */
export interface ExpiredMissingRecord {
  alertId: AlertId;
  organisationId: OrganisationId;
  withdrawnAt: EpochMs;
  /** `withdrawnAt` plus the organisation's rule: the moment it became due for deletion. */
  keptUntil: EpochMs;
}

/** A photo kept with a record, as deleting it needs to know it: which files to remove from the MediaStore. */
export interface RecordPhoto {
  mediaId: MediaId;
  sha256: string;
  /**
   * Another photo (not kept with this record) has the same bytes: the original, stored once under its
   * SHA-256, is theirs too and must stay.
   */
  originalShared: boolean;
}

/** What deleting a record removed: its row, its photos' withdrawal rows and the photos themselves. */
export interface DeletedMissingRecord {
  alertId: AlertId;
  organisationId: OrganisationId;
  withdrawnAt: EpochMs;
  mediaIds: MediaId[];
}

/** Sightings, and the withdrawal of a missing person's details with the record officers keep. */
export interface SightingRepository {
  /**
   * Adds a sighting to an open alert and, in the same transaction, lets members of every group showing
   * the alert see its photos and appends `alert.updated` in each such group. Idempotent on (authorId,
   * clientId). Fails with conflict when the alert is no longer open, not_found when it does not exist.
   */
  addSighting(sighting: Sighting): Promise<AddSightingOutcome>;
  /** The alert's sightings, newest seen first; withdrawn ones only with `includeWithdrawn`. */
  listSightings(alertId: AlertId, options?: { includeWithdrawn?: boolean }): Promise<Sighting[]>;
  /** How many sightings (not withdrawn) each alert has; alerts without any are left out. */
  countSightings(alertIds: readonly AlertId[]): Promise<Map<AlertId, number>>;
  /**
   * Withdraws a missing person's details everywhere in one transaction: keeps the alert and its
   * sightings as they were in the record, replaces the alert's details, summary, place and photos,
   * the placements' bodies, photos and points and the sightings' notes, places and photos, marks every
   * photo withdrawn, changes the status, and appends `alert.updated` in every group where it is shown.
   */
  withdrawMissingAlert(alertId: AlertId, withdrawal: MissingWithdrawal): Promise<AlertUpdate>;
  /** The record kept when the alert was withdrawn. */
  getMissingRecord(alertId: AlertId): Promise<MissingRecord | undefined>;
  /** The withdrawal of a photo, if it was withdrawn. */
  getWithdrawnMedia(mediaId: MediaId): Promise<WithdrawnMedia | undefined>;
  /** Whether a missing-person alert or a sighting carries this photo (so it may be withdrawn later). */
  isMissingPersonMedia(mediaId: MediaId): Promise<boolean>;
  /**
   * Records due for deletion at `now`: withdrawn at least their organisation's rule ago (its
   * `recordRetentionDays`, or `defaultRetentionDays` for one that has set none), soonest due first.
   */
  listExpiredMissingRecords(
    now: EpochMs,
    defaultRetentionDays: number,
    limit: number,
  ): Promise<ExpiredMissingRecord[]>;
  /** The photos withdrawn with this alert that are still stored (see RecordPhoto). */
  listRecordPhotos(alertId: AlertId): Promise<RecordPhoto[]>;
  /**
   * Deletes the record in one transaction: its row, the withdrawal rows of its photos, and those
   * photos' media rows (so every address of them answers "not found"). The alert and the placements,
   * already reduced to "found safe", stay. Undefined when there was no record (already deleted, perhaps
   * by another node at the same moment): nothing is written then.
   */
  deleteMissingRecord(alertId: AlertId): Promise<DeletedMissingRecord | undefined>;
}
