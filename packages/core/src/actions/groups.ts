// Actions on watch groups: create, change, read one, list mine; with the rules a group's details must follow.
import type { Actor } from '../model/actor.js';
import type { ExternalAlertPolicy, Group, GroupArea, Membership, Organisation } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { GroupId, OrganisationId } from '../model/ids.js';
import { canCreateGroup, canManageGroup, canManageOrganisation, canSeeGroup } from '../policies/index.js';
import type { GroupSummary, Ports } from '../ports/index.js';

const MAX_VETTING_QUESTIONS = 10;
const MAX_RADIUS_KM = 500;

/** A new group's details, already shaped by the transport. */
export interface CreateGroupInput {
  organisationId: OrganisationId;
  name: string;
  description?: string;
  rules?: string;
  area?: GroupArea | null;
  vettingQuestions?: string[];
  /** Alerts from other organisations' groups; 'review' unless chosen. */
  externalAlerts?: ExternalAlertPolicy;
}

/** The details of a group that its managers may change; absent fields stay as they are. */
export type UpdateGroupInput = Partial<Omit<CreateGroupInput, 'organisationId'>>;

/** A group as one person sees it: their membership (undefined when they manage it without being in it). */
export interface GroupView {
  group: Group;
  organisation: Organisation;
  membership: Membership | undefined;
  unread: number;
}

/** My groups, each with the name of its organisation for presenting. */
export interface MyGroupsView {
  groups: GroupSummary[];
  /** Groups the actor manages (as platform or organisation admin) without being a member. */
  managed: Group[];
  organisationNames: Map<OrganisationId, string>;
}

/** Checks a group's area: a circle on the earth, or closed polygon rings of at least four points. */
export function validateGroupArea(area: GroupArea | null): GroupArea | null {
  if (area === null) return null;
  if (area.kind === 'circle') {
    const { lat, lng } = area.centre;
    if (!inRange(lat, -90, 90) || !inRange(lng, -180, 180))
      throw fail.invalid('The centre must be a point on the earth.', 'area.centre');
    if (!(Number.isFinite(area.radiusKm) && area.radiusKm > 0 && area.radiusKm <= MAX_RADIUS_KM))
      throw fail.invalid(`The radius must be more than 0 and at most ${MAX_RADIUS_KM} km.`, 'area.radiusKm');
    return area;
  }
  if (area.coordinates.length === 0) throw fail.invalid('A polygon needs an outer ring.', 'area.coordinates');
  area.coordinates.forEach((ring, index) => {
    const field = `area.coordinates.${index}`;
    if (ring.length < 4) throw fail.invalid('A polygon ring needs at least four points.', field);
    for (const [lng, lat] of ring) {
      if (!inRange(lng, -180, 180) || !inRange(lat, -90, 90))
        throw fail.invalid('Every point must be [longitude, latitude] on the earth.', field);
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
      throw fail.invalid('A polygon ring must end at the point where it starts.', field);
  });
  return area;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/** Trims and checks vetting questions: at most ten, none empty. */
export function validateVettingQuestions(questions: readonly string[]): string[] {
  if (questions.length > MAX_VETTING_QUESTIONS)
    throw fail.invalid(`At most ${MAX_VETTING_QUESTIONS} vetting questions.`, 'vettingQuestions');
  const trimmed = questions.map((q) => q.trim());
  if (trimmed.some((q) => q.length === 0))
    throw fail.invalid('A vetting question cannot be empty.', 'vettingQuestions');
  return trimmed;
}

function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 120)
    throw fail.invalid('The name must be 2 to 120 characters.', 'name');
  return trimmed;
}

const EXTERNAL_ALERT_POLICIES: readonly ExternalAlertPolicy[] = ['always', 'never', 'review'];

/** Checks how a group takes alerts from other organisations: always, never or after review. */
export function validateExternalAlerts(policy: ExternalAlertPolicy): ExternalAlertPolicy {
  if (!EXTERNAL_ALERT_POLICIES.includes(policy))
    throw fail.invalid('Alerts from outside must be taken always, never or after review.', 'externalAlerts');
  return policy;
}

/** Creates a watch group in an organisation (platform admins and the organisation's admins). */
export async function createGroup(ports: Ports, actor: Actor, input: CreateGroupInput): Promise<GroupView> {
  if (!canCreateGroup(actor, input.organisationId))
    throw fail.forbidden('Only admins of the organisation create its groups.');
  const organisation = await ports.store.getOrganisation(input.organisationId);
  if (!organisation) throw fail.notFound('Organisation');
  const group: Group = {
    id: ports.ids.next() as GroupId,
    organisationId: organisation.id,
    name: validateName(input.name),
    description: (input.description ?? '').trim(),
    rules: (input.rules ?? '').trim(),
    area: validateGroupArea(input.area ?? null),
    vettingQuestions: validateVettingQuestions(input.vettingQuestions ?? []),
    externalAlerts: validateExternalAlerts(input.externalAlerts ?? 'review'),
    lastSeq: 0,
    createdAt: ports.clock.now(),
  };
  await ports.store.transaction(async (tx) => {
    await tx.createGroup(group);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'group.created',
      subjectType: 'group',
      subjectId: group.id,
      groupId: group.id,
      detail: { name: group.name, organisationId: group.organisationId },
      at: group.createdAt,
    });
  });
  // The creator manages the group through their organisation; they join it only if they choose to.
  return { group, organisation, membership: undefined, unread: 0 };
}

/** Changes a group's details (its admins, the organisation's admins, platform admins). */
export async function updateGroup(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  input: UpdateGroupInput,
): Promise<GroupView> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canManageGroup(actor, group, membership))
    throw fail.forbidden('Only the group’s admins change its details.');
  const changed: Group = {
    ...group,
    ...(input.name !== undefined ? { name: validateName(input.name) } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(input.rules !== undefined ? { rules: input.rules.trim() } : {}),
    ...(input.area !== undefined ? { area: validateGroupArea(input.area) } : {}),
    ...(input.vettingQuestions !== undefined
      ? { vettingQuestions: validateVettingQuestions(input.vettingQuestions) }
      : {}),
    ...(input.externalAlerts !== undefined
      ? { externalAlerts: validateExternalAlerts(input.externalAlerts) }
      : {}),
  };
  const fields = Object.keys(input).filter((key) => input[key as keyof UpdateGroupInput] !== undefined);
  await ports.store.transaction(async (tx) => {
    const { lastSeq: _sequenceIsTheStores, ...details } = changed;
    await tx.updateGroup(details);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'group.updated',
      subjectType: 'group',
      subjectId: group.id,
      groupId: group.id,
      detail: { fields },
      at: ports.clock.now(),
    });
  });
  return getGroup(ports, actor, groupId);
}

/** One group with the actor's membership; "not found" for anyone who may not know it exists. */
export async function getGroup(ports: Ports, actor: Actor, groupId: GroupId): Promise<GroupView> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  const organisation = await ports.store.getOrganisation(group.organisationId);
  if (!organisation) throw fail.notFound('Group');
  let unread = 0;
  if (membership) {
    const mine = await ports.store.listGroupsOfUser(actor.user.id);
    unread = mine.find((summary) => summary.group.id === group.id)?.unread ?? 0;
  }
  return { group, organisation, membership, unread };
}

/**
 * The groups I am active or pending in, with unread counts, and the groups I manage without being a
 * member (so a platform or organisation admin can reach a group they created to appoint its admins).
 */
export async function listMyGroups(ports: Ports, actor: Actor): Promise<MyGroupsView> {
  const groups = await ports.store.listGroupsOfUser(actor.user.id);
  const mine = new Set<GroupId>(groups.map((summary) => summary.group.id));
  const managesAny = actor.user.isPlatformAdmin || actor.affiliations.some((a) => a.isAdmin);
  const managed = managesAny
    ? (await ports.store.listGroups()).filter(
        (group) => !mine.has(group.id) && canManageOrganisation(actor, group.organisationId),
      )
    : [];
  const organisationNames = new Map<OrganisationId, string>();
  const organisationIds = [
    ...groups.map((summary) => summary.group.organisationId),
    ...managed.map((g) => g.organisationId),
  ];
  for (const id of new Set(organisationIds)) {
    const organisation = await ports.store.getOrganisation(id);
    if (organisation) organisationNames.set(id, organisation.name);
  }
  return { groups, managed, organisationNames };
}

/**
 * Loads a group and the actor's membership, refusing with "not found" when the actor may not know
 * the group exists. Shared by the member and invite actions.
 */
export async function loadVisibleGroup(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  groupId: GroupId,
): Promise<{ group: Group; membership: Membership | undefined }> {
  const group = await ports.store.getGroup(groupId);
  if (!group) throw fail.notFound('Group');
  const membership = await ports.store.getMembership(groupId, actor.user.id);
  if (!canSeeGroup(actor, group, membership)) throw fail.notFound('Group');
  return { group, membership };
}
