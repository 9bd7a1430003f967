// Integration tests of the message routes on both engines: paging, idempotent posts, edits, deletion, access.
import { ErrorBody, MessageHistory, MessagePage, MessageResponse } from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { makeGroup, newClientId, type TestGroup, UNKNOWN_ID } from './test-support/groups.js';

describeEngines('message routes', (engine) => {
  let server: TestServer;
  let group: TestGroup;
  let other: TestGroup;
  let author: TestUser;
  let member: TestUser;
  let moderator: TestUser;
  let admin: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    server = await startTestServer(engine);
    group = await makeGroup(server);
    other = await makeGroup(server, 'Lower Dale Watch');
    author = await group.member();
    member = await group.member();
    moderator = await group.member('moderator');
    admin = await group.member('admin');
    outsider = await other.member();
  });
  afterAll(async () => {
    await server?.close();
  });

  const messagesOf = (g: TestGroup) => `/api/v1/groups/${g.id}/messages`;

  async function post(user: TestUser, body: Record<string, unknown>, g: TestGroup = group) {
    return user.request('POST', messagesOf(g), { clientId: newClientId(), ...body });
  }

  function expectError(response: { status: number; body: unknown }, status: number, field?: string) {
    expect(response.status).toBe(status);
    const parsed = ErrorBody.parse(response.body);
    if (field !== undefined) expect(parsed.error.field).toBe(field);
  }

  describe('posting and reading', () => {
    it('answers 201 with the message as members see it, author named, nothing private', async () => {
      const response = await post(author, { body: '  Gate left open at High Side  ' });
      expect(response.status).toBe(201);
      const { message } = MessageResponse.parse(response.body);
      expect(message).toMatchObject({
        groupId: group.id,
        body: 'Gate left open at High Side',
        author: { id: author.user.id, displayName: author.user.displayName },
        deleted: false,
        photos: [],
        location: null,
      });
      expect(response.text).not.toContain(author.user.email);
    });

    it('pages oldest first with lastSeq and hasMore, and the pages join without gaps or repeats', async () => {
      const g = await makeGroup(server);
      const poster = await g.member();
      const bodies = ['one', 'two', 'three', 'four', 'five'];
      for (const body of bodies) expect((await post(poster, { body }, g)).status).toBe(201);

      const first = await poster.request('GET', `${messagesOf(g)}?limit=2`);
      expect(first.status).toBe(200);
      const page1 = MessagePage.parse(first.body);
      expect(page1.messages.map((m) => m.body)).toEqual(['four', 'five']);
      expect(page1).toMatchObject({ lastSeq: 5, hasMore: true });

      const seen = [...page1.messages];
      let page = page1;
      while (page.hasMore) {
        const before = page.messages[0]!.seq;
        const next = await poster.request('GET', `${messagesOf(g)}?limit=2&before=${before}`);
        page = MessagePage.parse(next.body);
        expect(page.lastSeq).toBe(5);
        seen.unshift(...page.messages);
      }
      expect(seen.map((m) => m.body)).toEqual(bodies);
      expect(seen.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    });

    it('reports the newest event sequence, edits and deletions included, as lastSeq', async () => {
      const g = await makeGroup(server);
      const poster = await g.member();
      const { message } = (await post(poster, { body: 'first' }, g)).body;
      await post(poster, { body: 'second' }, g);
      await poster.request('PATCH', `${messagesOf(g)}/${message.id}`, { body: 'first, corrected' });
      const page = MessagePage.parse((await poster.request('GET', messagesOf(g))).body);
      expect(page.messages.map((m) => m.seq)).toEqual([1, 2]);
      expect(page).toMatchObject({ lastSeq: 3, hasMore: false });
      expect(page.messages[0]).toMatchObject({ body: 'first, corrected' });
      expect(page.messages[0]!.editedAt).not.toBeNull();
    });

    it('describes an attached location for rescuers: grid reference and plus code', async () => {
      const response = await post(author, { location: { lat: 54.4609, lng: -3.0886 } });
      expect(response.status).toBe(201);
      const { message } = MessageResponse.parse(response.body);
      expect(message.body).toBe('');
      expect(message.location).toMatchObject({ lat: 54.4609, lng: -3.0886 });
      expect(message.location!.plusCode.length).toBeGreaterThan(8);
    });

    it('accepts a reply to a message of the same group', async () => {
      const { message: first } = (await post(member, { body: 'Anyone seen a grey pickup?' })).body;
      const reply = await post(author, { body: 'Yes, by the cattle grid', replyToId: first.id });
      expect(reply.status).toBe(201);
      expect(reply.body.message.replyToId).toBe(first.id);
    });
  });

  describe('idempotent posting', () => {
    it('answers a repeated clientId with 200 and the first message, and keeps one copy', async () => {
      const g = await makeGroup(server);
      const poster = await g.member();
      const clientId = newClientId();
      const first = await poster.request('POST', messagesOf(g), { clientId, body: 'Sheep out on the road' });
      const again = await poster.request('POST', messagesOf(g), { clientId, body: 'Sheep out on the road' });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body.message.id).toBe(first.body.message.id);
      const page = MessagePage.parse((await poster.request('GET', messagesOf(g))).body);
      expect(page.messages).toHaveLength(1);
      expect(page.lastSeq).toBe(1);
    });

    it('keeps one message when 20 copies of a post arrive at once', async () => {
      const g = await makeGroup(server);
      const poster = await g.member();
      const clientId = newClientId();
      const published = vi.spyOn(server.ctx.ports.events, 'publish');
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          poster.request('POST', messagesOf(g), { clientId, body: 'Lights in the barn at Fell End' }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(19);
      expect(new Set(responses.map((r) => r.body.message.id)).size).toBe(1);
      // Only the first copy is announced to the stream.
      const announced = published.mock.calls.filter(([e]) => e.kind === 'group' && e.event.groupId === g.id);
      published.mockRestore();
      expect(announced).toHaveLength(1);
      const page = MessagePage.parse((await poster.request('GET', messagesOf(g))).body);
      expect(page.messages).toHaveLength(1);
      expect(page.lastSeq).toBe(1);
    });

    it('refuses a clientId already used in another group rather than answer with that message', async () => {
      const both = await group.member();
      await other.setStatus(both, 'active');
      const clientId = newClientId();
      expect((await both.request('POST', messagesOf(group), { clientId, body: 'here' })).status).toBe(201);
      const elsewhere = await both.request('POST', messagesOf(other), { clientId, body: 'there' });
      expectError(elsewhere, 409, 'clientId');
    });
  });

  describe('edits and deletion', () => {
    it('keeps the earlier text: the author and a moderator see it, a plain member gets 403', async () => {
      const { message } = (await post(author, { body: 'Red van, reg AB12 CDE' })).body;
      const edited = await author.request('PATCH', `${messagesOf(group)}/${message.id}`, {
        body: 'Red van, reg AB12 CDF',
      });
      expect(edited.status).toBe(200);
      expect(MessageResponse.parse(edited.body).message).toMatchObject({ body: 'Red van, reg AB12 CDF' });

      const history = `${messagesOf(group)}/${message.id}/history`;
      for (const viewer of [author, moderator, admin]) {
        const response = await viewer.request('GET', history);
        expect(response.status).toBe(200);
        const parsed = MessageHistory.parse(response.body);
        expect(parsed.message.originalBody).toBe('Red van, reg AB12 CDF');
        expect(parsed.edits).toEqual([
          expect.objectContaining({
            body: 'Red van, reg AB12 CDE',
            editedBy: expect.objectContaining({ id: author.user.id }),
          }),
        ]);
      }
      expectError(await member.request('GET', history), 403);
    });

    it('lets only the author edit', async () => {
      const { message } = (await post(author, { body: 'Tractor stolen' })).body;
      const url = `${messagesOf(group)}/${message.id}`;
      expectError(await moderator.request('PATCH', url, { body: 'changed' }), 403);
      expectError(await member.request('PATCH', url, { body: 'changed' }), 403);
      expectError(await author.request('PATCH', url, { body: '   ' }), 400, 'body');
    });

    it('shows a deleted message to members as deleted with no text; admins read the text in its history', async () => {
      const { message } = (
        await post(author, { body: 'Wrong group, sorry', location: { lat: 54.5, lng: -3 } })
      ).body;
      const url = `${messagesOf(group)}/${message.id}`;
      expectError(await member.request('DELETE', url), 403);
      const deleted = await author.request('DELETE', url);
      expect(deleted.status).toBe(200);
      expect(deleted.body.message).toMatchObject({ deleted: true, body: '', location: null });

      const again = await author.request('DELETE', url);
      expect(again.status).toBe(200);
      expect(again.body.message.seq).toBe(message.seq);

      const page = MessagePage.parse((await member.request('GET', `${messagesOf(group)}?limit=200`)).body);
      const seen = page.messages.find((m) => m.id === message.id);
      expect(seen).toMatchObject({ deleted: true, body: '', location: null });
      expect(JSON.stringify(page)).not.toContain('Wrong group, sorry');

      const history = await admin.request('GET', `${url}/history`);
      expect(history.status).toBe(200);
      expect(MessageHistory.parse(history.body).message).toMatchObject({
        deleted: true,
        body: '',
        originalBody: 'Wrong group, sorry',
      });
      expectError(await author.request('PATCH', url, { body: 'edit after delete' }), 403);
    });

    it('lets a moderator delete anyone’s message', async () => {
      const { message } = (await post(member, { body: 'spam' })).body;
      const response = await moderator.request('DELETE', `${messagesOf(group)}/${message.id}`);
      expect(response.status).toBe(200);
      expect(response.body.message.deleted).toBe(true);
    });
  });

  describe('bad input', () => {
    it('refuses 4,001 characters, naming the body, and accepts 4,000', async () => {
      expectError(await post(author, { body: 'a'.repeat(4001) }), 400, 'body');
      expect((await post(author, { body: 'a'.repeat(4000) })).status).toBe(201);
    });

    it('refuses a message with no text, photo or location', async () => {
      expectError(await post(author, { body: '' }), 400, 'body');
      expectError(await post(author, { body: ' \n ' }), 400, 'body');
      expectError(await post(author, {}), 400, 'body');
    });

    it('refuses a reply to a message of another group', async () => {
      const { message: elsewhere } = (await post(outsider, { body: 'In the other group' }, other)).body;
      expectError(await post(author, { body: 'reply', replyToId: elsewhere.id }), 400, 'replyToId');
      expectError(await post(author, { body: 'reply', replyToId: UNKNOWN_ID }), 400, 'replyToId');
    });

    it('refuses unknown photos, too many photos and out-of-range locations', async () => {
      expectError(await post(author, { photoIds: [UNKNOWN_ID] }), 400, 'photoIds');
      expectError(await post(author, { photoIds: Array(11).fill(UNKNOWN_ID) }), 400, 'photoIds');
      expectError(await post(author, { location: { lat: 91, lng: 0 } }), 400, 'location.lat');
    });

    it('answers malformed JSON, wrong types and bad ids with 4xx and the error shape, never 500', async () => {
      const url = messagesOf(group);
      const cases = [
        await author.request('POST', url, '{"clientId": "abcdefgh", "body": ', {
          'content-type': 'application/json',
        }),
        await author.request('POST', url, { clientId: newClientId(), body: 5 }),
        await author.request('POST', url, { clientId: 'short', body: 'x' }),
        await author.request('POST', url, { clientId: newClientId(), body: 'x', photoIds: 'abc' }),
        await author.request('POST', url, { clientId: newClientId(), body: 'x', location: [1, 2] }),
        await author.request('POST', url, [1, 2, 3]),
        await author.request('POST', '/api/v1/groups/not-an-id/messages', {
          clientId: newClientId(),
          body: 'x',
        }),
        await author.request('GET', `${url}?limit=0`),
        await author.request('GET', `${url}?limit=abc`),
        await author.request('GET', `${url}?before=-3`),
        await author.request('PATCH', `${url}/not-an-id`, { body: 'x' }),
        await author.request('PATCH', `${url}/${UNKNOWN_ID}`, { body: 7 }),
      ];
      for (const response of cases) {
        expect(response.status, response.text).toBeGreaterThanOrEqual(400);
        expect(response.status, response.text).toBeLessThan(500);
        ErrorBody.parse(response.body);
      }
    });

    it('answers unknown groups and messages with 404', async () => {
      expectError(await post(author, { body: 'x' }, { ...group, id: UNKNOWN_ID as TestGroup['id'] }), 404);
      const url = `${messagesOf(group)}/${UNKNOWN_ID}`;
      expectError(await author.request('PATCH', url, { body: 'x' }), 404);
      expectError(await author.request('DELETE', url), 404);
      expectError(await author.request('GET', `${url}/history`), 404);
    });

    it('asks the signed-out to sign in', async () => {
      expectError(await server.anon.request('GET', messagesOf(group)), 401);
      expectError(
        await server.anon.request('POST', messagesOf(group), { clientId: newClientId(), body: 'x' }),
        401,
      );
    });
  });

  describe('forbidden paths', () => {
    it('hides group B from a member of group A: post, read, edit, delete and history are 404', async () => {
      const { message } = (await post(outsider, { body: 'Only for Lower Dale' }, other)).body;
      expectError(await post(author, { body: 'sneaking in' }, other), 404);
      expectError(await author.request('GET', messagesOf(other)), 404);
      const url = `${messagesOf(other)}/${message.id}`;
      expectError(await author.request('PATCH', url, { body: 'x' }), 404);
      expectError(await author.request('DELETE', url), 404);
      expectError(await author.request('GET', `${url}/history`), 404);
    });

    it('does not reach a message of group B through the address of group A', async () => {
      const { message } = (await post(outsider, { body: 'Lower Dale only' }, other)).body;
      const url = `${messagesOf(group)}/${message.id}`;
      expectError(await admin.request('GET', `${url}/history`), 404);
      expectError(await admin.request('DELETE', url), 404);
    });

    it('shuts a removed member out at once: messages and history are 404', async () => {
      const leaving = await group.member('moderator');
      const { message } = (await post(leaving, { body: 'Before I go' })).body;
      const history = `${messagesOf(group)}/${message.id}/history`;
      expect((await leaving.request('GET', history)).status).toBe(200);
      await group.setStatus(leaving, 'removed', 'moderator');
      expectError(await leaving.request('GET', messagesOf(group)), 404);
      expectError(await post(leaving, { body: 'still here?' }), 404);
      expectError(await leaving.request('GET', history), 404);
      expectError(await leaving.request('DELETE', `${messagesOf(group)}/${message.id}`), 404);
    });

    it('lets a pending member know the group but not read or post (403)', async () => {
      const pending = await group.member('member', 'pending');
      expectError(await pending.request('GET', messagesOf(group)), 403);
      expectError(await post(pending, { body: 'hello?' }), 403);
    });
  });

  describe('rate limit', () => {
    it('answers the 61st post within a minute with 429 and Retry-After', async () => {
      const g = await makeGroup(server);
      const busy = await g.member();
      for (let i = 0; i < 60; i++) expect((await post(busy, { body: `report ${i}` }, g)).status).toBe(201);
      const refused = await post(busy, { body: 'one too many' }, g);
      expectError(refused, 429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Counted per person: someone else in the group still posts.
      const calm = await g.member();
      expect((await post(calm, { body: 'all quiet' }, g)).status).toBe(201);
    });
  });
});
