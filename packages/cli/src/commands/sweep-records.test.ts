// `fellwatch sweep-records` in-process on SQLite: deletes the records past their rule with their photos, keeps the rest, and says how many.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertId, Media, MediaId, OrganisationId, Store } from '@fellwatch/core';
import { DiskMediaStore, loadConfig, openConfiguredStore } from '@fellwatch/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aGroupWithMember, anAlert, newId } from '../../../server/src/storage/test-support/fixtures.js';
import { runCli } from '../index.js';

const DAY = 24 * 60 * 60 * 1000;

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-cli-sweep-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => '',
    env: { DATA_DIR: dataDir },
  });
  return { code, stdout, stderr };
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(loadConfig({ DATA_DIR: dataDir }));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A found person's record withdrawn `daysAgo`, with a photo whose copy is on disk. */
async function aRecordWithdrawn(store: Store, daysAgo: number): Promise<{ alertId: AlertId; file: string }> {
  const { organisation, group, user } = await aGroupWithMember(store);
  const photo: Media = {
    id: newId<MediaId>(),
    groupId: group.id,
    uploaderId: user.id,
    sha256: `sha-${newId<string>().toLowerCase()}`,
    originalType: 'image/jpeg',
    originalBytes: 3,
    width: 1,
    height: 1,
    createdAt: Date.now() - (daysAgo + 1) * DAY,
  };
  await store.createMedia(photo);
  const { mediaDir } = loadConfig({ DATA_DIR: dataDir });
  await new DiskMediaStore(mediaDir).put(`display/${photo.id}.jpg`, new Uint8Array([1, 2, 3]), 'image/jpeg');
  const alert = anAlert(group.id, user.id, {
    kind: 'missing',
    details: { kind: 'missing', name: 'Margaret Dowson' },
    status: 'confirmed',
    photoIds: [photo.id],
  });
  await store.createAlert(alert, { shown: [group.id], review: [] });
  const at = Date.now() - daysAgo * DAY;
  await store.sightings.withdrawMissingAlert(alert.id, {
    change: { status: 'resolved', outcome: 'found', resolvedBy: user.id, updatedAt: at },
    details: { kind: 'missing', withdrawn: true },
    summary: 'Found safe, thank you',
    organisationId: organisation.id as OrganisationId,
    by: user.id,
    at,
  });
  return { alertId: alert.id, file: join(mediaDir, `display/${photo.id}.jpg`) };
}

describe('fellwatch sweep-records', () => {
  it('deletes the records past their organisation’s rule with their photos, and says how many', async () => {
    const { due, recent } = await withStore(async (store) => ({
      due: await aRecordWithdrawn(store, 400),
      recent: await aRecordWithdrawn(store, 10),
    }));

    const run = await cli(['sweep-records']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Deleted 1 record of found people, with their photos.\n');

    await withStore(async (store) => {
      expect(await store.sightings.getMissingRecord(due.alertId)).toBeUndefined();
      expect(await store.sightings.getMissingRecord(recent.alertId)).toBeDefined();
      const audit = await store.listAudit({ subjectId: due.alertId, limit: 10 });
      expect(audit.map((a) => [a.action, a.actorId, a.detail.reason])).toEqual([
        ['alert.record_deleted', null, 'expired'],
      ]);
    });
    expect(existsSync(due.file)).toBe(false);
    expect(existsSync(recent.file)).toBe(true);

    const again = await cli(['sweep-records', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ deleted: 0, alertIds: [] });
    expect((await cli(['sweep-records'])).stdout).toBe('No records were due for deletion.\n');
  });
});
