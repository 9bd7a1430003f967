// Tests of the Web Push sender. A real push service cannot be reached from the test machine, so the
// sender talks to an imitation one (test-support/imitation-push-service.ts) that checks the VAPID token
// and decrypts each body with the subscription's private key as a browser would. That imitation is the
// only stand-in; the encryption is also checked byte for byte against the worked example of RFC 8291.
import { createECDH } from 'node:crypto';
import type { PushMessage } from '@fellwatch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptPushPayload, MAX_PAYLOAD_BYTES } from './encryption.js';
import { endpointRefusal, isPublicAddress } from './endpoints.js';
import {
  type ImitationPushService,
  startImitationPushService,
} from './test-support/imitation-push-service.js';
import { generateVapidKeys, type VapidIdentity } from './vapid.js';
import { WebPushSender } from './web-push-sender.js';

const identity: VapidIdentity = { ...generateVapidKeys(), subject: 'mailto:watch@example.org' };
const message: PushMessage = { payload: '{"title":"Upper Dale"}', urgency: 'high', ttlSeconds: 3600 };

describe('encryptPushPayload', () => {
  it('gives exactly the message of RFC 8291’s worked example (section 5)', () => {
    const b = (text: string) => Buffer.from(text, 'base64url');
    const browser = createECDH('prime256v1');
    browser.setPrivateKey(b('q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94'));
    const keys = { p256dh: browser.getPublicKey().toString('base64url'), auth: 'BTBZMqHH6r4Tts7J_aSIgg' };
    expect(keys.p256dh).toBe(
      'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
    );
    const body = encryptPushPayload(keys, Buffer.from('When I grow up, I want to be a watermelon'), {
      salt: b('DGv6ra1nlYgDCS1FRnbzlw'),
      ephemeralPrivateKey: b('yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw'),
    });
    expect(body.toString('base64url')).toBe(
      'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    );
  });

  it('uses a fresh key pair and salt for every message', () => {
    const browser = createECDH('prime256v1');
    const keys = { p256dh: browser.generateKeys().toString('base64url'), auth: 'BTBZMqHH6r4Tts7J_aSIgg' };
    const [a, b] = [encryptPushPayload(keys, Buffer.from('x')), encryptPushPayload(keys, Buffer.from('x'))];
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false);
    expect(a.subarray(21, 86).equals(b.subarray(21, 86))).toBe(false);
  });
});

describe('which endpoints the sender will reach', () => {
  it('takes public https addresses of push services', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/dXJ0aGluZw:APA91b',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAAAB',
      'https://web.push.apple.com/QGuQyavXutnMIjXB',
      'https://wns2-db5p.notify.windows.com/w/?token=BQYAAAD',
      'https://93.184.216.34/push/1',
      'https://[2606:4700::6810:84e5]/push/1',
    ]) {
      expect(endpointRefusal(endpoint), endpoint).toBeNull();
    }
  });

  it('refuses anything else: http, other ports, credentials, private, local and reserved addresses', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://user:secret@fcm.googleapis.com/fcm/send/abc',
      'https://localhost/push',
      'https://push.localhost/push',
      'https://metadata.internal/computeMetadata',
      'https://printer.local/',
      'https://intranet/',
      'https://127.0.0.1/push',
      'https://2130706433/push',
      'https://0x7f.1/push',
      'https://10.1.2.3/push',
      'https://172.20.0.5/push',
      'https://192.168.1.1/push',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/push',
      'https://0.0.0.0/push',
      'https://[::1]/push',
      'https://[::ffff:127.0.0.1]/push',
      'https://[::ffff:a9fe:a9fe]/push',
      'https://[fd00::1]/push',
      'https://[fe80::1]/push',
      'ftp://push.example.net/x',
      'not a url',
      `https://push.example.net/${'a'.repeat(2100)}`,
    ]) {
      expect(endpointRefusal(endpoint), endpoint).toEqual(expect.any(String));
    }
  });

  it('judges addresses, IPv4 inside IPv6 as IPv4', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '::1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      'fc00::1',
      'nonsense',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('takes this machine’s http addresses only with the test-only escape', () => {
    expect(endpointRefusal('http://127.0.0.1:4000/push/1')).toEqual(expect.any(String));
    expect(endpointRefusal('http://127.0.0.1:4000/push/1', true)).toBeNull();
    expect(new WebPushSender({ identity }).endpointRefusal('http://127.0.0.1:4000/push/1')).toEqual(
      expect.any(String),
    );
  });
});

describe('WebPushSender against an imitation push service', () => {
  let service: ImitationPushService;
  let sender: WebPushSender;

  beforeAll(async () => {
    service = await startImitationPushService(identity.publicKey);
    sender = new WebPushSender({ identity, testOnlyAllowLocalEndpoints: true });
  });
  afterAll(async () => {
    await service?.close();
  });

  const lastReceived = () => service.received[service.received.length - 1];

  it('delivers a message the browser can decrypt, signed for the service, with urgency, TTL and topic', async () => {
    const browser = service.subscribe();
    const sent = await sender.send(
      { endpoint: browser.endpoint, ...browser.keys },
      { ...message, topic: '01HZX0000000000000000FLAG1' },
    );
    expect(sent).toEqual({ outcome: 'delivered' });
    const received = lastReceived();
    expect(received?.refusal).toBeNull();
    expect(received?.payload).toBe(message.payload);
    expect(received?.claims).toMatchObject({ aud: service.origin, sub: 'mailto:watch@example.org' });
    expect(received?.headers).toMatchObject({
      ttl: '3600',
      urgency: 'high',
      topic: '01HZX0000000000000000FLAG1',
      'content-encoding': 'aes128gcm',
    });
    expect(sender.applicationServerKey).toBe(identity.publicKey);
  });

  it('says a subscription is gone when the service answers 404 or 410, and failed for other answers', async () => {
    const browser = service.subscribe();
    const target = { endpoint: browser.endpoint, ...browser.keys };
    service.answer(browser.endpoint, 410);
    expect(await sender.send(target, message)).toEqual({ outcome: 'gone', status: 410 });
    service.answer(browser.endpoint, 404);
    expect(await sender.send(target, message)).toEqual({ outcome: 'gone', status: 404 });
    for (const status of [429, 500, 413, 301]) {
      service.answer(browser.endpoint, status);
      expect(await sender.send(target, message)).toMatchObject({ outcome: 'failed', status });
    }
  });

  it('is refused by the service when signed with another server’s key', async () => {
    const browser = service.subscribe();
    const stranger = new WebPushSender({
      identity: { ...generateVapidKeys(), subject: 'mailto:other@example.org' },
      testOnlyAllowLocalEndpoints: true,
    });
    expect(await stranger.send({ endpoint: browser.endpoint, ...browser.keys }, message)).toMatchObject({
      outcome: 'failed',
      status: 403,
    });
    expect(lastReceived()?.refusal).toMatch(/key/);
  });

  it('fails without sending when the keys are malformed, the payload too long or the topic unfit', async () => {
    const browser = service.subscribe();
    const before = service.received.length;
    const target = { endpoint: browser.endpoint, ...browser.keys };
    const outcomes = await Promise.all([
      sender.send({ ...target, p256dh: 'AAAA' }, message),
      sender.send({ ...target, auth: 'c2hvcnQ' }, message),
      sender.send(target, { ...message, payload: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) }),
      sender.send(target, { ...message, topic: 'has spaces' }),
      sender.send(target, { ...message, topic: 'x'.repeat(33) }),
    ]);
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ outcome: 'failed', reason: expect.any(String) });
    expect(service.received.length).toBe(before);
    expect(await sender.send(target, { ...message, payload: 'x'.repeat(MAX_PAYLOAD_BYTES) })).toEqual({
      outcome: 'delivered',
    });
  });

  it('gives up on a service that does not answer in time', async () => {
    const browser = service.subscribe();
    const impatient = new WebPushSender({ identity, testOnlyAllowLocalEndpoints: true, timeoutMs: 200 });
    const release = service.hold();
    try {
      expect(await impatient.send({ endpoint: browser.endpoint, ...browser.keys }, message)).toMatchObject({
        outcome: 'failed',
        reason: expect.stringMatching(/did not answer/),
      });
    } finally {
      release();
    }
  });

  it('without the test-only escape, sends nothing to this machine', async () => {
    const browser = service.subscribe();
    const before = service.received.length;
    const strict = new WebPushSender({ identity });
    expect(await strict.send({ endpoint: browser.endpoint, ...browser.keys }, message)).toMatchObject({
      outcome: 'failed',
      reason: expect.any(String),
    });
    expect(service.received.length).toBe(before);
  });

  it('without the escape, refuses a public name that resolves to a private address when connecting', async () => {
    const resolved: string[] = [];
    const strict = new WebPushSender({
      identity,
      resolve: (hostname, _options, callback) => {
        resolved.push(hostname);
        callback(null, [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ]);
      },
    });
    const browser = service.subscribe();
    const outcome = await strict.send(
      { endpoint: 'https://push.example.net/send/abc', ...browser.keys },
      message,
    );
    expect(resolved).toEqual(['push.example.net']);
    expect(outcome).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/private or local/) });
  });
});
