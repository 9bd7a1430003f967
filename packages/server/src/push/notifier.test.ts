// Tests of the attention notifier's housekeeping and logs, over a real store on both engines and the real
// sender. A real push service cannot be reached from the tests, so an imitation one stands in (it checks
// the VAPID token and decrypts each body as the phone's browser would).
import type { FlagId, RiskFlag, UserId } from '@fellwatch/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aGroupWithMember, aUser, newId } from '../storage/test-support/fixtures.js';
import { describeEngines, openTestStore, type TestStore } from '../storage/test-support/test-stores.js';
import { createAttentionNotifier, type PushLog } from './notifier.js';
import {
  type BrowserSubscription,
  type ImitationPushService,
  startImitationPushService,
} from './test-support/imitation-push-service.js';
import { generateVapidKeys } from './vapid.js';
import { WebPushSender } from './web-push-sender.js';

describeEngines('the attention notifier', (engine) => {
  const identity = { ...generateVapidKeys(), subject: 'mailto:watch@example.org' };
  let opened: TestStore;
  let service: ImitationPushService;

  beforeAll(async () => {
    opened = await openTestStore(engine);
    service = await startImitationPushService(identity.publicKey);
  });
  afterAll(async () => {
    await service?.close();
    await opened?.cleanup();
  });

  function recordingLog() {
    const lines: { level: string; context: object; message: string }[] = [];
    const log: PushLog = {
      info: (context, message) => lines.push({ level: 'info', context, message }),
      warn: (context, message) => lines.push({ level: 'warn', context, message }),
      error: (context, message) => lines.push({ level: 'error', context, message }),
    };
    return { lines, log };
  }

  async function aPhoneOf(userId: UserId): Promise<BrowserSubscription> {
    const phone = service.subscribe();
    await opened.store.push.savePushSubscription({
      userId,
      endpoint: phone.endpoint,
      ...phone.keys,
      createdAt: Date.now(),
      lastUsedAt: null,
    });
    return phone;
  }

  it('drops gone phones, keeps failing ones, marks the rest used, and logs no endpoint or key', async () => {
    const store = opened.store;
    const { group, user: poster } = await aGroupWithMember(store);
    const watcher = aUser();
    await store.createUser(watcher);
    const [working, gone, failing] = [
      await aPhoneOf(watcher.id),
      await aPhoneOf(watcher.id),
      await aPhoneOf(watcher.id),
    ];
    const postersOwn = await aPhoneOf(poster.id);
    service.answer(gone.endpoint, 410);
    service.answer(failing.endpoint, 503);
    const { lines, log } = recordingLog();
    const notifier = createAttentionNotifier({
      store,
      sender: new WebPushSender({ identity, testOnlyAllowLocalEndpoints: true }),
      clock: { now: () => 1_900_000_000_000 },
      log,
    });
    const flag: RiskFlag = {
      id: newId<FlagId>(),
      messageId: newId(),
      groupId: group.id,
      authorId: poster.id,
      categories: ['fire'],
      cues: ['on fire'],
      score: 1,
      createdAt: Date.now(),
      state: 'open',
      handledBy: null,
      handledAt: null,
    };
    const before = service.received.length;
    // Events the notifier does not act on pass by; the poster is never sent their own flag.
    notifier.notify({ kind: 'watch', groupId: group.id, recipients: [watcher.id] });
    notifier.notify({ kind: 'attention', recipients: [watcher.id, poster.id], flag });
    await notifier.flush();

    const received = service.received.slice(before);
    expect(received.map((r) => r.endpoint).sort()).toEqual(
      [working.endpoint, gone.endpoint, failing.endpoint].sort(),
    );
    expect(received.every((r) => r.payload !== null)).toBe(true);
    expect(received.some((r) => r.endpoint === postersOwn.endpoint)).toBe(false);
    expect(await store.push.getPushSubscription(gone.endpoint)).toBeUndefined();
    expect(await store.push.getPushSubscription(failing.endpoint)).toMatchObject({ lastUsedAt: null });
    expect(await store.push.getPushSubscription(working.endpoint)).toMatchObject({
      lastUsedAt: 1_900_000_000_000,
    });

    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['warn', 'a priority notice did not reach the push service'],
      ['info', 'priority notices sent to phones'],
    ]);
    expect(lines[0]?.context).toMatchObject({
      flagId: flag.id,
      service: new URL(service.origin).host,
      status: 503,
    });
    expect(lines[1]?.context).toMatchObject({ phones: 3, delivered: 1, gone: 1, failed: 1 });
    const logged = JSON.stringify(lines);
    for (const phone of [working, gone, failing]) {
      expect(logged).not.toContain(new URL(phone.endpoint).pathname);
      expect(logged).not.toContain(phone.keys.p256dh);
      expect(logged).not.toContain(phone.keys.auth);
    }
  });
});
