// Store contract, part four: the hash-chained audit log.
import type { AuditEntry, GroupId, Store, UserId } from '@fellwatch/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqlStore } from './sql/sql-store.js';
import { fixtureEpoch, newId } from './test-support/fixtures.js';
import { type Engine, openTestStore, type TestStore } from './test-support/test-stores.js';

function anEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorId: newId<UserId>(),
    action: 'message.viewed_original',
    subjectType: 'media',
    subjectId: newId(),
    groupId: null,
    detail: { reason: 'evidence request', nested: { b: 2, a: [1, 'x'] } },
    at: fixtureEpoch,
    ...overrides,
  };
}

/** Behaviour of the audit repository, on a store of its own so tampering cannot disturb other tests. */
export function auditContract(engine: Engine) {
  let opened: TestStore;
  const store = (): Store => opened.store;
  const sqlStore = (): SqlStore => {
    if (!(opened.store instanceof SqlStore)) throw new Error('the audit chain checks need a SqlStore');
    return opened.store;
  };
  beforeAll(async () => {
    opened = await openTestStore(engine);
  });
  afterAll(async () => {
    await opened?.cleanup();
  });

  it('lists entries newest first, filtered by group or subject, limited', async () => {
    const group = newId<GroupId>();
    const subject = newId();
    await store().appendAudit(anEntry({ groupId: group, at: fixtureEpoch + 1 }));
    await store().appendAudit(anEntry({ groupId: group, subjectId: subject, at: fixtureEpoch + 2 }));
    await store().appendAudit(anEntry({ subjectId: subject, actorId: null, at: fixtureEpoch + 3 }));
    const byGroup = await store().listAudit({ groupId: group, limit: 10 });
    expect(byGroup.map((e) => e.at)).toEqual([fixtureEpoch + 2, fixtureEpoch + 1]);
    expect(byGroup[0]).toEqual(
      anEntry({ ...byGroup[0], groupId: group, subjectId: subject, at: fixtureEpoch + 2 }),
    );
    expect((await store().listAudit({ subjectId: subject, limit: 10 })).map((e) => e.at)).toEqual([
      fixtureEpoch + 3,
      fixtureEpoch + 2,
    ]);
    expect(
      (await store().listAudit({ subjectId: subject, groupId: group, limit: 10 })).map((e) => e.at),
    ).toEqual([fixtureEpoch + 2]);
    expect(await store().listAudit({ limit: 2 })).toHaveLength(2);
    expect((await store().listAudit({ limit: 1 }))[0]).toMatchObject({ actorId: null, subjectId: subject });
  });

  it('chains every entry to the one before, also under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store().appendAudit(anEntry({ at: fixtureEpoch + i }))),
    );
    await store().transaction(async (tx) => {
      await tx.appendAudit(anEntry({ detail: {} }));
      await tx.appendAudit(anEntry({ detail: { list: [] } }));
    });
    expect(await sqlStore().verifyAuditChain()).toEqual({ ok: true, entries: 55 });
  });

  it('rolls an audit entry back with its transaction, leaving the chain intact', async () => {
    await expect(
      store().transaction(async (tx) => {
        await tx.appendAudit(anEntry());
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await sqlStore().verifyAuditChain()).toEqual({ ok: true, entries: 55 });
  });

  it('detects an entry changed, removed or the tail cut off', async () => {
    const db = sqlStore().db;
    const [victim] = await db
      .selectFrom('audit_log')
      .select(['id', 'detail'])
      .orderBy('id')
      .offset(10)
      .limit(1)
      .execute();
    if (!victim) throw new Error('expected entries');
    await db
      .updateTable('audit_log')
      .set({ detail: '{"reason":"nothing to see"}' })
      .where('id', '=', victim.id)
      .execute();
    expect(await sqlStore().verifyAuditChain()).toMatchObject({ ok: false, brokenAt: Number(victim.id) });
    await db.updateTable('audit_log').set({ detail: victim.detail }).where('id', '=', victim.id).execute();
    expect((await sqlStore().verifyAuditChain()).ok).toBe(true);

    await db.deleteFrom('audit_log').where('id', '=', victim.id).execute();
    expect(await sqlStore().verifyAuditChain()).toMatchObject({
      ok: false,
      reason: 'link to the previous entry',
    });

    const fresh = await openTestStore(engine);
    try {
      const s = fresh.store as SqlStore;
      for (let i = 0; i < 3; i++) await s.appendAudit(anEntry());
      const newest = await s.db
        .selectFrom('audit_log')
        .select('id')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      await s.db.deleteFrom('audit_log').where('id', '=', newest.id).execute();
      expect(await s.verifyAuditChain()).toMatchObject({ ok: false, entries: 2 });
    } finally {
      await fresh.cleanup();
    }
  });
}
