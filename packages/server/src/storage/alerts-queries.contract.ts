// Store contract, alerts read back: by id, a group's list, match candidates, each group's
// external-alert policy and the groups reach is decided over.
import type { AlertId, Store } from '@fellwatch/core';
import { expect, it } from 'vitest';
import {
  aGroup,
  aGroupWithMemberAndMore,
  anAlert,
  anOrganisation,
  aUser,
  fixtureEpoch,
  newId,
} from './test-support/fixtures.js';

/** How alerts are found and listed; `store` returns the store under test. */
export function alertQueriesContract(store: () => Store) {
  const groups = (extra: number) => aGroupWithMemberAndMore(store(), extra);

  it('reads many alerts by id in the order asked, leaving out unknown ones', async () => {
    const { group, user } = await groups(0);
    const a = anAlert(group.id, user.id);
    const b = anAlert(group.id, user.id, { details: { kind: 'stolen', category: 'tractor' } });
    await store().createAlert(a, { shown: [group.id], review: [] });
    await store().createAlert(b, { shown: [group.id], review: [] });
    expect(await store().getAlertsByIds([b.id, newId<AlertId>(), a.id, b.id])).toEqual([b, a]);
    expect(await store().getAlertsByIds([])).toEqual([]);
  });

  it('lists a group’s alerts newest first, by status and kind, limited', async () => {
    const { group, user } = await groups(0);
    const alerts = [
      anAlert(group.id, user.id, { createdAt: fixtureEpoch + 1 }),
      anAlert(group.id, user.id, {
        kind: 'animal',
        details: { kind: 'animal', situation: 'loose', species: 'cow', earTag: 'UK 123456 700012' },
        createdAt: fixtureEpoch + 2,
      }),
      anAlert(group.id, user.id, { createdAt: fixtureEpoch + 3, status: 'retracted' }),
      anAlert(group.id, user.id, { createdAt: fixtureEpoch + 4, status: 'confirmed' }),
    ];
    for (const a of alerts) await store().createAlert(a, { shown: [group.id], review: [] });
    const ids = (list: { id: AlertId }[]) => list.map((a) => a.id);
    const [first, second, third, fourth] = alerts.map((a) => a.id) as [AlertId, AlertId, AlertId, AlertId];
    expect(ids(await store().listGroupAlerts(group.id, { openOnly: true, limit: 10 }))).toEqual([
      fourth,
      second,
      first,
    ]);
    expect(ids(await store().listGroupAlerts(group.id, { openOnly: false, limit: 10 }))).toEqual([
      fourth,
      third,
      second,
      first,
    ]);
    expect(
      ids(await store().listGroupAlerts(group.id, { openOnly: true, kind: 'stolen', limit: 10 })),
    ).toEqual([fourth, first]);
    expect(ids(await store().listGroupAlerts(group.id, { openOnly: false, limit: 2 }))).toEqual([
      fourth,
      third,
    ]);
    expect(await store().listGroupAlerts(group.id, { openOnly: false, limit: 0 })).toEqual([]);
  });

  it('finds match candidates by identifier wherever they are, and by category, place and age', async () => {
    const { group, user } = await groups(0);
    // A kind of its own keeps other tests' alerts out of these queries.
    const kind = `stolen-${newId<string>().slice(-8)}` as 'stolen';
    const make = (over: Parameters<typeof anAlert>[2]) =>
      anAlert(group.id, user.id, { kind, details: { kind, category: 'quad' }, ...over });
    const farAway = make({ location: { lat: 50.1, lng: -5.5 }, createdAt: fixtureEpoch + 1 });
    const near = make({ location: { lat: 54.6, lng: -2.1 }, createdAt: fixtureEpoch + 2 });
    const nearTractor = make({
      details: { kind, category: 'tractor' },
      location: { lat: 54.7, lng: -2.2 },
      createdAt: fixtureEpoch + 3,
    });
    const nearOld = make({ location: { lat: 54.5, lng: -2.0 }, createdAt: fixtureEpoch - 90 * 86_400_000 });
    const nearResolved = make({
      location: { lat: 54.6, lng: -2.1 },
      status: 'resolved',
      createdAt: fixtureEpoch + 4,
    });
    const noPlace = make({ location: null, createdAt: fixtureEpoch + 5 });
    const identifiers = new Map<AlertId, string[]>([
      [farAway.id, ['AB12CDE', 'JH1234567']],
      [nearResolved.id, ['AB12CDE']],
      [noPlace.id, ['UK123456700012']],
    ]);
    for (const a of [farAway, near, nearTractor, nearOld, nearResolved, noPlace])
      await store().createAlert(a, { shown: [group.id], review: [] }, identifiers.get(a.id) ?? []);

    const bbox = { minLat: 54, maxLat: 55, minLng: -3, maxLng: -1.5 };
    const find = (filter: Partial<Parameters<Store['findMatchCandidates']>[0]>) =>
      store()
        .findMatchCandidates({ kinds: [kind], openOnly: true, identifiers: [], limit: 10, ...filter })
        .then((list) => list.map((a) => a.id));

    expect(await find({ identifiers: ['AB12CDE'], bbox, category: 'quad', since: fixtureEpoch })).toEqual([
      farAway.id,
      near.id,
    ]);
    expect(await find({ identifiers: ['UK123456700012', 'JH1234567'] })).toEqual(
      expect.arrayContaining([noPlace.id, farAway.id]),
    );
    expect((await find({ identifiers: ['UK123456700012', 'JH1234567'] })).slice(0, 2)).toEqual([
      noPlace.id,
      farAway.id,
    ]);
    expect(await find({ bbox })).toEqual([nearTractor.id, near.id, nearOld.id]);
    expect(await find({ bbox, category: 'tractor' })).toEqual([nearTractor.id]);
    expect(await find({ bbox, since: fixtureEpoch })).toEqual([nearTractor.id, near.id]);
    expect(await find({ bbox, limit: 1 })).toEqual([nearTractor.id]);
    expect(await find({ identifiers: ['AB12CDE'], bbox, limit: 1 })).toEqual([farAway.id]);
    expect(await find({ kinds: ['found'], identifiers: ['AB12CDE'], bbox })).not.toContain(farAway.id);
    expect(await find({ kinds: [] })).toEqual([]);
    expect(await find({ identifiers: ['NOSUCHREG'], category: 'plant' })).toEqual([]);
  });

  it('keeps each group’s external-alert policy and lists every group for reach', async () => {
    const organisation = anOrganisation();
    await store().createOrganisation(organisation);
    const always = aGroup(organisation.id, { externalAlerts: 'always' });
    const noArea = aGroup(organisation.id, { area: null });
    await store().createGroup(always);
    await store().createGroup(noArea);
    expect(await store().getGroup(always.id)).toEqual(always);
    expect((await store().getGroup(noArea.id))?.externalAlerts).toBe('review');
    const { lastSeq: _ignored, ...details } = always;
    await store().updateGroup({ ...details, externalAlerts: 'never' });
    expect((await store().getGroup(always.id))?.externalAlerts).toBe('never');
    expect((await store().listGroups()).find((g) => g.id === always.id)?.externalAlerts).toBe('never');

    const reach = await store().listReachGroups();
    expect(reach.find((g) => g.id === always.id)).toEqual({
      id: always.id,
      organisationId: organisation.id,
      area: always.area,
      externalAlerts: 'never',
    });
    expect(reach.find((g) => g.id === noArea.id)).toEqual({
      id: noArea.id,
      organisationId: organisation.id,
      area: null,
      externalAlerts: 'review',
    });
    expect(reach.length).toBe((await store().listGroups()).length);
  });

  it('counts alert placements by others as unread, like any message', async () => {
    const { group, user } = await groups(0);
    const reader = aUser();
    await store().createUser(reader);
    await store().putMembership({
      groupId: group.id,
      userId: reader.id,
      role: 'member',
      status: 'active',
      answers: [],
      inviteId: null,
      decidedBy: null,
      decidedAt: null,
      lastReadSeq: 0,
      createdAt: fixtureEpoch,
    });
    await store().createAlert(anAlert(group.id, user.id), { shown: [group.id], review: [] });
    const summary = (await store().listGroupsOfUser(reader.id)).find((s) => s.group.id === group.id);
    expect(summary?.unread).toBe(1);
  });
}
