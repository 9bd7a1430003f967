// Actions on alerts: raise one (placed in every group within reach), read, change status, match and link, review.
import {
  alertIdentifiers,
  buildReachIndex,
  canBeMatched,
  computeReach,
  type ReachIndex,
} from '../alerts/index.js';
import type { Actor } from '../model/actor.js';
import type {
  Alert,
  AlertKind,
  AlertOutcome,
  GeoPoint,
  Group,
  Membership,
  Reach,
} from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { AlertId, GroupId, MediaId } from '../model/ids.js';
import {
  canConfirmAlert,
  canManageGroup,
  canPost,
  canRaiseAppeal,
  canRaiseMissingAlert,
  canReadGroup,
  canResolveAlert,
  canSeeGroup,
  isActiveMember,
  isOfficer,
} from '../policies/index.js';
import type { AlertChange, AlertUpdate, Ports, ReachGroup, Repositories } from '../ports/index.js';
import {
  ALERT_KINDS,
  ALERT_OUTCOMES,
  type AlertDetailsInput,
  checkAlertDetails,
  checkAlertLocation,
  checkAlertPhotos,
  checkAlertSummary,
  checkPlaceText,
  checkReach,
  isOpenAlert,
  MISSING_OUTCOMES,
  tidyMissingDetails,
} from './alert-input.js';
import { type AlertMatchResult, findMatches } from './alert-matching.js';
import { noticeAlertRisk } from './alert-risk.js';
import type { RiskNotice } from './safety.js';

export type { AlertMatchResult } from './alert-matching.js';
export { findMatches, MAX_ALERT_MATCHES } from './alert-matching.js';
export { alertRiskText, assessAlertRisk, MISSING_PERSON_CUE } from './alert-risk.js';

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** The most alerts one list returns. */
export const MAX_ALERT_LIST = 200;

/** What a member sends to raise an alert. */
export interface RaiseAlertInput {
  /** Chosen by the device; raising again with the same one returns the first alert. */
  clientId: string;
  details: AlertDetailsInput;
  summary?: string;
  location?: GeoPoint;
  placeText?: string;
  photoIds?: MediaId[];
  reach: Reach;
}

/** How an alert is raised when not simply by its poster. */
export interface RaiseAlertOptions {
  /**
   * A Herbert Protocol profile released into a missing-person alert: the profiles action has already
   * checked that the actor is the profile's family member or an officer, so a plain member may raise it.
   */
  releasedProfileId?: string;
}

/** How far ahead of the server's clock a phone's "last seen" time may be before it is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The raised alert; `matches` only for those allowed to see them (empty otherwise). `risk` is set when
 * the risk check found the alert worrying: the poster is told whom to call, as for a message.
 */
export interface RaiseAlertResult {
  alert: Alert;
  matches: AlertMatchResult[];
  duplicate: boolean;
  risk: RiskNotice | null;
}

/** A change of an alert's status, as the protocol's ChangeAlertStatus. */
export type AlertStatusChange =
  | { status: 'confirmed' }
  | { status: 'resolved'; outcome: AlertOutcome; note?: string }
  | { status: 'retracted'; note?: string };

/** Which alerts of a group to list. */
export interface AlertListFilter {
  status?: 'open' | 'all';
  kind?: AlertKind;
  limit?: number;
}

/**
 * Raises an alert in a group and places it, in one transaction, in every group within its reach (other
 * organisations' groups per their consent: shown, or waiting for their admins' review). Retrying with
 * the same clientId returns the first alert and writes and publishes nothing new. A missing person's
 * alert is published by an officer (confirmed at once), or by a group admin or moderator or from a
 * released profile, unverified until an officer confirms it.
 *
 * The risk check reads the alert as it reads a message (see alert-risk.ts): a worrying alert is flagged
 * in this group's "needs attention" queue after it commits and before the poster hears back.
 */
export async function raiseAlert(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  input: RaiseAlertInput,
  options: RaiseAlertOptions = {},
): Promise<RaiseAlertResult> {
  const { store } = ports;
  const { group, membership } = await requireGroupAccess(store, actor, groupId, (_g, m) => canPost(m));
  if (typeof input.clientId !== 'string' || !CLIENT_ID.test(input.clientId)) {
    throw fail.invalid('The client id must be 8-64 letters, digits, - or _.', 'clientId');
  }
  const kind = checkAlertDetails(input.details);
  if (kind === 'appeal' && !canRaiseAppeal(actor)) {
    throw new DomainError('forbidden', 'Only police officers raise appeals.', 'details.kind');
  }
  const released = options.releasedProfileId;
  if (kind === 'missing') {
    if (released === undefined && !canRaiseMissingAlert(actor, membership)) {
      throw new DomainError(
        'forbidden',
        'Only police officers and the group’s admins and moderators raise missing-person alerts.',
        'details.kind',
      );
    }
    if ((input.details.lastSeenAt as number) > ports.clock.now() + CLOCK_SKEW_MS) {
      throw fail.invalid('When they were last seen cannot be in the future.', 'details.lastSeenAt');
    }
  } else if (released !== undefined) {
    throw fail.invalid('Only a missing-person alert is released from a profile.', 'details.kind');
  }
  const details = kind === 'missing' ? tidyMissingDetails(input.details, released) : { ...input.details };
  // An officer's missing-person alert is the police speaking: confirmed from the start.
  const confirmedBy = kind === 'missing' && isOfficer(actor) ? actor.user.id : null;
  const summary = checkAlertSummary(input.summary);
  const placeText = checkPlaceText(input.placeText);
  const location = checkAlertLocation(input.location);
  const reach = checkReach(input.reach, input.details, location);
  const photoIds = await checkAlertPhotos(store, groupId, input.photoIds);

  const index = reachIndexOf(await store.listReachGroups());
  const origin = index.groups.find((g) => g.id === groupId) ?? {
    id: group.id,
    organisationId: group.organisationId,
    area: group.area,
    externalAlerts: group.externalAlerts,
  };
  const placement = computeReach(index, { origin, point: location, reach: reach.mode });

  const now = ports.clock.now();
  const alert: Alert = {
    id: ports.ids.next() as AlertId,
    kind,
    details,
    summary,
    authorId: actor.user.id,
    originGroupId: groupId,
    location,
    placeText,
    photoIds,
    status: confirmedBy ? 'confirmed' : 'unverified',
    outcome: null,
    outcomeNote: null,
    linkedAlertId: null,
    reach: reach.stored,
    clientId: input.clientId,
    createdAt: now,
    updatedAt: now,
    confirmedBy,
    resolvedBy: null,
  };
  const created = await store.createAlert(alert, placement, alertIdentifiers(alert.details));
  if (created.duplicate && created.alert.originGroupId !== groupId) {
    // Answering with that alert would show it in a group it was never raised in.
    throw fail.conflict('This client id was already used for an alert in another group.', 'clientId');
  }
  if (!created.duplicate) {
    for (const p of created.placements) {
      ports.events.publish({ kind: 'group', event: p.event, message: p.message });
    }
  }
  const risk = await noticeAlertRisk(ports, group, created);
  const memberships = await activeMembershipsWhereShown(store, actor, created.alert);
  const matches = canResolveAlert(actor, created.alert, memberships)
    ? await findMatches(store, created.alert, now)
    : [];
  return { alert: created.alert, matches, duplicate: created.duplicate, risk };
}

/** One alert, for an active member of a group where it is shown; "not found" for anyone else. */
export async function getAlert(ports: Ports, actor: Actor, alertId: AlertId): Promise<Alert> {
  return (await requireAlertAccess(ports.store, actor, alertId)).alert;
}

/** Alerts shown in a group, newest first: open ones unless `status` is 'all'. */
export async function listGroupAlerts(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  filter: AlertListFilter = {},
): Promise<Alert[]> {
  await requireGroupAccess(ports.store, actor, groupId, (_g, m) => canReadGroup(m));
  if (filter.kind !== undefined && !ALERT_KINDS.includes(filter.kind)) {
    throw fail.invalid(`Unknown kind of alert; must be one of: ${ALERT_KINDS.join(', ')}.`, 'kind');
  }
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? MAX_ALERT_LIST) || 1, 1), MAX_ALERT_LIST);
  return ports.store.listGroupAlerts(groupId, {
    openOnly: (filter.status ?? 'open') === 'open',
    ...(filter.kind !== undefined ? { kind: filter.kind } : {}),
    limit,
  });
}

/**
 * Confirms, resolves (with an outcome) or retracts an alert: changed once, and an `alert.updated` event
 * in every group where it is shown. Officers confirm; the poster, admins and moderators of a group where
 * it is shown, and officers resolve or retract. Repeating the same change returns the alert unchanged.
 */
export async function changeAlertStatus(
  ports: Ports,
  actor: Actor,
  alertId: AlertId,
  change: AlertStatusChange,
): Promise<Alert> {
  const update = await ports.store.transaction(async (tx) => {
    const { alert, memberships } = await requireAlertAccess(tx, actor, alertId);
    const now = ports.clock.now();
    let patch: AlertChange;
    if (change.status === 'confirmed') {
      if (!canConfirmAlert(actor)) throw fail.forbidden('Only police officers confirm alerts.');
      if (alert.status === 'confirmed') return unchanged(alert);
      if (!isOpenAlert(alert)) throw fail.conflict(`This alert was already ${alert.status}.`, 'status');
      patch = { status: 'confirmed', confirmedBy: actor.user.id, updatedAt: now };
    } else if (change.status === 'resolved' || change.status === 'retracted') {
      if (!canResolveAlert(actor, alert, memberships)) {
        throw fail.forbidden(
          'Only the poster, group admins, moderators and officers resolve or retract an alert.',
        );
      }
      const note = checkNote((change as { note?: string }).note);
      if (change.status === 'resolved') {
        const outcomes = outcomesFor(alert);
        if (!outcomes.includes(change.outcome)) {
          throw fail.invalid(`The outcome must be one of: ${outcomes.join(', ')}.`, 'outcome');
        }
        if (alert.status === 'resolved' && alert.outcome === change.outcome) return unchanged(alert);
        patch = { status: 'resolved', outcome: change.outcome, resolvedBy: actor.user.id };
      } else {
        if (alert.status === 'retracted') return unchanged(alert);
        patch = { status: 'retracted', resolvedBy: actor.user.id };
      }
      if (!isOpenAlert(alert)) throw fail.conflict(`This alert was already ${alert.status}.`, 'status');
      patch = { ...patch, outcomeNote: note, updatedAt: now };
    } else {
      throw fail.invalid('The status must be confirmed, resolved or retracted.', 'status');
    }
    const result =
      alert.kind === 'missing' && (patch.status === 'resolved' || patch.status === 'retracted')
        ? await withdrawMissingPerson(tx, alert, patch, actor, now)
        : await tx.updateAlert(alert.id, patch);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: `alert.${patch.status}`,
      subjectType: 'alert',
      subjectId: alert.id,
      groupId: alert.originGroupId,
      detail: { from: alert.status, ...(patch.outcome ? { outcome: patch.outcome } : {}) },
      at: now,
    });
    return result;
  });
  publishUpdate(ports, update);
  return update.alert;
}

/** Possible matches for an alert (stolen for found, and the reverse), best first; for those who may resolve it. */
export async function listAlertMatches(
  ports: Ports,
  actor: Actor,
  alertId: AlertId,
): Promise<AlertMatchResult[]> {
  const { alert, memberships } = await requireAlertAccess(ports.store, actor, alertId);
  if (!canResolveAlert(actor, alert, memberships)) {
    throw fail.forbidden('Only the poster, group admins, moderators and officers see possible matches.');
  }
  return findMatches(ports.store, alert, ports.clock.now());
}

/**
 * Links two alerts found to be the same thing (a stolen quad and the one found) and resolves both as
 * recovered, in one transaction. The actor must see both and may resolve at least one of them; an
 * `alert.updated` event goes to every group where either is shown.
 */
export async function linkAlerts(
  ports: Ports,
  actor: Actor,
  alertId: AlertId,
  otherAlertId: AlertId,
): Promise<Alert> {
  const updates = await ports.store.transaction(async (tx) => {
    const one = await requireAlertAccess(tx, actor, alertId);
    const other = await requireAlertAccess(tx, actor, otherAlertId, 'otherAlertId');
    // Whoever may resolve either side may link it to the other they can see: the finder of a quad
    // links it to the theft shown in their group; both are audited and every group sees the outcome.
    const steward = [one, other].some((side) => canResolveAlert(actor, side.alert, side.memberships));
    if (!steward) {
      throw fail.forbidden('Only the posters, group admins, moderators and officers link alerts.');
    }
    if (one.alert.linkedAlertId === otherAlertId && other.alert.linkedAlertId === alertId) {
      return [unchanged(one.alert)];
    }
    if (!canBeMatched(one.alert, other.alert)) {
      throw fail.invalid(
        'Only a stolen alert and a found one (or a loose animal and a found one) are linked.',
        'otherAlertId',
      );
    }
    if (!isOpenAlert(one.alert) || !isOpenAlert(other.alert)) {
      throw fail.conflict('Both alerts must still be open to be linked.', 'otherAlertId');
    }
    const now = ports.clock.now();
    const resolve = (linkedAlertId: AlertId): AlertChange => ({
      status: 'resolved',
      outcome: 'recovered',
      linkedAlertId,
      resolvedBy: actor.user.id,
      updatedAt: now,
    });
    const first = await tx.updateAlert(alertId, resolve(otherAlertId));
    const second = await tx.updateAlert(otherAlertId, resolve(alertId));
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'alert.linked',
      subjectType: 'alert',
      subjectId: alertId,
      groupId: one.alert.originGroupId,
      detail: { otherAlertId },
      at: now,
    });
    return [first, second];
  });
  for (const update of updates) publishUpdate(ports, update);
  return (updates[0] as AlertUpdate).alert;
}

/** Alerts from other organisations waiting for this group's review, oldest first (its managers). */
export async function listAlertReviews(ports: Ports, actor: Actor, groupId: GroupId): Promise<Alert[]> {
  await requireGroupAccess(ports.store, actor, groupId, (g, m) => canManageGroup(actor, g, m));
  return ports.store.listAlertReviews(groupId);
}

/**
 * Accepts (placing the alert in the group) or declines an alert from another organisation (its
 * managers). Every card of the alert counts the groups still reviewing it, so the decision also
 * appends `alert.updated` wherever the alert is shown, and the poster's card stops saying it waits.
 */
export async function reviewAlert(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  alertId: AlertId,
  accept: boolean,
): Promise<void> {
  if (typeof accept !== 'boolean') throw fail.invalid('Say whether to accept the alert.', 'accept');
  const { placed, update } = await ports.store.transaction(async (tx) => {
    await requireGroupAccess(tx, actor, groupId, (g, m) => canManageGroup(actor, g, m));
    const now = ports.clock.now();
    const result = await tx.decideAlertReview(alertId, groupId, accept, actor.user.id, now);
    const changed = await tx.updateAlert(alertId, { updatedAt: now });
    await tx.appendAudit({
      actorId: actor.user.id,
      action: accept ? 'alert.review.accepted' : 'alert.review.declined',
      subjectType: 'alert',
      subjectId: alertId,
      groupId,
      detail: {},
      at: now,
    });
    return { placed: result, update: changed };
  });
  if (placed && !placed.duplicate) {
    ports.events.publish({ kind: 'group', event: placed.event, message: placed.message });
  }
  publishUpdate(ports, update);
}

/** Indexes built from the store's groups, kept while the store hands back the same array. */
const reachIndexes = new WeakMap<readonly ReachGroup[], ReachIndex>();

function reachIndexOf(groups: readonly ReachGroup[]): ReachIndex {
  let index = reachIndexes.get(groups);
  if (!index) {
    index = buildReachIndex(groups);
    reachIndexes.set(groups, index);
  }
  return index;
}

/** The outcomes an alert of this kind may end with: 'found' for missing people only. */
function outcomesFor(alert: Alert): readonly AlertOutcome[] {
  if (alert.kind === 'missing') return MISSING_OUTCOMES;
  return ALERT_OUTCOMES.filter((o) => o !== 'found');
}

/** What every group sees once a missing person's details are withdrawn. */
export const WITHDRAWN_SUMMARY = {
  found: 'Found safe, thank you',
  closed: 'This appeal is closed. Thank you for your help.',
} as const;

/**
 * Closes a missing-person alert and, in the same transaction, withdraws the person's name, photos and
 * personal details everywhere it went (alert, placements, sightings, photos); the original is kept for
 * the officers of the organisation that owns the alert's group. The resolver's note goes to that record
 * only: it is written at a hard moment and may name the person.
 */
async function withdrawMissingPerson(
  tx: Repositories,
  alert: Alert,
  patch: AlertChange,
  actor: Actor,
  now: number,
): Promise<AlertUpdate> {
  const origin = await tx.getGroup(alert.originGroupId);
  if (!origin) throw fail.notFound('Group');
  const found = patch.status === 'resolved' && patch.outcome === 'found';
  return tx.sightings.withdrawMissingAlert(alert.id, {
    change: patch,
    details: { kind: 'missing', withdrawn: true },
    summary: found ? WITHDRAWN_SUMMARY.found : WITHDRAWN_SUMMARY.closed,
    organisationId: origin.organisationId,
    by: actor.user.id,
    at: now,
  });
}

function unchanged(alert: Alert): AlertUpdate {
  return { alert, events: [] };
}

function publishUpdate(ports: Ports, update: AlertUpdate): void {
  for (const change of update.events) {
    ports.events.publish({ kind: 'group', event: change.event, message: change.message });
  }
}

function checkNote(note: string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string') throw fail.invalid('The note must be text.', 'note');
  const trimmed = note.trim();
  if (trimmed.length > 1000) throw fail.invalid('The note may be at most 1000 characters.', 'note');
  return trimmed.length > 0 ? trimmed : null;
}

/** The actor's active memberships in the groups where the alert is shown. */
async function activeMembershipsWhereShown(
  store: Repositories,
  actor: Actor,
  alert: Alert,
): Promise<Membership[]> {
  const placements = await store.listAlertPlacements(alert.id);
  const groupIds = [...new Set(placements.map((m) => m.groupId))];
  const found = await Promise.all(groupIds.map((g) => store.getMembership(g, actor.user.id)));
  return found.filter(isActiveMember);
}

/**
 * Loads an alert the actor may see: they are an active member of a group where it is shown. Anyone
 * else is told it does not exist, so alerts of other groups cannot be probed.
 */
async function requireAlertAccess(
  store: Repositories,
  actor: Actor,
  alertId: AlertId,
  field?: string,
): Promise<{ alert: Alert; memberships: Membership[] }> {
  const alert = await store.getAlert(alertId);
  const memberships = alert ? await activeMembershipsWhereShown(store, actor, alert) : [];
  if (!alert || memberships.length === 0) {
    const error = fail.notFound('Alert');
    throw field ? new DomainError(error.code, error.message, field) : error;
  }
  return { alert, memberships };
}

/** Loads a group and applies `allowed`: "not found" for those who may not know it, "forbidden" for the rest. */
async function requireGroupAccess(
  store: Repositories,
  actor: Actor,
  groupId: GroupId,
  allowed: (group: Group, membership: Membership | undefined) => boolean,
): Promise<{ group: Group; membership: Membership | undefined }> {
  const group = await store.getGroup(groupId);
  if (!group) throw fail.notFound('Group');
  const membership = await store.getMembership(groupId, actor.user.id);
  if (allowed(group, membership)) return { group, membership };
  if (canSeeGroup(actor, group, membership))
    throw fail.forbidden('You are not allowed to do that in this group.');
  throw fail.notFound('Group');
}
