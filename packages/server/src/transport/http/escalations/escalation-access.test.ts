// Integration tests of who may escalate and who reads escalations, on both engines: lists per group and
// per organisation, and the forbidden paths (another group, a removed member, a plain member, the wrong
// organisation, bad input), each leaving nothing written.
import { EscalationList } from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { newClientId, UNKNOWN_ID } from '../messages/test-support/groups.js';
import {
  escalate,
  expectRefused,
  listed,
  makeTeesdale,
  post,
  type Teesdale,
} from './test-support/teesdale.js';

describeEngines('escalation access', (engine) => {
  let server: TestServer;
  let t: Teesdale;
  let message: { id: string };
  let neighbourMessage: { id: string };
  let open: string;
  let closed: string;
  let neighbourEscalation: string;

  const groupList = () => `/api/v1/groups/${t.groupId}/escalations`;
  const orgList = () => `/api/v1/organisations/${t.organisationId}/escalations`;

  beforeAll(async () => {
    server = await startTestServer(engine);
    t = await makeTeesdale(server);
    message = await post(t.reporter, t.groupId, {
      body: 'Hare coursers on the fell road, two dogs, red van.',
    });
    neighbourMessage = await post(t.outsider, t.neighbourGroupId, { body: 'Red van seen at Stanhope.' });
    open = (await escalate(t.admin, t.groupId, { messageId: message.id }, '101')).escalation.id;
    closed = (await escalate(t.officer, t.groupId, { messageId: message.id }, '999')).escalation.id;
    const closing = await t.officer.request('POST', `/api/v1/escalations/${closed}/status`, {
      status: 'closed',
    });
    expect(closing.status, closing.text).toBe(200);
    neighbourEscalation = (
      await escalate(t.neighbourAdmin, t.neighbourGroupId, { messageId: neighbourMessage.id })
    ).escalation.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Everything escalated anywhere on this server, as an organisation admin sees it. */
  const everything = () => listed(t.orgAdmin, orgList());

  it('documents every escalation route in the OpenAPI document', async () => {
    const doc = await server.anon.request('GET', '/api/v1/openapi.json');
    expect(doc.status, doc.text).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/groups/{groupId}/escalations',
        '/api/v1/organisations/{organisationId}/escalations',
        '/api/v1/me/escalations',
        '/api/v1/escalations/{escalationId}',
        '/api/v1/escalations/{escalationId}/pack',
        '/api/v1/escalations/{escalationId}/reference',
        '/api/v1/escalations/{escalationId}/status',
        '/api/v1/escalations/{escalationId}/outcome',
        '/api/v1/escalations/{escalationId}/post-back',
        '/api/v1/escalations/{escalationId}/consent',
      ]),
    );
  });

  describe('lists', () => {
    it("lists a group's escalations, newest first, for its admins, moderators and officers", async () => {
      for (const user of [t.admin, t.moderator, t.officer, t.orgOfficer, t.orgAdmin]) {
        expect(await listed(user, groupList())).toEqual([closed, open]);
      }
      expect(await listed(t.admin, `${groupList()}?status=open`)).toEqual([open]);
      expect(await listed(t.admin, `${groupList()}?status=closed`)).toEqual([closed]);
      const response = await t.admin.request('GET', groupList());
      const [first] = EscalationList.parse(response.body).escalations;
      expect(first).toMatchObject({
        id: closed,
        channel: '999',
        status: 'closed',
        escalatedBy: { displayName: 'PC Dodd' },
      });
      expectRefused(await t.admin.request('GET', `${groupList()}?status=lost`), 400, 'invalid', 'status');
    });

    it("lists an organisation's escalations across its groups for its admins and officers", async () => {
      expect(await listed(t.orgAdmin, orgList())).toEqual([neighbourEscalation, closed, open]);
      expect(await listed(t.orgOfficer, orgList())).toEqual([neighbourEscalation, closed, open]);
      expect(await listed(t.orgOfficer, `${orgList()}?status=open`)).toEqual([neighbourEscalation, open]);
    });

    it('keeps plain members and outsiders out of the lists: 403 for those who know the group, else 404', async () => {
      expectRefused(await t.member.request('GET', groupList()), 403, 'forbidden');
      expectRefused(await t.reporter.request('GET', groupList()), 403, 'forbidden');
      expectRefused(await t.outsider.request('GET', groupList()), 404, 'not_found');
      expectRefused(await t.neighbourAdmin.request('GET', groupList()), 404, 'not_found');
      expectRefused(await t.removedAdmin.request('GET', groupList()), 404, 'not_found');
      expectRefused(await t.otherOrgAdmin.request('GET', groupList()), 404, 'not_found');
      expectRefused(
        await t.admin.request('GET', `/api/v1/groups/${UNKNOWN_ID}/escalations`),
        404,
        'not_found',
      );
    });

    it('keeps the organisation list to its admins and officers: wrong organisation 404, its staff 403', async () => {
      expectRefused(await t.otherOrgAdmin.request('GET', orgList()), 404, 'not_found');
      // A police officer of another force, even one in the group, does not read the whole organisation.
      expectRefused(await t.officer.request('GET', orgList()), 404, 'not_found');
      expectRefused(await t.admin.request('GET', orgList()), 404, 'not_found');
      expectRefused(await t.orgStaff.request('GET', orgList()), 403, 'forbidden');
      expectRefused(
        await t.orgAdmin.request('GET', `/api/v1/organisations/${UNKNOWN_ID}/escalations`),
        404,
        'not_found',
      );
      const theirs = await t.otherOrgAdmin.request(
        'GET',
        `/api/v1/organisations/${t.otherOrganisationId}/escalations`,
      );
      expect(theirs.status, theirs.text).toBe(200);
      expect(theirs.body.escalations).toEqual([]);
    });
  });

  describe('one escalation', () => {
    it('is not found for anyone who does not handle the group’s escalations', async () => {
      for (const user of [
        t.member,
        t.reporter,
        t.outsider,
        t.neighbourAdmin,
        t.removedAdmin,
        t.otherOrgAdmin,
        t.orgStaff,
      ]) {
        for (const path of [`/api/v1/escalations/${open}`, `/api/v1/escalations/${open}/pack`]) {
          expectRefused(await user.request('GET', path), 404, 'not_found');
        }
      }
      expectRefused(await t.admin.request('GET', `/api/v1/escalations/${UNKNOWN_ID}`), 404, 'not_found');
      expectRefused(await t.admin.request('GET', '/api/v1/escalations/not-an-id'), 400, 'invalid');
      expectRefused(await server.anon.request('GET', `/api/v1/escalations/${open}`), 401, 'unauthenticated');
    });

    it('cannot be changed by those who may not read it, and nothing is written', async () => {
      const changes: [string, string, unknown][] = [
        ['PUT', 'reference', { reference: 'DUR-20261129-0099' }],
        ['POST', 'status', { status: 'referred' }],
        ['PUT', 'outcome', { outcome: 'other', note: 'x' }],
        ['POST', 'post-back', { clientId: newClientId(), body: 'What happened next: x' }],
      ];
      for (const user of [t.member, t.outsider, t.removedAdmin, t.otherOrgAdmin]) {
        for (const [method, action, body] of changes) {
          const response = await user.request(method, `/api/v1/escalations/${open}/${action}`, body);
          expectRefused(response, 404, 'not_found');
        }
      }
      const unchanged = await t.admin.request('GET', `/api/v1/escalations/${open}`);
      expect(unchanged.body.escalation).toMatchObject({ reference: null, status: 'open', outcome: null });
      expect(unchanged.body.history).toHaveLength(1);
    });

    it('refuses a reference of the wrong shape, naming the field, and keeps the one recorded', async () => {
      const good = await t.admin.request('PUT', `/api/v1/escalations/${open}/reference`, {
        reference: 'DUR-20261129-0042',
      });
      expect(good.status, good.text).toBe(200);
      for (const reference of ['ab', 'x'.repeat(41), 'DUR_2026', 'Log #5', '<script>', '', 42]) {
        const bad = await t.admin.request('PUT', `/api/v1/escalations/${open}/reference`, { reference });
        expectRefused(bad, 400, 'invalid', 'reference');
      }
      const now = await t.admin.request('GET', `/api/v1/escalations/${open}`);
      expect(now.body.escalation.reference).toBe('DUR-20261129-0042');
      expect(now.body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'reference']);
    });
  });

  describe('escalating', () => {
    async function attempt(user: TestUser, groupId: string, body: Record<string, unknown>) {
      return user.request('POST', `/api/v1/groups/${groupId}/escalations`, {
        clientId: newClientId(),
        channel: '101',
        ...body,
      });
    }

    it('is for admins, moderators and officers who are active members: plain members 403, others 404', async () => {
      const before = await everything();
      expectRefused(await attempt(t.member, t.groupId, { messageId: message.id }), 403, 'forbidden');
      expectRefused(await attempt(t.reporter, t.groupId, { messageId: message.id }), 403, 'forbidden');
      // Organisation admins and officers read escalations but escalate only from inside the group.
      expectRefused(await attempt(t.orgAdmin, t.groupId, { messageId: message.id }), 403, 'forbidden');
      expectRefused(await attempt(t.orgOfficer, t.groupId, { messageId: message.id }), 404, 'not_found');
      expectRefused(await attempt(t.outsider, t.groupId, { messageId: message.id }), 404, 'not_found');
      expectRefused(await attempt(t.neighbourAdmin, t.groupId, { messageId: message.id }), 404, 'not_found');
      expectRefused(await attempt(t.removedAdmin, t.groupId, { messageId: message.id }), 404, 'not_found');
      expectRefused(await attempt(t.otherOrgAdmin, t.groupId, { messageId: message.id }), 404, 'not_found');
      expect(await everything()).toEqual(before);
    });

    it('does not reach a message of a group you are not in, even through your own group', async () => {
      const before = await everything();
      // The neighbouring group's message, asked about in Teesdale by Teesdale's admin: not found.
      const viaOwn = await attempt(t.admin, t.groupId, { messageId: neighbourMessage.id });
      expectRefused(viaOwn, 404, 'not_found', 'messageId');
      // And in the neighbouring group itself, where the admin is no member: the group is not found.
      expectRefused(
        await attempt(t.admin, t.neighbourGroupId, { messageId: neighbourMessage.id }),
        404,
        'not_found',
      );
      expectRefused(
        await attempt(t.admin, t.groupId, { messageId: UNKNOWN_ID }),
        404,
        'not_found',
        'messageId',
      );
      expectRefused(await attempt(t.admin, t.groupId, { alertId: UNKNOWN_ID }), 404, 'not_found', 'alertId');
      expectRefused(await attempt(t.admin, UNKNOWN_ID, { messageId: message.id }), 404, 'not_found');
      expect(await everything()).toEqual(before);
    });

    it('refuses an unknown channel, a missing or doubled subject, a bad client id, naming the field', async () => {
      const before = await everything();
      expectRefused(
        await attempt(t.admin, t.groupId, { messageId: message.id, channel: '112' }),
        400,
        'invalid',
        'channel',
      );
      expectRefused(
        await attempt(t.admin, t.groupId, { messageId: message.id, channel: undefined }),
        400,
        'invalid',
        'channel',
      );
      expectRefused(await attempt(t.admin, t.groupId, {}), 400, 'invalid', 'messageId');
      expectRefused(
        await attempt(t.admin, t.groupId, { messageId: message.id, alertId: UNKNOWN_ID }),
        400,
        'invalid',
        'messageId',
      );
      expectRefused(await attempt(t.admin, t.groupId, { messageId: 'nope' }), 400, 'invalid', 'messageId');
      expectRefused(
        await attempt(t.admin, t.groupId, { messageId: message.id, clientId: 'x' }),
        400,
        'invalid',
        'clientId',
      );
      const notJson = await t.admin.request('POST', `/api/v1/groups/${t.groupId}/escalations`, '{oops', {
        'content-type': 'application/json',
      });
      expectRefused(notJson, 400, 'invalid');
      expect(await everything()).toEqual(before);
    });

    it('refuses a deleted message, and a client id already used in another group', async () => {
      const doomed = await post(t.reporter, t.groupId, { body: 'Posted in the wrong group, sorry.' });
      const deleted = await t.reporter.request('DELETE', `/api/v1/groups/${t.groupId}/messages/${doomed.id}`);
      expect(deleted.status, deleted.text).toBe(200);
      expectRefused(
        await attempt(t.admin, t.groupId, { messageId: doomed.id }),
        409,
        'conflict',
        'messageId',
      );

      // An admin of both groups reuses a client id: the second group is not shown the first's escalation.
      await server.ctx.ports.store.putMembership({
        groupId: t.neighbourGroupId as never,
        userId: t.moderator.user.id,
        role: 'moderator',
        status: 'active',
        answers: [],
        inviteId: null,
        decidedBy: null,
        decidedAt: null,
        lastReadSeq: 0,
        createdAt: Date.now(),
      });
      const clientId = newClientId();
      await escalate(t.moderator, t.groupId, { messageId: message.id }, '101', clientId);
      const reused = await attempt(t.moderator, t.neighbourGroupId, {
        messageId: neighbourMessage.id,
        clientId,
      });
      expectRefused(reused, 409, 'conflict', 'clientId');
    });

    it('stops at once for an admin who is removed from the group', async () => {
      const leaving = await server.createUser({ displayName: 'Lena Leaving' });
      const membership = {
        groupId: t.groupId as never,
        userId: leaving.user.id,
        role: 'admin' as const,
        status: 'active' as const,
        answers: [],
        inviteId: null,
        decidedBy: null,
        decidedAt: null,
        lastReadSeq: 0,
        createdAt: Date.now(),
      };
      await server.ctx.ports.store.putMembership(membership);
      const { escalation } = await escalate(leaving, t.groupId, { messageId: message.id });
      expect((await leaving.request('GET', `/api/v1/escalations/${escalation.id}`)).status).toBe(200);
      const removal = await t.admin.request(
        'POST',
        `/api/v1/groups/${t.groupId}/members/${leaving.user.id}/decision`,
        { decision: 'remove' },
      );
      expect(removal.status, removal.text).toBe(200);
      expectRefused(await leaving.request('GET', `/api/v1/escalations/${escalation.id}`), 404, 'not_found');
      expectRefused(
        await leaving.request('PUT', `/api/v1/escalations/${escalation.id}/outcome`, { outcome: 'ongoing' }),
        404,
        'not_found',
      );
      expectRefused(await attempt(leaving, t.groupId, { messageId: message.id }), 404, 'not_found');
      expectRefused(await leaving.request('GET', groupList()), 404, 'not_found');
      // The group's other admins still have it, unchanged.
      const kept = await t.admin.request('GET', `/api/v1/escalations/${escalation.id}`);
      expect(kept.body.escalation).toMatchObject({
        outcome: null,
        escalatedBy: { displayName: 'Lena Leaving' },
      });
    });
  });
});
