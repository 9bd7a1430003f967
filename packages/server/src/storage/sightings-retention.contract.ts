// Store contract, sightings: retention of the record kept once a missing person is found. Records are
// listed when their organisation's rule has run out, and deleted with their photos' rows, once.
import type {
  Alert,
  AlertId,
  EpochMs,
  GroupId,
  Media,
  MediaId,
  OrganisationId,
  SightingId,
  Store,
  UserId,
} from '@fellwatch/core';
import { expect, it } from 'vitest';
import { aGroupWithMember, anAlert, fixtureEpoch, newId } from './test-support/fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
/** Far past the other suites' records (withdrawn near the fixtures' epoch), so the order below is ours. */
const T = fixtureEpoch + 2000 * DAY;

/** A photo's row; `sha256` names its bytes (two uploads of the same bytes share it). */
function aPhoto(
  groupId: GroupId,
  uploaderId: UserId,
  sha256 = `sha-${newId<string>().toLowerCase()}`,
): Media {
  return {
    id: newId<MediaId>(),
    groupId,
    uploaderId,
    sha256,
    originalType: 'image/jpeg',
    originalBytes: 2048,
    width: 640,
    height: 480,
    createdAt: fixtureEpoch,
  };
}

/** Behaviour of the record's retention in the sightings repository; `store` returns the store under test. */
export function sightingsRetentionContract(store: () => Store): void {
  /**
   * A missing-person alert in a new organisation with a photo of its own and a sighting with another,
   * withdrawn at `withdrawnAt`; its organisation keeps records `retentionDays` (undefined: never set).
   */
  async function aWithdrawnRecord(withdrawnAt: EpochMs, retentionDays?: number) {
    const { organisation, group, user } = await aGroupWithMember(store());
    const organisationId = organisation.id as OrganisationId;
    if (retentionDays !== undefined) {
      await store().safety.putGuidance({
        organisationId,
        emergencyNumber: '999',
        nonEmergencyNumber: '101',
        onlineReportUrl: null,
        forceName: null,
        recordRetentionDays: retentionDays,
        updatedBy: user.id,
        updatedAt: fixtureEpoch,
      });
    }
    const alertPhoto = aPhoto(group.id, user.id);
    const sightingPhoto = aPhoto(group.id, user.id);
    for (const photo of [alertPhoto, sightingPhoto]) await store().createMedia(photo);
    const alert: Alert = anAlert(group.id, user.id, {
      kind: 'missing',
      details: { kind: 'missing', name: 'Margaret Dowson', age: 81, description: 'White hair.' },
      status: 'confirmed',
      photoIds: [alertPhoto.id],
    });
    await store().createAlert(alert, { shown: [group.id], review: [] });
    const sightingId = newId<SightingId>();
    await store().sightings.addSighting({
      id: sightingId,
      alertId: alert.id,
      groupId: group.id,
      authorId: user.id,
      clientId: `sighting-${sightingId}`,
      seenAt: fixtureEpoch + 60_000,
      location: null,
      placeText: 'By the bridge',
      note: 'Walking towards the river.',
      photoIds: [sightingPhoto.id],
      createdAt: fixtureEpoch + 120_000,
      withdrawnAt: null,
    });
    await store().sightings.withdrawMissingAlert(alert.id, {
      change: { status: 'resolved', outcome: 'found', resolvedBy: user.id, updatedAt: withdrawnAt },
      details: { kind: 'missing', withdrawn: true },
      summary: 'Found safe, thank you',
      organisationId,
      by: user.id,
      at: withdrawnAt,
    });
    return { alert, group, user, organisationId, alertPhoto, sightingPhoto };
  }

  const due = async (now: EpochMs, defaultDays: number, ids: readonly AlertId[], limit = 1000) =>
    (await store().sightings.listExpiredMissingRecords(now, defaultDays, limit)).filter((r) =>
      ids.includes(r.alertId),
    );

  it('lists records once their organisation’s rule (or the default) has run out, soonest due first', async () => {
    const yearly = await aWithdrawnRecord(T);
    const yearlyLater = await aWithdrawnRecord(T + DAY);
    const monthly = await aWithdrawnRecord(T + 10 * DAY, 30);
    const ids = [yearly.alert.id, yearlyLater.alert.id, monthly.alert.id];

    expect(await due(T + 40 * DAY - 1, 365, ids)).toEqual([]);
    // Due at the very moment the rule runs out.
    expect(await due(T + 40 * DAY, 365, ids)).toEqual([
      {
        alertId: monthly.alert.id,
        organisationId: monthly.organisationId,
        withdrawnAt: T + 10 * DAY,
        keptUntil: T + 40 * DAY,
      },
    ]);
    expect(await due(T + 366 * DAY, 365, ids)).toEqual([
      expect.objectContaining({ alertId: monthly.alert.id, keptUntil: T + 40 * DAY }),
      expect.objectContaining({ alertId: yearly.alert.id, keptUntil: T + 365 * DAY }),
      expect.objectContaining({ alertId: yearlyLater.alert.id, keptUntil: T + 366 * DAY }),
    ]);
    // The default applies only where an organisation set no rule; ten years does not overflow.
    expect((await due(T + 366 * DAY, 3650, ids)).map((r) => r.alertId)).toEqual([monthly.alert.id]);
    expect((await due(T + 3651 * DAY, 3650, ids)).map((r) => r.keptUntil)).toEqual([
      T + 40 * DAY,
      T + 3650 * DAY,
      T + 3651 * DAY,
    ]);

    const all = await store().sightings.listExpiredMissingRecords(T + 366 * DAY, 365, 1000);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(await store().sightings.listExpiredMissingRecords(T + 366 * DAY, 365, 2)).toEqual(all.slice(0, 2));
    const times = all.map((r) => r.keptUntil);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('follows a rule changed after the record was kept', async () => {
    const record = await aWithdrawnRecord(T + 20 * DAY, 365);
    expect(await due(T + 80 * DAY, 365, [record.alert.id])).toEqual([]);
    const guidance = await store().safety.getGuidance(record.organisationId);
    if (!guidance) throw new Error('the rule was set');
    await store().safety.putGuidance({ ...guidance, recordRetentionDays: 60 });
    expect((await due(T + 80 * DAY, 365, [record.alert.id])).map((r) => r.keptUntil)).toEqual([T + 80 * DAY]);
  });

  it('lists the photos kept with a record, and which originals another photo shares', async () => {
    const record = await aWithdrawnRecord(T);
    // The same bytes uploaded again elsewhere: that photo's original is the same file.
    const again = aPhoto(record.group.id, record.user.id, record.sightingPhoto.sha256);
    await store().createMedia(again);

    const photos = await store().sightings.listRecordPhotos(record.alert.id);
    expect(photos).toEqual(
      [
        { mediaId: record.alertPhoto.id, sha256: record.alertPhoto.sha256, originalShared: false },
        { mediaId: record.sightingPhoto.id, sha256: record.sightingPhoto.sha256, originalShared: true },
      ].sort((a, b) => a.mediaId.localeCompare(b.mediaId)),
    );
    expect(await store().sightings.listRecordPhotos(newId<AlertId>())).toEqual([]);
  });

  it('deletes a record with its photos’ rows, once; the alert stays as the groups see it', async () => {
    const record = await aWithdrawnRecord(T);
    const other = await aWithdrawnRecord(T);
    const shared = aPhoto(record.group.id, record.user.id, record.alertPhoto.sha256);
    await store().createMedia(shared);
    const alertBefore = await store().getAlert(record.alert.id);
    const photoIds = [record.alertPhoto.id, record.sightingPhoto.id];

    const deleted = await store().sightings.deleteMissingRecord(record.alert.id);
    expect(deleted).toEqual({
      alertId: record.alert.id,
      organisationId: record.organisationId,
      withdrawnAt: T,
      mediaIds: [...photoIds].sort(),
    });
    expect(await store().sightings.getMissingRecord(record.alert.id)).toBeUndefined();
    for (const id of photoIds) {
      expect(await store().sightings.getWithdrawnMedia(id)).toBeUndefined();
      expect(await store().getMedia(id)).toBeUndefined();
      expect(await store().listAlertGroupsOfMedia(id)).toEqual([]);
    }
    expect(await store().sightings.listRecordPhotos(record.alert.id)).toEqual([]);
    expect(await due(T + 400 * DAY, 365, [record.alert.id])).toEqual([]);
    expect(await store().getAlert(record.alert.id)).toEqual(alertBefore);
    // Another photo with the same bytes, and another record, are untouched.
    expect(await store().getMedia(shared.id)).toEqual(shared);
    expect(await store().sightings.getMissingRecord(other.alert.id)).toBeDefined();
    expect(await store().getMedia(other.alertPhoto.id)).toEqual(other.alertPhoto);

    expect(await store().sightings.deleteMissingRecord(record.alert.id)).toBeUndefined();
    expect(await store().sightings.deleteMissingRecord(newId<AlertId>())).toBeUndefined();
  });

  it('deletes a record for exactly one of two callers at once (two nodes sweeping)', async () => {
    const record = await aWithdrawnRecord(T);
    const results = await Promise.all([
      store().sightings.deleteMissingRecord(record.alert.id),
      store().transaction((tx) => tx.sightings.deleteMissingRecord(record.alert.id)),
    ]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await store().sightings.getMissingRecord(record.alert.id)).toBeUndefined();
  });

  it('rolls a deletion back with the transaction it runs in', async () => {
    const record = await aWithdrawnRecord(T);
    const kept = await store().sightings.getMissingRecord(record.alert.id);
    await expect(
      store().transaction(async (tx) => {
        await tx.sightings.deleteMissingRecord(record.alert.id);
        throw new Error('the audit could not be written');
      }),
    ).rejects.toThrow('the audit could not be written');
    expect(await store().sightings.getMissingRecord(record.alert.id)).toEqual(kept);
    expect(await store().getMedia(record.alertPhoto.id)).toEqual(record.alertPhoto);
    expect(await store().sightings.getWithdrawnMedia(record.sightingPhoto.id)).toBeDefined();
  });
}
