// The events publisher: domain events presented once, in order, to the fan-out; failures logged, never thrown.
import type { DomainEvent, Store } from '@fellwatch/core';
import { ServerFrame } from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryFanout } from '../../fanout/memory/memory-fanout.js';
import type { Fanout, FanoutMessage } from '../../fanout/port.js';
import { aGroupWithMember, aMembership, aMessage } from '../../storage/test-support/fixtures.js';
import { describeEngines, openTestStore, type TestStore } from '../../storage/test-support/test-stores.js';
import { createEventPublisher } from './events-publisher.js';

function recordingLog() {
  const errors: string[] = [];
  return { errors, log: { error: (_: object, message: string) => errors.push(message), warn: () => {} } };
}

function recordingFanout(): { fanout: Fanout; seen: FanoutMessage[] } {
  const fanout = createMemoryFanout();
  const seen: FanoutMessage[] = [];
  fanout.subscribe((m) => seen.push(m));
  return { fanout, seen };
}

describeEngines('events publisher', (engine) => {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await openTestStore(engine);
  });
  afterAll(async () => {
    await testStore?.cleanup();
  });

  it('presents group events into frames and passes the others on, all in publish order', async () => {
    const store = testStore.store;
    const { group, user, membership } = await aGroupWithMember(store);
    const first = await store.appendMessage(aMessage(group.id, user.id, { body: 'first' }));
    const deleted = await store.deleteMessage(first.message.id, user.id, Date.now());
    const { fanout, seen } = recordingFanout();
    const { errors, log } = recordingLog();
    const publisher = createEventPublisher({ store, fanout, log });

    publisher.publish({ kind: 'group', event: first.event, message: first.message });
    publisher.publish({ kind: 'membership.changed', membership: { ...membership, status: 'removed' } });
    publisher.publish({ kind: 'group', event: deleted.event, message: deleted.message });
    publisher.publish({ kind: 'sessions.revoked', userId: user.id, sessionIds: [] });
    expect(seen).toEqual([]);
    await publisher.flush();

    expect(errors).toEqual([]);
    expect(seen.map((m) => m.kind)).toEqual(['group', 'membership', 'group', 'sessions.revoked']);
    expect(seen[1]).toEqual({ kind: 'membership', groupId: group.id, userId: user.id, status: 'removed' });
    const [posted, , removed] = seen as [
      Extract<FanoutMessage, { kind: 'group' }>,
      unknown,
      Extract<FanoutMessage, { kind: 'group' }>,
    ];
    expect(posted).toMatchObject({ groupId: group.id, seq: 1 });
    const postedFrame = ServerFrame.parse(JSON.parse(posted.frame));
    expect(postedFrame).toEqual([
      expect.objectContaining({ type: 'message.posted', groupId: group.id, seq: 1 }),
    ]);
    expect(postedFrame[0]).toMatchObject({ message: { body: 'first', author: { id: user.id } } });
    // The deletion carries the message with its content withheld.
    expect(JSON.parse(removed.frame)).toMatchObject([
      { type: 'message.deleted', seq: 2, message: { body: '', deleted: true } },
    ]);
  });

  it('keeps the order of events published across several turns', async () => {
    const store = testStore.store;
    const { group, user } = await aGroupWithMember(store);
    const { fanout, seen } = recordingFanout();
    const publisher = createEventPublisher({ store, fanout });
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.appendMessage(aMessage(group.id, user.id, { body: `${i}` })),
      ),
    );
    appended.sort((a, b) => a.event.seq - b.event.seq);
    for (const [i, a] of appended.entries()) {
      publisher.publish({ kind: 'group', event: a.event, message: a.message });
      if (i % 3 === 0) await new Promise((r) => setImmediate(r));
    }
    await publisher.flush();
    expect(seen.map((m) => (m.kind === 'group' ? m.seq : 0))).toEqual(appended.map((a) => a.event.seq));
  });
});

describe('events publisher failures', () => {
  const membershipEvent: DomainEvent = {
    kind: 'membership.changed',
    membership: aMembership('01J0000000000000000000GRP0' as never, '01J0000000000000000000ANN0' as never),
  };

  it('logs a store failure, never throws, and carries on with later events', async () => {
    let failing = true;
    const store = {
      async getPublicProfiles() {
        if (failing) throw new Error('database gone');
        return new Map();
      },
      async getMedia() {
        return undefined;
      },
    } as unknown as Store;
    const { fanout, seen } = recordingFanout();
    const { errors, log } = recordingLog();
    const publisher = createEventPublisher({ store, fanout, log });
    const message = {
      ...aMessage('01J0000000000000000000GRP0' as never, '01J0000000000000000000ANN0' as never),
      seq: 1,
      editedAt: null,
      deletedAt: null,
      deletedBy: null,
      alertId: null,
    };
    const event = {
      groupId: message.groupId,
      seq: 1,
      type: 'message.posted' as const,
      messageId: message.id,
      at: 1,
    };
    expect(() => publisher.publish({ kind: 'group', event, message })).not.toThrow();
    await publisher.flush();
    expect(errors).toHaveLength(1);
    failing = false;
    publisher.publish(membershipEvent);
    publisher.publish({ kind: 'group', event: { ...event, seq: 2 }, message });
    await publisher.flush();
    expect(seen.map((m) => m.kind)).toEqual(['membership', 'group']);
  });

  it('logs a fan-out that refuses a message', async () => {
    const fanout = createMemoryFanout();
    await fanout.close();
    const { errors, log } = recordingLog();
    const publisher = createEventPublisher({ store: {} as Store, fanout, log });
    publisher.publish(membershipEvent);
    await publisher.flush();
    expect(errors).toEqual(['publishing an event to the fan-out failed']);
  });
});
