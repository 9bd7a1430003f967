// Actions on a group's members: who is in it, vetting decisions, roles, direct additions and read cursors.
import type { Actor } from '../model/actor.js';
import type { Group, GroupRole, Membership, MembershipStatus } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { EpochMs, GroupId, UserId } from '../model/ids.js';
import { canDecideMembers, canManageGroup, isActiveMember } from '../policies/index.js';
import type { Ports, PublicProfile, Repositories } from '../ports/index.js';
import { loadVisibleGroup } from './groups.js';

/** What an admin or moderator decides about a member. */
export type MemberDecision = 'approve' | 'decline' | 'remove' | 'ban';

/** A member as other members see them: a display name, badges and standing. Never an email or phone. */
export interface MemberEntry {
  person: PublicProfile;
  role: GroupRole;
  status: MembershipStatus;
}

/** What admins and moderators also see: the vetting answers, and who decided and when. */
export interface MemberEntryForAdmin extends MemberEntry {
  answers: string[];
  joinedAt: EpochMs;
  decidedBy: PublicProfile | null;
  decidedAt: EpochMs | null;
}

/** A group's member list, in the detail the actor may see. */
export type MemberListing =
  | { forAdmin: true; members: MemberEntryForAdmin[] }
  | { forAdmin: false; members: MemberEntry[] };

const DECIDED_STATUS: Record<MemberDecision, MembershipStatus> = {
  approve: 'active',
  decline: 'declined',
  remove: 'removed',
  ban: 'banned',
};

const PAST_TENSE: Record<MemberDecision, string> = {
  approve: 'approved',
  decline: 'declined',
  remove: 'removed',
  ban: 'banned',
};

/**
 * The status a decision leads to from the member's current status. Approve and decline answer a
 * pending request; remove and ban apply to active or pending members.
 */
export function statusAfterDecision(current: MembershipStatus, decision: MemberDecision): MembershipStatus {
  const fromPendingOnly = decision === 'approve' || decision === 'decline';
  const allowed = fromPendingOnly ? current === 'pending' : current === 'active' || current === 'pending';
  if (!allowed) {
    throw fail.conflict(
      fromPendingOnly
        ? `Only a pending request can be ${PAST_TENSE[decision]}; this member is ${current}.`
        : `Only an active or pending member can be ${PAST_TENSE[decision]}; this member is ${current}.`,
      'decision',
    );
  }
  return DECIDED_STATUS[decision];
}

/** Lists a group's members: active members see active members; admins and moderators also see pending requests. */
export async function listMembers(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  groupId: GroupId,
  options: { status?: MembershipStatus } = {},
): Promise<MemberListing> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  const forAdmin = canDecideMembers(actor, group, membership);
  if (!forAdmin && !isActiveMember(membership))
    throw fail.forbidden('Only active members see who is in the group.');
  if (!forAdmin && options.status !== undefined && options.status !== 'active')
    throw fail.forbidden('Only admins and moderators see members who are not active.');
  const statuses: MembershipStatus[] = options.status
    ? [options.status]
    : forAdmin
      ? ['active', 'pending']
      : ['active'];
  const memberships = await ports.store.listMemberships(groupId, statuses);
  const ids = memberships.flatMap((m) => (forAdmin && m.decidedBy ? [m.userId, m.decidedBy] : [m.userId]));
  const profiles = await ports.store.getPublicProfiles(ids);
  const listed = memberships.flatMap((m) => {
    const person = profiles.get(m.userId);
    return person ? [{ membership: m, person }] : [];
  });
  if (!forAdmin) {
    return {
      forAdmin: false,
      members: listed.map(({ membership: m, person }) => ({ person, role: m.role, status: m.status })),
    };
  }
  return {
    forAdmin: true,
    members: listed.map(({ membership: m, person }) => ({
      person,
      role: m.role,
      status: m.status,
      answers: m.answers,
      joinedAt: m.createdAt,
      decidedBy: m.decidedBy ? (profiles.get(m.decidedBy) ?? null) : null,
      decidedAt: m.decidedAt,
    })),
  };
}

/** Approves, declines, removes or bans a member (group managers and moderators). */
export async function decideMember(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  userId: UserId,
  decision: MemberDecision,
): Promise<Membership> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canDecideMembers(actor, group, membership))
    throw fail.forbidden('Only the group’s admins and moderators decide on members.');
  const isManager = canManageGroup(actor, group, membership);
  const now = ports.clock.now();
  const decided = await ports.store.transaction(async (tx) => {
    const target = await tx.getMembership(groupId, userId);
    if (!target) throw fail.notFound('Member');
    const status = statusAfterDecision(target.status, decision);
    // Moderators keep order among members; only managers act on moderators and admins.
    if (!isManager && target.role !== 'member' && target.status === 'active')
      throw fail.forbidden('A moderator cannot remove or ban an admin or another moderator.');
    if (target.role === 'admin' && target.status === 'active')
      await refuseLosingLastAdmin(tx, group, target.userId);
    const changed: Membership = { ...target, status, decidedBy: actor.user.id, decidedAt: now };
    await tx.putMembership(changed);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: `member.${PAST_TENSE[decision]}`,
      subjectType: 'user',
      subjectId: userId,
      groupId,
      detail: { from: target.status, to: status },
      at: now,
    });
    return changed;
  });
  ports.events.publish({ kind: 'membership.changed', membership: decided });
  return decided;
}

/** Changes an active member's role (group managers). */
export async function setMemberRole(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  userId: UserId,
  role: GroupRole,
): Promise<Membership> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canManageGroup(actor, group, membership))
    throw fail.forbidden('Only the group’s admins change roles.');
  const now = ports.clock.now();
  const result = await ports.store.transaction(async (tx) => {
    const target = await tx.getMembership(groupId, userId);
    if (!target) throw fail.notFound('Member');
    if (target.status !== 'active') throw fail.conflict('Only active members have a role.', 'role');
    if (target.role === role) return { membership: target, changed: false };
    if (target.role === 'admin') await refuseLosingLastAdmin(tx, group, userId);
    const next: Membership = { ...target, role };
    await tx.putMembership(next);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'member.role_changed',
      subjectType: 'user',
      subjectId: userId,
      groupId,
      detail: { from: target.role, to: role },
      at: now,
    });
    return { membership: next, changed: true };
  });
  if (result.changed) ports.events.publish({ kind: 'membership.changed', membership: result.membership });
  return result.membership;
}

/**
 * Adds an existing account to the group as an active member with a role: how a platform or
 * organisation admin appoints a group's admin. Only managers may do it, so only they can take
 * back someone who was banned.
 */
export async function addMember(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  input: { email: string; role: GroupRole },
): Promise<Membership> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canManageGroup(actor, group, membership))
    throw fail.forbidden('Only the group’s admins add members directly.');
  const user = await ports.store.getUserByEmail(input.email.trim());
  if (!user) throw fail.notFound('Account');
  const now = ports.clock.now();
  const added = await ports.store.transaction(async (tx) => {
    const existing = await tx.getMembership(groupId, user.id);
    if (existing?.status === 'active' && existing.role === 'admin' && input.role !== 'admin')
      await refuseLosingLastAdmin(tx, group, user.id);
    const next: Membership = {
      groupId,
      userId: user.id,
      role: input.role,
      status: 'active',
      answers: existing?.answers ?? [],
      inviteId: existing?.inviteId ?? null,
      decidedBy: actor.user.id,
      decidedAt: now,
      lastReadSeq: existing?.lastReadSeq ?? 0,
      createdAt: existing?.createdAt ?? now,
    };
    await tx.putMembership(next);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'member.added',
      subjectType: 'user',
      subjectId: user.id,
      groupId,
      detail: { role: input.role, previousStatus: existing?.status ?? null },
      at: now,
    });
    return next;
  });
  ports.events.publish({ kind: 'membership.changed', membership: added });
  return added;
}

/** Records that the actor has read the group up to `seq` (never past the newest sequence). */
export async function markRead(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  groupId: GroupId,
  seq: number,
): Promise<void> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!isActiveMember(membership)) throw fail.forbidden('Only active members read the group.');
  if (!Number.isFinite(seq) || seq < 0) throw fail.invalid('The sequence must be 0 or more.', 'seq');
  await ports.store.markRead(groupId, actor.user.id, Math.min(Math.floor(seq), group.lastSeq));
}

/** A group keeps at least one active admin: refuses a change that would take away the last one. */
async function refuseLosingLastAdmin(tx: Repositories, group: Group, leavingUserId: UserId): Promise<void> {
  const active = await tx.listMemberships(group.id, ['active']);
  const others = active.filter((m) => m.role === 'admin' && m.userId !== leavingUserId);
  if (others.length === 0)
    throw fail.conflict('A group needs an admin: appoint another admin first.', 'userId');
}
