// Integration tests of the risk check on post, on both engines: the poster's guidance, the flag, the
// "needs attention" queue and who sees it, the priority notice on the right sockets only, and handling.
import {
  AttentionItemResponse,
  AttentionList,
  AttentionQueues,
  PostedMessageResponse,
  ServerFrame,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { settle } from '../../ws/test-support/stream-harness.js';
import { expectError } from '../groups/test-support/world.js';
import { createSafetyWorld, openStream, post, type SafetyWorld } from './test-support/world.js';

/** Messages no reasonable reading could take as anything but urgent. */
const FIRE = 'The hay barn at Low Moor is on fire and there is someone trapped inside';
const SELF_HARM = 'I cannot go on any more, I am going to kill myself tonight';
const ORDINARY = 'Gate left open on the fell road again, sheep out by the cattle grid';

describeEngines('safety routes: risky posts and the needs-attention queue', (engine) => {
  let server: TestServer;
  let world: SafetyWorld;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await createSafetyWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const queue = (as: TestUser, query = '') =>
    as.request('GET', `/api/v1/groups/${world.groupId}/attention${query}`);
  const items = async (as: TestUser, query = '') => {
    const response = await queue(as, query);
    expect(response.status, response.text).toBe(200);
    return AttentionList.parse(response.body).items;
  };
  const handle = (as: TestUser, flagId: string) =>
    as.request('POST', `/api/v1/groups/${world.groupId}/attention/${flagId}/handled`);

  describe('posting', () => {
    it('answers a worrying post with the guidance for the poster, saying nobody is watching', async () => {
      const response = await post(world.member, world.groupId, FIRE);
      expect(response.status).toBe(201);
      const { message, risk } = PostedMessageResponse.parse(response.body);
      expect(message.body).toBe(FIRE);
      expect(risk).toMatchObject({
        watchedNow: false,
        guidance: { emergencyNumber: '999', nonEmergencyNumber: '101' },
      });
      expect(risk?.categories).toContain('fire');
    });

    it('answers an ordinary post without any hint and flags nothing', async () => {
      const before = (await items(world.admin, '?state=all')).length;
      const response = await post(world.member, world.groupId, ORDINARY);
      expect(response.body.risk).toBeUndefined();
      expect(await items(world.admin, '?state=all')).toHaveLength(before);
    });

    it('says somebody is watching when an officer is on watch', async () => {
      const started = await world.officer.request('POST', '/api/v1/watch/shifts', {
        endsAt: Date.now() + 3_600_000,
      });
      expect(started.status, started.text).toBe(201);
      const { risk } = PostedMessageResponse.parse((await post(world.member, world.groupId, SELF_HARM)).body);
      expect(risk?.watchedNow).toBe(true);
      expect(risk?.categories).toContain('self_harm');
      await world.officer.request('POST', `/api/v1/watch/shifts/${started.body.shift.id}/end`);
    });

    it('flags a repeated post once, and still answers the repeat with the guidance', async () => {
      const clientId = `repeat-${Date.now().toString(36)}`;
      const first = await post(world.member, world.groupId, FIRE, clientId);
      const again = await post(world.member, world.groupId, FIRE, clientId);
      expect(again.status).toBe(200);
      expect(again.body.risk).toEqual(first.body.risk);
      const flagged = (await items(world.admin)).filter((i) => i.message?.id === first.body.message.id);
      expect(flagged).toHaveLength(1);
    });

    it('flags a message when an edit makes it worrying', async () => {
      const posted = await post(world.member, world.groupId, ORDINARY);
      const id = posted.body.message.id as string;
      expect((await items(world.admin)).some((i) => i.message?.id === id)).toBe(false);
      const edited = await world.member.request('PATCH', `/api/v1/groups/${world.groupId}/messages/${id}`, {
        body: FIRE,
      });
      expect(edited.status, edited.text).toBe(200);
      expect((await items(world.admin)).some((i) => i.message?.id === id)).toBe(true);
    });
  });

  describe('the queue', () => {
    it('shows a flagged message to admins, moderators and officers, with its text, categories and cues', async () => {
      const posted = await post(world.member, world.groupId, SELF_HARM);
      const id = posted.body.message.id as string;
      for (const viewer of [world.admin, world.moderator, world.officer]) {
        const item = (await items(viewer)).find((i) => i.message?.id === id);
        expect(item).toMatchObject({
          groupId: world.groupId,
          text: SELF_HARM,
          state: 'open',
          handledBy: null,
          handledAt: null,
        });
        expect(item?.categories).toContain('self_harm');
        expect(item?.cues.length).toBeGreaterThan(0);
        expect(item?.message?.author.id).toBe(world.member.user.id);
      }
    });

    it('is refused to a plain member and not known to anyone outside the group', async () => {
      expectError(await queue(world.member), 403, 'forbidden');
      const outsider = await server.createUser();
      expectError(await queue(outsider), 404, 'not_found');
      expectError(await queue(world.orgAdmin), 403, 'forbidden');
    });

    it('never shows the flag in the messages members read', async () => {
      const posted = await post(world.member, world.groupId, FIRE);
      const page = await world.member.request('GET', `/api/v1/groups/${world.groupId}/messages`);
      const shown = page.body.messages.find((m: { id: string }) => m.id === posted.body.message.id);
      expect(Object.keys(shown).sort()).toEqual(
        [
          'alert',
          'author',
          'body',
          'clientId',
          'createdAt',
          'deleted',
          'editedAt',
          'groupId',
          'id',
          'location',
          'photos',
          'replyToId',
          'seq',
        ].sort(),
      );
      expect(page.text).not.toContain('categories');
    });

    it('keeps the text of a flagged message its author deleted, for those handling it', async () => {
      const posted = await post(world.member, world.groupId, SELF_HARM);
      const id = posted.body.message.id as string;
      await world.member.request('DELETE', `/api/v1/groups/${world.groupId}/messages/${id}`);
      const item = (await items(world.officer)).find((i) => i.message?.id === id);
      expect(item).toMatchObject({ text: SELF_HARM, message: { deleted: true, body: '' } });
    });

    it('marks a flag handled once, by whoever got there first; others cannot', async () => {
      const posted = await post(world.member, world.groupId, FIRE);
      const flag = (await items(world.admin)).find((i) => i.message?.id === posted.body.message.id);
      expect(flag).toBeDefined();
      expectError(await handle(world.member, flag!.id), 403, 'forbidden');
      expectError(await handle(world.admin, '01HZZZZZZZZZZZZZZZZZZZZZZZ'), 404, 'not_found');

      const handled = await handle(world.moderator, flag!.id);
      expect(handled.status, handled.text).toBe(200);
      const { item } = AttentionItemResponse.parse(handled.body);
      expect(item).toMatchObject({ state: 'handled', handledBy: { id: world.moderator.user.id } });
      const again = AttentionItemResponse.parse((await handle(world.admin, flag!.id)).body).item;
      expect(again).toEqual(item);
      expect((await items(world.admin)).some((i) => i.id === flag!.id)).toBe(false);
      expect((await items(world.admin, '?state=handled')).some((i) => i.id === flag!.id)).toBe(true);
    });

    it('counts open flags per queue for those who see it, and lists no queue for a plain member', async () => {
      const open = (await items(world.admin)).length;
      const listed = AttentionQueues.parse((await world.admin.request('GET', '/api/v1/attention')).body);
      expect(listed.queues).toContainEqual({ groupId: world.groupId, groupName: expect.any(String), open });
      expect(
        AttentionQueues.parse((await world.member.request('GET', '/api/v1/attention')).body).queues,
      ).toEqual([]);
    });
  });

  describe('priority notices on the live stream', () => {
    it('reach the sockets of those who see the queue, not the poster’s nor a plain member’s', async () => {
      const [admin, officer, member, poster] = await Promise.all([
        openStream(server, world.admin, [world.groupId]),
        openStream(server, world.officer, [world.groupId]),
        openStream(server, world.member, [world.groupId]),
        openStream(server, world.moderator, [world.groupId]),
      ]);
      try {
        const posted = await post(world.moderator, world.groupId, FIRE);
        const id = posted.body.message.id as string;
        const notice = await admin.next('attention', (m) => m.messageId === id);
        expect(notice).toMatchObject({ groupId: world.groupId, state: 'open' });
        expect(notice.categories).toContain('fire');
        await officer.next('attention', (m) => m.messageId === id);
        // Everyone in the group gets the message itself...
        await member.next('message.posted', (m) => m.message.id === id);
        await poster.next('message.posted', (m) => m.message.id === id);
        await settle();
        // ...but the notice only reaches those who see the queue.
        expect(member.messages.some((m) => m.type === 'attention')).toBe(false);
        expect(poster.messages.some((m) => m.type === 'attention' && m.messageId === id)).toBe(false);
        for (const client of [admin, officer, member, poster]) {
          for (const frame of client.frames) expect(ServerFrame.safeParse(frame).success).toBe(true);
        }

        // Handling it tells the others, so their counts go down together.
        await handle(world.admin, notice.flagId);
        await officer.next('attention', (m) => m.flagId === notice.flagId && m.state === 'handled');
        expect(member.messages.some((m) => m.type === 'attention')).toBe(false);
      } finally {
        for (const client of [admin, officer, member, poster]) client.close();
      }
    });

    it('answers a worrying post sent over the stream with an ack carrying the guidance', async () => {
      const member = await openStream(server, world.member, [world.groupId]);
      try {
        member.send({
          type: 'post',
          groupId: world.groupId,
          message: { clientId: 'stream-risky-1', body: SELF_HARM },
        });
        const ack = await member.next('ack', (m) => m.clientId === 'stream-risky-1');
        expect(ack.risk?.guidance.emergencyNumber).toBe('999');
        expect(ack.risk?.categories).toContain('self_harm');
        member.send({
          type: 'post',
          groupId: world.groupId,
          message: { clientId: 'stream-plain-1', body: ORDINARY },
        });
        const plain = await member.next('ack', (m) => m.clientId === 'stream-plain-1');
        expect(plain.risk).toBeUndefined();
      } finally {
        member.close();
      }
    });

    it('send nothing to an admin removed before the post', async () => {
      const removed = await server.createUser({ displayName: 'Removed admin' });
      await world.platformAdmin.request('POST', `/api/v1/groups/${world.groupId}/members`, {
        email: removed.user.email,
        role: 'admin',
      });
      const socket = await openStream(server, removed, [world.groupId]);
      try {
        await world.platformAdmin.request(
          'POST',
          `/api/v1/groups/${world.groupId}/members/${removed.user.id}/decision`,
          {
            decision: 'remove',
          },
        );
        await socket.next('membership', (m) => m.status === 'removed');
        const posted = await post(world.member, world.groupId, FIRE);
        await settle(300);
        expect(socket.messages.some((m) => m.type === 'attention')).toBe(false);
        expect(
          socket.messages.some((m) => m.type === 'message.posted' && m.message.id === posted.body.message.id),
        ).toBe(false);
        expectError(
          await removed.request('GET', `/api/v1/groups/${world.groupId}/attention`),
          404,
          'not_found',
        );
      } finally {
        socket.close();
      }
    });
  });
});
