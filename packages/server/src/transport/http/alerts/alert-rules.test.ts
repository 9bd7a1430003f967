// Integration tests of alert rules on both engines: who may do what, bad input writing nothing, stolen matched to found.
import {
  AlertList,
  AlertMatches,
  AlertRaised,
  AlertResponse,
  ErrorBody,
  UploadedPhoto,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../../media/test-support/images.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { newClientId } from '../messages/test-support/groups.js';
import {
  ALSTON,
  type AreaGroup,
  affiliate,
  around,
  lastSeqOf,
  MIDDLETON,
  makeAreaGroup,
  makeOrganisation,
  NOTTINGHAM,
  placementIn,
  raise,
  STANHOPE,
  stolenQuad,
} from './test-support/dales.js';

describeEngines('alert rules', (engine) => {
  let server: TestServer;
  let teesdale: AreaGroup;
  let weardale: AreaGroup;
  let faraway: AreaGroup;
  let alston: AreaGroup;
  let poster: TestUser;
  let admin: TestUser;
  let moderator: TestUser;
  let officer: TestUser;
  let weardaleMember: TestUser;
  let farMember: TestUser;
  let finder: TestUser;
  let alstonMember: TestUser;
  let forceOfficer: TestUser;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const dales = await makeOrganisation(server, 'Durham Dales Watch');
    const force = await makeOrganisation(server, 'Cumbria Constabulary');
    teesdale = await makeAreaGroup(server, dales, { name: 'Teesdale', area: around(MIDDLETON) });
    weardale = await makeAreaGroup(server, dales, { name: 'Weardale', area: around(STANHOPE) });
    faraway = await makeAreaGroup(server, dales, { name: 'Trent Vale', area: around(NOTTINGHAM) });
    alston = await makeAreaGroup(server, force, {
      name: 'Alston Moor',
      area: around(ALSTON),
      externalAlerts: 'always',
    });
    poster = await teesdale.member();
    admin = await teesdale.member('admin');
    moderator = await teesdale.member('moderator');
    officer = await teesdale.member();
    await affiliate(server, dales, officer, 'officer');
    weardaleMember = await weardale.member();
    farMember = await faraway.member();
    finder = await alston.member();
    alstonMember = await alston.member();
    forceOfficer = await alston.member();
    await affiliate(server, force, forceOfficer, 'officer');
  });
  afterAll(async () => {
    await server?.close();
  });

  const statusOf = (user: TestUser, alertId: string, body: Record<string, unknown>) =>
    user.request('POST', `/api/v1/alerts/${alertId}/status`, body);

  function expectError(
    response: { status: number; body: unknown; text: string },
    status: number,
    field?: string,
  ) {
    expect(response.status, response.text).toBe(status);
    const { error } = ErrorBody.parse(response.body);
    if (field !== undefined) expect(error.field).toBe(field);
  }

  describe('who may do what', () => {
    it('takes appeals from officers only, refusing others with 403 naming details.kind', async () => {
      const appeal = {
        clientId: newClientId(),
        details: {
          kind: 'appeal',
          request: 'Sightings of a white pickup on the B6277 last night.',
          policeReference: 'DC-2611-0042',
          howToRespond: 'Call 101 quoting the reference.',
        },
        reach: { mode: 'organisation' },
      };
      const before = await lastSeqOf(poster, teesdale.id);
      const refused = await poster.request('POST', `/api/v1/groups/${teesdale.id}/alerts`, appeal);
      expectError(refused, 403, 'details.kind');
      expect(await lastSeqOf(poster, teesdale.id)).toBe(before);
      const { alert } = await raise(officer, teesdale.id, { ...appeal, clientId: newClientId() });
      expect(alert.details).toMatchObject({ kind: 'appeal', policeReference: 'DC-2611-0042' });
    });

    it('lets officers confirm, and no one else', async () => {
      const { alert } = await raise(
        poster,
        teesdale.id,
        stolenQuad({ details: { kind: 'stolen', category: 'tools' } }),
      );
      expectError(await statusOf(admin, alert.id, { status: 'confirmed' }), 403);
      expectError(await statusOf(poster, alert.id, { status: 'confirmed' }), 403);
      const confirmed = await statusOf(officer, alert.id, { status: 'confirmed' });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(AlertResponse.parse(confirmed.body).alert.status).toBe('confirmed');
    });

    it('lets the poster, admins, moderators and officers resolve or retract; hides it from other groups', async () => {
      const { alert } = await raise(
        poster,
        teesdale.id,
        stolenQuad({ details: { kind: 'stolen', category: 'fuel' } }),
      );
      // Shown in Weardale, where this person is a plain member: they may see it but not change it.
      expect((await weardaleMember.request('GET', `/api/v1/alerts/${alert.id}`)).status).toBe(200);
      expectError(await statusOf(weardaleMember, alert.id, { status: 'retracted' }), 403);
      // Not shown in Trent Vale: its members are told it does not exist.
      expectError(await farMember.request('GET', `/api/v1/alerts/${alert.id}`), 404);
      expectError(await statusOf(farMember, alert.id, { status: 'resolved', outcome: 'returned' }), 404);
      expectError(await farMember.request('GET', `/api/v1/groups/${teesdale.id}/alerts`), 404);

      const retracted = await statusOf(moderator, alert.id, { status: 'retracted', note: 'Posted twice.' });
      expect(retracted.status, retracted.text).toBe(200);
      expect(retracted.body.alert).toMatchObject({ status: 'retracted', outcomeNote: 'Posted twice.' });
      // A retracted alert is not confirmed or resolved afterwards.
      expectError(await statusOf(officer, alert.id, { status: 'confirmed' }), 409);
      expectError(await statusOf(poster, alert.id, { status: 'resolved', outcome: 'recovered' }), 409);

      const other = await raise(
        poster,
        teesdale.id,
        stolenQuad({ details: { kind: 'stolen', category: 'other' } }),
      );
      const byAdmin = await statusOf(admin, other.alert.id, {
        status: 'resolved',
        outcome: 'no_further_action',
      });
      expect(byAdmin.status, byAdmin.text).toBe(200);
      expectError(await statusOf(officer, other.alert.id, { status: 'confirmed' }), 409);
    });

    it('needs an outcome to resolve', async () => {
      const { alert } = await raise(
        poster,
        teesdale.id,
        stolenQuad({ details: { kind: 'stolen', category: 'vehicle' } }),
      );
      expectError(await statusOf(poster, alert.id, { status: 'resolved' }), 400, 'outcome');
      expectError(
        await statusOf(poster, alert.id, { status: 'resolved', outcome: 'vanished' }),
        400,
        'outcome',
      );
    });

    it("lists a group's open alerts, all of them, or one kind", async () => {
      const { alert } = await raise(
        poster,
        teesdale.id,
        stolenQuad({ details: { kind: 'stolen', category: 'plant' } }),
      );
      const open = AlertList.parse(
        (await poster.request('GET', `/api/v1/groups/${teesdale.id}/alerts`)).body,
      );
      expect(open.alerts.map((a) => a.id)).toContain(alert.id);
      expect(open.alerts.every((a) => a.status === 'unverified' || a.status === 'confirmed')).toBe(true);
      const all = AlertList.parse(
        (await poster.request('GET', `/api/v1/groups/${teesdale.id}/alerts?status=all`)).body,
      );
      expect(all.alerts.some((a) => a.status === 'retracted')).toBe(true);
      const appeals = AlertList.parse(
        (await poster.request('GET', `/api/v1/groups/${teesdale.id}/alerts?status=all&kind=appeal`)).body,
      );
      expect(appeals.alerts.length).toBeGreaterThan(0);
      expect(appeals.alerts.every((a) => a.details.kind === 'appeal')).toBe(true);
      expectError(await poster.request('GET', `/api/v1/groups/${teesdale.id}/alerts?kind=ufo`), 400, 'kind');
    });
  });

  describe('bad input', () => {
    let sender: TestUser;
    beforeAll(async () => {
      sender = await teesdale.member();
    });

    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown kind', stolenQuad({ details: { kind: 'ufo', category: 'quad' } }), 'details.kind'],
      [
        'an animal without its species',
        stolenQuad({ details: { kind: 'animal', situation: 'loose', count: 3 } }),
        'details.species',
      ],
      ['latitude 95', stolenQuad({ location: { lat: 95, lng: -2.081 } }), 'location.lat'],
      ['a reach of 10,000 km', stolenQuad({ reach: { mode: 'radius', radiusKm: 10_000 } }), 'reach.radiusKm'],
      ['a reach by distance without a location', stolenQuad({ location: undefined }), 'location'],
      ['an unknown reach', stolenQuad({ reach: { mode: 'everywhere' } }), 'reach.mode'],
    ];
    for (const [what, body, field] of cases) {
      it(`refuses ${what} with 400 naming ${field}, and writes nothing`, async () => {
        const before = [await lastSeqOf(sender, teesdale.id), await lastSeqOf(weardaleMember, weardale.id)];
        const listed = await sender.request('GET', `/api/v1/groups/${teesdale.id}/alerts?status=all`);
        const response = await sender.request('POST', `/api/v1/groups/${teesdale.id}/alerts`, body);
        expectError(response, 400, field);
        expect([await lastSeqOf(sender, teesdale.id), await lastSeqOf(weardaleMember, weardale.id)]).toEqual(
          before,
        );
        const after = await sender.request('GET', `/api/v1/groups/${teesdale.id}/alerts?status=all`);
        expect(after.body.alerts).toHaveLength(listed.body.alerts.length);
      });
    }

    it('returns the first alert for a repeated clientId, placing nothing twice', async () => {
      const body = stolenQuad({ details: { kind: 'stolen', category: 'trailer', serial: 'IFW-0042' } });
      const first = await raise(sender, teesdale.id, body);
      const seqs = [await lastSeqOf(sender, teesdale.id), await lastSeqOf(weardaleMember, weardale.id)];
      const again = await sender.request('POST', `/api/v1/groups/${teesdale.id}/alerts`, body);
      expect(again.status, again.text).toBe(200);
      expect(AlertRaised.parse(again.body).alert.id).toBe(first.alert.id);
      expect([await lastSeqOf(sender, teesdale.id), await lastSeqOf(weardaleMember, weardale.id)]).toEqual(
        seqs,
      );
    });
  });

  describe('stolen and found, matched', () => {
    it('matches a found quad to the stolen one by a registration written differently, and links them', async () => {
      const stolen = await raise(poster, teesdale.id, stolenQuad());
      // The stolen quad reached Alston Moor, in the neighbouring force, which takes alerts from outside.
      expect(await placementIn(alstonMember, alston.id, stolen.alert.id)).toBeDefined();

      const found = AlertRaised.parse(
        await raise(finder, alston.id, {
          clientId: newClientId(),
          details: {
            kind: 'found',
            category: 'quad',
            colour: 'Red',
            registration: 'ab12cde',
            heldBy: 'Alston police station',
          },
          summary: 'Dumped in a lay-by on the A686.',
          location: ALSTON,
          reach: { mode: 'radius' },
        }),
      );
      const [best] = found.matches;
      expect(best?.alert.id).toBe(stolen.alert.id);
      expect(best?.reasons).toContain('same registration');
      expect(best?.score).toBeGreaterThanOrEqual(0.95);
      expect(best?.distanceKm).toBeGreaterThan(25);
      expect(best?.distanceKm).toBeLessThan(35);

      const listed = await finder.request('GET', `/api/v1/alerts/${found.alert.id}/matches`);
      expect(listed.status, listed.text).toBe(200);
      expect(AlertMatches.parse(listed.body).matches[0]?.alert.id).toBe(stolen.alert.id);
      // A plain member sees neither the matches nor may link: that is for posters, admins and officers.
      expectError(await alstonMember.request('GET', `/api/v1/alerts/${found.alert.id}/matches`), 403);
      const byMember = await alstonMember.request('POST', `/api/v1/alerts/${found.alert.id}/link`, {
        otherAlertId: stolen.alert.id,
      });
      expectError(byMember, 403);

      // The finder may resolve their own alert and sees the theft in their group: one tap links both.
      const linked = await finder.request('POST', `/api/v1/alerts/${found.alert.id}/link`, {
        otherAlertId: stolen.alert.id,
      });
      expect(linked.status, linked.text).toBe(200);
      expect(AlertResponse.parse(linked.body).alert).toMatchObject({
        id: found.alert.id,
        status: 'resolved',
        outcome: 'recovered',
        linkedAlertId: stolen.alert.id,
      });
      const stolenNow = await poster.request('GET', `/api/v1/alerts/${stolen.alert.id}`);
      expect(stolenNow.body.alert).toMatchObject({
        status: 'resolved',
        outcome: 'recovered',
        linkedAlertId: found.alert.id,
      });
      for (const [user, g] of [
        [poster, teesdale],
        [weardaleMember, weardale],
        [alstonMember, alston],
      ] as const) {
        const placement = await placementIn(user, g.id, stolen.alert.id);
        expect(placement?.alert, `recovered in ${g.id}`).toMatchObject({
          status: 'resolved',
          outcome: 'recovered',
        });
      }
      // Resolved alerts are no longer offered as matches.
      const after = await poster.request('GET', `/api/v1/alerts/${stolen.alert.id}/matches`);
      expect(AlertMatches.parse(after.body).matches).toEqual([]);
    });

    it('links only a stolen alert with a found one', async () => {
      const stolen = await raise(
        poster,
        teesdale.id,
        stolenQuad({ details: { kind: 'stolen', category: 'quad', registration: 'XY99 ZZZ' } }),
      );
      const sighting = await raise(poster, teesdale.id, {
        clientId: newClientId(),
        details: { kind: 'suspicious', activity: 'casing_farms' },
        reach: { mode: 'group' },
      });
      const response = await officer.request('POST', `/api/v1/alerts/${stolen.alert.id}/link`, {
        otherAlertId: sighting.alert.id,
      });
      expectError(response, 400, 'otherAlertId');
      const hidden = await officer.request('POST', `/api/v1/alerts/${stolen.alert.id}/link`, {
        otherAlertId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      });
      expectError(hidden, 404);
    });
  });

  describe('the cards themselves', () => {
    it('lets members of every group an alert reached open its photos, and no one else', async () => {
      const data = new FormData();
      data.append('photo', new Blob([await createTestJpegWithGps()], { type: 'image/jpeg' }), 'quad.jpg');
      const uploaded = await poster.request('POST', `/api/v1/groups/${teesdale.id}/photos`, data);
      expect(uploaded.status, uploaded.text).toBe(201);
      const photo = UploadedPhoto.parse(uploaded.body).photo;
      await raise(poster, teesdale.id, stolenQuad({ photoIds: [photo.id] }));
      const get = (user: TestUser, path: string) =>
        fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${user.token}` } });
      for (const [who, user] of [
        ['Weardale', weardaleMember],
        ['the neighbouring force', alstonMember],
      ] as const) {
        for (const path of [photo.url, photo.thumbUrl]) {
          const response = await get(user, path);
          expect(response.status, `${who} ${path}`).toBe(200);
          expect(response.headers.get('content-type')).toBe('image/jpeg');
        }
        // The original stays evidence of the group it was posted in.
        expect((await get(user, `/api/v1/media/${photo.id}/original`)).status).toBe(404);
      }
      expect((await get(farMember, photo.url)).status).toBe(404);
      expect((await get(farMember, photo.thumbUrl)).status).toBe(404);
    });

    it('refuses to edit or delete an alert card through the message routes, changing nothing', async () => {
      const { alert } = await raise(poster, teesdale.id, stolenQuad());
      const placement = (await placementIn(poster, teesdale.id, alert.id)) as { id?: string; seq: number };
      const path = `/api/v1/groups/${teesdale.id}/messages/${placement.id}`;
      const before = await lastSeqOf(poster, teesdale.id);
      expectError(await poster.request('PATCH', path, { body: 'Found it, ignore' }), 409, 'messageId');
      expectError(await poster.request('DELETE', path), 409, 'messageId');
      expectError(await admin.request('DELETE', path), 409, 'messageId');
      expect(await lastSeqOf(poster, teesdale.id)).toBe(before);
      const still = await placementIn(weardaleMember, weardale.id, alert.id);
      expect(still?.alert).toMatchObject({ id: alert.id, status: 'unverified' });
    });
  });
});
