// Integration tests of member lists, vetting decisions, roles and direct additions, including privacy of contact details.
import type { GroupId } from '@fellwatch/core';
import { MemberForAdmin, MemberList } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FanoutMessage } from '../../../fanout/port.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import {
  addToGroup,
  createGroupWorld,
  createInvite,
  expectError,
  type GroupWorld,
  unique,
} from './test-support/world.js';

describeEngines('member routes', (engine) => {
  let server: TestServer;
  let world: GroupWorld;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await createGroupWorld(server, { vettingQuestions: ['Which farm are you at?'] });
  });
  afterAll(async () => {
    await server?.close();
  });

  const members = (as: TestUser, query = '', groupId = world.groupId) =>
    as.request('GET', `/api/v1/groups/${groupId}/members${query}`);
  const decide = (as: TestUser, userId: string, decision: string, groupId = world.groupId) =>
    as.request('POST', `/api/v1/groups/${groupId}/members/${userId}/decision`, { decision });

  /** A person who asked to join through an invite and waits for a decision. */
  async function pendingPerson(answer = 'High Force farm'): Promise<TestUser> {
    const person = await server.createUser();
    const invite = await createInvite(world.admin, world.groupId, { maxUses: 1 });
    const accepted = await person.request('POST', `/api/v1/invites/${invite.token}/accept`, {
      answers: [answer],
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.status).toBe('pending');
    return person;
  }

  it('shows active members to members, without answers, and pending requests only to admins and moderators', async () => {
    const pending = await pendingPerson('Cronkley, ask Jean');
    const asMember = MemberList.parse((await members(world.member)).body).members;
    expect(asMember.map((m) => m.id)).not.toContain(pending.user.id);
    expect(asMember.map((m) => m.id)).toEqual(
      expect.arrayContaining([world.admin.user.id, world.moderator.user.id, world.member.user.id]),
    );
    for (const m of asMember)
      expect(Object.keys(m).sort()).toEqual(['badges', 'displayName', 'id', 'role', 'status']);
    expectError(await members(world.member, '?status=pending'), 403, 'forbidden');

    for (const decider of [world.admin, world.moderator]) {
      const listed = (await members(decider, '?status=pending')).body.members;
      expect(listed).toHaveLength(1);
      expect(MemberForAdmin.parse(listed[0])).toMatchObject({
        id: pending.user.id,
        status: 'pending',
        answers: ['Cronkley, ask Jean'],
        decidedBy: null,
        decidedAt: null,
      });
      const all = (await members(decider)).body.members as { id: string; status: string }[];
      expect(all.find((m) => m.id === pending.user.id)?.status).toBe('pending');
    }
    // A pending member sees the group but not who is in it.
    expectError(await members(pending), 403, 'forbidden');
    await decide(world.admin, pending.user.id, 'decline');
  });

  it('approves a pending member, recording who decided and when, and announces it', async () => {
    const pending = await pendingPerson();
    const announced: FanoutMessage[] = [];
    const stop = server.ctx.fanout.subscribe((message) => announced.push(message));
    const before = Date.now();
    const approved = await decide(world.moderator, pending.user.id, 'approve');
    expect(approved.status, approved.text).toBe(200);
    const entry = approved.body.members.find((m: { id: string }) => m.id === pending.user.id);
    expect(MemberForAdmin.parse(entry)).toMatchObject({
      status: 'active',
      role: 'member',
      decidedBy: { id: world.moderator.user.id, displayName: 'Moderator' },
    });
    expect(entry.decidedAt).toBeGreaterThanOrEqual(before);
    const stored = await server.ctx.ports.store.getMembership(world.groupId as GroupId, pending.user.id);
    expect(stored).toMatchObject({ status: 'active', decidedBy: world.moderator.user.id });
    await server.composed.flushEvents();
    stop();
    expect(announced).toContainEqual({
      kind: 'membership',
      groupId: world.groupId,
      userId: pending.user.id,
      status: 'active',
    });
    const audit = await server.ctx.ports.store.listAudit({ subjectId: pending.user.id, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('member.approved');
    // Approving twice is a conflict, not a silent success.
    expectError(await decide(world.admin, pending.user.id, 'approve'), 409, 'conflict');
  });

  it('declines a request: the person no longer sees the group', async () => {
    const pending = await pendingPerson();
    expect((await pending.request('GET', `/api/v1/groups/${world.groupId}`)).status).toBe(200);
    const declined = await decide(world.admin, pending.user.id, 'decline');
    expect(declined.status, declined.text).toBe(200);
    const stored = await server.ctx.ports.store.getMembership(world.groupId as GroupId, pending.user.id);
    expect(stored).toMatchObject({ status: 'declined', decidedBy: world.admin.user.id });
    expectError(await pending.request('GET', `/api/v1/groups/${world.groupId}`), 404, 'not_found');
  });

  it('removes an active member at once: 404 on the group and its messages, and the stream is told', async () => {
    const person = await server.createUser();
    await addToGroup(world.platformAdmin, world.groupId, person);
    expect((await person.request('GET', `/api/v1/groups/${world.groupId}/messages`)).status).toBe(200);
    const announced: FanoutMessage[] = [];
    const stop = server.ctx.fanout.subscribe((message) => announced.push(message));
    expect((await decide(world.moderator, person.user.id, 'remove')).status).toBe(200);
    await server.composed.flushEvents();
    stop();
    expect(announced).toContainEqual({
      kind: 'membership',
      groupId: world.groupId,
      userId: person.user.id,
      status: 'removed',
    });
    expectError(await person.request('GET', `/api/v1/groups/${world.groupId}`), 404, 'not_found');
    expectError(await person.request('GET', `/api/v1/groups/${world.groupId}/messages`), 404, 'not_found');
    expectError(await members(person), 404, 'not_found');
    // Removing again is a conflict.
    expectError(await decide(world.admin, person.user.id, 'remove'), 409, 'conflict');
  });

  it('bans a member: they cannot rejoin with a new invite, and only a manager can take them back', async () => {
    const person = await server.createUser();
    await addToGroup(world.platformAdmin, world.groupId, person);
    expect((await decide(world.admin, person.user.id, 'ban')).status).toBe(200);
    expectError(await person.request('GET', `/api/v1/groups/${world.groupId}`), 404, 'not_found');
    const invite = await createInvite(world.admin, world.groupId);
    const again = await person.request('POST', `/api/v1/invites/${invite.token}/accept`, {
      answers: ['Let me in'],
    });
    expectError(again, 403, 'forbidden');
    const stored = await server.ctx.ports.store.getMembership(world.groupId as GroupId, person.user.id);
    expect(stored?.status).toBe('banned');
    const invites = (await world.admin.request('GET', `/api/v1/groups/${world.groupId}/invites`)).body
      .invites;
    expect(invites.find((i: { id: string }) => i.id === invite.id).uses).toBe(0);
    // Moderators cannot add anyone directly, so they cannot undo a ban.
    expectError(
      await world.moderator.request('POST', `/api/v1/groups/${world.groupId}/members`, {
        email: person.user.email,
      }),
      403,
      'forbidden',
    );
    await addToGroup(world.admin, world.groupId, person);
    expect((await person.request('GET', `/api/v1/groups/${world.groupId}`)).body.group.myStatus).toBe(
      'active',
    );
    await decide(world.admin, person.user.id, 'remove');
  });

  it('refuses deciding to plain members (403) and to people outside the group (404)', async () => {
    const pending = await pendingPerson();
    expectError(await decide(world.member, pending.user.id, 'approve'), 403, 'forbidden');
    expectError(await decide(world.member, world.moderator.user.id, 'remove'), 403, 'forbidden');
    const other = await createGroupWorld(server);
    expectError(await decide(world.admin, other.member.user.id, 'remove', other.groupId), 404, 'not_found');
    expectError(await decide(world.admin, pending.user.id, 'maybe'), 400, 'invalid');
    const stranger = server.ctx.ports.ids.next();
    expectError(await decide(world.admin, stranger, 'approve'), 404, 'not_found');
    await decide(world.admin, pending.user.id, 'decline');
  });

  it('stops a moderator from removing or banning an admin, and keeps the last admin', async () => {
    expectError(await decide(world.moderator, world.admin.user.id, 'remove'), 403, 'forbidden');
    expectError(await decide(world.moderator, world.admin.user.id, 'ban'), 403, 'forbidden');
    // world.admin is the only group admin: not even the platform admin may remove them or demote them.
    expectError(await decide(world.platformAdmin, world.admin.user.id, 'remove'), 409, 'conflict');
    expectError(
      await world.platformAdmin.request(
        'PUT',
        `/api/v1/groups/${world.groupId}/members/${world.admin.user.id}/role`,
        {
          role: 'member',
        },
      ),
      409,
      'conflict',
    );
    const stored = await server.ctx.ports.store.getMembership(world.groupId as GroupId, world.admin.user.id);
    expect(stored).toMatchObject({ status: 'active', role: 'admin' });
  });

  it('changes roles for managers only, and lets a second admin remove the first', async () => {
    const deputy = await server.createUser({ displayName: 'Deputy' });
    const first = await server.createUser({ displayName: 'First admin' });
    await addToGroup(world.platformAdmin, world.groupId, deputy);
    await addToGroup(world.platformAdmin, world.groupId, first, 'admin');
    const rolePath = `/api/v1/groups/${world.groupId}/members/${deputy.user.id}/role`;
    expectError(await world.moderator.request('PUT', rolePath, { role: 'admin' }), 403, 'forbidden');
    expectError(await world.member.request('PUT', rolePath, { role: 'moderator' }), 403, 'forbidden');
    expectError(await world.admin.request('PUT', rolePath, { role: 'owner' }), 400, 'invalid');
    const promoted = await world.admin.request('PUT', rolePath, { role: 'admin' });
    expect(promoted.status, promoted.text).toBe(200);
    expect(promoted.body.members.find((m: { id: string }) => m.id === deputy.user.id).role).toBe('admin');
    expect((await decide(deputy, first.user.id, 'remove')).status).toBe(200);
    const audit = await server.ctx.ports.store.listAudit({ subjectId: deputy.user.id, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('member.role_changed');
    await decide(world.admin, deputy.user.id, 'remove');
  });

  it('adds an existing account by email (managers), 404 for an unknown email, 403 for members', async () => {
    const appointed = await server.createUser({ displayName: 'Appointed admin' });
    const added = await world.platformAdmin.request('POST', `/api/v1/groups/${world.groupId}/members`, {
      email: appointed.user.email.toUpperCase(),
      role: 'admin',
    });
    expect(added.status, added.text).toBe(200);
    expect(added.body.members.find((m: { id: string }) => m.id === appointed.user.id)).toMatchObject({
      role: 'admin',
      status: 'active',
      decidedBy: { id: world.platformAdmin.user.id },
    });
    expectError(
      await world.admin.request('POST', `/api/v1/groups/${world.groupId}/members`, {
        email: `nobody-${unique()}@example.org`,
      }),
      404,
      'not_found',
    );
    expectError(
      await world.member.request('POST', `/api/v1/groups/${world.groupId}/members`, {
        email: appointed.user.email,
      }),
      403,
      'forbidden',
    );
    expectError(
      await world.admin.request('POST', `/api/v1/groups/${world.groupId}/members`, { email: 'not an email' }),
      400,
      'invalid',
    );
    await decide(world.admin, appointed.user.id, 'remove');
  });

  it('never shows an email or phone number in any people listing, to anyone in the group', async () => {
    const contacts: { email: string; phone: string }[] = [];
    const withContacts = async (displayName: string) => {
      const n = unique();
      const email = `private-${n}@farm-${n}.example.org`;
      const phone = `+44 7700 9${n.replace(/\D/g, '').padEnd(5, '7').slice(-5)}`;
      contacts.push({ email, phone });
      return server.createUser({ displayName, email, phone });
    };
    const group = await createGroupWorld(server, { vettingQuestions: ['Which farm are you at?'] });
    const admin = await withContacts('Private admin');
    const moderator = await withContacts('Private moderator');
    const member = await withContacts('Private member');
    const target = await withContacts('Private target');
    await addToGroup(group.platformAdmin, group.groupId, admin, 'admin');
    await addToGroup(group.platformAdmin, group.groupId, moderator, 'moderator');
    await addToGroup(group.platformAdmin, group.groupId, member);
    await addToGroup(group.platformAdmin, group.groupId, target);
    const invite = await createInvite(admin, group.groupId, { maxUses: 5 });
    const newcomerEmail = `newcomer-${unique()}@example.org`;
    const newcomerPhone = '+44 7700 912345';
    contacts.push({ email: newcomerEmail, phone: newcomerPhone });
    const joined = await server.anon.request('POST', `/api/v1/invites/${invite.token}/accept`, {
      account: {
        displayName: 'Private newcomer',
        email: newcomerEmail,
        password: 'a long enough password',
        phone: newcomerPhone,
      },
      answers: ['Langdon Beck'],
    });
    expect(joined.status, joined.text).toBe(200);
    const newcomer = await server.ctx.ports.store.getUserByEmail(newcomerEmail);
    expect(newcomer?.phone).toBe(newcomerPhone);

    const responses: { who: string; text: string }[] = [];
    const record = async (who: string, response: { status: number; text: string }) => {
      expect(response.status, `${who}: ${response.text}`).toBeLessThan(300);
      responses.push({ who, text: response.text });
    };
    const base = `/api/v1/groups/${group.groupId}`;
    for (const [who, viewer] of [
      ['member', member],
      ['moderator', moderator],
      ['admin', admin],
    ] as const) {
      await record(`${who} members`, await viewer.request('GET', `${base}/members`));
      await record(`${who} active`, await viewer.request('GET', `${base}/members?status=active`));
      await record(`${who} group`, await viewer.request('GET', base));
      await record(`${who} groups`, await viewer.request('GET', '/api/v1/groups'));
      await record(`${who} messages`, await viewer.request('GET', `${base}/messages`));
    }
    for (const [who, viewer] of [
      ['moderator', moderator],
      ['admin', admin],
    ] as const) {
      await record(`${who} pending`, await viewer.request('GET', `${base}/members?status=pending`));
    }
    await record('admin invites', await admin.request('GET', `${base}/invites`));
    await record(
      'admin role',
      await admin.request('PUT', `${base}/members/${target.user.id}/role`, { role: 'moderator' }),
    );
    await record(
      'admin adds',
      await admin.request('POST', `${base}/members`, { email: target.user.email, role: 'member' }),
    );
    await record('moderator decides', await decide(moderator, target.user.id, 'remove', group.groupId));
    await record('admin approves', await decide(admin, newcomer?.id as string, 'approve', group.groupId));
    await record('anyone previews', await server.anon.request('GET', `/api/v1/invites/${invite.token}`));

    const secrets = contacts
      .flatMap(({ email, phone }) => [
        email,
        phone,
        phone.replace(/\D/g, ''),
        phone.replace(/\D/g, '').slice(2),
      ])
      .filter((s) => s.length > 3);
    expect(secrets.length).toBeGreaterThan(10);
    for (const { who, text } of responses) {
      for (const secret of secrets) expect(text, `${who} leaked ${secret}`).not.toContain(secret);
      expect(text, `${who} shows an email address`).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
    }
  });
});
