// Runs the Store contract on SQLite, plus what only SQLite does: pragmas, online backup, migrations.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupId, MessageId, UserId } from '@fellwatch/core';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite, migrateToLatest, openStore, SqliteStore } from './index.js';
import { migrations } from './migrations/index.js';
import { openSqliteKysely } from './sqlite/index.js';
import { storeContract } from './store.contract.js';
import { aGroupWithMember, aMessage, anAlert } from './test-support/fixtures.js';
import { describeEngine } from './test-support/test-stores.js';

describeEngine('sqlite', 'Store contract', storeContract);

describe('SQLite store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fellwatch-sqlite-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with full synchronous commits and foreign keys on', async () => {
    const store = await openStore({ sqlitePath: join(dir, 'pragmas', 'fellwatch.db') });
    try {
      if (!(store instanceof SqliteStore)) throw new Error('expected the SQLite store');
      const pragmas = store.connection;
      expect(pragmas.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(pragmas.pragma('synchronous', { simple: true })).toBe(2);
      expect(pragmas.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(pragmas.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      await store.close();
    }
  });

  it('migrates a new database once, then finds nothing to apply', async () => {
    const sqlitePath = join(dir, 'migrate.db');
    expect(await migrateToLatest({ sqlitePath })).toEqual([
      '0001-initial',
      '0002-alerts',
      '0003-postcodes',
      '0004-alert-media',
      '0005-safety',
      '0006-escalations',
      '0007-missing',
      '0008-profiles',
      '0009-profiles-client-id',
      '0010-push',
      '0011-record-retention',
    ]);
    expect(await migrateToLatest({ sqlitePath })).toEqual([]);
    const store = await openStore({ sqlitePath });
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it('brings a database from before alerts up to date, keeping its groups and messages', async () => {
    const sqlitePath = join(dir, 'before-alerts.db');
    const { db } = openSqliteKysely(sqlitePath);
    const initial = migrations('sqlite')['0001-initial'];
    if (!initial) throw new Error('the initial migration is missing');
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '0001-initial': initial }) },
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await sql`insert into organisations (id, name, kind, created_at) values ('O1', 'Durham', 'police', 0)`.execute(
      db,
    );
    await sql`insert into users (id, display_name, email, email_key, password_hash, created_at)
      values ('U1', 'Ann', 'ann@example.org', 'ann@example.org', 'x', 0)`.execute(db);
    await sql`insert into groups (id, organisation_id, name, description, rules, vetting_questions, last_seq, created_at)
      values ('G1', 'O1', 'Weardale', '', '', '[]', 1, 0)`.execute(db);
    await sql`insert into messages (id, group_id, seq, author_id, client_id, body, photo_ids, created_at)
      values ('M1', 'G1', 1, 'U1', 'client-0001', 'Gate open', '[]', 0)`.execute(db);
    await sql`insert into group_events (group_id, seq, type, message_id, at) values ('G1', 1, 'message.posted', 'M1', 0)`.execute(
      db,
    );
    await db.destroy();

    const store = await openStore({ sqlitePath });
    try {
      const group = await store.getGroup('G1' as GroupId);
      expect(group).toMatchObject({ externalAlerts: 'review', lastSeq: 1 });
      expect(await store.getMessage('M1' as MessageId)).toMatchObject({ body: 'Gate open', alertId: null });
      const raised = await store.createAlert(anAlert('G1' as GroupId, 'U1' as UserId), {
        shown: ['G1' as GroupId],
        review: [],
      });
      expect(raised.placements[0]?.message.seq).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('backs up a live store, and a database file, to a copy that opens with the same data', async () => {
    const sqlitePath = join(dir, 'live.db');
    const store = await openStore({ sqlitePath });
    const { group, user } = await aGroupWithMember(store);
    const posted = await store.appendMessage(aMessage(group.id, user.id));
    const fromStore = join(dir, 'backups', 'from-store.db');
    await backupSqlite(store, fromStore);
    await store.appendMessage(aMessage(group.id, user.id));
    await store.close();
    const fromFile = join(dir, 'backups', 'from-file.db');
    await backupSqlite(sqlitePath, fromFile);

    const copy = await openStore({ sqlitePath: fromStore });
    expect(await copy.getMessage(posted.message.id)).toEqual(posted.message);
    expect((await copy.getGroup(group.id))?.lastSeq).toBe(1);
    await copy.close();
    const second = await openStore({ sqlitePath: fromFile });
    expect((await second.getGroup(group.id))?.lastSeq).toBe(2);
    await second.close();
    await expect(backupSqlite(join(dir, 'absent.db'), join(dir, 'never.db'))).rejects.toThrow();
  });

  it('keeps committed appends across a reopen', async () => {
    const sqlitePath = join(dir, 'reopen.db');
    const store = await openStore({ sqlitePath });
    const { group, user } = await aGroupWithMember(store);
    await Promise.all(Array.from({ length: 50 }, () => store.appendMessage(aMessage(group.id, user.id))));
    await store.close();
    const reopened = await openStore({ sqlitePath });
    expect((await reopened.listEvents(group.id, 0, 100)).map((e) => e.event.seq)).toHaveLength(50);
    await reopened.close();
  });
});
