// Retention of the record officers keep once a missing person is found: its rule, the sweep that deletes
// records whose time has run out, and deletion by an officer before then (ADR 6).
import type { Actor } from '../model/actor.js';
import { fail } from '../model/errors.js';
import type { AlertId, EpochMs, UserId } from '../model/ids.js';
import { canDeleteMissingRecord } from '../policies/index.js';
import type { DeletedMissingRecord, Ports, RecordPhoto } from '../ports/index.js';
import { photoKeys } from './photos.js';

/** How long a found person's record is kept until the organisation's admins choose otherwise: a year. */
export const DEFAULT_RECORD_RETENTION_DAYS = 365;
/** The shortest rule an organisation may set: long enough for a review of how the search went. */
export const MIN_RECORD_RETENTION_DAYS = 30;
/** The longest rule an organisation may set: ten years. */
export const MAX_RECORD_RETENTION_DAYS = 3650;
/** Records deleted per batch of a sweep; a sweep carries on batch after batch until none is due. */
export const RECORD_SWEEP_BATCH = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a record was deleted, as the audit log says it. */
export type RecordDeletionReason = 'expired' | 'deleted early';

/** What one sweep did: the records it deleted, and those it could not (tried again at the next sweep). */
export interface RecordSweepResult {
  deleted: AlertId[];
  failed: { alertId: AlertId; error: unknown }[];
}

/** Checks a retention rule: a whole number of days from 30 to 3650. */
export function checkRecordRetentionDays(value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < MIN_RECORD_RETENTION_DAYS ||
    value > MAX_RECORD_RETENTION_DAYS
  ) {
    throw fail.invalid(
      `Keep a found person's record for a whole number of days from ${MIN_RECORD_RETENTION_DAYS} to ${MAX_RECORD_RETENTION_DAYS}.`,
      'recordRetentionDays',
    );
  }
  return value;
}

/** When a record withdrawn at `withdrawnAt` is deleted under a rule of `days`. */
export function recordKeptUntil(withdrawnAt: EpochMs, days: number): EpochMs {
  return withdrawnAt + days * DAY_MS;
}

/**
 * Deletes every record whose organisation's rule has run out by the clock's now, soonest due first,
 * each with its photos and an audit entry that names no one ("expired"). Safe to run on several nodes
 * at once: each record is deleted, and audited, by exactly one of them. A record that fails (its
 * photos could not be removed) is left whole for the next sweep, and the others carry on.
 */
export async function sweepExpiredRecords(
  ports: Pick<Ports, 'store' | 'clock' | 'media'>,
): Promise<RecordSweepResult> {
  const now = ports.clock.now();
  const result: RecordSweepResult = { deleted: [], failed: [] };
  const tried = new Set<AlertId>();
  for (;;) {
    const due = await ports.store.sightings.listExpiredMissingRecords(
      now,
      DEFAULT_RECORD_RETENTION_DAYS,
      // Those that failed are still due and listed again; the batch is the rest.
      RECORD_SWEEP_BATCH + result.failed.length,
    );
    const fresh = due.filter((r) => !tried.has(r.alertId));
    if (fresh.length === 0) return result;
    for (const record of fresh) {
      tried.add(record.alertId);
      try {
        const deleted = await eraseRecord(ports, record.alertId, 'expired', null, now);
        if (deleted) result.deleted.push(record.alertId);
      } catch (error) {
        result.failed.push({ alertId: record.alertId, error });
      }
    }
  }
}

/**
 * Deletes one record now, before its organisation's rule would: for an officer or an admin of the
 * organisation that keeps it; to anyone else it does not exist. Audited as "deleted early" with who.
 * Once deleted, the record and every address of its photos answer "not found" to everyone.
 */
export async function deleteMissingRecord(
  ports: Pick<Ports, 'store' | 'clock' | 'media'>,
  actor: Actor,
  alertId: AlertId,
): Promise<void> {
  const record = await ports.store.sightings.getMissingRecord(alertId);
  if (!record || !canDeleteMissingRecord(actor, record.organisationId)) throw fail.notFound('Record');
  const deleted = await eraseRecord(ports, alertId, 'deleted early', actor.user.id, ports.clock.now());
  // Deleted by someone else (or by the sweep) a moment ago.
  if (!deleted) throw fail.notFound('Record');
}

/**
 * The photo files go first, then the rows and the audit entry in one transaction: a failure part-way
 * leaves the record in place for the next attempt, never files nobody can find. A second caller (another
 * node) removes the same files harmlessly, then finds no record and writes nothing.
 */
async function eraseRecord(
  ports: Pick<Ports, 'store' | 'media'>,
  alertId: AlertId,
  reason: RecordDeletionReason,
  by: UserId | null,
  at: EpochMs,
): Promise<DeletedMissingRecord | undefined> {
  const photos = await ports.store.sightings.listRecordPhotos(alertId);
  await deletePhotoFiles(ports, photos);
  return ports.store.transaction(async (tx) => {
    const deleted = await tx.sightings.deleteMissingRecord(alertId);
    if (deleted) {
      await tx.appendAudit({
        actorId: by,
        action: 'alert.record_deleted',
        subjectType: 'alert',
        subjectId: alertId,
        groupId: null,
        // No one's details: which alert, whose record, and why.
        detail: { organisationId: deleted.organisationId, reason },
        at,
      });
    }
    return deleted;
  });
}

/** Both re-encoded copies of each photo, and its original unless another photo has the same bytes. */
async function deletePhotoFiles(ports: Pick<Ports, 'media'>, photos: readonly RecordPhoto[]): Promise<void> {
  for (const photo of photos) {
    await ports.media.delete(photoKeys.display(photo.mediaId));
    await ports.media.delete(photoKeys.thumb(photo.mediaId));
    if (!photo.originalShared) await ports.media.delete(photoKeys.original(photo.sha256));
  }
}
