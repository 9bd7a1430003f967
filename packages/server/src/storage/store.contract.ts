// The Store contract: the behaviour every Store adapter promises, run against each engine.
import type { MessageId, Store } from '@fellwatch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsContract } from './alerts.contract.js';
import { alertQueriesContract } from './alerts-queries.contract.js';
import { escalationsContract } from './escalations.contract.js';
import { openStore } from './index.js';
import { profilesContract } from './profiles.contract.js';
import { pushContract } from './push.contract.js';
import { safetyContract } from './safety.contract.js';
import { sightingsContract } from './sightings.contract.js';
import { sightingsRetentionContract } from './sightings-retention.contract.js';
import { auditContract } from './store-audit.contract.js';
import { groupsContract } from './store-groups.contract.js';
import { messagesContract } from './store-messages.contract.js';
import { peopleContract } from './store-people.contract.js';
import { aGroupWithMember, aMessage, newId } from './test-support/fixtures.js';
import { type Engine, openTestStore, type TestStore } from './test-support/test-stores.js';

/** Registers the whole Store contract for `engine` (call inside a describe per engine). */
export function storeContract(engine: Engine) {
  let opened: TestStore;
  const store = (): Store => opened.store;
  beforeAll(async () => {
    opened = await openTestStore(engine);
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it('answers a ping and names its engine', async () => {
    expect(await store().ping()).toBe(true);
    expect(opened.store.engine).toBe(engine);
  });

  describe('people', () => peopleContract(store));
  describe('groups', () => groupsContract(store));
  describe('messages', () => messagesContract(store));
  describe('audit', () => auditContract(engine));
  describe('alerts', () => alertsContract(store));
  describe('alert queries', () => alertQueriesContract(store));
  describe('safety', () => safetyContract(store));
  describe('escalations', () => escalationsContract(store));
  describe('sightings', () => sightingsContract(store));
  describe('sightings: retention of the record', () => sightingsRetentionContract(store));
  describe('profiles', () => profilesContract(store));
  describe('push', () => pushContract(store));

  describe('two stores on one database (two app nodes, or the server and the CLI)', () => {
    let second: Store & { engine: Engine };
    beforeAll(async () => {
      second = await openStore({
        sqlitePath: opened.sqlitePath ?? '',
        ...(opened.url ? { databaseUrl: opened.url } : {}),
        ...(opened.pgSchema ? { pgSchema: opened.pgSchema } : {}),
      });
    });
    afterAll(async () => {
      await second?.close();
    });

    it('keeps one gapless sequence when both append to a group at once', async () => {
      const { group, user } = await aGroupWithMember(store());
      const results = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          (i % 2 ? store() : second).appendMessage(aMessage(group.id, user.id)),
        ),
      );
      const seqs = results.map((r) => r.message.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect((await second.getGroup(group.id))?.lastSeq).toBe(120);
    });

    it('stores one copy when both receive the same post at once', async () => {
      const { group, user } = await aGroupWithMember(store());
      const posts = Array.from({ length: 10 }, () => aMessage(group.id, user.id));
      const copies = posts.map((post) => ({ ...post, id: newId<MessageId>() }));
      const results = await Promise.all(
        posts.flatMap((post, i) => [store().appendMessage(post), second.appendMessage(copies[i]!)]),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(10);
      // Either node may win the race; both callers must be answered with the winner's message.
      posts.forEach((post, i) => {
        const [mine, theirs] = [results[2 * i]!, results[2 * i + 1]!];
        expect(mine.message).toEqual(theirs.message);
        expect([post.id, copies[i]!.id]).toContain(mine.message.id);
      });
      expect((await store().getGroup(group.id))?.lastSeq).toBe(10);
    });
  });
}
