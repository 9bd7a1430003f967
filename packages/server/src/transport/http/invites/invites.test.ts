// Integration tests of invite links: the whole vetting flow, expiry, revocation, use limits under concurrency, and refusals.
import type { GroupId, InviteId, UserId } from '@fellwatch/core';
import {
  AcceptedInvite,
  CreatedInvite,
  InviteList,
  InvitePreview,
  MemberForAdmin,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { clientFor, startTestServer, type TestServer } from '../../../test-support/harness.js';
import {
  addToGroup,
  createGroup,
  createGroupWorld,
  createInvite,
  expectError,
  type GroupWorld,
  unique,
} from '../groups/test-support/world.js';

const QUESTIONS = ['Which farm are you at?', 'Who in the group can vouch for you?'];

let addressCounter = 0;
/** A fresh client address, so per-address rate limits do not mix tests together. */
function newAddress(): Record<string, string> {
  addressCounter += 1;
  return { 'x-forwarded-for': `198.51.${Math.floor(addressCounter / 250) % 250}.${addressCounter % 250}` };
}

function newAccount(name = 'Newcomer') {
  return { displayName: name, email: `joiner-${unique()}@example.org`, password: 'a long enough password' };
}

describeEngines('invite routes', (engine) => {
  let server: TestServer;
  let world: GroupWorld;

  beforeAll(async () => {
    // Behind a proxy, each test can speak from its own address (X-Forwarded-For) for the per-address limits.
    server = await startTestServer(engine, { config: { trustProxy: true } });
    world = await createGroupWorld(server, {
      vettingQuestions: QUESTIONS,
      rules: 'Be kind. Report crime to 101.',
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const anon = (method: string, path: string, body?: unknown, address = newAddress()) =>
    server.anon.request(method, path, body, address);

  it('runs the whole vetting flow: invite, preview, join with a new account, approval', async () => {
    const created = await world.admin.request('POST', `/api/v1/groups/${world.groupId}/invites`, {
      expiresInHours: 48,
      maxUses: 3,
    });
    expect(created.status, created.text).toBe(201);
    const { invite, token, url } = CreatedInvite.parse(created.body);
    expect(url).toBe(`${server.url}/join/${token}`);
    expect(invite).toMatchObject({ groupId: world.groupId, maxUses: 3, uses: 0, revokedAt: null });
    expect(invite.expiresAt - invite.createdAt).toBe(48 * 3600 * 1000);
    // At least 128 bits of randomness, URL-safe, and only a hash is stored.
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const stored = await server.ctx.ports.store.getInvite(invite.id as InviteId);
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toBe(server.ctx.ports.secrets.hashToken(token));

    const address = newAddress();
    const preview = await anon('GET', `/api/v1/invites/${token}`, undefined, address);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(preview.headers.get('referrer-policy')).toBe('no-referrer');
    expect(InvitePreview.parse(preview.body)).toEqual({
      group: {
        name: expect.any(String),
        organisationName: world.organisation.name,
        description: '',
        rules: 'Be kind. Report crime to 101.',
        vettingQuestions: QUESTIONS,
      },
    });
    expect(Object.keys(preview.body.group).sort()).toEqual([
      'description',
      'name',
      'organisationName',
      'rules',
      'vettingQuestions',
    ]);

    const account = { ...newAccount('Ann Newcomer'), phone: '+44 7700 900444' };
    const accepted = await anon(
      'POST',
      `/api/v1/invites/${token}/accept`,
      { account, answers: ['  Birkdale  ', 'Tom at Cow Green'] },
      address,
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(AcceptedInvite.parse(accepted.body)).toEqual({ groupId: world.groupId, status: 'pending' });
    expect(accepted.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(accepted.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = accepted.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fw_session=[A-Za-z0-9_-]{22,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const newcomer = clientFor(server.url, { cookie: cookie.split(';')[0] as string });

    const waiting = await newcomer.request('GET', `/api/v1/groups/${world.groupId}`);
    expect(waiting.status, waiting.text).toBe(200);
    expect(waiting.body.group).toMatchObject({ myStatus: 'pending', myRole: 'member' });
    expectError(await newcomer.request('GET', `/api/v1/groups/${world.groupId}/messages`), 403, 'forbidden');
    const me = await newcomer.request('GET', '/api/v1/me');
    const newcomerId = me.body.me.id as string;

    const pending = await world.admin.request(
      'GET',
      `/api/v1/groups/${world.groupId}/members?status=pending`,
    );
    const request = pending.body.members.find((m: { id: string }) => m.id === newcomerId);
    expect(MemberForAdmin.parse(request)).toMatchObject({
      displayName: 'Ann Newcomer',
      status: 'pending',
      answers: ['Birkdale', 'Tom at Cow Green'],
      decidedBy: null,
    });

    const before = Date.now();
    const approved = await world.admin.request(
      'POST',
      `/api/v1/groups/${world.groupId}/members/${newcomerId}/decision`,
      { decision: 'approve' },
    );
    expect(approved.status, approved.text).toBe(200);
    const membership = await server.ctx.ports.store.getMembership(
      world.groupId as GroupId,
      newcomerId as UserId,
    );
    expect(membership).toMatchObject({
      status: 'active',
      decidedBy: world.admin.user.id,
      inviteId: invite.id,
    });
    expect(membership?.decidedAt).toBeGreaterThanOrEqual(before);

    const now = await newcomer.request('GET', `/api/v1/groups/${world.groupId}`);
    expect(now.body.group).toMatchObject({ myStatus: 'active' });
    expect((await newcomer.request('GET', `/api/v1/groups/${world.groupId}/messages`)).status).toBe(200);
    expect((await newcomer.request('GET', `/api/v1/groups/${world.groupId}/members`)).status).toBe(200);

    const listed = InviteList.parse(
      (await world.admin.request('GET', `/api/v1/groups/${world.groupId}/invites`)).body,
    );
    expect(listed.invites.find((i) => i.id === invite.id)?.uses).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(token);
    const audit = await server.ctx.ports.store.listAudit({ groupId: world.groupId as GroupId, limit: 100 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['invite.created', 'invite.accepted', 'member.approved']),
    );
  });

  it('refuses joining without an account when signed out, and answers that do not fit the questions', async () => {
    const { token } = await createInvite(world.admin, world.groupId);
    const noAccount = await anon('POST', `/api/v1/invites/${token}/accept`, { answers: ['Birkdale', 'Tom'] });
    expectError(noAccount, 400, 'invalid');
    expect(noAccount.body.error.field).toBe('account');
    expect(noAccount.body.error.message).toMatch(/account/i);
    for (const answers of [[], ['Birkdale'], ['Birkdale', '   '], ['a', 'b', 'c']]) {
      const wrong = await anon('POST', `/api/v1/invites/${token}/accept`, { account: newAccount(), answers });
      expectError(wrong, 400, 'invalid');
      expect(wrong.body.error.field).toBe('answers');
    }
    const weak = await anon('POST', `/api/v1/invites/${token}/accept`, {
      account: { ...newAccount(), password: 'short' },
      answers: ['a', 'b'],
    });
    expectError(weak, 400, 'invalid');
    // An email already in use is a conflict, and the failed attempt does not use up the invite.
    const taken = await anon('POST', `/api/v1/invites/${token}/accept`, {
      account: { ...newAccount(), email: world.member.user.email },
      answers: ['a', 'b'],
    });
    expectError(taken, 409, 'conflict');
    expect(taken.headers.get('set-cookie')).toBeNull();
    const invites = (await world.admin.request('GET', `/api/v1/groups/${world.groupId}/invites`)).body
      .invites;
    expect(invites[0].uses).toBe(0);
  });

  it('makes joiners of a group without questions pending too, and signed-in people join as themselves', async () => {
    const group = await createGroupWorld(server);
    const { token, id } = await createInvite(group.admin, group.groupId);
    const person = await server.createUser();
    const joined = await person.request('POST', `/api/v1/invites/${token}/accept`, {});
    expect(joined.status, joined.text).toBe(200);
    expect(joined.body).toEqual({ groupId: group.groupId, status: 'pending' });
    expect(joined.headers.get('set-cookie')).toBeNull();
    // Asking again while pending keeps the request as it is and does not use the invite twice.
    const again = await person.request('POST', `/api/v1/invites/${token}/accept`, {});
    expect(again.body).toEqual({ groupId: group.groupId, status: 'pending' });
    expect((await server.ctx.ports.store.getInvite(id as InviteId))?.uses).toBe(1);
    const answers = await person.request('POST', `/api/v1/invites/${token}/accept`, { answers: ['hi'] });
    expect(answers.status).toBe(200);
    const stranger = await server.createUser();
    const extra = await stranger.request('POST', `/api/v1/invites/${token}/accept`, { answers: ['hi'] });
    expectError(extra, 400, 'invalid');
    expect(extra.body.error.field).toBe('answers');
  });

  it('leaves an active member as they are without using the invite', async () => {
    const { token, id } = await createInvite(world.admin, world.groupId, { maxUses: 1 });
    const again = await world.member.request('POST', `/api/v1/invites/${token}/accept`, {});
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual({ groupId: world.groupId, status: 'active' });
    const invite = await server.ctx.ports.store.getInvite(id as InviteId);
    expect(invite?.uses).toBe(0);
  });

  it('lets a declined or removed person ask again through a new invite: pending again', async () => {
    for (const decision of ['decline', 'remove'] as const) {
      const person = await server.createUser();
      if (decision === 'remove') await addToGroup(world.platformAdmin, world.groupId, person);
      else {
        const first = await createInvite(world.admin, world.groupId);
        await person.request('POST', `/api/v1/invites/${first.token}/accept`, { answers: ['a', 'b'] });
      }
      const decided = await world.admin.request(
        'POST',
        `/api/v1/groups/${world.groupId}/members/${person.user.id}/decision`,
        { decision },
      );
      expect(decided.status, decided.text).toBe(200);
      expectError(await person.request('GET', `/api/v1/groups/${world.groupId}`), 404, 'not_found');
      const second = await createInvite(world.admin, world.groupId);
      const again = await person.request('POST', `/api/v1/invites/${second.token}/accept`, {
        answers: ['Langdon Beck', 'Mary'],
      });
      expect(again.status, again.text).toBe(200);
      expect(again.body.status).toBe('pending');
      const membership = await server.ctx.ports.store.getMembership(world.groupId as GroupId, person.user.id);
      expect(membership).toMatchObject({
        status: 'pending',
        role: 'member',
        answers: ['Langdon Beck', 'Mary'],
        decidedBy: null,
        inviteId: second.id,
      });
    }
  });

  it('answers 410 gone for an expired invite and 404 for an unknown token', async () => {
    const token = server.ctx.ports.secrets.randomToken();
    const now = server.ctx.ports.clock.now();
    await server.ctx.ports.store.createInvite({
      id: server.ctx.ports.ids.next() as InviteId,
      groupId: world.groupId as GroupId,
      tokenHash: server.ctx.ports.secrets.hashToken(token),
      createdBy: world.admin.user.id,
      createdAt: now - 10 * 24 * 3600 * 1000,
      expiresAt: now - 24 * 3600 * 1000,
      maxUses: 50,
      uses: 0,
      revokedAt: null,
    });
    const preview = await anon('GET', `/api/v1/invites/${token}`);
    expectError(preview, 410, 'gone');
    expect(preview.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(preview.headers.get('referrer-policy')).toBe('no-referrer');
    expectError(
      await anon('POST', `/api/v1/invites/${token}/accept`, { account: newAccount(), answers: ['a', 'b'] }),
      410,
      'gone',
    );
    const person = await server.createUser();
    expectError(
      await person.request('POST', `/api/v1/invites/${token}/accept`, { answers: ['a', 'b'] }),
      410,
      'gone',
    );

    const unknown = server.ctx.ports.secrets.randomToken();
    const missing = await anon('GET', `/api/v1/invites/${unknown}`);
    expectError(missing, 404, 'not_found');
    expect(missing.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expectError(await anon('GET', '/api/v1/invites/short'), 404, 'not_found');
    expectError(
      await anon('POST', `/api/v1/invites/${unknown}/accept`, { account: newAccount(), answers: [] }),
      404,
      'not_found',
    );
  });

  it('answers 410 once an invite has been used as often as it allows', async () => {
    const { token } = await createInvite(world.admin, world.groupId, { maxUses: 1 });
    const first = await server.createUser();
    expect(
      (await first.request('POST', `/api/v1/invites/${token}/accept`, { answers: ['a', 'b'] })).status,
    ).toBe(200);
    const second = await server.createUser();
    expectError(
      await second.request('POST', `/api/v1/invites/${token}/accept`, { answers: ['a', 'b'] }),
      410,
      'gone',
    );
    expectError(await anon('GET', `/api/v1/invites/${token}`), 410, 'gone');
    expect(
      await server.ctx.ports.store.getMembership(world.groupId as GroupId, second.user.id),
    ).toBeUndefined();
  });

  it('withdraws an invite: 204, then 410 for its holders; only managers may, and only in their group', async () => {
    const { token, id } = await createInvite(world.admin, world.groupId);
    expectError(
      await world.member.request('DELETE', `/api/v1/groups/${world.groupId}/invites/${id}`),
      403,
      'forbidden',
    );
    expectError(
      await world.moderator.request('DELETE', `/api/v1/groups/${world.groupId}/invites/${id}`),
      403,
      'forbidden',
    );
    const other = await createGroupWorld(server);
    expectError(
      await other.admin.request('DELETE', `/api/v1/groups/${other.groupId}/invites/${id}`),
      404,
      'not_found',
    );
    const revoked = await world.admin.request('DELETE', `/api/v1/groups/${world.groupId}/invites/${id}`);
    expect(revoked.status, revoked.text).toBe(204);
    expectError(await anon('GET', `/api/v1/invites/${token}`), 410, 'gone');
    const person = await server.createUser();
    expectError(
      await person.request('POST', `/api/v1/invites/${token}/accept`, { answers: ['a', 'b'] }),
      410,
      'gone',
    );
    const listed = (await world.admin.request('GET', `/api/v1/groups/${world.groupId}/invites`)).body.invites;
    expect(listed.find((i: { id: string }) => i.id === id).revokedAt).toEqual(expect.any(Number));
    const audit = await server.ctx.ports.store.listAudit({ subjectId: id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['invite.created', 'invite.revoked']));
  });

  it('lets exactly five of twenty people racing for a five-use invite in, leaving no stray accounts', async () => {
    const group = await createGroupWorld(server, { vettingQuestions: ['Which farm?'] });
    const { token, id } = await createInvite(group.admin, group.groupId, { maxUses: 5 });
    const accounts = Array.from({ length: 20 }, (_, i) => newAccount(`Racer ${i}`));
    const results = await Promise.all(
      accounts.map((account) =>
        anon('POST', `/api/v1/invites/${token}/accept`, { account, answers: ['Race farm'] }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(
      statuses.filter((s) => s === 200),
      results.map((r) => r.text).join('\n'),
    ).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(15);
    expect((await server.ctx.ports.store.getInvite(id as InviteId))?.uses).toBe(5);
    const pending = await server.ctx.ports.store.listMemberships(group.groupId as GroupId, ['pending']);
    expect(pending).toHaveLength(5);
    for (const [i, result] of results.entries()) {
      const user = await server.ctx.ports.store.getUserByEmail(accounts[i]?.email as string);
      if (result.status === 200) expect(user).toBeDefined();
      else expect(user, 'a refused joiner must not be left with an account').toBeUndefined();
    }
  });

  it('lets five of twenty signed-in people racing for a five-use invite in', async () => {
    const group = await createGroupWorld(server);
    const { token } = await createInvite(group.admin, group.groupId, { maxUses: 5 });
    const people = await Promise.all(Array.from({ length: 20 }, () => server.createUser()));
    const results = await Promise.all(
      people.map((p) => p.request('POST', `/api/v1/invites/${token}/accept`, {})),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 410)).toHaveLength(15);
  });

  it('keeps invites to group admins: members and moderators 403, other groups 404, bad limits 400', async () => {
    const path = `/api/v1/groups/${world.groupId}/invites`;
    expectError(await world.member.request('POST', path, {}), 403, 'forbidden');
    expectError(await world.member.request('GET', path), 403, 'forbidden');
    expectError(await world.moderator.request('POST', path, {}), 403, 'forbidden');
    const other = await createGroupWorld(server);
    expectError(
      await world.admin.request('POST', `/api/v1/groups/${other.groupId}/invites`, {}),
      404,
      'not_found',
    );
    expectError(await world.admin.request('POST', path, { maxUses: 0 }), 400, 'invalid');
    expectError(await world.admin.request('POST', path, { expiresInHours: 0 }), 400, 'invalid');
    expectError(await world.admin.request('POST', path, { expiresInHours: 24 * 91 }), 400, 'invalid');
    // The platform admin manages every group and may invite to it.
    expect((await world.platformAdmin.request('POST', path, {})).status).toBe(201);
    const fresh = await createGroup(world.platformAdmin, world.organisation.id);
    expect((await world.platformAdmin.request('POST', `/api/v1/groups/${fresh}/invites`, {})).status).toBe(
      201,
    );
  });

  it('limits previews to 30 and accepts to 10 a minute from one address', async () => {
    const { token } = await createInvite(world.admin, world.groupId);
    const address = newAddress();
    for (let i = 0; i < 30; i += 1) {
      expect((await anon('GET', `/api/v1/invites/${token}`, undefined, address)).status).toBe(200);
    }
    const limited = await anon('GET', `/api/v1/invites/${token}`, undefined, address);
    expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const acceptAddress = newAddress();
    for (let i = 0; i < 10; i += 1) {
      const refused = await anon('POST', `/api/v1/invites/${token}/accept`, { answers: [] }, acceptAddress);
      expect(refused.status).toBe(400);
    }
    expectError(
      await anon('POST', `/api/v1/invites/${token}/accept`, { answers: [] }, acceptAddress),
      429,
      'rate_limited',
    );
  });
});
