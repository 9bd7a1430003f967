// Actions on missing-person alerts: report a sighting, list them, and read the record officers keep once found.
import type { Actor } from '../model/actor.js';
import type { Alert, GeoPoint, Group, Membership, Sighting, SightingId } from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { AlertId, EpochMs, GroupId, MediaId } from '../model/ids.js';
import {
  canReadMissingRecord,
  canReportSighting,
  canSeeGroup,
  canSeeSightingReporters,
  isActiveMember,
} from '../policies/index.js';
import type { MissingRecord, Ports, Repositories } from '../ports/index.js';
import { checkAlertLocation, checkPlaceText, isOpenAlert } from './alert-input.js';
import { messageLength } from './messages.js';
import { recordKeptUntil } from './record-retention.js';
import { guidanceFor } from './safety.js';

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** The most photos one sighting carries. */
export const MAX_SIGHTING_PHOTOS = 4;
/** The longest note on a sighting, in characters. */
export const MAX_SIGHTING_NOTE = 1000;
/** How far ahead of the server's clock a phone's "seen at" may be before it is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** What a member sends to report a sighting. */
export interface AddSightingInput {
  /** Chosen by the device; reporting again with the same one returns the first sighting. */
  clientId: string;
  /** The group it is reported from: one where the alert is shown. */
  groupId: GroupId;
  seenAt: number;
  location?: GeoPoint;
  placeText?: string;
  note?: string;
  photoIds?: MediaId[];
}

/** The sighting, and the alert as every group now shows it. */
export interface AddSightingResult {
  sighting: Sighting;
  alert: Alert;
  duplicate: boolean;
}

/** An alert's sightings for one viewer, and whether that viewer may see who reported them. */
export interface SightingListResult {
  alert: Alert;
  sightings: Sighting[];
  /** The person's details were withdrawn (found, or the alert closed): no sightings are shown. */
  withdrawn: boolean;
  showReporters: boolean;
}

/** The record officers keep, and when it will be deleted under the organisation's rule as it is now. */
export interface KeptMissingRecord extends MissingRecord {
  keptUntil: EpochMs;
}

/**
 * Reports a sighting of a missing person from one of the groups showing the alert: where (a point or
 * the place as typed) and when are required. In one transaction the sighting is stored, its photos
 * opened to every group showing the alert, and `alert.updated` appended in each, so every card counts it.
 */
export async function addSighting(
  ports: Ports,
  actor: Actor,
  alertId: AlertId,
  input: AddSightingInput,
): Promise<AddSightingResult> {
  const { store } = ports;
  await requireReporter(store, actor, input.groupId);
  const alert = await store.getAlert(alertId);
  const shownHere = alert
    ? (await store.listAlertPlacements(alert.id)).some(
        (m) => m.groupId === input.groupId && m.deletedAt === null,
      )
    : false;
  if (!alert || !shownHere) throw new DomainError('not_found', 'Alert not found.', 'alertId');
  if (alert.kind !== 'missing') {
    throw fail.invalid('Sightings are reported on missing-person alerts only.', 'alertId');
  }
  if (!isOpenAlert(alert)) throw fail.conflict(`This alert was already ${alert.status}.`, 'alertId');

  const now = ports.clock.now();
  const sighting: Sighting = {
    id: ports.ids.next() as SightingId,
    alertId: alert.id,
    groupId: input.groupId,
    authorId: actor.user.id,
    clientId: checkClientId(input.clientId),
    seenAt: checkSeenAt(input.seenAt, now),
    ...checkPlace(input.location, input.placeText),
    note: checkNote(input.note),
    photoIds: await checkPhotos(store, input.groupId, input.photoIds),
    createdAt: now,
    withdrawnAt: null,
  };
  const added = await store.sightings.addSighting(sighting);
  if (added.duplicate && added.sighting.alertId !== alert.id) {
    throw fail.conflict('This client id was already used for another sighting.', 'clientId');
  }
  for (const change of added.update.events) {
    ports.events.publish({ kind: 'group', event: change.event, message: change.message });
  }
  return { sighting: added.sighting, alert: added.update.alert, duplicate: added.duplicate };
}

/**
 * An alert's sightings from every group, newest first, for an active member of a group where it is
 * shown or an officer of the organisation that raised it. None once the person's details are withdrawn.
 */
export async function listSightings(
  ports: Ports,
  actor: Actor,
  alertId: AlertId,
): Promise<SightingListResult> {
  const { store } = ports;
  const alert = await requireAlertViewer(store, actor, alertId);
  if (alert.kind !== 'missing') {
    throw fail.invalid('Sightings are reported on missing-person alerts only.', 'alertId');
  }
  const withdrawn = alert.details.withdrawn === true;
  return {
    alert,
    sightings: withdrawn ? [] : await store.sightings.listSightings(alert.id),
    withdrawn,
    showReporters: canSeeSightingReporters(actor),
  };
}

/**
 * The record kept once a missing person's details were withdrawn: the alert and its sightings as they
 * were, and when it will be deleted. Only officers of the organisation that owns the alert's group may
 * read it, and each read is audited; to anyone else it does not exist.
 */
export async function readMissingRecord(
  ports: Ports,
  actor: Actor,
  alertId: AlertId,
): Promise<KeptMissingRecord> {
  const { store } = ports;
  const alert = await store.getAlert(alertId);
  const origin = alert && (await store.getGroup(alert.originGroupId));
  if (!alert || !origin || !canReadMissingRecord(actor, origin.organisationId)) {
    throw fail.notFound('Record');
  }
  const record = await store.sightings.getMissingRecord(alert.id);
  if (!record) throw fail.notFound('Record');
  const rule = await guidanceFor(store, record.organisationId);
  await store.appendAudit({
    actorId: actor.user.id,
    action: 'alert.record_viewed',
    subjectType: 'alert',
    subjectId: alert.id,
    groupId: alert.originGroupId,
    detail: { sightings: record.sightings.length },
    at: ports.clock.now(),
  });
  return { ...record, keptUntil: recordKeptUntil(record.withdrawnAt, rule.recordRetentionDays) };
}

/** The reporter must be an active member of the group; others learn nothing about it. */
async function requireReporter(store: Repositories, actor: Actor, groupId: GroupId): Promise<Group> {
  const group = typeof groupId === 'string' ? await store.getGroup(groupId) : undefined;
  if (!group) throw new DomainError('not_found', 'Group not found.', 'groupId');
  const membership = await store.getMembership(group.id, actor.user.id);
  if (canReportSighting(membership)) return group;
  if (canSeeGroup(actor, group, membership)) {
    throw new DomainError('forbidden', 'Only active members report sightings.', 'groupId');
  }
  throw new DomainError('not_found', 'Group not found.', 'groupId');
}

/** Active members of a group showing the alert, and officers of its organisation, see it; others get "not found". */
async function requireAlertViewer(store: Repositories, actor: Actor, alertId: AlertId): Promise<Alert> {
  const alert = await store.getAlert(alertId);
  if (!alert) throw fail.notFound('Alert');
  const origin = await store.getGroup(alert.originGroupId);
  if (origin && canReadMissingRecord(actor, origin.organisationId)) return alert;
  const groupIds = new Set(
    (await store.listAlertPlacements(alert.id)).filter((m) => m.deletedAt === null).map((m) => m.groupId),
  );
  const memberships: (Membership | undefined)[] = await Promise.all(
    [...groupIds].map((g) => store.getMembership(g, actor.user.id)),
  );
  if (!memberships.some(isActiveMember)) throw fail.notFound('Alert');
  return alert;
}

function checkClientId(clientId: string): string {
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
    throw fail.invalid('The client id must be 8-64 letters, digits, - or _.', 'clientId');
  }
  return clientId;
}

/** When they were seen: required, and not in the future. */
function checkSeenAt(seenAt: number, now: number): number {
  if (typeof seenAt !== 'number' || !Number.isInteger(seenAt) || seenAt < 0) {
    throw fail.invalid('Say when you saw them.', 'seenAt');
  }
  if (seenAt > now + CLOCK_SKEW_MS)
    throw fail.invalid('When you saw them cannot be in the future.', 'seenAt');
  return seenAt;
}

/** Where they were seen: a point, the place as typed, or both; at least one. */
function checkPlace(
  location: GeoPoint | undefined,
  placeText: string | undefined,
): Pick<Sighting, 'location' | 'placeText'> {
  const point = checkAlertLocation(location);
  const typed = checkPlaceText(placeText);
  if (!point && !typed) {
    throw fail.invalid('Say where you saw them: a place or a point on the map.', 'location');
  }
  return { location: point, placeText: typed };
}

function checkNote(note: string | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note !== 'string') throw fail.invalid('The note must be text.', 'note');
  const trimmed = note.trim();
  if (messageLength(trimmed) > MAX_SIGHTING_NOTE) {
    throw fail.invalid(`The note may be at most ${MAX_SIGHTING_NOTE} characters.`, 'note');
  }
  return trimmed;
}

/** Photos must be distinct, at most MAX_SIGHTING_PHOTOS, and uploaded to the group it is reported from. */
async function checkPhotos(
  store: Repositories,
  groupId: GroupId,
  photoIds: readonly MediaId[] | undefined,
): Promise<MediaId[]> {
  const ids = photoIds ?? [];
  if (!Array.isArray(ids)) throw fail.invalid('Photos must be a list of photo ids.', 'photoIds');
  if (ids.length > MAX_SIGHTING_PHOTOS) {
    throw fail.invalid(`A sighting may carry at most ${MAX_SIGHTING_PHOTOS} photos.`, 'photoIds');
  }
  if (new Set(ids).size !== ids.length) throw fail.invalid('The same photo is attached twice.', 'photoIds');
  const found = await Promise.all(ids.map((id) => store.getMedia(id)));
  if (found.some((media) => media?.groupId !== groupId)) {
    throw fail.invalid('Each photo must be one uploaded to this group.', 'photoIds');
  }
  return [...ids];
}
