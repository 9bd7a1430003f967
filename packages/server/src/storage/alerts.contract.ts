// Store contract, alerts: one alert shown in many groups through placements, reviews, and updates
// everywhere in one transaction.
import type { AlertId, GroupId, MediaId, Store, UserId } from '@fellwatch/core';
import { expect, it } from 'vitest';
import {
  aGroup,
  aGroupWithMember,
  aGroupWithMemberAndMore,
  aMessage,
  anAlert,
  aUser,
  fixtureEpoch,
  newId,
} from './test-support/fixtures.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Behaviour of the alert repository; `store` returns the store under test. */
export function alertsContract(store: () => Store) {
  const groups = (extra: number) => aGroupWithMemberAndMore(store(), extra);

  const lastSeq = async (id: GroupId) => (await store().getGroup(id))?.lastSeq;

  it('raises an alert with a placement message in each shown group, posted with that group’s next sequence', async () => {
    const { group, user, more } = await groups(2);
    const [second, third] = more as [typeof group, typeof group];
    await store().appendMessage(aMessage(second.id, user.id));
    const photoIds = [newId<MediaId>()];
    const alert = anAlert(group.id, user.id, { photoIds });
    const result = await store().createAlert(alert, { shown: [group.id, second.id, third.id], review: [] });
    expect(result.duplicate).toBe(false);
    expect(result.alert).toEqual(alert);
    expect(result.placements.map((p) => [p.message.groupId, p.message.seq])).toEqual([
      [group.id, 1],
      [second.id, 2],
      [third.id, 1],
    ]);
    for (const placement of result.placements) {
      expect(placement.duplicate).toBe(false);
      expect(placement.message).toMatchObject({
        authorId: user.id,
        body: alert.summary,
        photoIds,
        location: alert.location,
        alertId: alert.id,
        replyToId: null,
        deletedAt: null,
      });
      expect(placement.message.clientId.length).toBeLessThanOrEqual(64);
      expect(placement.event).toEqual({
        groupId: placement.message.groupId,
        seq: placement.message.seq,
        type: 'message.posted',
        messageId: placement.message.id,
        at: alert.createdAt,
      });
      expect(await store().getMessage(placement.message.id)).toEqual(placement.message);
    }
    expect(new Set(result.placements.map((p) => p.message.clientId)).size).toBe(3);
    expect(await store().getAlert(alert.id)).toEqual(alert);
    expect(await store().getAlert(newId<AlertId>())).toBeUndefined();
    expect((await store().listAlertPlacements(alert.id)).map((m) => m.id).sort()).toEqual(
      result.placements.map((p) => p.message.id).sort(),
    );

    // A placement is a message like any other: replay, paging and the next append see it.
    const events = await store().listEvents(second.id, 0, 10);
    expect(events.map((e) => [e.event.seq, e.event.type, e.message.alertId])).toEqual([
      [1, 'message.posted', null],
      [2, 'message.posted', alert.id],
    ]);
    expect((await store().listMessages(third.id, undefined, 10)).map((m) => m.alertId)).toEqual([alert.id]);
    expect((await store().appendMessage(aMessage(third.id, user.id))).message.seq).toBe(2);
  });

  it('is idempotent on (author, clientId): a repeat returns the stored alert and writes nothing', async () => {
    const { group, user, more } = await groups(1);
    const alert = anAlert(group.id, user.id);
    const placement = { shown: [group.id], review: [more[0]!.id] };
    await store().createAlert(alert, placement, ['AB12CDE']);
    const repeat = await store().createAlert(
      { ...alert, id: newId<AlertId>(), summary: 'changed on retry' },
      { shown: [group.id, more[0]!.id], review: [] },
      ['ZZ99ZZZ'],
    );
    expect(repeat).toEqual({ alert, placements: [], duplicate: true });
    expect(await lastSeq(group.id)).toBe(1);
    expect(await lastSeq(more[0]!.id)).toBe(0);
    expect(await store().listAlertReviews(more[0]!.id)).toEqual([alert]);
    const byNewIdentifier = await store().findMatchCandidates({
      kinds: ['stolen'],
      openOnly: true,
      identifiers: ['ZZ99ZZZ'],
      // A box in the Gulf of Guinea: only an identifier could bring an alert back.
      bbox: { minLat: 0, maxLat: 0.1, minLng: 0, maxLng: 0.1 },
      limit: 10,
    });
    expect(byNewIdentifier).toEqual([]);
  });

  it('stores one alert when the same raise arrives many times at once', async () => {
    const { group, user } = await groups(0);
    const alert = anAlert(group.id, user.id);
    const results = await Promise.all(
      range(8).map(() =>
        store().createAlert({ ...alert, id: newId<AlertId>() }, { shown: [group.id], review: [] }),
      ),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.alert.id)).size).toBe(1);
    expect(await lastSeq(group.id)).toBe(1);
  });

  it('writes nothing of an alert when one of its groups is unknown', async () => {
    const { group, user } = await groups(0);
    const unknownShown = anAlert(group.id, user.id);
    await expect(
      store().createAlert(unknownShown, { shown: [group.id, newId<GroupId>()], review: [] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const unknownReview = anAlert(group.id, user.id);
    await expect(
      store().createAlert(unknownReview, { shown: [group.id], review: [newId<GroupId>()] }, ['AB12CDE']),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await store().getAlert(unknownShown.id)).toBeUndefined();
    expect(await store().getAlert(unknownReview.id)).toBeUndefined();
    expect(await lastSeq(group.id)).toBe(0);
    expect(await store().listMessages(group.id, undefined, 10)).toEqual([]);
    // The sequences it took were given back.
    expect((await store().appendMessage(aMessage(group.id, user.id))).message.seq).toBe(1);
  });

  it('lets one author raise many alerts into the same groups alongside ordinary posts', async () => {
    const { group, user } = await groups(0);
    const work = range(30).map((i) =>
      i % 3 === 0
        ? store().createAlert(anAlert(group.id, user.id), { shown: [group.id], review: [] })
        : store().appendMessage(aMessage(group.id, user.id)),
    );
    await Promise.all(work);
    const seqs = (await store().listMessages(group.id, undefined, 100))
      .map((m) => m.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(range(30));
    expect(await store().listGroupAlerts(group.id, { openOnly: true, limit: 100 })).toHaveLength(10);
  });

  it('keeps an alert waiting for review; accepting appends the placement, declining does not', async () => {
    const { group, user } = await groups(0);
    const other = await aGroupWithMember(store());
    const third = await aGroupWithMember(store());
    const admin = other.user.id;
    const alert = anAlert(group.id, user.id);
    const result = await store().createAlert(alert, {
      shown: [group.id],
      review: [other.group.id, third.group.id],
    });
    expect(result.placements).toHaveLength(1);
    expect(await store().listAlertReviews(other.group.id)).toEqual([alert]);
    expect(await store().listAlertReviews(third.group.id)).toEqual([alert]);
    expect(await store().listGroupAlerts(other.group.id, { openOnly: false, limit: 10 })).toEqual([]);
    await store().appendMessage(aMessage(other.group.id, admin));

    const accepted = await store().decideAlertReview(
      alert.id,
      other.group.id,
      true,
      admin,
      fixtureEpoch + 500_000,
    );
    expect(accepted?.message).toMatchObject({
      groupId: other.group.id,
      seq: 2,
      alertId: alert.id,
      authorId: user.id,
      createdAt: fixtureEpoch + 500_000,
    });
    expect(accepted?.event).toMatchObject({
      seq: 2,
      type: 'message.posted',
      messageId: accepted?.message.id,
    });
    expect(await store().listAlertReviews(other.group.id)).toEqual([]);
    expect(await store().listGroupAlerts(other.group.id, { openOnly: true, limit: 10 })).toEqual([alert]);
    expect((await store().listEvents(other.group.id, 1, 10)).map((e) => e.message.alertId)).toEqual([
      alert.id,
    ]);

    expect(
      await store().decideAlertReview(alert.id, third.group.id, false, third.user.id, fixtureEpoch + 1),
    ).toBeUndefined();
    expect(await lastSeq(third.group.id)).toBe(0);
    expect(await store().listAlertReviews(third.group.id)).toEqual([]);
    expect(await store().listGroupAlerts(third.group.id, { openOnly: false, limit: 10 })).toEqual([]);

    await expect(
      store().decideAlertReview(alert.id, other.group.id, true, admin, fixtureEpoch),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      store().decideAlertReview(alert.id, third.group.id, true, admin, fixtureEpoch),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await lastSeq(third.group.id)).toBe(0);
    await expect(
      store().decideAlertReview(alert.id, group.id, true, admin, fixtureEpoch),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await store().listAlertPlacements(alert.id)).map((m) => m.groupId)).toEqual([
      group.id,
      other.group.id,
    ]);
  });

  it('lists where alerts travelled in one lookup: groups shown in and groups still reviewing, with their organisations', async () => {
    const { group, user, more, organisation } = await groups(1);
    const [second] = more as [typeof group];
    const reviewer = await aGroupWithMember(store());
    const decliner = await aGroupWithMember(store());
    const alert = anAlert(group.id, user.id);
    const quiet = anAlert(group.id, user.id);
    await store().createAlert(alert, {
      shown: [group.id, second.id],
      review: [reviewer.group.id, decliner.group.id],
    });
    await store().createAlert(quiet, { shown: [group.id], review: [] });
    await store().decideAlertReview(alert.id, decliner.group.id, false, decliner.user.id, fixtureEpoch);
    const byGroup = (a: { groupId: GroupId }, b: { groupId: GroupId }) => a.groupId.localeCompare(b.groupId);
    const travel = await store().listAlertTravel([alert.id, quiet.id, newId<AlertId>()]);
    expect(travel.filter((e) => e.alertId === alert.id).sort(byGroup)).toEqual(
      [
        { alertId: alert.id, groupId: group.id, organisationId: organisation.id, reviewing: false },
        { alertId: alert.id, groupId: second.id, organisationId: organisation.id, reviewing: false },
        {
          alertId: alert.id,
          groupId: reviewer.group.id,
          organisationId: reviewer.organisation.id,
          reviewing: true,
        },
      ].sort(byGroup),
    );
    expect(travel.filter((e) => e.alertId === quiet.id)).toEqual([
      { alertId: quiet.id, groupId: group.id, organisationId: organisation.id, reviewing: false },
    ]);
    // Accepted, the group is one the alert is shown in, no longer one reviewing it.
    await store().decideAlertReview(alert.id, reviewer.group.id, true, reviewer.user.id, fixtureEpoch);
    const after = await store().listAlertTravel([alert.id]);
    expect(after.filter((e) => e.reviewing)).toEqual([]);
    expect(after.map((e) => e.groupId).sort()).toEqual([group.id, second.id, reviewer.group.id].sort());
    expect(await store().listAlertTravel([])).toEqual([]);
  });

  it('gives one of two admins deciding the same review at once a conflict', async () => {
    const { group, user } = await groups(0);
    const other = await aGroupWithMember(store());
    const alert = anAlert(group.id, user.id);
    await store().createAlert(alert, { shown: [group.id], review: [other.group.id] });
    const outcomes = await Promise.allSettled(
      range(4).map(() =>
        store().decideAlertReview(alert.id, other.group.id, true, other.user.id, fixtureEpoch),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual(
      range(3).map(() => expect.objectContaining({ reason: expect.objectContaining({ code: 'conflict' }) })),
    );
    expect(await lastSeq(other.group.id)).toBe(1);
  });

  it('updates an alert once and appends alert.updated in every group where it is shown', async () => {
    const { group, user, more } = await groups(2);
    const officer = aUser();
    await store().createUser(officer);
    const alert = anAlert(group.id, user.id);
    const raised = await store().createAlert(alert, {
      shown: [group.id, ...more.map((g) => g.id)],
      review: [],
    });
    await store().appendMessage(aMessage(more[0]!.id, user.id));
    const at = fixtureEpoch + 3_600_000;
    const update = await store().updateAlert(alert.id, {
      status: 'confirmed',
      confirmedBy: officer.id,
      updatedAt: at,
    });
    const confirmed = { ...alert, status: 'confirmed' as const, confirmedBy: officer.id, updatedAt: at };
    expect(update.alert).toEqual(confirmed);
    expect(await store().getAlert(alert.id)).toEqual(confirmed);
    expect(update.events).toHaveLength(3);
    for (const placement of raised.placements) {
      const change = update.events.find((e) => e.event.groupId === placement.message.groupId);
      expect(change?.message).toEqual(placement.message);
      expect(change?.event).toEqual({
        groupId: placement.message.groupId,
        seq: placement.message.groupId === more[0]!.id ? 3 : 2,
        type: 'alert.updated',
        messageId: placement.message.id,
        at,
      });
    }
    const replay = await store().listEvents(more[0]!.id, 0, 10);
    expect(replay.map((e) => [e.event.type, e.event.messageId])).toEqual([
      ['message.posted', raised.placements[1]!.message.id],
      ['message.posted', expect.any(String)],
      ['alert.updated', raised.placements[1]!.message.id],
    ]);

    const resolved = await store().updateAlert(alert.id, {
      status: 'resolved',
      outcome: 'recovered',
      outcomeNote: 'Found behind the chapel at Ireshopeburn.',
      resolvedBy: user.id,
      updatedAt: at + 1,
    });
    expect(resolved.alert).toEqual({
      ...confirmed,
      status: 'resolved',
      outcome: 'recovered',
      outcomeNote: 'Found behind the chapel at Ireshopeburn.',
      resolvedBy: user.id,
      updatedAt: at + 1,
    });
    expect(resolved.events.map((e) => e.event.seq).sort()).toEqual([3, 3, 4]);
    expect(await store().listGroupAlerts(group.id, { openOnly: true, limit: 10 })).toEqual([]);
    expect(await store().listGroupAlerts(group.id, { openOnly: false, limit: 10 })).toEqual([resolved.alert]);
    await expect(store().updateAlert(newId<AlertId>(), { status: 'confirmed' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('stops showing an alert in a group whose placement a moderator deleted', async () => {
    const { group, user, more } = await groups(1);
    const alert = anAlert(group.id, user.id);
    const raised = await store().createAlert(alert, { shown: [group.id, more[0]!.id], review: [] });
    await store().deleteMessage(raised.placements[1]!.message.id, user.id, fixtureEpoch + 1);
    expect(await store().listGroupAlerts(more[0]!.id, { openOnly: false, limit: 10 })).toEqual([]);
    const update = await store().updateAlert(alert.id, { status: 'retracted', updatedAt: fixtureEpoch + 2 });
    expect(update.events.map((e) => e.event.groupId)).toEqual([group.id]);
    expect(await lastSeq(more[0]!.id)).toBe(2);
    expect(await store().listAlertPlacements(alert.id)).toHaveLength(2);
  });

  it('links two alerts in one transaction, and rolls both back together', async () => {
    const { group, user, more } = await groups(1);
    const stolen = anAlert(group.id, user.id);
    const found = anAlert(more[0]!.id, user.id, {
      kind: 'found',
      details: { kind: 'found', category: 'quad', registration: 'AB12 CDE' },
    });
    await store().createAlert(stolen, { shown: [group.id, more[0]!.id], review: [] });
    await store().createAlert(found, { shown: [more[0]!.id], review: [] });
    const linkTo = (other: AlertId) => ({
      status: 'resolved' as const,
      outcome: 'recovered' as const,
      linkedAlertId: other,
      resolvedBy: user.id,
      updatedAt: fixtureEpoch + 9,
    });

    await expect(
      store().transaction(async (tx) => {
        await tx.updateAlert(stolen.id, linkTo(found.id));
        await tx.updateAlert(newId<AlertId>(), linkTo(stolen.id));
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await store().getAlert(stolen.id)).toEqual(stolen);
    expect(await lastSeq(group.id)).toBe(1);
    expect(await lastSeq(more[0]!.id)).toBe(2);

    const events = await store().transaction(async (tx) => {
      const one = await tx.updateAlert(stolen.id, linkTo(found.id));
      const two = await tx.updateAlert(found.id, linkTo(stolen.id));
      return [...one.events, ...two.events];
    });
    expect(events.map((e) => [e.event.groupId, e.event.seq])).toEqual(
      expect.arrayContaining([
        [group.id, 2],
        [more[0]!.id, 3],
        [more[0]!.id, 4],
      ]),
    );
    const [s, f] = await store().getAlertsByIds([stolen.id, found.id]);
    expect(s).toMatchObject({ status: 'resolved', outcome: 'recovered', linkedAlertId: found.id });
    expect(f).toMatchObject({ status: 'resolved', outcome: 'recovered', linkedAlertId: stolen.id });
  });

  it('rejects an alert by an unknown author, writing nothing', async () => {
    const { group } = await groups(0);
    const alert = anAlert(group.id, newId<UserId>());
    await expect(store().createAlert(alert, { shown: [group.id], review: [] })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await store().getAlert(alert.id)).toBeUndefined();
    expect(await lastSeq(group.id)).toBe(0);
  });

  it('lists the groups showing an alert that carries a photo, not those where its placement was deleted', async () => {
    const { group, user, more } = await groups(3);
    const [second, third, elsewhere] = more as [typeof group, typeof group, typeof group];
    const photo = newId<MediaId>();
    const raised = await store().createAlert(anAlert(group.id, user.id, { photoIds: [photo, photo] }), {
      shown: [group.id, second.id, third.id],
      review: [elsewhere.id],
    });
    const expected = [group.id, second.id, third.id].sort();
    expect(await store().listAlertGroupsOfMedia(photo)).toEqual(expected);
    const inThird = raised.placements.find((p) => p.message.groupId === third.id)!;
    await store().deleteMessage(inThird.message.id, user.id, fixtureEpoch + 1);
    expect(await store().listAlertGroupsOfMedia(photo)).toEqual([group.id, second.id].sort());
    expect(await store().listAlertGroupsOfMedia(newId<MediaId>())).toEqual([]);
  });

  it('reads the groups for reach afresh once a group is created or changed', async () => {
    const { group } = await groups(0);
    const before = await store().listReachGroups();
    expect(before.map((g) => g.id)).toContain(group.id);
    const added = aGroup(group.organisationId, { externalAlerts: 'always' });
    await store().createGroup(added);
    const afterCreate = await store().listReachGroups();
    expect(afterCreate.find((g) => g.id === added.id)).toMatchObject({ externalAlerts: 'always' });
    const moved = { centre: { lat: 55.1, lng: -1.9 }, radiusKm: 12 };
    const { lastSeq: _seq, ...details } = added;
    await store().updateGroup({ ...details, area: { kind: 'circle', ...moved }, externalAlerts: 'never' });
    const afterUpdate = await store().listReachGroups();
    expect(afterUpdate.find((g) => g.id === added.id)).toMatchObject({
      area: { kind: 'circle', ...moved },
      externalAlerts: 'never',
    });
    expect(afterUpdate.length).toBe(afterCreate.length);
  });
}
