// Store contract, part two: groups, memberships, unread counts and invites.
import type { GroupId, InviteId, Store } from '@fellwatch/core';
import { expect, it } from 'vitest';
import {
  aGroup,
  aGroupWithMember,
  aMembership,
  aMessage,
  anInvite,
  anOrganisation,
  aUser,
  fixtureEpoch,
  newId,
} from './test-support/fixtures.js';

/** Behaviour of the group, membership and invite repositories; `store` returns the store under test. */
export function groupsContract(store: () => Store) {
  it('creates, reads, updates and lists groups; the sequence is not the caller’s to set', async () => {
    const { group } = await aGroupWithMember(store());
    expect(await store().getGroup(group.id)).toEqual(group);
    const polygon = {
      kind: 'polygon' as const,
      coordinates: [
        [
          [-3, 54],
          [-2.9, 54],
          [-2.9, 54.1],
          [-3, 54],
        ] as [number, number][],
      ],
    };
    await store().appendMessage(aMessage(group.id, (await store().listMemberships(group.id))[0]!.userId));
    const { lastSeq: _ignored, ...details } = group;
    await store().updateGroup({ ...details, name: 'Renamed', area: polygon, vettingQuestions: [] });
    expect(await store().getGroup(group.id)).toEqual({
      ...group,
      name: 'Renamed',
      area: polygon,
      vettingQuestions: [],
      lastSeq: 1,
    });
    await store().updateGroup({ ...details, area: null });
    expect((await store().getGroup(group.id))?.area).toBeNull();
    expect((await store().listGroups()).map((g) => g.id)).toContain(group.id);
    await expect(store().updateGroup({ ...details, id: newId<GroupId>() })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await store().getGroup(newId<GroupId>())).toBeUndefined();
  });

  it('names groups and their organisations in one lookup, leaving unknown ids out', async () => {
    const { organisation, group } = await aGroupWithMember(store());
    const other = anOrganisation({ name: `Durham Rural Watch ${newId()}` });
    await store().createOrganisation(other);
    const teesdale = aGroup(other.id, { name: 'Teesdale Farm Watch' });
    await store().createGroup(teesdale);
    const names = await store().getGroupNames([group.id, teesdale.id, group.id, newId<GroupId>()]);
    expect(names).toEqual(
      new Map([
        [group.id, { groupName: group.name, organisationName: organisation.name }],
        [teesdale.id, { groupName: 'Teesdale Farm Watch', organisationName: other.name }],
      ]),
    );
    expect(await store().getGroupNames([])).toEqual(new Map());
  });

  it('inserts or replaces memberships and filters them by status', async () => {
    const { group, user, membership } = await aGroupWithMember(store());
    expect(await store().getMembership(group.id, user.id)).toEqual(membership);
    const pending = aUser();
    const banned = aUser();
    await store().createUser(pending);
    await store().createUser(banned);
    await store().putMembership(
      aMembership(group.id, pending.id, { status: 'pending', createdAt: fixtureEpoch + 1 }),
    );
    await store().putMembership(aMembership(group.id, banned.id, { createdAt: fixtureEpoch + 2 }));
    const decided = {
      status: 'banned' as const,
      decidedBy: user.id,
      decidedAt: fixtureEpoch + 3,
      createdAt: fixtureEpoch + 2,
    };
    await store().putMembership(aMembership(group.id, banned.id, decided));
    expect(await store().getMembership(group.id, banned.id)).toMatchObject(decided);
    expect((await store().listMemberships(group.id)).map((m) => m.userId)).toEqual([
      user.id,
      pending.id,
      banned.id,
    ]);
    expect((await store().listMemberships(group.id, ['active', 'pending'])).map((m) => m.userId)).toEqual([
      user.id,
      pending.id,
    ]);
    expect(await store().listMemberships(group.id, [])).toEqual([]);
  });

  it('lists a user’s active and pending groups with unread counts of others’ undeleted messages', async () => {
    const { group, user, organisation } = await aGroupWithMember(store());
    const other = aUser();
    await store().createUser(other);
    await store().putMembership(aMembership(group.id, other.id));
    const quiet = aGroup(organisation.id, { name: 'A quiet group' });
    const left = aGroup(organisation.id, { name: 'Left group' });
    await store().createGroup(quiet);
    await store().createGroup(left);
    await store().putMembership(aMembership(quiet.id, user.id, { status: 'pending' }));
    await store().putMembership(aMembership(left.id, user.id, { status: 'removed' }));

    await store().appendMessage(aMessage(group.id, user.id)); // seq 1, own
    const second = await store().appendMessage(aMessage(group.id, other.id)); // seq 2
    await store().appendMessage(aMessage(group.id, other.id)); // seq 3
    await store().appendMessage(aMessage(group.id, other.id)); // seq 4
    await store().deleteMessage(second.message.id, other.id, fixtureEpoch + 9); // seq 5: an event, not a message

    const summaries = await store().listGroupsOfUser(user.id);
    expect(summaries.map((s) => s.group.id)).toEqual([quiet.id, group.id]);
    expect(summaries[1]).toMatchObject({
      group: { id: group.id, lastSeq: 5 },
      membership: { userId: user.id, role: 'member' },
      unread: 2,
    });
    expect(summaries[0]?.unread).toBe(0);
    expect(summaries[1]?.membership).toEqual(await store().getMembership(group.id, user.id));

    await store().markRead(group.id, user.id, 3);
    expect((await store().listGroupsOfUser(user.id))[1]?.unread).toBe(1);
    await store().markRead(group.id, user.id, 1);
    expect((await store().getMembership(group.id, user.id))?.lastReadSeq).toBe(3);
    await store().markRead(group.id, user.id, 5);
    expect((await store().listGroupsOfUser(user.id))[1]?.unread).toBe(0);
    expect((await store().listGroupsOfUser(other.id))[0]?.unread).toBe(1);
  });

  it('keeps invites by id and token hash, and lists them newest first', async () => {
    const { group, user } = await aGroupWithMember(store());
    const older = anInvite(group.id, user.id);
    const newer = anInvite(group.id, user.id, { createdAt: fixtureEpoch + 10 });
    await store().createInvite(older);
    await store().createInvite(newer);
    expect(await store().getInvite(older.id)).toEqual(older);
    expect(await store().getInviteByTokenHash(newer.tokenHash)).toEqual(newer);
    expect(await store().getInvite(newId<InviteId>())).toBeUndefined();
    expect(await store().listInvites(group.id)).toEqual([newer, older]);
    await expect(
      store().createInvite(anInvite(group.id, user.id, { tokenHash: older.tokenHash })),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('counts invite uses up to the limit, and refuses expired or revoked invites', async () => {
    const { group, user } = await aGroupWithMember(store());
    const invite = anInvite(group.id, user.id, { maxUses: 2, expiresAt: fixtureEpoch + 1000 });
    await store().createInvite(invite);
    expect(await store().useInvite(invite.id, fixtureEpoch)).toBe(true);
    expect(await store().useInvite(invite.id, fixtureEpoch)).toBe(true);
    expect(await store().useInvite(invite.id, fixtureEpoch)).toBe(false);
    expect((await store().getInvite(invite.id))?.uses).toBe(2);

    const expiring = anInvite(group.id, user.id, { expiresAt: fixtureEpoch + 1000 });
    await store().createInvite(expiring);
    expect(await store().useInvite(expiring.id, fixtureEpoch + 1000)).toBe(false);
    expect(await store().useInvite(expiring.id, fixtureEpoch + 999)).toBe(true);

    const revoked = anInvite(group.id, user.id);
    await store().createInvite(revoked);
    await store().revokeInvite(revoked.id, fixtureEpoch + 5);
    await store().revokeInvite(revoked.id, fixtureEpoch + 6);
    expect((await store().getInvite(revoked.id))?.revokedAt).toBe(fixtureEpoch + 5);
    expect(await store().useInvite(revoked.id, fixtureEpoch)).toBe(false);
    expect((await store().getInvite(revoked.id))?.uses).toBe(0);
    expect(await store().useInvite(newId<InviteId>(), fixtureEpoch)).toBe(false);
  });

  it('never lets concurrent uses exceed an invite’s limit', async () => {
    const { group, user } = await aGroupWithMember(store());
    const invite = anInvite(group.id, user.id, { maxUses: 5 });
    await store().createInvite(invite);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => store().useInvite(invite.id, fixtureEpoch)),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(5);
    expect((await store().getInvite(invite.id))?.uses).toBe(5);
  });

  it('counts exactly the uses it granted while a revocation races with them', async () => {
    const { group, user } = await aGroupWithMember(store());
    const invite = anInvite(group.id, user.id, { maxUses: 100 });
    await store().createInvite(invite);
    const uses = Array.from({ length: 30 }, () => store().useInvite(invite.id, fixtureEpoch));
    const revoke = store().revokeInvite(invite.id, fixtureEpoch);
    const outcomes = await Promise.all(uses);
    await revoke;
    const stored = await store().getInvite(invite.id);
    expect(stored?.uses).toBe(outcomes.filter(Boolean).length);
    expect(await store().useInvite(invite.id, fixtureEpoch)).toBe(false);
  });
}
