// Integration tests of the push routes on both engines: the key, turning notices on and off, bad input,
// and the forbidden paths. The server's own sender is used, so only public https endpoints are taken;
// nothing is sent here (notices.test.ts covers sending).
import { createECDH, randomBytes } from 'node:crypto';
import { MAX_PUSH_SUBSCRIPTIONS } from '@fellwatch/core';
import { PushKey, PushSubscriptionResponse } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { expectError } from '../groups/test-support/world.js';

/** A subscription as a browser gives it, at a public push service address. */
function aPhone() {
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomBytes(24).toString('base64url')}`,
    expirationTime: null,
    keys: {
      p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

describeEngines('push routes', (engine) => {
  let server: TestServer;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    server = await startTestServer(engine);
    ann = await server.createUser({ displayName: 'Ann' });
    bob = await server.createUser({ displayName: 'Bob' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const subscribe = (as: TestUser, body: unknown) => as.request('POST', '/api/v1/push/subscriptions', body);
  const unsubscribe = (as: TestUser, endpoint: string) =>
    as.request('DELETE', '/api/v1/push/subscriptions', { endpoint });
  const stored = (endpoint: string) => server.ctx.ports.store.push.getPushSubscription(endpoint);

  it('gives the key browsers subscribe with to signed-in people only', async () => {
    const response = await ann.request('GET', '/api/v1/push/key');
    expect(response.status).toBe(200);
    const { publicKey } = PushKey.parse(response.body);
    expect(publicKey).toBe(server.ctx.push.applicationServerKey);
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expectError(await server.anon.request('GET', '/api/v1/push/key'), 401, 'unauthenticated');
  });

  it('turns notices on for a phone (201), and answers 200 when the phone sends it again with new keys', async () => {
    const phone = aPhone();
    const created = await subscribe(ann, phone);
    expect(created.status, created.text).toBe(201);
    expect(PushSubscriptionResponse.parse(created.body).subscription).toEqual({
      endpoint: phone.endpoint,
      createdAt: expect.any(Number),
      lastUsedAt: null,
    });
    expect(created.text).not.toContain(phone.keys.auth);
    expect(await stored(phone.endpoint)).toMatchObject({ userId: ann.user.id, ...phone.keys });

    const fresh = aPhone().keys;
    const again = await subscribe(ann, { ...phone, keys: { p256dh: fresh.p256dh, auth: `${fresh.auth}==` } });
    expect(again.status, again.text).toBe(200);
    expect(again.body.subscription.createdAt).toBe(created.body.subscription.createdAt);
    expect(await stored(phone.endpoint)).toMatchObject({ userId: ann.user.id, ...fresh });
  });

  it('refuses a phone already set up for someone else, changing nothing', async () => {
    const phone = aPhone();
    expect((await subscribe(ann, phone)).status).toBe(201);
    const taken = await subscribe(bob, { ...phone, keys: aPhone().keys });
    expectError(taken, 409, 'conflict');
    expect(taken.body.error.field).toBe('endpoint');
    expect(await stored(phone.endpoint)).toMatchObject({ userId: ann.user.id, ...phone.keys });
  });

  it('refuses malformed subscriptions naming the field', async () => {
    // A person of their own: these many tries would meet Ann's rate limit.
    const dan = await server.createUser({ displayName: 'Dan' });
    const phone = aPhone();
    const cases: [unknown, string][] = [
      [{ ...phone, endpoint: 'not a url' }, 'endpoint'],
      [{ ...phone, endpoint: `https://fcm.googleapis.com/${'a'.repeat(2100)}` }, 'endpoint'],
      [{ endpoint: phone.endpoint }, 'keys'],
      [{ ...phone, keys: { ...phone.keys, p256dh: phone.keys.p256dh.slice(1) } }, 'keys.p256dh'],
      [{ ...phone, keys: { ...phone.keys, p256dh: `C${phone.keys.p256dh.slice(1)}` } }, 'keys.p256dh'],
      [{ ...phone, keys: { ...phone.keys, p256dh: phone.keys.p256dh.replace(/.$/, '+') } }, 'keys.p256dh'],
      [{ ...phone, keys: { ...phone.keys, auth: randomBytes(15).toString('base64url') } }, 'keys.auth'],
      [{ ...phone, keys: { ...phone.keys, auth: randomBytes(32).toString('base64url') } }, 'keys.auth'],
      [{ ...phone, keys: { ...phone.keys, auth: 42 } }, 'keys.auth'],
    ];
    for (const [body, field] of cases) {
      const response = await subscribe(dan, body);
      expectError(response, 400, 'invalid');
      expect(response.body.error.field, JSON.stringify(body).slice(0, 120)).toBe(field);
    }
    expect(await stored(phone.endpoint)).toBeUndefined();
  });

  it('refuses endpoints the server will not reach: http, other ports, private and local addresses', async () => {
    const eve = await server.createUser({ displayName: 'Eve' });
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://127.0.0.1/push',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/push',
      'https://[::1]/push',
      'https://localhost/push',
      'https://metadata.google.internal/computeMetadata/v1',
    ]) {
      const response = await subscribe(eve, { ...aPhone(), endpoint });
      expectError(response, 400, 'invalid');
      expect(response.body.error.field, endpoint).toBe('endpoint');
      expect(await stored(endpoint)).toBeUndefined();
    }
  });

  it('turns notices off for one of my phones; someone else’s, or none, is not found', async () => {
    const phone = aPhone();
    await subscribe(ann, phone);
    expectError(await unsubscribe(bob, phone.endpoint), 404, 'not_found');
    expect(await stored(phone.endpoint)).toBeDefined();
    const removed = await unsubscribe(ann, phone.endpoint);
    expect(removed.status, removed.text).toBe(204);
    expect(await stored(phone.endpoint)).toBeUndefined();
    expectError(await unsubscribe(ann, phone.endpoint), 404, 'not_found');
    expectError(await ann.request('DELETE', '/api/v1/push/subscriptions', {}), 400, 'invalid');
  });

  it('lets nobody signed out turn notices on or off', async () => {
    const phone = aPhone();
    expectError(
      await server.anon.request('POST', '/api/v1/push/subscriptions', phone),
      401,
      'unauthenticated',
    );
    expectError(
      await server.anon.request('DELETE', '/api/v1/push/subscriptions', { endpoint: phone.endpoint }),
      401,
      'unauthenticated',
    );
  });

  it('keeps a person’s ten most recently used phones: an eleventh replaces the one unused longest', async () => {
    const carol = await server.createUser({ displayName: 'Carol' });
    const phones = Array.from({ length: MAX_PUSH_SUBSCRIPTIONS }, aPhone);
    for (const phone of phones) expect((await subscribe(carol, phone)).status).toBe(201);
    // Every phone but the second has taken a notice since they were all set up.
    const used = phones.filter((_, i) => i !== 1).map((p) => p.endpoint);
    await server.ctx.ports.store.push.markPushSubscriptionsUsed(used, Date.now() + 60_000);
    const eleventh = aPhone();
    expect((await subscribe(carol, eleventh)).status).toBe(201);
    const kept = await server.ctx.ports.store.push.listPushSubscriptions([carol.user.id]);
    expect(kept).toHaveLength(MAX_PUSH_SUBSCRIPTIONS);
    const endpoints = kept.map((s) => s.endpoint);
    expect(endpoints).toContain(phones[0]!.endpoint);
    expect(endpoints).toContain(eleventh.endpoint);
    expect(endpoints).not.toContain(phones[1]!.endpoint);
  });
});
