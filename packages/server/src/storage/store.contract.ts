// The Store contract: the behaviour every Store adapter promises, run against each engine.
import type { Store } from '@fellwatch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditContract } from './store-audit.contract.js';
import { groupsContract } from './store-groups.contract.js';
import { messagesContract } from './store-messages.contract.js';
import { peopleContract } from './store-people.contract.js';
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
}
