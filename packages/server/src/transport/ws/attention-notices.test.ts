// Priority notices ("needs attention") on the live stream: a frame for named people only, delivered to
// every socket of theirs on every node over Redis, and to nobody else's, not even in the same group.
import { randomUUID } from 'node:crypto';
import type { FlagId, GroupId, MessageId, RiskFlag, Store } from '@fellwatch/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Fanout } from '../../fanout/port.js';
import { decodeFanoutMessage, encodeFanoutMessage } from '../../fanout/redis/codec.js';
import { openRedisFanout } from '../../fanout/redis/redis-fanout.js';
import { openStore } from '../../storage/index.js';
import { newId } from '../../storage/test-support/fixtures.js';
import { describeEngines, openTestStore, type TestStore } from '../../storage/test-support/test-stores.js';
import {
  connectAndHello,
  type Person,
  type StreamServer,
  settle,
  startStreamServer,
} from './test-support/stream-harness.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function aFlag(groupId: GroupId, author: Person): RiskFlag {
  return {
    id: newId<FlagId>(),
    messageId: newId<MessageId>(),
    groupId,
    authorId: author.user.id,
    categories: ['danger_to_life'],
    cues: ['he has a knife'],
    score: 0.9,
    createdAt: Date.now(),
    state: 'open',
    handledBy: null,
    handledAt: null,
  };
}

it('carries a frame for named people through the Redis encoding unchanged', () => {
  const message = { kind: 'users' as const, userIds: ['U1', 'U2'], frame: '[{"type":"attention"}]' };
  expect(decodeFanoutMessage(encodeFanoutMessage(message))).toEqual(message);
});

describeEngines('priority notices on the live stream', (engine) => {
  let testStore: TestStore;
  let secondStore: Store;
  let fanouts: [Fanout, Fanout] | undefined;
  let a: StreamServer;
  let b: StreamServer;

  beforeAll(async () => {
    testStore = await openTestStore(engine);
    secondStore = await openStore({
      ...(testStore.url ? { databaseUrl: testStore.url } : {}),
      ...(testStore.pgSchema ? { pgSchema: testStore.pgSchema } : {}),
      sqlitePath: testStore.sqlitePath ?? '',
    });
    const channel = `fellwatch:test:${randomUUID()}`;
    // Redis is part of the test environment: unreachable, this suite fails rather than skip.
    fanouts = [
      await openRedisFanout({ url: redisUrl, channel }),
      await openRedisFanout({ url: redisUrl, channel }),
    ];
    a = await startStreamServer(testStore.store, { fanout: fanouts[0] });
    b = await startStreamServer(secondStore, { fanout: fanouts[1] });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await Promise.all((fanouts ?? []).map((f) => f.close()));
    await secondStore?.close();
    await testStore?.cleanup();
  });

  it('reaches every socket of the named people on either node, and no other member of the group', async () => {
    const [admin, member, poster] = await Promise.all([
      a.person('Admin'),
      a.person('Member'),
      a.person('Poster'),
    ]);
    const groupId = await a.group(admin, member, poster);
    const adminOnA = await connectAndHello(a, admin, {}, [groupId]);
    const adminOnB = await connectAndHello(b, admin, {}, [groupId]);
    const memberOnB = await connectAndHello(b, member, {}, [groupId]);
    try {
      const flag = aFlag(groupId, poster);
      a.publisher.publish({ kind: 'attention', recipients: [admin.user.id], flag });
      for (const socket of [adminOnA, adminOnB]) {
        const notice = await socket.next('attention');
        expect(notice).toEqual({
          type: 'attention',
          groupId,
          flagId: flag.id,
          messageId: flag.messageId,
          categories: ['danger_to_life'],
          state: 'open',
          at: flag.createdAt,
        });
      }
      // The cues stay in the queue: the notice says only enough to count it and link to it.
      expect(JSON.stringify(adminOnA.messages)).not.toContain('knife');
      // A group event published after it reaches the member; the notice never does.
      await a.post(groupId, poster, 'Is anyone about near the ford?');
      await memberOnB.next('message.posted');
      await settle();
      expect(memberOnB.messages.some((m) => m.type === 'attention')).toBe(false);
    } finally {
      for (const socket of [adminOnA, adminOnB, memberOnB]) socket.close();
    }
  });
});
