// Actions on escalations: hand a message or alert to 999, 101 or an online report, assemble the
// handover pack, record the police reference, status and outcome, and post "what happened next" back.
import { describeLocation, findWhat3wordsAddresses } from '../location/index.js';
import type { Actor } from '../model/actor.js';
import type { Alert, Group, Membership, Message } from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { AlertId, GroupId, MessageId, OrganisationId, UserId } from '../model/ids.js';
import {
  canEscalate,
  canGiveContactConsent,
  canHandleGroupEscalations,
  canPostEscalationBack,
  canSeeGroup,
  canSeeOrganisationEscalations,
} from '../policies/index.js';
import type {
  Escalation,
  EscalationChange,
  EscalationChannel,
  EscalationHistoryAction,
  EscalationHistoryEntry,
  EscalationId,
  EscalationOutcome,
  EscalationStatus,
  Geocoder,
  Ports,
  Repositories,
} from '../ports/index.js';
import {
  alertFieldRows,
  alertTitle,
  CONTACT_NOT_SHARED,
  composePackText,
  formatDms,
  type HandoverPack,
  type HandoverPackFacts,
  type PackLocation,
  type PackPhoto,
  type PackThreadEntry,
  WHAT3WORDS_FAILED,
  WHAT3WORDS_UNAVAILABLE,
  whatHappenedNextDraft,
} from './escalation-pack.js';
import { findRegistrations, tidyRegistration } from './escalation-registrations.js';
import { postMessage } from './messages.js';
import { guidanceFor } from './safety.js';

export * from './escalation-pack.js';
export * from './escalation-registrations.js';

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** The shape of a police incident or log number: "DUR-20261129-0042", "Log 123 of 29/11". */
export const POLICE_REFERENCE = /^[A-Za-z0-9/ -]{3,40}$/;
export const ESCALATION_CHANNELS: readonly EscalationChannel[] = ['999', '101', 'online'];
export const ESCALATION_STATUSES: readonly EscalationStatus[] = ['open', 'referred', 'closed'];
export const ESCALATION_OUTCOMES: readonly EscalationOutcome[] = [
  'arrest',
  'recovered',
  'advice_given',
  'no_further_action',
  'ongoing',
  'other',
];
/** The most escalations one list returns. */
export const MAX_ESCALATION_LIST = 200;
/** The most replies the pack quotes around a message. */
export const MAX_PACK_REPLIES = 20;

/** What an admin, moderator or officer sends to escalate: a message, or an alert shown in the group. */
export interface CreateEscalationInput {
  clientId: string;
  channel: EscalationChannel;
  messageId?: MessageId;
  alertId?: AlertId;
}

/** An escalation with its own history, oldest first. */
export interface EscalationWithHistory {
  escalation: Escalation;
  history: EscalationHistoryEntry[];
}

/** The created escalation; `duplicate` is true when this clientId had been used already. */
export interface EscalationCreated extends EscalationWithHistory {
  duplicate: boolean;
}

/** The police's numbers and online form for an organisation's groups. */
export interface PoliceContact {
  emergencyNumber: string;
  nonEmergencyNumber: string;
  onlineReportUrl: string | null;
}

/**
 * The police's numbers and online form for an organisation: the one place the handover pack learns
 * them. The organisation's emergency guidance as its admins set it, or 999, 101 and no form until they do.
 */
export async function policeContactFor(
  store: Pick<Repositories, 'safety'>,
  organisationId: OrganisationId,
): Promise<PoliceContact> {
  const guidance = await guidanceFor(store, organisationId);
  return {
    emergencyNumber: guidance.emergencyNumber,
    nonEmergencyNumber: guidance.nonEmergencyNumber,
    onlineReportUrl: guidance.onlineReportUrl,
  };
}

/** The number to call for a channel (none for an online report). */
export function numberFor(contact: PoliceContact, channel: EscalationChannel): string | null {
  if (channel === '999') return contact.emergencyNumber;
  if (channel === '101') return contact.nonEmergencyNumber;
  return null;
}

/** Checks a police reference's shape and trims it; the error names the `reference` field. */
export function checkPoliceReference(reference: unknown): string {
  const trimmed = typeof reference === 'string' ? reference.trim() : '';
  if (!POLICE_REFERENCE.test(trimmed)) {
    throw fail.invalid(
      "The police reference must be 3-40 letters, digits, '/', '-' or spaces, e.g. \"DUR-20261129-0042\".",
      'reference',
    );
  }
  return trimmed;
}

/**
 * Escalates a message, or an alert shown in the group (its placement there is the message), to 999,
 * 101 or an online report. Group admins and moderators and officers who are active members may;
 * someone who may not know the group gets "not found". Retrying with the same clientId returns the
 * first escalation and writes nothing.
 */
export async function createEscalation(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  input: CreateEscalationInput,
): Promise<EscalationCreated> {
  const { store } = ports;
  const { group, membership } = await loadGroup(store, actor, groupId);
  if (!canEscalate(actor, membership)) {
    if (!canSeeGroup(actor, group, membership)) throw fail.notFound('Group');
    throw fail.forbidden(
      'Only group admins, moderators and police officers in the group pass things to the police.',
    );
  }
  if (typeof input.clientId !== 'string' || !CLIENT_ID.test(input.clientId)) {
    throw fail.invalid('The client id must be 8-64 letters, digits, - or _.', 'clientId');
  }
  if (!ESCALATION_CHANNELS.includes(input.channel)) {
    throw fail.invalid('Choose how it goes to the police: 999, 101 or online.', 'channel');
  }
  const message = await subjectMessage(store, groupId, input);
  const now = ports.clock.now();
  const escalation: Escalation = {
    id: ports.ids.next() as EscalationId,
    groupId,
    messageId: message.id,
    alertId: message.alertId,
    reporterId: message.authorId,
    escalatedBy: actor.user.id,
    clientId: input.clientId,
    channel: input.channel,
    reference: null,
    status: 'open',
    outcome: null,
    outcomeNote: null,
    consentPhone: false,
    consentEmail: false,
    consentAt: null,
    postedBackMessageId: null,
    createdAt: now,
    updatedAt: now,
  };
  const created = await store.transaction(async (tx) => {
    const first = entry(escalation.id, actor, 'created', { channel: input.channel }, now);
    const result = await tx.escalations.createEscalation(escalation, first);
    if (!result.duplicate)
      await audit(tx, actor, 'escalation.created', result.escalation, { channel: input.channel }, now);
    return result;
  });
  if (created.duplicate && created.escalation.groupId !== groupId) {
    // Answering with that escalation would show it in a group it was never made in.
    throw fail.conflict('This client id was already used for an escalation in another group.', 'clientId');
  }
  const history = await store.escalations.listEscalationHistory(created.escalation.id);
  return { escalation: created.escalation, history, duplicate: created.duplicate };
}

/** One escalation and its history, for those who handle the group's escalations; "not found" for others. */
export async function getEscalation(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
): Promise<EscalationWithHistory> {
  const { escalation } = await requireEscalation(ports.store, actor, escalationId);
  return { escalation, history: await ports.store.escalations.listEscalationHistory(escalation.id) };
}

/** Records (or corrects) the police's incident or log number. Repeating the same one changes nothing. */
export async function setEscalationReference(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
  reference: string,
): Promise<EscalationWithHistory> {
  const checked = checkPoliceReference(reference);
  return changeEscalation(ports, actor, escalationId, (current) =>
    current.reference === checked
      ? null
      : {
          change: { reference: checked },
          action: 'reference',
          detail: { from: current.reference, to: checked },
        },
  );
}

/**
 * Moves an escalation on: open, then referred (the police have it), then closed. It never goes back;
 * repeating the current status changes nothing.
 */
export async function changeEscalationStatus(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
  status: EscalationStatus,
): Promise<EscalationWithHistory> {
  if (!ESCALATION_STATUSES.includes(status)) {
    throw fail.invalid('The status must be open, referred or closed.', 'status');
  }
  return changeEscalation(ports, actor, escalationId, (current) => {
    if (current.status === status) return null;
    if (ESCALATION_STATUSES.indexOf(status) < ESCALATION_STATUSES.indexOf(current.status)) {
      throw fail.conflict(
        `This escalation is already ${current.status}; it cannot go back to ${status}.`,
        'status',
      );
    }
    return { change: { status }, action: 'status', detail: { from: current.status, to: status } };
  });
}

/** Records how it ended (a fixed code and a note); it may be recorded again as things move on. */
export async function recordEscalationOutcome(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
  input: { outcome: EscalationOutcome; note?: string },
): Promise<EscalationWithHistory> {
  if (!ESCALATION_OUTCOMES.includes(input.outcome)) {
    throw fail.invalid(`The outcome must be one of: ${ESCALATION_OUTCOMES.join(', ')}.`, 'outcome');
  }
  const note = checkNote(input.note);
  return changeEscalation(ports, actor, escalationId, (current) =>
    current.outcome === input.outcome && current.outcomeNote === note
      ? null
      : {
          change: { outcome: input.outcome, outcomeNote: note },
          action: 'outcome',
          detail: { outcome: input.outcome, note },
        },
  );
}

/**
 * Posts "what happened next" in the group, as a reply to the escalated message, by the person doing
 * it; the escalation remembers the message. An outcome must be recorded first. The message is posted
 * like any other (a retry with the same clientId returns it), then the escalation notes it.
 */
export async function postEscalationBack(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
  input: { clientId: string; body: string },
): Promise<EscalationWithHistory & { message: Message }> {
  const { escalation, group, membership } = await requireEscalation(ports.store, actor, escalationId);
  if (!canPostEscalationBack(actor, group, membership)) {
    throw fail.forbidden('Only active members of the group can post in it.');
  }
  if (escalation.outcome === null) {
    throw fail.conflict('Record what happened first, then post it to the group.', 'outcome');
  }
  const posted = await postMessage(ports, actor, escalation.groupId, {
    clientId: input.clientId,
    body: input.body,
    replyToId: escalation.messageId,
  });
  const result = await changeEscalation(ports, actor, escalationId, (current) =>
    current.postedBackMessageId === posted.message.id
      ? null
      : {
          change: { postedBackMessageId: posted.message.id },
          action: 'posted_back',
          detail: { messageId: posted.message.id },
        },
  );
  return { ...result, message: posted.message };
}

/** A group's escalations, newest first, for its admins, moderators and officers. */
export async function listGroupEscalations(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  filter: { status?: EscalationStatus; limit?: number } = {},
): Promise<Escalation[]> {
  const { group, membership } = await loadGroup(ports.store, actor, groupId);
  if (!canHandleGroupEscalations(actor, group, membership)) {
    if (!canSeeGroup(actor, group, membership)) throw fail.notFound('Group');
    throw fail.forbidden(
      "Only the group's admins, moderators and police officers see what was passed to the police.",
    );
  }
  return ports.store.escalations.listGroupEscalations(groupId, listFilter(filter));
}

/** Every escalation in an organisation's groups, newest first, for its admins and officers. */
export async function listOrganisationEscalations(
  ports: Ports,
  actor: Actor,
  organisationId: OrganisationId,
  filter: { status?: EscalationStatus; limit?: number } = {},
): Promise<Escalation[]> {
  const organisation = await ports.store.getOrganisation(organisationId);
  if (!organisation) throw fail.notFound('Organisation');
  if (!canSeeOrganisationEscalations(actor, organisationId)) {
    if (actor.affiliations.some((a) => a.organisationId === organisationId)) {
      throw fail.forbidden("Only the organisation's admins and officers see what was passed to the police.");
    }
    throw fail.notFound('Organisation');
  }
  return ports.store.escalations.listOrganisationEscalations(organisationId, listFilter(filter));
}

/** Escalations of the actor's own messages and alerts, newest first: reporters hear what happened. */
export async function listMyReportedEscalations(ports: Ports, actor: Actor): Promise<Escalation[]> {
  return ports.store.escalations.listReporterEscalations(actor.user.id, MAX_ESCALATION_LIST);
}

/**
 * The reporter agrees (or no longer agrees) to the police having their phone number or email for this
 * escalation. Only the reporter; anyone else is told it does not exist.
 */
export async function setContactConsent(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
  consent: { phone: boolean; email: boolean },
): Promise<Escalation> {
  if (typeof consent.phone !== 'boolean')
    throw fail.invalid('Say whether to share your phone number.', 'phone');
  if (typeof consent.email !== 'boolean') throw fail.invalid('Say whether to share your email.', 'email');
  const escalation = await ports.store.escalations.getEscalation(escalationId);
  if (!escalation || !canGiveContactConsent(actor, escalation)) throw fail.notFound('Escalation');
  if (consent.phone && !actor.user.phone) {
    throw fail.invalid('Your account has no phone number to share.', 'phone');
  }
  if (escalation.consentPhone === consent.phone && escalation.consentEmail === consent.email)
    return escalation;
  const now = ports.clock.now();
  return ports.store.transaction(async (tx) => {
    const detail = { phone: consent.phone, email: consent.email };
    const updated = await tx.escalations.updateEscalation(
      escalation.id,
      { consentPhone: consent.phone, consentEmail: consent.email, consentAt: now, updatedAt: now },
      entry(escalation.id, actor, 'consent', detail, now),
    );
    await audit(tx, actor, 'escalation.consent', updated, detail, now);
    return updated;
  });
}

/** A short line saying what an escalation is about: the message's first words, or the alert's title. */
export async function escalationExcerpts(
  store: Repositories,
  escalations: readonly Escalation[],
): Promise<Map<EscalationId, string>> {
  const excerpts = new Map<EscalationId, string>();
  await Promise.all(
    escalations.map(async (e) => {
      const alert = e.alertId ? await store.getAlert(e.alertId) : undefined;
      if (alert) {
        excerpts.set(e.id, alertTitle(alert.details));
        return;
      }
      const message = await store.getMessage(e.messageId);
      excerpts.set(e.id, excerptOf(message?.body ?? ''));
    }),
  );
  return excerpts;
}

/** Suggested "what happened next" text, once an outcome is recorded. */
export function escalationDraft(escalation: Escalation): string | null {
  return escalation.outcome ? whatHappenedNextDraft(escalation.outcome, escalation.outcomeNote) : null;
}

/**
 * Assembles the handover pack: what was said and when (with the thread around it), who said it, the
 * contact details the reporter agreed to share, the place in every format (what3words through the
 * geocoder when one is configured), the photos with their originals' fingerprints, and registrations
 * mentioned. `baseUrl` makes photo links absolute, for pasting into an online form.
 */
export async function buildHandoverPack(
  ports: Ports,
  geocoder: Geocoder | undefined,
  actor: Actor,
  escalationId: EscalationId,
  baseUrl: string,
): Promise<HandoverPack> {
  const { store } = ports;
  const { escalation, group } = await requireEscalation(store, actor, escalationId);
  const [organisation, message, alert, reporter, thread, call] = await Promise.all([
    store.getOrganisation(group.organisationId),
    store.getMessage(escalation.messageId),
    escalation.alertId ? store.getAlert(escalation.alertId) : Promise.resolve(undefined),
    store.getUser(escalation.reporterId),
    loadThread(store, escalation),
    policeContactFor(store, group.organisationId),
  ]);
  if (!message) throw fail.notFound('Message');
  const threadAuthors = thread.map((m) => m.authorId);
  const profiles = await store.getPublicProfiles([
    escalation.reporterId,
    escalation.escalatedBy,
    ...threadAuthors,
  ]);
  const nameOf = (id: UserId) => profiles.get(id)?.displayName ?? 'Former member';

  const text = alert ? alert.summary : message.body;
  const fields = alert ? alertFieldRows(alert.details) : [];
  const threadEntries = presentThread(thread, message, nameOf);
  const point = alert ? alert.location : message.location;
  const placeText = alert?.placeText ?? null;

  const facts: HandoverPackFacts = {
    escalationId: escalation.id,
    channel: escalation.channel,
    call: { number: numberFor(call, escalation.channel), onlineReportUrl: call.onlineReportUrl },
    group: { id: group.id, name: group.name, organisationName: organisation?.name ?? '' },
    subject: { kind: alert ? 'alert' : 'message', title: alert ? alertTitle(alert.details) : 'Message' },
    said: {
      text,
      at: alert?.createdAt ?? message.createdAt,
      by: nameOf(escalation.reporterId),
      edited: message.editedAt !== null,
      deleted: message.deletedAt !== null,
    },
    fields,
    thread: threadEntries,
    reporter: contactOf(
      escalation,
      reporter?.phone ?? null,
      reporter?.email ?? null,
      nameOf(escalation.reporterId),
    ),
    location: point ? await locationOf(geocoder, point) : null,
    placeText,
    what3wordsInText: findWhat3wordsAddresses([text, placeText ?? ''].join('\n')).map((w) => w.address),
    photos: await photosOf(store, alert ? alert.photoIds : message.photoIds, baseUrl),
    registrations: registrationsOf(alert, [text, ...threadEntries.map((t) => t.text)]),
    escalatedBy: nameOf(escalation.escalatedBy),
    escalatedAt: escalation.createdAt,
    reference: escalation.reference,
  };
  if (facts.reporter.phone || facts.reporter.email) {
    // Who saw contact details the reporter agreed to share is on the record.
    await store.appendAudit({
      actorId: actor.user.id,
      action: 'escalation.contact_shown',
      subjectType: 'escalation',
      subjectId: escalation.id,
      groupId: escalation.groupId,
      detail: { phone: facts.reporter.phone !== null, email: facts.reporter.email !== null },
      at: ports.clock.now(),
    });
  }
  return { ...facts, text: composePackText(facts) };
}

/** The change a command makes to the current escalation, or null when it is already so. */
type Planned = {
  change: EscalationChange;
  action: EscalationHistoryAction;
  detail: Record<string, string | boolean | null>;
} | null;

/**
 * Loads the escalation in a transaction, checks the actor may handle it, and applies the planned
 * change with its history entry and audit entry, all together: nothing is half-written.
 */
async function changeEscalation(
  ports: Ports,
  actor: Actor,
  escalationId: EscalationId,
  plan: (current: Escalation) => Planned,
): Promise<EscalationWithHistory> {
  const escalation = await ports.store.transaction(async (tx) => {
    const { escalation: current } = await requireEscalation(tx, actor, escalationId);
    const planned = plan(current);
    if (!planned) return current;
    const now = ports.clock.now();
    const updated = await tx.escalations.updateEscalation(
      current.id,
      { ...planned.change, updatedAt: now },
      entry(current.id, actor, planned.action, planned.detail, now),
    );
    await audit(tx, actor, `escalation.${planned.action}`, updated, planned.detail, now);
    return updated;
  });
  return { escalation, history: await ports.store.escalations.listEscalationHistory(escalation.id) };
}

function entry(
  escalationId: EscalationId,
  actor: Actor,
  action: EscalationHistoryAction,
  detail: Record<string, string | boolean | null>,
  at: number,
): EscalationHistoryEntry {
  return { escalationId, at, actorId: actor.user.id, action, detail };
}

function audit(
  tx: Repositories,
  actor: Actor,
  action: string,
  escalation: Escalation,
  detail: Record<string, unknown>,
  at: number,
): Promise<void> {
  return tx.appendAudit({
    actorId: actor.user.id,
    action,
    subjectType: 'escalation',
    subjectId: escalation.id,
    groupId: escalation.groupId,
    detail,
    at,
  });
}

function checkNote(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string') throw fail.invalid('The note must be text.', 'note');
  const trimmed = note.trim();
  if (trimmed.length > 1000) throw fail.invalid('The note may be at most 1000 characters.', 'note');
  return trimmed.length > 0 ? trimmed : null;
}

function listFilter(filter: { status?: EscalationStatus; limit?: number }) {
  if (filter.status !== undefined && !ESCALATION_STATUSES.includes(filter.status)) {
    throw fail.invalid('The status must be open, referred or closed.', 'status');
  }
  const limit = Math.min(
    Math.max(Math.trunc(filter.limit ?? MAX_ESCALATION_LIST) || 1, 1),
    MAX_ESCALATION_LIST,
  );
  return { ...(filter.status ? { status: filter.status } : {}), limit };
}

function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** The group and the actor's membership; "not found" for a group that does not exist. */
async function loadGroup(
  store: Repositories,
  actor: Actor,
  groupId: GroupId,
): Promise<{ group: Group; membership: Membership | undefined }> {
  const group = await store.getGroup(groupId);
  if (!group) throw fail.notFound('Group');
  return { group, membership: await store.getMembership(groupId, actor.user.id) };
}

/**
 * The message escalated: one of this group, or an alert's placement in it. One of another group (or
 * an alert not shown here) is "not found", as if it did not exist.
 */
async function subjectMessage(
  store: Repositories,
  groupId: GroupId,
  input: CreateEscalationInput,
): Promise<Message> {
  if ((input.messageId === undefined) === (input.alertId === undefined)) {
    throw fail.invalid('Give either a message or an alert to escalate.', 'messageId');
  }
  let message: Message | undefined;
  if (input.messageId !== undefined) {
    const found = await store.getMessage(input.messageId);
    if (found?.groupId !== groupId) throw new DomainError('not_found', 'Message not found.', 'messageId');
    message = found;
  } else {
    const placements = await store.listAlertPlacements(input.alertId as AlertId);
    message = placements.find((m) => m.groupId === groupId);
    if (!message) throw new DomainError('not_found', 'Alert not found.', 'alertId');
  }
  if (message.deletedAt !== null) {
    throw fail.conflict('This message was deleted; it cannot be escalated.', 'messageId');
  }
  return message;
}

/**
 * Loads an escalation the actor may handle, with its group and their membership. Anyone else is told
 * it does not exist, so escalations cannot be probed.
 */
async function requireEscalation(
  store: Repositories,
  actor: Actor,
  escalationId: EscalationId,
): Promise<{ escalation: Escalation; group: Group; membership: Membership | undefined }> {
  const escalation = await store.escalations.getEscalation(escalationId);
  const group = escalation ? await store.getGroup(escalation.groupId) : undefined;
  if (!escalation || !group) throw fail.notFound('Escalation');
  const membership = await store.getMembership(group.id, actor.user.id);
  if (!canHandleGroupEscalations(actor, group, membership)) throw fail.notFound('Escalation');
  return { escalation, group, membership };
}

/** The message the escalated one replied to (when in the group), then the replies to it, not deleted. */
async function loadThread(store: Repositories, escalation: Escalation): Promise<Message[]> {
  const message = await store.getMessage(escalation.messageId);
  if (!message) return [];
  const parent = message.replyToId ? await store.getMessage(message.replyToId) : undefined;
  const replies = await store.escalations.listReplies(message.id, MAX_PACK_REPLIES);
  return [...(parent && parent.groupId === message.groupId ? [parent] : []), ...replies].filter(
    (m) => m.deletedAt === null,
  );
}

function presentThread(
  thread: readonly Message[],
  message: Message,
  nameOf: (id: UserId) => string,
): PackThreadEntry[] {
  return thread.map((m) => ({
    relation: m.id === message.replyToId ? 'replied_to' : 'reply',
    by: nameOf(m.authorId),
    at: m.createdAt,
    text: m.body || (m.photoIds.length > 0 ? '(a photo)' : m.location ? '(a location)' : ''),
  }));
}

function contactOf(
  escalation: Escalation,
  phone: string | null,
  email: string | null,
  displayName: string,
): HandoverPackFacts['reporter'] {
  const sharedPhone = escalation.consentPhone ? phone : null;
  const sharedEmail = escalation.consentEmail ? email : null;
  const contactNote =
    sharedPhone || sharedEmail
      ? 'The reporter agreed to share these contact details with the police for this report.'
      : CONTACT_NOT_SHARED;
  return { displayName, phone: sharedPhone, email: sharedEmail, contactNote };
}

async function locationOf(
  geocoder: Geocoder | undefined,
  point: { lat: number; lng: number },
): Promise<PackLocation> {
  const described = describeLocation(point);
  let what3words: string | null = null;
  let what3wordsNote: string | null = WHAT3WORDS_UNAVAILABLE;
  if (geocoder?.what3wordsConfigured && geocoder.what3wordsAt) {
    what3words = (await geocoder.what3wordsAt(point)) ?? null;
    what3wordsNote = what3words ? null : WHAT3WORDS_FAILED;
  }
  return { ...described, dms: formatDms(point), what3words, what3wordsNote };
}

async function photosOf(store: Repositories, ids: readonly string[], baseUrl: string): Promise<PackPhoto[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const found = await Promise.all(ids.map((id) => store.getMedia(id as Message['photoIds'][number])));
  return found
    .filter((m) => m !== undefined)
    .map((m) => ({
      id: m.id,
      url: `${base}/api/v1/media/${m.id}/display`,
      originalUrl: `${base}/api/v1/media/${m.id}/original`,
      sha256: m.sha256,
      type: m.originalType,
      bytes: m.originalBytes,
    }));
}

/** Registrations in the alert's registration fields, then any written in the text and thread. */
function registrationsOf(alert: Alert | undefined, texts: readonly string[]): string[] {
  const fromFields: string[] = [];
  const details = alert?.details ?? {};
  const vehicle = details.vehicle as Record<string, unknown> | undefined;
  for (const value of [details.registration, vehicle?.registration]) {
    if (typeof value === 'string' && value.trim()) fromFields.push(tidyRegistration(value));
  }
  const fromText = texts.flatMap((t) => findRegistrations(t));
  return [...new Set([...fromFields, ...fromText])];
}
