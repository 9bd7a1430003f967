// Presents safety records as the protocol shapes them: guidance, watchers, shifts, flags and their notices.
import {
  type AttentionItem as CoreAttentionItem,
  type EmergencyGuidance as CoreGuidance,
  type MyWatch as CoreMyWatch,
  type RiskCategory as CoreRiskCategory,
  type WatchStatus as CoreWatchStatus,
  type EpochMs,
  type Group,
  type GroupId,
  nextOccurrence,
  type OrganisationId,
  type Repositories,
  type RiskFlag,
  type RiskNotice,
  type UserId,
  type WatchPattern,
  type WatchShift,
} from '@fellwatch/core';
import type {
  AttentionItem,
  AttentionMessage,
  EmergencyGuidance,
  MyWatch,
  RiskCategory,
  RiskHint,
  WatchedGroup,
  WatchPatternView,
  WatchShiftView,
  WatchStatus,
} from '@fellwatch/protocol';
import { loadMessageViews, type PresentingStore } from '../../../presenters/message.js';
import { presentFormerMember, presentPerson } from '../../../presenters/person.js';

// The core's categories and the protocol's must be the same list: this fails to compile if they drift.
const sameCategories: [CoreRiskCategory, RiskCategory] extends [RiskCategory, CoreRiskCategory]
  ? true
  : never = true;
void sameCategories;

/** The numbers and online form, without who set them (members need not know). */
export function presentGuidance(guidance: CoreGuidance): EmergencyGuidance {
  return {
    organisationId: guidance.organisationId,
    emergencyNumber: guidance.emergencyNumber,
    nonEmergencyNumber: guidance.nonEmergencyNumber,
    onlineReportUrl: guidance.onlineReportUrl,
    forceName: guidance.forceName,
    recordRetentionDays: guidance.recordRetentionDays,
    updatedAt: guidance.updatedAt,
  };
}

/** What the poster of a worrying message is told. */
export function presentRiskHint(notice: RiskNotice): RiskHint {
  return {
    categories: [...notice.categories],
    watchedNow: notice.watchedNow,
    guidance: presentGuidance(notice.guidance),
  };
}

/** The priority notice for a flag: enough to count and link to it; the queue holds the rest. */
export function presentAttentionNotice(flag: RiskFlag): AttentionMessage {
  return {
    type: 'attention',
    groupId: flag.groupId,
    flagId: flag.id,
    messageId: flag.messageId,
    categories: [...flag.categories],
    state: flag.state,
    at: flag.handledAt ?? flag.createdAt,
  };
}

type People = Pick<Repositories, 'getPublicProfiles'>;
type Organisations = Pick<Repositories, 'getOrganisation'>;

/** The header status of a group, watchers shown by display name and badges. */
export async function presentWatchStatus(store: People, status: CoreWatchStatus): Promise<WatchStatus> {
  const profiles = await store.getPublicProfiles(status.watchers.map((w) => w.userId));
  return {
    groupId: status.group.id,
    guidance: presentGuidance(status.guidance),
    watchers: status.watchers.map((w) => {
      const profile = profiles.get(w.userId);
      return { person: profile ? presentPerson(profile) : presentFormerMember(w.userId), until: w.until };
    }),
    canWatch: status.canWatch,
    canSeeAttention: status.canSeeAttention,
    openAttention: status.openAttention,
  };
}

/** Names of the organisations owning these groups. */
async function organisationNames(
  store: Organisations,
  groups: Iterable<Group>,
): Promise<Map<OrganisationId, string>> {
  const ids = [...new Set([...groups].map((g) => g.organisationId))];
  const found = await Promise.all(ids.map((id) => store.getOrganisation(id)));
  return new Map(found.filter((o) => o !== undefined).map((o) => [o.id, o.name]));
}

function watchedGroup(group: Group, names: Map<OrganisationId, string>): WatchedGroup {
  return { id: group.id, name: group.name, organisationName: names.get(group.organisationId) ?? '' };
}

function presentShift(
  shift: WatchShift,
  groups: Map<GroupId, Group>,
  names: Map<OrganisationId, string>,
): WatchShiftView {
  return {
    id: shift.id,
    groups: shift.groupIds
      .map((id) => groups.get(id))
      .filter((g): g is Group => g !== undefined)
      .map((g) => watchedGroup(g, names)),
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    endedEarly: shift.endedEarly,
  };
}

function presentPattern(
  pattern: WatchPattern,
  groups: Map<GroupId, Group>,
  names: Map<OrganisationId, string>,
  now: EpochMs,
): WatchPatternView {
  const hours = Math.floor(pattern.startMinute / 60);
  const minutes = pattern.startMinute % 60;
  return {
    id: pattern.id,
    groups: pattern.groupIds
      .map((id) => groups.get(id))
      .filter((g): g is Group => g !== undefined)
      .map((g) => watchedGroup(g, names)),
    days: [...pattern.days],
    startTime: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
    durationMinutes: pattern.durationMinutes,
    next: pattern.endedAt === null ? nextOccurrence(pattern, now) : null,
    stopped: pattern.endedAt !== null,
  };
}

/** My shifts, weekly patterns and the groups I may watch. */
export async function presentMyWatch(
  store: Organisations,
  watch: CoreMyWatch,
  now: EpochMs,
): Promise<MyWatch> {
  const names = await organisationNames(store, watch.groups.values());
  return {
    shifts: watch.shifts.map((s) => presentShift(s, watch.groups, names)),
    patterns: watch.patterns.map((p) => presentPattern(p, watch.groups, names, now)),
    groups: watch.watchable.map((g) => watchedGroup(g, names)),
  };
}

/** One weekly pattern (the first of `watch`), as answered when adding or stopping it. */
export async function presentOnePattern(
  store: Organisations,
  watch: CoreMyWatch,
  now: EpochMs,
): Promise<WatchPatternView> {
  const names = await organisationNames(store, watch.groups.values());
  const [pattern] = watch.patterns;
  if (!pattern) throw new Error('a pattern was expected');
  return presentPattern(pattern, watch.groups, names, now);
}

/** One shift (the first of `watch`), as answered when going on watch or ending a shift. */
export async function presentOneShift(store: Organisations, watch: CoreMyWatch): Promise<WatchShiftView> {
  const names = await organisationNames(store, watch.groups.values());
  const [shift] = watch.shifts;
  if (!shift) throw new Error('a shift was expected');
  return presentShift(shift, watch.groups, names);
}

/** Queue items with their messages as members see them and the stored text, handlers by name. */
export async function presentAttentionItems(
  store: PresentingStore,
  items: readonly CoreAttentionItem[],
): Promise<AttentionItem[]> {
  const messages = items.flatMap((i) => (i.message ? [i.message] : []));
  const handlers = items.flatMap((i) => (i.flag.handledBy ? [i.flag.handledBy] : []));
  const [views, profiles] = await Promise.all([
    loadMessageViews(store, messages),
    store.getPublicProfiles([...new Set<UserId>(handlers)]),
  ]);
  const viewById = new Map(views.map((v) => [v.id, v]));
  return items.map(({ flag, message }) => {
    const handler = flag.handledBy ? profiles.get(flag.handledBy) : undefined;
    return {
      id: flag.id,
      groupId: flag.groupId,
      message: viewById.get(flag.messageId) ?? null,
      text: message?.body ?? '',
      categories: [...flag.categories],
      cues: [...flag.cues],
      createdAt: flag.createdAt,
      state: flag.state,
      handledBy: flag.handledBy
        ? handler
          ? presentPerson(handler)
          : presentFormerMember(flag.handledBy)
        : null,
      handledAt: flag.handledAt,
    };
  });
}
