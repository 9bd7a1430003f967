// Queries for watch groups, their memberships and their invites.
import {
  type EpochMs,
  fail,
  type Group,
  type GroupId,
  type GroupNames,
  type GroupSummary,
  type Invite,
  type InviteId,
  type Membership,
  type MembershipStatus,
  type UserId,
} from '@fellwatch/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import { fromGroupDetails, fromInvite, fromMembership, toGroup, toInvite, toMembership } from './rows.js';

type Db = Kysely<Database>;

/** Inserts a group. */
export async function createGroup(db: Db, group: Group): Promise<void> {
  await guarded(() =>
    db
      .insertInto('groups')
      .values({
        id: group.id,
        ...fromGroupDetails(group),
        last_seq: group.lastSeq,
        created_at: group.createdAt,
      })
      .execute(),
  );
}

/** Reads a group. */
export async function getGroup(db: Db, id: GroupId): Promise<Group | undefined> {
  const row = await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toGroup(row);
}

/** The names of groups and their organisations, in one query; unknown ids are left out. */
export async function getGroupNames(db: Db, ids: readonly GroupId[]): Promise<Map<GroupId, GroupNames>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('groups as g')
    .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['g.id as id', 'g.name as group_name', 'o.name as organisation_name'])
    .where('g.id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id as GroupId,
      { groupName: row.group_name, organisationName: row.organisation_name },
    ]),
  );
}

/** Replaces a group's details; its sequence is the store's alone. */
export async function updateGroup(db: Db, group: Omit<Group, 'lastSeq'>): Promise<void> {
  const result = await guarded(() =>
    db.updateTable('groups').set(fromGroupDetails(group)).where('id', '=', group.id).executeTakeFirst(),
  );
  if (Number(result.numUpdatedRows) === 0) throw fail.notFound('Group');
}

/** Lists all groups, oldest first. */
export async function listGroups(db: Db): Promise<Group[]> {
  const rows = await db.selectFrom('groups').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toGroup);
}

/** Reads one person's membership of a group. */
export async function getMembership(
  db: Db,
  groupId: GroupId,
  userId: UserId,
): Promise<Membership | undefined> {
  const row = await db
    .selectFrom('memberships')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toMembership(row);
}

/** Inserts or replaces the membership of (groupId, userId). */
export async function putMembership(db: Db, membership: Membership): Promise<void> {
  const { group_id, user_id, ...rest } = fromMembership(membership);
  await guarded(() =>
    db
      .insertInto('memberships')
      .values({ group_id, user_id, ...rest })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doUpdateSet(rest))
      .execute(),
  );
}

/** Lists a group's memberships, optionally only those in some statuses, oldest first. */
export async function listMemberships(
  db: Db,
  groupId: GroupId,
  statuses?: readonly MembershipStatus[],
): Promise<Membership[]> {
  if (statuses && statuses.length === 0) return [];
  let query = db.selectFrom('memberships').selectAll().where('group_id', '=', groupId);
  if (statuses) query = query.where('status', 'in', [...statuses]);
  const rows = await query.orderBy('created_at').orderBy('user_id').execute();
  return rows.map(toMembership);
}

/** Groups where the user is active or pending, each with the count of unread messages by others. */
export async function listGroupsOfUser(db: Db, userId: UserId): Promise<GroupSummary[]> {
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('groups as g', 'g.id', 'ms.group_id')
    .selectAll('g')
    .select([
      'ms.user_id as m_user_id',
      'ms.role as m_role',
      'ms.status as m_status',
      'ms.answers as m_answers',
      'ms.invite_id as m_invite_id',
      'ms.decided_by as m_decided_by',
      'ms.decided_at as m_decided_at',
      'ms.last_read_seq as m_last_read_seq',
      'ms.created_at as m_created_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('messages as x')
        .select(eb.fn.countAll().as('n'))
        .whereRef('x.group_id', '=', 'ms.group_id')
        .whereRef('x.seq', '>', 'ms.last_read_seq')
        .whereRef('x.author_id', '<>', 'ms.user_id')
        .where('x.deleted_at', 'is', null)
        .as('unread'),
    )
    .where('ms.user_id', '=', userId)
    .where('ms.status', 'in', ['active', 'pending'])
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
  return rows.map((row) => ({
    group: toGroup(row),
    membership: toMembership({
      group_id: row.id,
      user_id: row.m_user_id,
      role: row.m_role,
      status: row.m_status,
      answers: row.m_answers,
      invite_id: row.m_invite_id,
      decided_by: row.m_decided_by,
      decided_at: row.m_decided_at,
      last_read_seq: row.m_last_read_seq,
      created_at: row.m_created_at,
    }),
    unread: Number(row.unread ?? 0),
  }));
}

/** Raises the read cursor to `seq`; a lower value leaves it alone. */
export async function markRead(db: Db, groupId: GroupId, userId: UserId, seq: number): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ last_read_seq: seq })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('last_read_seq', '<', seq)
    .execute();
}

/** Inserts an invite; token hashes are unique. */
export async function createInvite(db: Db, invite: Invite): Promise<void> {
  await guarded(() => db.insertInto('invites').values(fromInvite(invite)).execute());
}

/** Reads an invite. */
export async function getInvite(db: Db, id: InviteId): Promise<Invite | undefined> {
  const row = await db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toInvite(row);
}

/** Reads an invite by the hash of its token. */
export async function getInviteByTokenHash(db: Db, tokenHash: string): Promise<Invite | undefined> {
  const row = await db
    .selectFrom('invites')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && toInvite(row);
}

/** Lists a group's invites, newest first. */
export async function listInvites(db: Db, groupId: GroupId): Promise<Invite[]> {
  const rows = await db
    .selectFrom('invites')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toInvite);
}

/** Revokes an invite; the first revocation's time is kept. */
export async function revokeInvite(db: Db, id: InviteId, at: EpochMs): Promise<void> {
  await db
    .updateTable('invites')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Counts one use when the invite is still usable at `at`. A single conditional UPDATE, so
 * concurrent uses can never take it past maxUses.
 */
export async function useInvite(db: Db, id: InviteId, at: EpochMs): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .whereRef('uses', '<', 'max_uses')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
