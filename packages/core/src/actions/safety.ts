// Actions on safety: each organisation's emergency guidance, going on watch (a duty roster), and the
// "needs attention" queue the risk check fills. See ports/safety.ts for the records.
import type { Actor } from '../model/actor.js';
import type { Group, Membership, Message } from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { EpochMs, GroupId, OrganisationId, UserId } from '../model/ids.js';
import {
  canReadGroup,
  canReadGuidance,
  canSeeAttention,
  canSeeGroup,
  canSetGuidance,
  canWatchGroup,
  mayWatchGroup,
} from '../policies/index.js';
import type {
  EmergencyGuidance,
  FlagId,
  FlagState,
  PatternId,
  Ports,
  Repositories,
  RiskFlag,
  ShiftId,
  WatchPattern,
  WatchShift,
} from '../ports/index.js';
import type { RiskCategory, RiskResult } from '../risk/index.js';
import { checkRecordRetentionDays, DEFAULT_RECORD_RETENTION_DAYS } from './record-retention.js';
import { occurrenceAt, type WeeklyTimes } from './watch-pattern.js';

export { nextOccurrence, occurrenceAt, WATCH_TIME_ZONE, type WeeklyTimes } from './watch-pattern.js';

/** The number to call when someone is in danger or a crime is happening now. */
export const DEFAULT_EMERGENCY_NUMBER = '999';
/** The number to call for anything else. */
export const DEFAULT_NON_EMERGENCY_NUMBER = '101';
/** The longest one shift on watch may last. */
export const MAX_SHIFT_MS = 24 * 60 * 60 * 1000;
/** How far ahead a shift may be booked. */
export const MAX_SHIFT_AHEAD_MS = 60 * 24 * 60 * 60 * 1000;
/** A start this little in the past is taken as "now": phones' clocks and slow signal differ by that much. */
export const SHIFT_START_GRACE_MS = 5 * 60 * 1000;
/** The most groups one shift covers. */
export const MAX_SHIFT_GROUPS = 50;
/** The shortest weekly watch. */
export const MIN_PATTERN_MINUTES = 15;
/** The most flags one queue page returns. */
export const MAX_ATTENTION_LIST = 200;

const MAX_URL_LENGTH = 500;
const MAX_FORCE_NAME = 120;
/** Digits, optionally a leading + and single spaces between groups of digits: "999", "0300 123 1212". */
const PHONE_NUMBER = /^\+?[0-9]+(?: [0-9]+)*$/;
/** An https address with a host name; no spaces and no credentials before the host. */
const HTTPS_URL = /^https:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?(?:[/?#][^\s]*)?$/i;

/** What an organisation's admins set. */
export interface GuidanceInput {
  emergencyNumber: string;
  nonEmergencyNumber: string;
  onlineReportUrl: string | null;
  forceName?: string | null;
  /** Days a found person's record is kept (30 to 3650); left out, the rule stays as it was. */
  recordRetentionDays?: number | undefined;
}

/** Going on watch: for these groups (default: every group the actor may watch), from `startsAt` (default now). */
export interface GoOnWatchInput {
  groupIds?: GroupId[];
  startsAt?: EpochMs;
  endsAt: EpochMs;
}

/** A weekly duty on watch: on these days, from a local time ("18:00"), for so many minutes. */
export interface WeeklyWatchInput {
  groupIds?: GroupId[];
  days: number[];
  startTime: string;
  durationMinutes: number;
}

/** The actor's shifts that have not ended, their weekly patterns, the groups they may watch, and every group these name. */
export interface MyWatch {
  shifts: WatchShift[];
  patterns: WatchPattern[];
  watchable: Group[];
  groups: Map<GroupId, Group>;
}

/** One person on watch for a group now, until the latest end of their shifts covering it. */
export interface WatcherNow {
  userId: UserId;
  until: EpochMs;
}

/** What a group's header shows a member: the guidance, who is watching now, and what the actor may do. */
export interface WatchStatus {
  group: Group;
  guidance: EmergencyGuidance;
  watchers: WatcherNow[];
  canWatch: boolean;
  canSeeAttention: boolean;
  /** Open flags in the group's queue; null for those who may not see the queue. */
  openAttention: number | null;
}

/** A flagged message with the message itself (its stored text, even when deleted). */
export interface AttentionItem {
  flag: RiskFlag;
  message: Message | undefined;
}

/** A queue the actor may see, and how many flags in it are open. */
export interface AttentionQueue {
  group: Group;
  open: number;
}

/** What the poster of a worrying message is told at once: whom to call, and whether anyone watches the group now. */
export interface RiskNotice {
  categories: RiskCategory[];
  watchedNow: boolean;
  guidance: EmergencyGuidance;
}

// ---- emergency guidance ----

/** The guidance that applies until an organisation's admins set their own. */
export function defaultGuidance(organisationId: OrganisationId): EmergencyGuidance {
  return {
    organisationId,
    emergencyNumber: DEFAULT_EMERGENCY_NUMBER,
    nonEmergencyNumber: DEFAULT_NON_EMERGENCY_NUMBER,
    onlineReportUrl: null,
    forceName: null,
    recordRetentionDays: DEFAULT_RECORD_RETENTION_DAYS,
    updatedBy: null,
    updatedAt: null,
  };
}

/** Checks a number people will tap to call: digits (a short code or a full number), 3 to 15 of them. */
export function checkPhoneNumber(value: unknown, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  const digits = text.replace(/[^0-9]/g, '').length;
  if (!PHONE_NUMBER.test(text) || digits < 3 || digits > 15) {
    throw fail.invalid(
      `The ${what} must be 3 to 15 digits, such as 999 or 0300 123 1212 (no letters or other signs).`,
      field,
    );
  }
  return text;
}

/** Checks the online report address: empty means none; otherwise a full https address. */
export function checkOnlineReportUrl(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string')
    throw fail.invalid('The online report address must be text.', 'onlineReportUrl');
  const text = value.trim();
  if (text === '') return null;
  if (text.length > MAX_URL_LENGTH || !HTTPS_URL.test(text)) {
    throw fail.invalid(
      'The online report address must be a full secure web address starting with https://',
      'onlineReportUrl',
    );
  }
  return text;
}

function checkForceName(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw fail.invalid('The force name must be text.', 'forceName');
  const text = value.trim();
  if (text.length > MAX_FORCE_NAME) {
    throw fail.invalid(`The force name may be at most ${MAX_FORCE_NAME} characters.`, 'forceName');
  }
  return text === '' ? null : text;
}

/** The organisation's guidance, or the defaults while its admins have set none. */
export async function guidanceFor(
  store: Pick<Repositories, 'safety'>,
  organisationId: OrganisationId,
): Promise<EmergencyGuidance> {
  return (await store.safety.getGuidance(organisationId)) ?? defaultGuidance(organisationId);
}

/** Reads an organisation's guidance: its admins and people, and members of its groups. */
export async function getEmergencyGuidance(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  organisationId: OrganisationId,
): Promise<EmergencyGuidance> {
  const { store } = ports;
  const organisation = await store.getOrganisation(organisationId);
  if (!organisation) throw fail.notFound('Organisation');
  const mine = await store.listGroupsOfUser(actor.user.id);
  const inOneOfItsGroups = mine.some((s) => s.group.organisationId === organisationId);
  if (!canReadGuidance(actor, organisationId, inOneOfItsGroups)) throw fail.notFound('Organisation');
  return guidanceFor(store, organisationId);
}

/**
 * Sets an organisation's numbers and online form, and how long a found person's record is kept (its
 * admins, and platform admins). A shorter rule applies to records already kept: the next sweep deletes
 * those it puts past their time.
 */
export async function setEmergencyGuidance(
  ports: Pick<Ports, 'store' | 'clock'>,
  actor: Actor,
  organisationId: OrganisationId,
  input: GuidanceInput,
): Promise<EmergencyGuidance> {
  const { store } = ports;
  const organisation = await store.getOrganisation(organisationId);
  if (!organisation) throw fail.notFound('Organisation');
  if (!canSetGuidance(actor, organisationId)) {
    if (actor.affiliations.some((a) => a.organisationId === organisationId)) {
      throw fail.forbidden("Only this organisation's admins set its emergency numbers.");
    }
    throw fail.notFound('Organisation');
  }
  const now = ports.clock.now();
  const guidance: EmergencyGuidance = {
    organisationId,
    emergencyNumber: checkPhoneNumber(input.emergencyNumber, 'emergencyNumber', 'emergency number'),
    nonEmergencyNumber: checkPhoneNumber(
      input.nonEmergencyNumber,
      'nonEmergencyNumber',
      'non-emergency number',
    ),
    onlineReportUrl: checkOnlineReportUrl(input.onlineReportUrl),
    forceName: checkForceName(input.forceName),
    recordRetentionDays:
      input.recordRetentionDays === undefined
        ? (await guidanceFor(store, organisationId)).recordRetentionDays
        : checkRecordRetentionDays(input.recordRetentionDays),
    updatedBy: actor.user.id,
    updatedAt: now,
  };
  await store.transaction(async (tx) => {
    await tx.safety.putGuidance(guidance);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'organisation.guidance_set',
      subjectType: 'organisation',
      subjectId: organisationId,
      groupId: null,
      detail: {
        emergencyNumber: guidance.emergencyNumber,
        nonEmergencyNumber: guidance.nonEmergencyNumber,
        onlineReportUrl: guidance.onlineReportUrl,
        forceName: guidance.forceName,
        recordRetentionDays: guidance.recordRetentionDays,
      },
      at: now,
    });
  });
  return guidance;
}

// ---- on watch ----

/**
 * Goes on watch for a stated time: one shift for the chosen groups, or for every group the actor
 * may watch. The shift starts now (or later, within 60 days), ends after it starts, lasts at most
 * 24 hours, and covers only groups the actor may watch.
 */
export async function goOnWatch(ports: Ports, actor: Actor, input: GoOnWatchInput): Promise<MyWatch> {
  const { store } = ports;
  const now = ports.clock.now();
  const { startsAt, endsAt } = checkShiftTimes(input, now);
  const groups = await watchableGroupsFor(store, actor, input.groupIds);
  const shift: WatchShift = {
    id: ports.ids.next() as ShiftId,
    userId: actor.user.id,
    groupIds: groups.map((g) => g.id),
    startsAt,
    endsAt,
    endedEarly: false,
    createdAt: now,
  };
  await store.transaction(async (tx) => {
    await tx.safety.createShift(shift);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'watch.started',
      subjectType: 'shift',
      subjectId: shift.id,
      groupId: null,
      detail: { groupIds: shift.groupIds, startsAt, endsAt },
      at: now,
    });
  });
  if (startsAt <= now) await announceWatchChange(ports, shift.groupIds);
  return { shifts: [shift], patterns: [], watchable: groups, groups: new Map(groups.map((g) => [g.id, g])) };
}

function checkShiftTimes(input: GoOnWatchInput, now: EpochMs): { startsAt: EpochMs; endsAt: EpochMs } {
  const requested = input.startsAt ?? now;
  if (!Number.isSafeInteger(requested)) throw fail.invalid('The start must be a time.', 'startsAt');
  if (!Number.isSafeInteger(input.endsAt)) throw fail.invalid('The end must be a time.', 'endsAt');
  if (requested < now - SHIFT_START_GRACE_MS) {
    throw fail.invalid('A shift cannot start in the past.', 'startsAt');
  }
  if (requested > now + MAX_SHIFT_AHEAD_MS) {
    throw fail.invalid('A shift can be booked at most 60 days ahead.', 'startsAt');
  }
  const startsAt = Math.max(requested, now);
  if (input.endsAt <= startsAt) throw fail.invalid('The shift must end after it starts.', 'endsAt');
  if (input.endsAt - startsAt > MAX_SHIFT_MS) {
    throw fail.invalid('A shift may last at most 24 hours.', 'endsAt');
  }
  return { startsAt, endsAt: input.endsAt };
}

/**
 * The groups a shift covers: each chosen one must exist, be visible to the actor and be one they
 * may watch; with none chosen, every group they may watch (and at least one).
 */
async function watchableGroupsFor(
  store: Repositories,
  actor: Actor,
  groupIds: GroupId[] | undefined,
): Promise<Group[]> {
  if (groupIds === undefined) {
    const mine = await watchableGroupsOf(store, actor);
    if (mine.length === 0) {
      throw new DomainError(
        'forbidden',
        'Only police officers and group admins or moderators go on watch.',
        'groupIds',
      );
    }
    return mine;
  }
  if (!Array.isArray(groupIds) || groupIds.length === 0) {
    throw fail.invalid('Choose at least one group to watch.', 'groupIds');
  }
  if (groupIds.length > MAX_SHIFT_GROUPS) {
    throw fail.invalid(`One shift may cover at most ${MAX_SHIFT_GROUPS} groups.`, 'groupIds');
  }
  if (new Set(groupIds).size !== groupIds.length) {
    throw fail.invalid('The same group is chosen twice.', 'groupIds');
  }
  const groups: Group[] = [];
  for (const id of groupIds) {
    const group = await store.getGroup(id);
    const membership = group ? await store.getMembership(id, actor.user.id) : undefined;
    if (!group || !canSeeGroup(actor, group, membership)) {
      throw new DomainError('not_found', 'Group not found.', 'groupIds');
    }
    if (!canWatchGroup(actor, group, membership)) {
      throw new DomainError(
        'forbidden',
        `You may not watch ${group.name}: only its admins, moderators and the force's officers who are members go on watch.`,
        'groupIds',
      );
    }
    groups.push(group);
  }
  return groups;
}

/** Every group the actor may watch, by name. */
async function watchableGroupsOf(store: Repositories, actor: Actor): Promise<Group[]> {
  const mine = await store.listGroupsOfUser(actor.user.id);
  return mine
    .filter((s) => canWatchGroup(actor, s.group, s.membership))
    .map((s) => s.group)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Ends one of the actor's shifts now (or cancels one not yet started). Another's shift is "not found". */
export async function endWatch(ports: Ports, actor: Actor, shiftId: ShiftId): Promise<MyWatch> {
  const { store } = ports;
  const shift = await store.safety.getShift(shiftId);
  if (shift?.userId !== actor.user.id) throw fail.notFound('Shift');
  const now = ports.clock.now();
  const ended = await store.transaction(async (tx) => {
    const result = await tx.safety.endShift(shift.id, now);
    if (result.endedEarly && !shift.endedEarly) {
      await tx.appendAudit({
        actorId: actor.user.id,
        action: 'watch.ended',
        subjectType: 'shift',
        subjectId: shift.id,
        groupId: null,
        detail: { endsAt: result.endsAt },
        at: now,
      });
    }
    return result;
  });
  // Only a shift that was running changes who is watching; cancelling one not yet started does not.
  const wasRunning = shift.startsAt <= now && now < shift.endsAt;
  if (wasRunning && ended.endsAt !== shift.endsAt) await announceWatchChange(ports, ended.groupIds);
  return { shifts: [ended], patterns: [], watchable: [], groups: await groupsById(store, ended.groupIds) };
}

/** The actor's shifts that have not ended yet (soonest first), weekly patterns, and the groups they may watch. */
export async function listMyWatch(ports: Pick<Ports, 'store' | 'clock'>, actor: Actor): Promise<MyWatch> {
  const { store } = ports;
  const [shifts, patterns, watchable] = await Promise.all([
    store.safety.listShiftsOfUser(actor.user.id, ports.clock.now()),
    store.safety.listPatternsOfUser(actor.user.id),
    watchableGroupsOf(store, actor),
  ]);
  const groups = new Map(watchable.map((g) => [g.id, g]));
  const named = [...shifts.flatMap((s) => s.groupIds), ...patterns.flatMap((p) => p.groupIds)];
  const missing = [...new Set(named)].filter((id) => !groups.has(id));
  for (const [id, group] of await groupsById(store, missing)) groups.set(id, group);
  return { shifts, patterns, watchable, groups };
}

/**
 * Goes on watch every week: on the chosen weekdays, from a UK local time, for 15 minutes to 24 hours,
 * for the chosen groups (or every group the actor may watch), until stopped.
 */
export async function addWeeklyWatch(ports: Ports, actor: Actor, input: WeeklyWatchInput): Promise<MyWatch> {
  const { store } = ports;
  const times = checkWeeklyTimes(input);
  const groups = await watchableGroupsFor(store, actor, input.groupIds);
  const now = ports.clock.now();
  const pattern: WatchPattern = {
    id: ports.ids.next() as PatternId,
    userId: actor.user.id,
    groupIds: groups.map((g) => g.id),
    ...times,
    createdAt: now,
    endedAt: null,
  };
  await store.transaction(async (tx) => {
    await tx.safety.createPattern(pattern);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'watch.pattern_added',
      subjectType: 'pattern',
      subjectId: pattern.id,
      groupId: null,
      detail: { groupIds: pattern.groupIds, ...times },
      at: now,
    });
  });
  if (occurrenceAt(pattern, now)) await announceWatchChange(ports, pattern.groupIds);
  return {
    shifts: [],
    patterns: [pattern],
    watchable: groups,
    groups: new Map(groups.map((g) => [g.id, g])),
  };
}

/** Stops one of the actor's weekly patterns (a running occurrence ends with it). Another's is "not found". */
export async function stopWeeklyWatch(ports: Ports, actor: Actor, patternId: PatternId): Promise<MyWatch> {
  const { store } = ports;
  const pattern = await store.safety.getPattern(patternId);
  if (pattern?.userId !== actor.user.id) throw fail.notFound('Pattern');
  const now = ports.clock.now();
  const stopped = await store.transaction(async (tx) => {
    const result = await tx.safety.endPattern(pattern.id, now);
    if (pattern.endedAt === null) {
      await tx.appendAudit({
        actorId: actor.user.id,
        action: 'watch.pattern_stopped',
        subjectType: 'pattern',
        subjectId: pattern.id,
        groupId: null,
        detail: {},
        at: now,
      });
    }
    return result;
  });
  if (pattern.endedAt === null && occurrenceAt(pattern, now)) {
    await announceWatchChange(ports, pattern.groupIds);
  }
  return {
    shifts: [],
    patterns: [stopped],
    watchable: [],
    groups: await groupsById(store, stopped.groupIds),
  };
}

/**
 * Tells the active members of each group that who is watching it changed just now, so their headers ask
 * again at once rather than at the next minute. Starts and ends by the clock are left to that minute.
 */
async function announceWatchChange(ports: Ports, groupIds: readonly GroupId[]): Promise<void> {
  const members = await Promise.all(groupIds.map((id) => ports.store.listMemberships(id, ['active'])));
  groupIds.forEach((groupId, i) => {
    const recipients = (members[i] ?? []).map((m) => m.userId);
    if (recipients.length > 0) ports.events.publish({ kind: 'watch', groupId, recipients });
  });
}

const DAY_NAMES = 'Monday 1 … Sunday 7';

function checkWeeklyTimes(input: WeeklyWatchInput): WeeklyTimes {
  const { days } = input;
  if (!Array.isArray(days) || days.length === 0) throw fail.invalid('Choose at least one day.', 'days');
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7) || new Set(days).size !== days.length) {
    throw fail.invalid(`Days are weekdays, each once: ${DAY_NAMES}.`, 'days');
  }
  const match =
    typeof input.startTime === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(input.startTime.trim()) : null;
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw fail.invalid('The start must be a time of day such as 18:00.', 'startTime');
  }
  const duration = input.durationMinutes;
  if (!Number.isInteger(duration) || duration < MIN_PATTERN_MINUTES || duration * 60_000 > MAX_SHIFT_MS) {
    throw fail.invalid('Each watch lasts from 15 minutes to 24 hours.', 'durationMinutes');
  }
  return {
    days: [...days].sort((a, b) => a - b),
    startMinute: hours * 60 + minutes,
    durationMinutes: duration,
  };
}

async function groupsById(store: Repositories, ids: readonly GroupId[]): Promise<Map<GroupId, Group>> {
  const found = await Promise.all(ids.map((id) => store.getGroup(id)));
  return new Map(found.filter((g): g is Group => g !== undefined).map((g) => [g.id, g]));
}

/**
 * Who is watching a group at `at`: people with a shift covering it who may still watch it (a
 * shift does not outlive its owner's role or membership), each once, until their latest end.
 */
export async function watchersNow(store: Repositories, group: Group, at: EpochMs): Promise<WatcherNow[]> {
  const [shifts, patterns] = await Promise.all([
    store.safety.listShiftsCovering(group.id, at),
    store.safety.listPatternsOfGroup(group.id),
  ]);
  const until = new Map<UserId, EpochMs>();
  for (const s of shifts) until.set(s.userId, Math.max(until.get(s.userId) ?? 0, s.endsAt));
  for (const p of patterns) {
    const running = occurrenceAt(p, at);
    if (running) until.set(p.userId, Math.max(until.get(p.userId) ?? 0, running.endsAt));
  }
  const watchers: WatcherNow[] = [];
  for (const [userId, end] of until) {
    const [membership, affiliations] = await Promise.all([
      store.getMembership(group.id, userId),
      store.listAffiliationsOfUser(userId),
    ]);
    if (mayWatchGroup(affiliations, group, membership)) watchers.push({ userId, until: end });
  }
  return watchers.sort((a, b) => b.until - a.until);
}

/** The header of a group for one of its members: the guidance, who is watching now, and what the actor may do. */
export async function getWatchStatus(
  ports: Pick<Ports, 'store' | 'clock'>,
  actor: Actor,
  groupId: GroupId,
): Promise<WatchStatus> {
  const { store } = ports;
  const { group, membership } = await requireGroup(
    store,
    actor,
    groupId,
    (_g, m) => canReadGroup(m),
    'Only active members can see who is watching.',
  );
  const seesQueue = canSeeAttention(actor, group, membership);
  const [guidance, watchers, open] = await Promise.all([
    guidanceFor(store, group.organisationId),
    watchersNow(store, group, ports.clock.now()),
    seesQueue ? store.safety.countOpenFlags([group.id]) : undefined,
  ]);
  return {
    group,
    guidance,
    watchers,
    canWatch: canWatchGroup(actor, group, membership),
    canSeeAttention: seesQueue,
    openAttention: open ? (open.get(group.id) ?? 0) : null,
  };
}

// ---- the "needs attention" queue ----

const QUEUE_REFUSAL =
  "Only the group's admins and moderators, and the force's officers who are members, see this queue.";

/**
 * Everyone who may see a group's queue, and so receives its priority notices: active members who
 * may watch it (admins, moderators, the owning force's officers).
 */
export async function attentionRecipients(store: Repositories, group: Group): Promise<UserId[]> {
  const [members, people] = await Promise.all([
    store.listMemberships(group.id, ['active']),
    store.listOrganisationMembers(group.organisationId),
  ]);
  return members
    .filter((m) =>
      mayWatchGroup(
        people.filter((p) => p.userId === m.userId),
        group,
        m,
      ),
    )
    .map((m) => m.userId);
}

/**
 * Flags a message the risk check found worrying, once: the flag joins the group's queue and, the
 * first time, a priority notice goes to those who may see the queue (not to the poster). Returns
 * what the poster is told. Safe to repeat: a retried post finds its flag and notifies nobody again.
 */
export async function recordRisk(
  ports: Ports,
  group: Group,
  message: Message,
  result: RiskResult,
): Promise<RiskNotice> {
  const { store } = ports;
  const now = ports.clock.now();
  const { flag, created } = await store.safety.flagMessage({
    id: ports.ids.next() as FlagId,
    messageId: message.id,
    groupId: message.groupId,
    authorId: message.authorId,
    categories: [...result.categories],
    cues: [...result.cues],
    score: result.score,
    createdAt: now,
    state: 'open',
    handledBy: null,
    handledAt: null,
  });
  if (created) {
    const recipients = (await attentionRecipients(store, group)).filter((id) => id !== message.authorId);
    if (recipients.length > 0) ports.events.publish({ kind: 'attention', recipients, flag });
  }
  const [guidance, watchers] = await Promise.all([
    guidanceFor(store, group.organisationId),
    watchersNow(store, group, now),
  ]);
  return { categories: flag.categories, watchedNow: watchers.length > 0, guidance };
}

/** A group's flagged messages, newest first: open ones, or all (for those who may see the queue). */
export async function listAttention(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  groupId: GroupId,
  options: { state?: FlagState | 'all'; limit?: number } = {},
): Promise<AttentionItem[]> {
  const { store } = ports;
  await requireGroup(store, actor, groupId, (g, m) => canSeeAttention(actor, g, m), QUEUE_REFUSAL);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50) || 1, 1), MAX_ATTENTION_LIST);
  const state = options.state ?? 'open';
  const flags = await store.safety.listFlags(groupId, state === 'all' ? { limit } : { state, limit });
  const messages = await Promise.all(flags.map((f) => store.getMessage(f.messageId)));
  return flags.map((flag, i) => ({ flag, message: messages[i] }));
}

/** Marks a flag handled; everyone who sees the queue is told, so their counts go down together. */
export async function markAttentionHandled(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  flagId: FlagId,
): Promise<AttentionItem> {
  const { store } = ports;
  const { group } = await requireGroup(
    store,
    actor,
    groupId,
    (g, m) => canSeeAttention(actor, g, m),
    QUEUE_REFUSAL,
  );
  const now = ports.clock.now();
  const { before, after } = await store.transaction(async (tx) => {
    const flag = await tx.safety.getFlag(flagId);
    if (flag?.groupId !== groupId) throw fail.notFound('Flag');
    const handled = await tx.safety.handleFlag(flag.id, actor.user.id, now);
    if (flag.state === 'open') {
      await tx.appendAudit({
        actorId: actor.user.id,
        action: 'attention.handled',
        subjectType: 'flag',
        subjectId: flag.id,
        groupId,
        detail: { messageId: flag.messageId },
        at: now,
      });
    }
    return { before: flag, after: handled };
  });
  if (before.state === 'open') {
    const recipients = await attentionRecipients(store, group);
    if (recipients.length > 0) ports.events.publish({ kind: 'attention', recipients, flag: after });
  }
  return { flag: after, message: await store.getMessage(after.messageId) };
}

/** Every queue the actor may see, by group name, with how many flags in each are open. */
export async function listAttentionQueues(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
): Promise<AttentionQueue[]> {
  const { store } = ports;
  const mine = await store.listGroupsOfUser(actor.user.id);
  const groups = mine
    .filter((s) => canSeeAttention(actor, s.group, s.membership))
    .map((s) => s.group)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (groups.length === 0) return [];
  const open = await store.safety.countOpenFlags(groups.map((g) => g.id));
  return groups.map((group) => ({ group, open: open.get(group.id) ?? 0 }));
}

/**
 * Loads the group and the actor's membership and applies `allowed`. Someone who may not know the
 * group exists gets "not found"; someone who may see it but not do this gets "forbidden".
 */
async function requireGroup(
  store: Repositories,
  actor: Actor,
  groupId: GroupId,
  allowed: (group: Group, membership: Membership | undefined) => boolean,
  refusal: string,
): Promise<{ group: Group; membership: Membership | undefined }> {
  const group = await store.getGroup(groupId);
  if (!group) throw fail.notFound('Group');
  const membership = await store.getMembership(groupId, actor.user.id);
  if (allowed(group, membership)) return { group, membership };
  if (canSeeGroup(actor, group, membership)) throw fail.forbidden(refusal);
  throw fail.notFound('Group');
}
