// Store contract, sightings: reported against a missing-person alert, counted on every card, and withdrawn
// with the person's details once found, the original kept for officers.
import type {
  Alert,
  AlertId,
  GroupId,
  MediaId,
  OrganisationId,
  Sighting,
  SightingId,
  Store,
  UserId,
} from '@fellwatch/core';
import { expect, it } from 'vitest';
import { aGroupWithMemberAndMore, anAlert, fixtureEpoch, newId } from './test-support/fixtures.js';

const MINUTE = 60_000;

/** A missing-person alert at Stanhope, with a photo. */
function aMissingAlert(groupId: GroupId, authorId: UserId, overrides: Partial<Alert> = {}): Alert {
  return anAlert(groupId, authorId, {
    kind: 'missing',
    details: {
      kind: 'missing',
      name: 'Margaret Dowson',
      age: 81,
      description: 'Small, white hair, walks with a stick.',
      clothing: 'Green waxed jacket',
      lastSeenAt: fixtureEpoch,
      lastSeenPlace: 'Stanhope market place',
      vulnerabilities: ['dementia'],
    },
    summary: 'Please look in barns and outbuildings.',
    location: { lat: 54.748, lng: -2.006 },
    placeText: 'Stanhope market place',
    photoIds: [newId<MediaId>()],
    reach: { mode: 'radius', radiusKm: 25 },
    status: 'confirmed',
    ...overrides,
  });
}

/** A sighting of an alert from a group, `minutes` after the fixtures' epoch. */
function aSighting(alert: Alert, groupId: GroupId, authorId: UserId, minutes: number): Sighting {
  const id = newId<SightingId>();
  return {
    id,
    alertId: alert.id,
    groupId,
    authorId,
    clientId: `sighting-${id}`,
    seenAt: fixtureEpoch + minutes * MINUTE,
    location: { lat: 54.75 + minutes / 1000, lng: -2.0 },
    placeText: `Near the bridge, ${minutes} minutes in`,
    note: 'Walking towards the river with a stick.',
    photoIds: [newId<MediaId>()],
    createdAt: fixtureEpoch + (minutes + 1) * MINUTE,
    withdrawnAt: null,
  };
}

/** Behaviour of the sightings repository; `store` returns the store under test. */
export function sightingsContract(store: () => Store): void {
  /** A missing-person alert shown in two groups of one organisation. */
  async function shownInTwoGroups() {
    const { group, user, organisation, more } = await aGroupWithMemberAndMore(store(), 1);
    const second = (more[0] as { id: GroupId }).id;
    const alert = aMissingAlert(group.id, user.id);
    await store().createAlert(alert, { shown: [group.id, second], review: [] });
    return { alert, first: group.id, second, user, organisationId: organisation.id as OrganisationId };
  }

  it('adds a sighting with an alert.updated in every group showing the alert, and opens its photos to them', async () => {
    const { alert, first, second, user } = await shownInTwoGroups();
    const sighting = aSighting(alert, second, user.id, 30);
    const before = [(await store().getGroup(first))?.lastSeq, (await store().getGroup(second))?.lastSeq];

    const added = await store().sightings.addSighting(sighting);
    expect(added.duplicate).toBe(false);
    expect(added.sighting).toEqual(sighting);
    expect(added.update.alert.updatedAt).toBe(sighting.createdAt);
    expect(added.update.events.map((e) => [e.event.groupId, e.event.type, e.message.alertId]).sort()).toEqual(
      [
        [first, 'alert.updated', alert.id],
        [second, 'alert.updated', alert.id],
      ].sort(),
    );
    const after = [(await store().getGroup(first))?.lastSeq, (await store().getGroup(second))?.lastSeq];
    expect(after).toEqual(before.map((seq) => (seq ?? 0) + 1));
    const photo = sighting.photoIds[0] as MediaId;
    expect(await store().listAlertGroupsOfMedia(photo)).toEqual([first, second].sort());
    expect(await store().sightings.isMissingPersonMedia(photo)).toBe(true);
    expect(await store().sightings.isMissingPersonMedia(alert.photoIds[0] as MediaId)).toBe(true);
    expect(await store().sightings.isMissingPersonMedia(newId<MediaId>())).toBe(false);
  });

  it('is idempotent on (author, clientId): a repeat returns the first sighting and writes nothing', async () => {
    const { alert, first, user } = await shownInTwoGroups();
    const sighting = aSighting(alert, first, user.id, 10);
    await store().sightings.addSighting(sighting);
    const seq = (await store().getGroup(first))?.lastSeq;
    const again = await store().sightings.addSighting({
      ...sighting,
      id: newId<SightingId>(),
      note: 'Again',
    });
    expect(again.duplicate).toBe(true);
    expect(again.sighting).toEqual(sighting);
    expect(again.update.events).toEqual([]);
    expect((await store().getGroup(first))?.lastSeq).toBe(seq);
    expect(await store().sightings.listSightings(alert.id)).toHaveLength(1);
  });

  it('lists an alert’s sightings from every group, newest seen first, and counts them per alert', async () => {
    const { alert, first, second, user } = await shownInTwoGroups();
    const early = aSighting(alert, first, user.id, 5);
    const late = aSighting(alert, second, user.id, 50);
    const middle = aSighting(alert, first, user.id, 20);
    for (const s of [early, late, middle]) await store().sightings.addSighting(s);
    expect((await store().sightings.listSightings(alert.id)).map((s) => s.id)).toEqual([
      late.id,
      middle.id,
      early.id,
    ]);
    const other = await shownInTwoGroups();
    const none = newId<AlertId>();
    const counts = await store().sightings.countSightings([alert.id, other.alert.id, none]);
    expect(counts.get(alert.id)).toBe(3);
    expect(counts.has(other.alert.id)).toBe(false);
    expect(await store().sightings.countSightings([])).toEqual(new Map());
  });

  it('refuses a sighting on a closed alert and writes nothing; not_found for an unknown alert', async () => {
    const { alert, first, user } = await shownInTwoGroups();
    await store().updateAlert(alert.id, { status: 'retracted', updatedAt: alert.updatedAt + 1 });
    const seq = (await store().getGroup(first))?.lastSeq;
    const sighting = aSighting(alert, first, user.id, 10);
    await expect(store().sightings.addSighting(sighting)).rejects.toMatchObject({ code: 'conflict' });
    expect(await store().sightings.listSightings(alert.id)).toEqual([]);
    expect((await store().getGroup(first))?.lastSeq).toBe(seq);
    expect(await store().listAlertGroupsOfMedia(sighting.photoIds[0] as MediaId)).toEqual([]);
    await expect(
      store().sightings.addSighting({ ...sighting, alertId: newId<AlertId>(), clientId: 'unknown-alert' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('withdraws the person’s details everywhere at once and keeps the original for officers', async () => {
    const { alert, first, second, user, organisationId } = await shownInTwoGroups();
    const seen = [aSighting(alert, first, user.id, 10), aSighting(alert, second, user.id, 40)];
    for (const s of seen) await store().sightings.addSighting(s);
    const at = fixtureEpoch + 90 * MINUTE;

    const update = await store().sightings.withdrawMissingAlert(alert.id, {
      change: {
        status: 'resolved',
        outcome: 'found',
        outcomeNote: 'Found by Tom in his barn',
        resolvedBy: user.id,
        updatedAt: at,
      },
      details: { kind: 'missing', withdrawn: true },
      summary: 'Found safe, thank you',
      organisationId,
      by: user.id,
      at,
    });

    expect(update.alert).toMatchObject({
      kind: 'missing',
      details: { kind: 'missing', withdrawn: true },
      summary: 'Found safe, thank you',
      location: null,
      placeText: null,
      photoIds: [],
      status: 'resolved',
      outcome: 'found',
      outcomeNote: null,
      updatedAt: at,
    });
    expect(await store().getAlert(alert.id)).toEqual(update.alert);
    expect(update.events.map((e) => [e.event.groupId, e.event.type]).sort()).toEqual(
      [
        [first, 'alert.updated'],
        [second, 'alert.updated'],
      ].sort(),
    );
    for (const placement of await store().listAlertPlacements(alert.id)) {
      expect(placement).toMatchObject({ body: 'Found safe, thank you', photoIds: [], location: null });
    }
    // Replays carry the message as it is now: nothing of the person is left in any group's events.
    const events = await store().listEvents(first, 0, 100);
    expect(JSON.stringify(events)).not.toContain('Margaret');
    expect(JSON.stringify(events)).not.toContain('Stanhope');

    expect(await store().sightings.listSightings(alert.id)).toEqual([]);
    const kept = await store().sightings.listSightings(alert.id, { includeWithdrawn: true });
    expect(kept).toHaveLength(2);
    for (const s of kept) {
      expect(s).toMatchObject({ note: '', photoIds: [], location: null, placeText: null, withdrawnAt: at });
    }
    expect((await store().sightings.countSightings([alert.id])).has(alert.id)).toBe(false);

    const photos = [...alert.photoIds, ...seen.flatMap((s) => s.photoIds)];
    for (const mediaId of photos) {
      expect(await store().sightings.getWithdrawnMedia(mediaId)).toEqual({
        mediaId,
        alertId: alert.id,
        organisationId,
        withdrawnAt: at,
      });
    }

    const record = await store().sightings.getMissingRecord(alert.id);
    expect(record).toEqual({
      // As it was just before, with the last sighting's time.
      alert: { ...alert, updatedAt: (seen[1] as Sighting).createdAt },
      sightings: [...seen].reverse(),
      outcomeNote: 'Found by Tom in his barn',
      organisationId,
      withdrawnAt: at,
      withdrawnBy: user.id,
    });
  });

  it('withdraws once: a second withdrawal is a conflict and changes nothing', async () => {
    const { alert, first, user, organisationId } = await shownInTwoGroups();
    const withdrawal = {
      change: { status: 'retracted' as const, resolvedBy: user.id, updatedAt: alert.updatedAt + 1 },
      details: { kind: 'missing', withdrawn: true },
      summary: 'This appeal is closed. Thank you for your help.',
      organisationId,
      by: user.id,
      at: alert.updatedAt + 1,
    };
    await store().sightings.withdrawMissingAlert(alert.id, withdrawal);
    const seq = (await store().getGroup(first))?.lastSeq;
    const record = await store().sightings.getMissingRecord(alert.id);
    await expect(
      store().sightings.withdrawMissingAlert(alert.id, { ...withdrawal, at: withdrawal.at + 5 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await store().getGroup(first))?.lastSeq).toBe(seq);
    expect(await store().sightings.getMissingRecord(alert.id)).toEqual(record);
    expect(await store().sightings.getMissingRecord(newId<AlertId>())).toBeUndefined();
    expect(await store().sightings.getWithdrawnMedia(newId<MediaId>())).toBeUndefined();
  });

  it('rolls a withdrawal back with the transaction it runs in', async () => {
    const { alert, first, user, organisationId } = await shownInTwoGroups();
    const seq = (await store().getGroup(first))?.lastSeq;
    await expect(
      store().transaction(async (tx) => {
        await tx.sightings.withdrawMissingAlert(alert.id, {
          change: {
            status: 'resolved',
            outcome: 'found',
            resolvedBy: user.id,
            updatedAt: alert.updatedAt + 1,
          },
          details: { kind: 'missing', withdrawn: true },
          summary: 'Found safe, thank you',
          organisationId,
          by: user.id,
          at: alert.updatedAt + 1,
        });
        throw new Error('the audit could not be written');
      }),
    ).rejects.toThrow('the audit could not be written');
    expect(await store().getAlert(alert.id)).toEqual(alert);
    expect((await store().getGroup(first))?.lastSeq).toBe(seq);
    expect(await store().sightings.getMissingRecord(alert.id)).toBeUndefined();
    expect(await store().sightings.getWithdrawnMedia(alert.photoIds[0] as MediaId)).toBeUndefined();
  });
}
