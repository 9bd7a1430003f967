// Integration tests of priority notices on closed phones, on both engines: subscriptions made through the
// API, a risky post, and what reaches each phone's push service. A real push service cannot be reached
// from the tests, so an imitation one stands in (push/test-support): it checks every request's VAPID
// token and decrypts its body with the subscription's private key, as the phone's browser would.
import { AttentionList } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AT_RISK_TEXT, HANDLED_TEXT } from '../../../push/notifier.js';
import {
  type BrowserSubscription,
  type ImitationPushService,
  type ReceivedPush,
  startImitationPushService,
} from '../../../push/test-support/imitation-push-service.js';
import { generateVapidKeys } from '../../../push/vapid.js';
import { WebPushSender } from '../../../push/web-push-sender.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { createSafetyWorld, post, type SafetyWorld } from '../safety/test-support/world.js';

const FIRE = 'The hay barn at Low Moor is on fire and there is someone trapped inside';
const ORDINARY = 'Gate left open on the fell road again, sheep out by the cattle grid';

describeEngines('priority notices on closed phones (Web Push)', (engine) => {
  const identity = { ...generateVapidKeys(), subject: 'mailto:watch@example.org' };
  let service: ImitationPushService;
  let server: TestServer;
  let world: SafetyWorld;
  let groupName: string;
  const phones = new Map<string, BrowserSubscription>();

  beforeAll(async () => {
    service = await startImitationPushService(identity.publicKey);
    server = await startTestServer(engine, {
      push: new WebPushSender({ identity, testOnlyAllowLocalEndpoints: true }),
    });
    world = await createSafetyWorld(server);
    groupName = (await world.admin.request('GET', `/api/v1/groups/${world.groupId}`)).body.group.name;
    // The admin has two phones; the officer goes on watch with one; the moderator and a plain member have one each.
    for (const [name, person] of [
      ['admin phone', world.admin],
      ['admin tablet', world.admin],
      ['officer', world.officer],
      ['moderator', world.moderator],
      ['member', world.member],
    ] as const) {
      phones.set(name, await subscribe(person));
    }
    const watch = await world.officer.request('POST', '/api/v1/watch/shifts', {
      endsAt: Date.now() + 3_600_000,
    });
    expect(watch.status, watch.text).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await service?.close();
  });

  async function subscribe(person: TestUser): Promise<BrowserSubscription> {
    const phone = service.subscribe();
    const response = await person.request('POST', '/api/v1/push/subscriptions', {
      endpoint: phone.endpoint,
      expirationTime: null,
      keys: phone.keys,
    });
    expect(response.status, response.text).toBe(201);
    return phone;
  }

  /** Runs `act`, waits until its notices have been sent, and returns what the push service received. */
  async function pushesDuring(act: () => Promise<unknown>): Promise<ReceivedPush[]> {
    const before = service.received.length;
    await act();
    await server.composed.flushPush();
    return service.received.slice(before);
  }

  const to = (received: ReceivedPush[], ...names: string[]) =>
    received.filter((r) => names.some((n) => phones.get(n)?.endpoint === r.endpoint));
  const flagOf = async (messageId: string) => {
    const response = await world.admin.request('GET', `/api/v1/groups/${world.groupId}/attention?state=all`);
    return AttentionList.parse(response.body).items.find((i) => i.message?.id === messageId);
  };

  it('sends one decryptable, lock-screen-safe notice to each phone of those who see the queue, none to the poster or a plain member', async () => {
    let messageId = '';
    const received = await pushesDuring(async () => {
      messageId = (await post(world.moderator, world.groupId, FIRE)).body.message.id;
    });
    const flag = await flagOf(messageId);
    expect(flag).toBeDefined();
    expect(received.map((r) => r.refusal)).toEqual([null, null, null]);
    for (const name of ['admin phone', 'admin tablet', 'officer']) {
      const [notice, ...more] = to(received, name);
      expect(more, name).toEqual([]);
      expect(notice?.status).toBe(201);
      expect(notice?.claims?.aud).toBe(service.origin);
      expect(notice?.headers).toMatchObject({ urgency: 'high', topic: flag?.id, ttl: String(24 * 3600) });
      expect(JSON.parse(notice?.payload ?? '')).toEqual({
        kind: 'attention',
        title: groupName,
        body: AT_RISK_TEXT,
        tag: `attention-${flag?.id}`,
        url: `/groups/${world.groupId}/attention`,
        urgent: true,
      });
      // Nothing from the message or about its poster travels, even encrypted.
      expect(notice?.payload).not.toMatch(/barn|fire|trapped|Moderator/i);
    }
    expect(to(received, 'moderator', 'member')).toEqual([]);
  });

  it('answers the poster without waiting for the push services', async () => {
    const release = service.hold();
    try {
      const before = service.received.length;
      const started = Date.now();
      const response = await post(world.member, world.groupId, FIRE);
      expect(response.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2_000);
      // The push service has the notices but has not answered them yet.
      await service.waitFor(before + 1);
    } finally {
      release();
    }
    await server.composed.flushPush();
  });

  it('replaces the notice quietly, with the same tag and topic, when the flag is handled; the handler’s phone stays still', async () => {
    let messageId = '';
    await pushesDuring(async () => {
      messageId = (await post(world.member, world.groupId, FIRE)).body.message.id;
    });
    const flag = await flagOf(messageId);
    const received = await pushesDuring(() =>
      world.admin.request('POST', `/api/v1/groups/${world.groupId}/attention/${flag?.id}/handled`),
    );
    // The officer and the moderator had the alarm; the admin handled it from one of the admin's phones.
    expect(received).toHaveLength(2);
    expect(to(received, 'admin phone', 'admin tablet', 'member')).toEqual([]);
    for (const notice of to(received, 'officer', 'moderator')) {
      expect(notice.headers).toMatchObject({ urgency: 'normal', topic: flag?.id });
      expect(JSON.parse(notice.payload ?? '')).toMatchObject({
        tag: `attention-${flag?.id}`,
        body: HANDLED_TEXT,
        urgent: false,
      });
    }
    // Handling it again changes nothing and sends nothing.
    expect(
      await pushesDuring(() =>
        world.officer.request('POST', `/api/v1/groups/${world.groupId}/attention/${flag?.id}/handled`),
      ),
    ).toEqual([]);
  });

  it('sends nothing for an ordinary message, nor again when a risky post is retried', async () => {
    expect(await pushesDuring(() => post(world.member, world.groupId, ORDINARY))).toEqual([]);
    const clientId = `retry-${Date.now().toString(36)}`;
    // The admin's two phones, the officer's and the moderator's.
    expect(await pushesDuring(() => post(world.member, world.groupId, FIRE, clientId))).toHaveLength(4);
    expect(await pushesDuring(() => post(world.member, world.groupId, FIRE, clientId))).toEqual([]);
  });

  it('sends nothing to the phone of an admin removed from the group', async () => {
    const removed = await server.createUser({ displayName: 'Removed admin' });
    const added = await world.platformAdmin.request('POST', `/api/v1/groups/${world.groupId}/members`, {
      email: removed.user.email,
      role: 'admin',
    });
    expect(added.status, added.text).toBe(200);
    phones.set('removed', await subscribe(removed));
    expect(to(await pushesDuring(() => post(world.member, world.groupId, FIRE)), 'removed')).toHaveLength(1);

    const decided = await world.platformAdmin.request(
      'POST',
      `/api/v1/groups/${world.groupId}/members/${removed.user.id}/decision`,
      { decision: 'remove' },
    );
    expect(decided.status, decided.text).toBe(200);
    const received = await pushesDuring(() => post(world.member, world.groupId, FIRE));
    expect(received).toHaveLength(4);
    expect(to(received, 'removed')).toEqual([]);
    phones.delete('removed');
  });

  it('drops a subscription whose push service answers 410, and sends to it no more', async () => {
    const gone = await subscribe(world.officer);
    phones.set('officer old phone', gone);
    service.answer(gone.endpoint, 410);
    const first = await pushesDuring(() => post(world.member, world.groupId, FIRE));
    expect(to(first, 'officer old phone').map((r) => r.status)).toEqual([410]);
    expect(await server.ctx.ports.store.push.getPushSubscription(gone.endpoint)).toBeUndefined();
    const next = await pushesDuring(() => post(world.member, world.groupId, FIRE));
    expect(to(next, 'officer old phone')).toEqual([]);
    expect(to(next, 'officer')).toHaveLength(1);
    // The phones that took the notices are marked as used.
    const officers = await server.ctx.ports.store.push.listPushSubscriptions([world.officer.user.id]);
    expect(officers.map((s) => s.lastUsedAt)).toEqual([expect.any(Number)]);
  });

  it('keeps a subscription whose push service fails for now, and sends to it next time', async () => {
    const flaky = phones.get('admin tablet');
    if (!flaky) throw new Error('the admin tablet is missing');
    service.answer(flaky.endpoint, 503);
    expect(
      to(await pushesDuring(() => post(world.member, world.groupId, FIRE)), 'admin tablet'),
    ).toHaveLength(1);
    expect(await server.ctx.ports.store.push.getPushSubscription(flaky.endpoint)).toBeDefined();
    service.answer(flaky.endpoint, 201);
    const next = await pushesDuring(() => post(world.member, world.groupId, FIRE));
    expect(to(next, 'admin tablet').map((r) => r.status)).toEqual([201]);
  });
});
