// The record sweeper on both engines: it sweeps on its timer, reports what it did, keeps a record whose
// photos could not be removed, and does nothing more once stopped.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertId, Media, MediaId, MediaStore, OrganisationId, Ports } from '@fellwatch/core';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { DiskMediaStore } from '../media/index.js';
import { aGroupWithMember, anAlert, fixtureEpoch, newId } from '../storage/test-support/fixtures.js';
import { describeEngines, openTestStore, type TestStore } from '../storage/test-support/test-stores.js';
import { type RecordSweeper, type SweepLog, startRecordSweeper } from './record-sweeper.js';

const DAY = 24 * 60 * 60 * 1000;
/** Long past any record's default year. */
const LATER = fixtureEpoch + 400 * DAY;

describeEngines('record sweeper', (engine) => {
  let opened: TestStore;
  let dir: string;
  let media: MediaStore;
  let sweeper: RecordSweeper | undefined;

  beforeAll(async () => {
    opened = await openTestStore(engine);
    dir = await mkdtemp(join(tmpdir(), 'fellwatch-sweeper-'));
    media = new DiskMediaStore(dir);
  });
  afterEach(async () => {
    await sweeper?.stop();
    sweeper = undefined;
  });
  afterAll(async () => {
    await opened?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  /** A found person's record, withdrawn at the fixtures' epoch, with one photo stored on disk. */
  async function aKeptRecord(): Promise<{ alertId: AlertId; photo: Media }> {
    const { store } = opened;
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
      createdAt: fixtureEpoch,
    };
    await store.createMedia(photo);
    await media.put(`display/${photo.id}.jpg`, new Uint8Array([1, 2, 3]), 'image/jpeg');
    const alert = anAlert(group.id, user.id, {
      kind: 'missing',
      details: { kind: 'missing', name: 'Margaret Dowson' },
      status: 'confirmed',
      photoIds: [photo.id],
    });
    await store.createAlert(alert, { shown: [group.id], review: [] });
    await store.sightings.withdrawMissingAlert(alert.id, {
      change: { status: 'resolved', outcome: 'found', resolvedBy: user.id, updatedAt: fixtureEpoch + 1 },
      details: { kind: 'missing', withdrawn: true },
      summary: 'Found safe, thank you',
      organisationId: organisation.id as OrganisationId,
      by: user.id,
      at: fixtureEpoch + 1,
    });
    return { alertId: alert.id, photo };
  }

  function recordingLog() {
    const lines: { level: 'info' | 'error'; context: object; message: string }[] = [];
    const log: SweepLog = {
      info: (context, message) => lines.push({ level: 'info', context, message }),
      error: (context, message) => lines.push({ level: 'error', context, message }),
    };
    return { log, lines };
  }

  const portsWith = (overrides: Partial<Pick<Ports, 'media'>> = {}) => ({
    store: opened.store,
    media,
    clock: { now: () => LATER },
    ...overrides,
  });

  it('sweeps on its timer and says how many records it deleted', async () => {
    const kept = await aKeptRecord();
    const { log, lines } = recordingLog();
    sweeper = startRecordSweeper({ ports: portsWith(), log, firstDelayMs: 5, intervalMs: 20 });
    await vi.waitFor(async () => {
      expect(await opened.store.sightings.getMissingRecord(kept.alertId)).toBeUndefined();
    });
    expect(await media.has(`display/${kept.photo.id}.jpg`)).toBe(false);
    await vi.waitFor(() => expect(lines.some((l) => l.level === 'info')).toBe(true));
    expect(lines.find((l) => l.level === 'info')?.context).toEqual({ deleted: 1 });

    // It keeps sweeping at each interval: a record kept after the first sweep goes at a later one.
    const later = await aKeptRecord();
    await vi.waitFor(async () => {
      expect(await opened.store.sightings.getMissingRecord(later.alertId)).toBeUndefined();
    });
  });

  it('keeps a record whose photos could not be removed, logs it, and deletes it once they can be', async () => {
    const kept = await aKeptRecord();
    const { log, lines } = recordingLog();
    const broken: MediaStore = {
      get: (key) => media.get(key),
      has: (key) => media.has(key),
      put: (key, bytes, type) => media.put(key, bytes, type),
      delete: async () => {
        throw new Error('the disk is read-only');
      },
    };
    sweeper = startRecordSweeper({ ports: portsWith({ media: broken }), log, firstDelayMs: 60_000 });
    const result = await sweeper.sweep();
    expect(result.deleted).toEqual([]);
    expect(result.failed.map((f) => f.alertId)).toEqual([kept.alertId]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        context: expect.objectContaining({ alertId: kept.alertId }),
      }),
    ]);
    expect(await opened.store.sightings.getMissingRecord(kept.alertId)).toBeDefined();

    const fixed = startRecordSweeper({ ports: portsWith(), log, firstDelayMs: 60_000 });
    try {
      expect((await fixed.sweep()).deleted).toEqual([kept.alertId]);
    } finally {
      await fixed.stop();
    }
  });

  it('sweeps no more once stopped', async () => {
    const { log } = recordingLog();
    sweeper = startRecordSweeper({ ports: portsWith(), log, firstDelayMs: 5, intervalMs: 10 });
    await sweeper.stop();
    const kept = await aKeptRecord();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await opened.store.sightings.getMissingRecord(kept.alertId)).toBeDefined();
  });
});
