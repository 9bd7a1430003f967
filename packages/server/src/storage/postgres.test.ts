// Runs the Store contract on PostgreSQL, plus schema isolation and migrations there.
import pg from 'pg';
import { expect, it } from 'vitest';
import { migrateToLatest, openStore } from './index.js';
import { storeContract } from './store.contract.js';
import { aUser } from './test-support/fixtures.js';
import { describeEngine, dropSchema, testDatabaseUrl } from './test-support/test-stores.js';

describeEngine('postgres', 'Store contract', storeContract);

describeEngine('postgres', 'PostgreSQL store', () => {
  it('keeps each schema’s tables apart and migrates each once', async () => {
    const a = `test_iso_a_${Date.now()}`;
    const b = `test_iso_b_${Date.now()}`;
    try {
      expect(await migrateToLatest({ databaseUrl: testDatabaseUrl, sqlitePath: '', pgSchema: a })).toEqual([
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
      expect(await migrateToLatest({ databaseUrl: testDatabaseUrl, sqlitePath: '', pgSchema: a })).toEqual(
        [],
      );
      const storeA = await openStore({ databaseUrl: testDatabaseUrl, sqlitePath: '', pgSchema: a });
      const storeB = await openStore({ databaseUrl: testDatabaseUrl, sqlitePath: '', pgSchema: b });
      const user = aUser();
      await storeA.createUser(user);
      expect(await storeA.getUser(user.id)).toEqual(user);
      expect(await storeB.getUser(user.id)).toBeUndefined();
      await storeA.close();
      await storeB.close();
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      const { rows } = await client.query(
        'select table_schema from information_schema.tables where table_name = $1',
        ['users'],
      );
      await client.end();
      expect(rows.map((r: { table_schema: string }) => r.table_schema)).toEqual(
        expect.arrayContaining([a, b]),
      );
    } finally {
      await dropSchema(a);
      await dropSchema(b);
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      openStore({ databaseUrl: testDatabaseUrl, sqlitePath: '', pgSchema: 'x; drop table y' }),
    ).rejects.toThrow(/Schema name/);
  });
});
