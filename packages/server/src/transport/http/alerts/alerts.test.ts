// Integration tests of alert reach on both engines: by distance, across organisations by consent, one object everywhere.
import { AlertList, AlertRaised, AlertResponse, EventMessage, MessagePage } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { until } from '../../ws/test-support/stream-harness.js';
import {
  ALSTON,
  APPLEBY,
  type AreaGroup,
  alertUpdates,
  around,
  lastSeqOf,
  MIDDLETON,
  makeAreaGroup,
  makeOrganisation,
  NOTTINGHAM,
  openStream,
  placementIn,
  raise,
  STANHOPE,
  stolenQuad,
} from './test-support/dales.js';

describeEngines('alert reach', (engine) => {
  let server: TestServer;
  let teesdale: AreaGroup;
  let weardale: AreaGroup;
  let faraway: AreaGroup;
  let noArea: AreaGroup;
  let takesAll: AreaGroup;
  let reviews: AreaGroup;
  let refuses: AreaGroup;
  let poster: TestUser;
  /** An active member of every group an alert at Middleton is shown in (once accepted where reviewed). */
  let watcher: TestUser;
  let farMember: TestUser;
  let noAreaMember: TestUser;
  let takesAllAdmin: TestUser;
  let reviewAdmin: TestUser;
  let reviewMember: TestUser;
  let refusesMember: TestUser;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const dales = await makeOrganisation(server, 'Durham Dales Watch');
    const force = await makeOrganisation(server, 'Cumbria Constabulary');
    teesdale = await makeAreaGroup(server, dales, { name: 'Teesdale', area: around(MIDDLETON) });
    weardale = await makeAreaGroup(server, dales, { name: 'Weardale', area: around(STANHOPE) });
    faraway = await makeAreaGroup(server, dales, { name: 'Trent Vale', area: around(NOTTINGHAM) });
    noArea = await makeAreaGroup(server, dales, { name: 'Dales Farm Shops', area: null });
    // Its admins choose 'always' through the API, in the first test.
    takesAll = await makeAreaGroup(server, force, { name: 'Alston Moor', area: around(ALSTON) });
    reviews = await makeAreaGroup(server, force, {
      name: 'Eden Valley',
      area: around(APPLEBY),
      externalAlerts: 'review',
    });
    refuses = await makeAreaGroup(server, force, {
      name: 'South Tynedale',
      area: around(ALSTON),
      externalAlerts: 'never',
    });
    poster = await teesdale.member();
    watcher = await teesdale.member();
    for (const g of [weardale, takesAll, reviews]) await g.join(watcher);
    farMember = await faraway.member();
    noAreaMember = await noArea.member();
    takesAllAdmin = await takesAll.member('admin');
    reviewAdmin = await reviews.member('admin');
    reviewMember = await reviews.member();
    refusesMember = await refuses.member();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Accepts a waiting alert in the Eden Valley group, as its admin. */
  async function accept(alertId: string, accept = true) {
    const response = await reviewAdmin.request(
      'POST',
      `/api/v1/groups/${reviews.id}/alert-reviews/${alertId}`,
      {
        accept,
      },
    );
    expect(response.status, response.text).toBe(204);
  }

  it("lets a group's admins take alerts from other organisations always, never or after review", async () => {
    const plain = await takesAll.member();
    const refused = await plain.request('PATCH', `/api/v1/groups/${takesAll.id}`, {
      externalAlerts: 'always',
    });
    expect(refused.status).toBe(403);
    const response = await takesAllAdmin.request('PATCH', `/api/v1/groups/${takesAll.id}`, {
      externalAlerts: 'always',
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.group.externalAlerts).toBe('always');
    const bad = await takesAllAdmin.request('PATCH', `/api/v1/groups/${takesAll.id}`, {
      externalAlerts: 'sometimes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('externalAlerts');
  });

  it('shows a stolen quad in groups within 80 km, across a force border by consent, not 200 km away', async () => {
    const raised = AlertRaised.parse(await raise(poster, teesdale.id));
    const { alert } = raised;
    expect(alert).toMatchObject({
      details: { kind: 'stolen', category: 'quad', registration: 'AB12 CDE' },
      originGroupId: teesdale.id,
      originGroupName: 'Teesdale',
      originOrganisationName: expect.stringMatching(/^Durham Dales Watch /),
      status: 'unverified',
      author: { id: poster.user.id },
      // Teesdale, Weardale and the force's group that takes everything; Eden Valley waits for review.
      travel: { groups: 3, organisations: 2, reviewing: { groups: 1, organisations: 1 } },
    });
    expect(alert.location?.gridRef).toMatch(/^NY \d{5} \d{5}$/);

    for (const g of [teesdale, weardale, takesAll]) {
      const placement = await placementIn(watcher, g.id, alert.id);
      expect(placement, `shown in ${g.id}`).toBeDefined();
      // Every card says where it came from, in the other force's group too.
      expect(placement?.alert).toMatchObject({
        id: alert.id,
        status: 'unverified',
        originGroupName: 'Teesdale',
        originOrganisationName: expect.stringMatching(/^Durham Dales Watch /),
      });
    }
    const listed = await watcher.request('GET', `/api/v1/groups/${takesAll.id}/alerts`);
    expect(AlertList.parse(listed.body).alerts.find((a) => a.id === alert.id)).toMatchObject({
      originGroupName: 'Teesdale',
      originOrganisationName: expect.stringMatching(/^Durham Dales Watch /),
    });
    expect(await placementIn(watcher, reviews.id, alert.id)).toBeUndefined();
    expect(await placementIn(farMember, faraway.id, alert.id)).toBeUndefined();
    expect(await placementIn(noAreaMember, noArea.id, alert.id)).toBeUndefined();
    expect(await placementIn(refusesMember, refuses.id, alert.id)).toBeUndefined();
    expect((await farMember.request('GET', `/api/v1/alerts/${alert.id}`)).status).toBe(404);
    expect((await refusesMember.request('GET', `/api/v1/alerts/${alert.id}`)).status).toBe(404);
    const read = await watcher.request('GET', `/api/v1/alerts/${alert.id}`);
    expect(read.status).toBe(200);
    expect(AlertResponse.parse(read.body).alert.id).toBe(alert.id);
  });

  it('waits for review in a group of another force until its admin accepts it', async () => {
    const { alert } = await raise(
      poster,
      teesdale.id,
      stolenQuad({ details: { kind: 'stolen', category: 'tractor' } }),
    );
    const waiting = await reviewAdmin.request('GET', `/api/v1/groups/${reviews.id}/alert-reviews`);
    expect(waiting.status, waiting.text).toBe(200);
    expect(AlertList.parse(waiting.body).alerts.map((a) => a.id)).toContain(alert.id);
    expect((await reviewMember.request('GET', `/api/v1/groups/${reviews.id}/alert-reviews`)).status).toBe(
      403,
    );
    expect((await farMember.request('GET', `/api/v1/groups/${reviews.id}/alert-reviews`)).status).toBe(404);
    const byMember = await reviewMember.request(
      'POST',
      `/api/v1/groups/${reviews.id}/alert-reviews/${alert.id}`,
      {
        accept: true,
      },
    );
    expect(byMember.status).toBe(403);
    expect((await reviewMember.request('GET', `/api/v1/alerts/${alert.id}`)).status).toBe(404);

    const before = await lastSeqOf(reviewMember, reviews.id);
    await accept(alert.id);
    const placement = await placementIn(reviewMember, reviews.id, alert.id);
    expect(placement?.seq).toBe(before + 1);
    expect(placement?.alert).toMatchObject({ id: alert.id, travel: { groups: 4, organisations: 2 } });
    expect((await reviewMember.request('GET', `/api/v1/alerts/${alert.id}`)).status).toBe(200);
    const after = await reviewAdmin.request('GET', `/api/v1/groups/${reviews.id}/alert-reviews`);
    expect(after.body.alerts.map((a: { id: string }) => a.id)).not.toContain(alert.id);
    // Deciding twice is refused: the first decision stands.
    const again = await reviewAdmin.request(
      'POST',
      `/api/v1/groups/${reviews.id}/alert-reviews/${alert.id}`,
      {
        accept: false,
      },
    );
    expect(again.status).toBe(409);
  });

  it("counts the other force's groups still reviewing it on every card, until they decide, and not once closed", async () => {
    const { alert } = await raise(
      poster,
      teesdale.id,
      stolenQuad({ details: { kind: 'stolen', category: 'fuel' } }),
    );
    // Shown in Teesdale, Weardale and Alston Moor; Eden Valley (the other force) has not decided.
    expect(alert.travel).toEqual({ groups: 3, organisations: 2, reviewing: { groups: 1, organisations: 1 } });
    const shown = await placementIn(watcher, takesAll.id, alert.id);
    expect(shown?.alert.travel).toEqual(alert.travel);

    const before = await lastSeqOf(poster, teesdale.id);
    const live = await openStream(server, poster, { [teesdale.id]: before });
    await accept(alert.id, false);
    // The poster's card is told at once that nobody is reviewing it any more.
    await until(() => alertUpdates(live, teesdale.id).length === 1);
    const [event] = alertUpdates(live, teesdale.id);
    expect(event?.seq).toBe(before + 1);
    expect(event?.message.alert?.travel).toEqual({ groups: 3, organisations: 2 });
    live.close();
    expect((await placementIn(poster, teesdale.id, alert.id))?.alert.travel).toEqual({
      groups: 3,
      organisations: 2,
    });

    // A closed alert no longer says it waits, though the review is still open.
    const other = await raise(
      poster,
      teesdale.id,
      stolenQuad({ details: { kind: 'stolen', category: 'tools' } }),
    );
    expect(other.alert.travel).toMatchObject({ reviewing: { groups: 1, organisations: 1 } });
    const retracted = await poster.request('POST', `/api/v1/alerts/${other.alert.id}/status`, {
      status: 'retracted',
    });
    expect(retracted.status, retracted.text).toBe(200);
    expect(AlertResponse.parse(retracted.body).alert.travel).toEqual({ groups: 3, organisations: 2 });
  });

  it('places nothing when the admin declines', async () => {
    const { alert } = await raise(
      poster,
      teesdale.id,
      stolenQuad({ details: { kind: 'stolen', category: 'plant' } }),
    );
    const before = await lastSeqOf(reviewMember, reviews.id);
    await accept(alert.id, false);
    expect(await lastSeqOf(reviewMember, reviews.id)).toBe(before);
    expect(await placementIn(reviewMember, reviews.id, alert.id)).toBeUndefined();
    const waiting = await reviewAdmin.request('GET', `/api/v1/groups/${reviews.id}/alert-reviews`);
    expect(waiting.body.alerts.map((a: { id: string }) => a.id)).not.toContain(alert.id);
  });

  it("reaches every group of the organisation, with or without an area, and no other force's", async () => {
    const { alert } = await raise(poster, teesdale.id, stolenQuad({ reach: { mode: 'organisation' } }));
    expect(alert.travel).toEqual({ groups: 4, organisations: 1 });
    for (const [user, g] of [
      [farMember, faraway],
      [noAreaMember, noArea],
      [watcher, weardale],
    ] as const) {
      expect(await placementIn(user, g.id, alert.id), `shown in ${g.id}`).toBeDefined();
    }
    expect(await placementIn(watcher, takesAll.id, alert.id)).toBeUndefined();
    const waiting = await reviewAdmin.request('GET', `/api/v1/groups/${reviews.id}/alert-reviews`);
    expect(waiting.body.alerts.map((a: { id: string }) => a.id)).not.toContain(alert.id);
  });

  it('keeps a group-only alert in its group', async () => {
    const before = await lastSeqOf(watcher, weardale.id);
    const { alert } = await raise(
      poster,
      teesdale.id,
      stolenQuad({ reach: { mode: 'group' }, location: undefined }),
    );
    expect(alert.travel).toEqual({ groups: 1, organisations: 1 });
    expect(await lastSeqOf(watcher, weardale.id)).toBe(before);
    const list = await watcher.request('GET', `/api/v1/groups/${teesdale.id}/alerts`);
    expect(AlertList.parse(list.body).alerts.map((a) => a.id)).toContain(alert.id);
  });

  it('is one object: resolving it once updates every group, each in its own sequence, live and in history', async () => {
    const { alert } = await raise(
      poster,
      teesdale.id,
      stolenQuad({ details: { kind: 'stolen', category: 'trailer' } }),
    );
    await accept(alert.id);
    const shownIn = [teesdale, weardale, takesAll, reviews];
    const before: Record<string, number> = {};
    for (const g of shownIn) before[g.id] = await lastSeqOf(watcher, g.id);
    const farBefore = await lastSeqOf(farMember, faraway.id);
    const live = await openStream(server, watcher, before);

    const resolved = await poster.request('POST', `/api/v1/alerts/${alert.id}/status`, {
      status: 'resolved',
      outcome: 'recovered',
      note: 'Found in a barn near Alston, undamaged.',
    });
    expect(resolved.status, resolved.text).toBe(200);
    expect(AlertResponse.parse(resolved.body).alert).toMatchObject({
      status: 'resolved',
      outcome: 'recovered',
      outcomeNote: 'Found in a barn near Alston, undamaged.',
    });

    await until(() => shownIn.every((g) => alertUpdates(live, g.id).length === 1));
    for (const g of shownIn) {
      const [event] = alertUpdates(live, g.id);
      EventMessage.parse(event);
      expect(event?.seq).toBe((before[g.id] as number) + 1);
      expect(event?.message.alert).toMatchObject({ id: alert.id, status: 'resolved', outcome: 'recovered' });
      const placement = await placementIn(watcher, g.id, alert.id);
      expect(event?.message.id).toBe((placement as unknown as { id: string }).id);
      expect(placement?.alert).toMatchObject({ status: 'resolved', outcome: 'recovered' });
      MessagePage.parse((await watcher.request('GET', `/api/v1/groups/${g.id}/messages`)).body);
    }
    live.close();
    expect(await lastSeqOf(farMember, faraway.id)).toBe(farBefore);

    // A device that was offline replays the change from the group's history.
    const later = await openStream(server, watcher, before);
    for (const g of shownIn) {
      expect(alertUpdates(later, g.id).map((e) => [e.seq, e.message.alert?.status])).toEqual([
        [(before[g.id] as number) + 1, 'resolved'],
      ]);
    }
    later.close();

    // Resolving again the same way changes nothing and sends nothing.
    const again = await poster.request('POST', `/api/v1/alerts/${alert.id}/status`, {
      status: 'resolved',
      outcome: 'recovered',
    });
    expect(again.status).toBe(200);
    for (const g of shownIn) expect(await lastSeqOf(watcher, g.id)).toBe((before[g.id] as number) + 1);
  });
});
