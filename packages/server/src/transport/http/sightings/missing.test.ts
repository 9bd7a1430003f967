// Integration tests on both engines: raising a missing-person alert, sightings from every group it reached,
// and withdrawal of the person's details when found, with the record officers keep.
import {
  AlertRaised,
  AlertResponse,
  MissingRecord,
  SightingAdded,
  SightingList,
  UploadedPhoto,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../../media/test-support/images.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { until } from '../../ws/test-support/stream-harness.js';
import {
  APPLEBY,
  type AreaGroup,
  affiliate,
  alertUpdates,
  around,
  lastSeqOf,
  MIDDLETON,
  makeAreaGroup,
  makeOrganisation,
  openStream,
  placementIn,
  STANHOPE,
  stolenQuad,
} from '../alerts/test-support/dales.js';
import { newClientId } from '../messages/test-support/groups.js';

const HOUR = 3_600_000;

/** The body of a missing-person alert last seen in Stanhope market place. */
function missingMargaret(overrides: Record<string, unknown> = {}, details: Record<string, unknown> = {}) {
  return {
    clientId: newClientId(),
    details: {
      kind: 'missing',
      name: 'Margaret Dowson',
      age: 81,
      description: 'Small and slight, white hair, walks with a stick.',
      clothing: 'Green waxed jacket and a tartan scarf',
      lastSeenAt: Date.now() - 2 * HOUR,
      lastSeenPlace: 'Stanhope market place',
      vulnerabilities: ['dementia'],
      mayGoTo: 'Her old farm at Crawleyside',
      policeReference: 'DUR-2026-0412',
      ...details,
    },
    summary: 'Please check barns and outbuildings.',
    location: STANHOPE,
    placeText: 'Stanhope market place',
    reach: { mode: 'radius' },
    ...overrides,
  };
}

/** A sighting body from a group. */
function sightingFrom(groupId: string, overrides: Record<string, unknown> = {}) {
  return {
    clientId: newClientId(),
    groupId,
    seenAt: Date.now() - HOUR,
    location: { lat: 54.7481, lng: -2.0102 },
    placeText: 'By the bridge over the Wear',
    note: 'Walking towards the river with a stick, tartan scarf.',
    ...overrides,
  };
}

/** Uploads a photo to a group as a person. */
async function upload(user: TestUser, groupId: string) {
  const data = new FormData();
  data.append('photo', new Blob([await createTestJpegWithGps()], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await user.request('POST', `/api/v1/groups/${groupId}/photos`, data);
  expect(response.status, response.text).toBe(201);
  return UploadedPhoto.parse(response.body).photo;
}

describeEngines('missing people', (engine) => {
  let server: TestServer;
  let weardale: AreaGroup;
  let teesdale: AreaGroup;
  let eden: AreaGroup;
  let officer: TestUser;
  let admin: TestUser;
  let farmer: TestUser;
  let teesdaleFarmer: TestUser;
  let edenFarmer: TestUser;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const force = await makeOrganisation(server, 'Durham Constabulary');
    // Small areas, so the 25 km reach from Stanhope takes Teesdale (14 km) and not Appleby (36 km).
    weardale = await makeAreaGroup(server, force, { name: 'Weardale', area: around(STANHOPE, 3) });
    teesdale = await makeAreaGroup(server, force, { name: 'Teesdale', area: around(MIDDLETON, 3) });
    eden = await makeAreaGroup(server, force, { name: 'Appleby', area: around(APPLEBY, 3) });
    officer = await weardale.member();
    await affiliate(server, force, officer);
    admin = await weardale.member('admin');
    farmer = await weardale.member();
    teesdaleFarmer = await teesdale.member();
    edenFarmer = await eden.member();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function raiseMissing(user: TestUser, body = missingMargaret()) {
    const response = await user.request('POST', `/api/v1/groups/${weardale.id}/alerts`, body);
    expect(response.status, response.text).toBe(201);
    return AlertRaised.parse(response.body).alert;
  }

  async function report(user: TestUser, alertId: string, body: Record<string, unknown>) {
    const response = await user.request('POST', `/api/v1/alerts/${alertId}/sightings`, body);
    expect(response.status, response.text).toBe(201);
    return SightingAdded.parse(response.body);
  }

  describe('raising', () => {
    it('is for officers (confirmed at once) and group admins (awaiting police confirmation)', async () => {
      const byOfficer = await raiseMissing(officer);
      expect(byOfficer).toMatchObject({
        details: { kind: 'missing', name: 'Margaret Dowson', vulnerabilities: ['dementia'] },
        status: 'confirmed',
        sightings: 0,
      });

      const byAdmin = await raiseMissing(admin);
      expect(byAdmin.status).toBe('unverified');
      const confirmed = await officer.request('POST', `/api/v1/alerts/${byAdmin.id}/status`, {
        status: 'confirmed',
      });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(AlertResponse.parse(confirmed.body).alert.status).toBe('confirmed');
    });

    it('refuses a plain member with 403 naming details.kind, and writes nothing', async () => {
      const seq = await lastSeqOf(farmer, weardale.id);
      const response = await farmer.request(
        'POST',
        `/api/v1/groups/${weardale.id}/alerts`,
        missingMargaret(),
      );
      expect(response.status).toBe(403);
      expect(response.body.error.field).toBe('details.kind');
      expect(await lastSeqOf(farmer, weardale.id)).toBe(seq);
    });

    it('names the field for an age out of range, no name, or a last-seen time in the future', async () => {
      const seq = await lastSeqOf(officer, weardale.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ age: 130 }, 'details.age'],
        [{ age: -1 }, 'details.age'],
        [{ name: '  ' }, 'details.name'],
        [{ description: '' }, 'details.description'],
        [{ vulnerabilities: ['lonely'] }, 'details.vulnerabilities.0'],
        [{ lastSeenAt: Date.now() + 24 * HOUR }, 'details.lastSeenAt'],
      ];
      for (const [details, field] of cases) {
        const response = await officer.request(
          'POST',
          `/api/v1/groups/${weardale.id}/alerts`,
          missingMargaret({}, details),
        );
        expect(response.status, field).toBe(400);
        expect(response.body.error.field).toBe(field);
      }
      expect(await lastSeqOf(officer, weardale.id)).toBe(seq);
    });

    it('reaches groups within 25 km of the last-seen place and not beyond, and is never matched', async () => {
      const alert = await raiseMissing(officer);
      expect(alert.travel.groups).toBe(2);
      expect(await placementIn(teesdaleFarmer, teesdale.id, alert.id)).toBeDefined();
      expect(await placementIn(edenFarmer, eden.id, alert.id)).toBeUndefined();
      const matches = await officer.request('GET', `/api/v1/alerts/${alert.id}/matches`);
      expect(matches.status).toBe(200);
      expect(matches.body.matches).toEqual([]);
      const list = await teesdaleFarmer.request('GET', `/api/v1/groups/${teesdale.id}/alerts?kind=missing`);
      expect(list.status, list.text).toBe(200);
      expect(list.body.alerts.map((a: { id: string }) => a.id)).toContain(alert.id);
    });

    it('takes "found" as an outcome for missing people only', async () => {
      const quad = await officer.request('POST', `/api/v1/groups/${weardale.id}/alerts`, stolenQuad());
      expect(quad.status, quad.text).toBe(201);
      const wrong = await officer.request('POST', `/api/v1/alerts/${quad.body.alert.id}/status`, {
        status: 'resolved',
        outcome: 'found',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.field).toBe('outcome');
      const missing = await raiseMissing(officer);
      const recovered = await officer.request('POST', `/api/v1/alerts/${missing.id}/status`, {
        status: 'resolved',
        outcome: 'recovered',
      });
      expect(recovered.status).toBe(400);
      expect(recovered.body.error.field).toBe('outcome');
    });
  });

  describe('sightings', () => {
    it('from two groups make one timeline, newest first, and every group hears of each', async () => {
      const alert = await raiseMissing(officer);
      const weardaleStream = await openStream(server, farmer, {
        [weardale.id]: await lastSeqOf(farmer, weardale.id),
      });
      const teesdaleStream = await openStream(server, teesdaleFarmer, {
        [teesdale.id]: await lastSeqOf(teesdaleFarmer, teesdale.id),
      });
      try {
        const first = await report(
          teesdaleFarmer,
          alert.id,
          sightingFrom(teesdale.id, { seenAt: Date.now() - 90 * 60_000, placeText: 'Eggleston bridge' }),
        );
        expect(first.alert.sightings).toBe(1);
        expect(first.sighting).toMatchObject({
          groupId: teesdale.id,
          mine: true,
          placeText: 'Eggleston bridge',
        });
        const second = await report(farmer, alert.id, sightingFrom(weardale.id, { location: undefined }));
        expect(second.alert.sightings).toBe(2);
        expect(second.sighting.location).toBeNull();

        for (const [stream, groupId] of [
          [weardaleStream, weardale.id],
          [teesdaleStream, teesdale.id],
        ] as const) {
          await until(() => alertUpdates(stream, groupId).length >= 2);
          expect(alertUpdates(stream, groupId).map((e) => e.message.alert?.sightings)).toEqual([1, 2]);
        }

        for (const [user, groupId] of [
          [farmer, weardale.id],
          [teesdaleFarmer, teesdale.id],
        ] as const) {
          const response = await user.request('GET', `/api/v1/alerts/${alert.id}/sightings`);
          expect(response.status, response.text).toBe(200);
          const list = SightingList.parse(response.body);
          expect(list.withdrawn).toBe(false);
          expect(list.sightings.map((s) => s.id)).toEqual([second.sighting.id, first.sighting.id]);
          // Members see display names only; the card in their group counts both.
          for (const s of list.sightings) expect(s.reportedBy).toBeUndefined();
          expect(list.sightings[1]?.author.displayName).toBe(teesdaleFarmer.user.displayName);
          expect((await placementIn(user, groupId, alert.id))?.alert.sightings).toBe(2);
        }
        const forOfficer = SightingList.parse(
          (await officer.request('GET', `/api/v1/alerts/${alert.id}/sightings`)).body,
        );
        expect(forOfficer.sightings[1]?.reportedBy?.id).toBe(teesdaleFarmer.user.id);
      } finally {
        weardaleStream.ws.close();
        teesdaleStream.ws.close();
      }
    });

    it('returns the first sighting for a repeated clientId', async () => {
      const alert = await raiseMissing(officer);
      const body = sightingFrom(weardale.id);
      const first = await report(farmer, alert.id, body);
      const again = await farmer.request('POST', `/api/v1/alerts/${alert.id}/sightings`, body);
      expect(again.status).toBe(200);
      expect(again.body.sighting.id).toBe(first.sighting.id);
      expect(again.body.alert.sightings).toBe(1);
    });

    it('refuses bad input with the field named and writes nothing', async () => {
      const alert = await raiseMissing(officer);
      const quad = await officer.request('POST', `/api/v1/groups/${weardale.id}/alerts`, stolenQuad());
      const closed = await raiseMissing(officer);
      await officer.request('POST', `/api/v1/alerts/${closed.id}/status`, { status: 'retracted' });
      const seq = await lastSeqOf(farmer, weardale.id);

      const { location: _l, placeText: _p, ...nowhere } = sightingFrom(weardale.id);
      const { seenAt: _s, ...never } = sightingFrom(weardale.id);
      const cases: [string, TestUser, Record<string, unknown>, number, string | undefined][] = [
        [alert.id, farmer, nowhere, 400, 'location'],
        [alert.id, farmer, { ...nowhere, placeText: '   ' }, 400, 'location'],
        [alert.id, farmer, never, 400, 'seenAt'],
        [alert.id, farmer, sightingFrom(weardale.id, { seenAt: Date.now() + 24 * HOUR }), 400, 'seenAt'],
        [alert.id, farmer, sightingFrom(weardale.id, { note: 'x'.repeat(1001) }), 400, 'note'],
        [quad.body.alert.id, farmer, sightingFrom(weardale.id), 400, 'alertId'],
        [closed.id, farmer, sightingFrom(weardale.id), 409, 'alertId'],
        // Appleby does not show the alert; Teesdale is not the farmer's group.
        [alert.id, edenFarmer, sightingFrom(eden.id), 404, 'alertId'],
        [alert.id, farmer, sightingFrom(teesdale.id), 404, 'groupId'],
      ];
      for (const [alertId, user, body, status, field] of cases) {
        const response = await user.request('POST', `/api/v1/alerts/${alertId}/sightings`, body);
        expect(response.status, `${field}: ${response.text}`).toBe(status);
        expect(response.body.error.field).toBe(field);
      }
      expect(await lastSeqOf(farmer, weardale.id)).toBe(seq);
      const list = SightingList.parse(
        (await farmer.request('GET', `/api/v1/alerts/${alert.id}/sightings`)).body,
      );
      expect(list.sightings).toEqual([]);
      const outsider = await edenFarmer.request('GET', `/api/v1/alerts/${alert.id}/sightings`);
      expect(outsider.status).toBe(404);
    });
  });

  describe('found', () => {
    it('withdraws name, details, sightings and photos from every member-facing answer; officers keep the record', async () => {
      const alertPhoto = await upload(officer, weardale.id);
      const sightingPhoto = await upload(teesdaleFarmer, teesdale.id);
      // Details no other alert of this file carries, so any trace of them is a leak of this one.
      const alert = await raiseMissing(
        officer,
        missingMargaret(
          { photoIds: [alertPhoto.id], placeText: 'Unthank bus shelter' },
          {
            name: 'Edith Raine',
            description: 'Tall, silver bob, hearing aid in the left ear.',
            clothing: 'Mustard cardigan',
            mayGoTo: 'Her sister at Frosterley',
            policeReference: 'DUR-2026-0977',
            lastSeenPlace: 'Unthank bus shelter',
          },
        ),
      );
      const seen = await report(
        teesdaleFarmer,
        alert.id,
        sightingFrom(teesdale.id, {
          photoIds: [sightingPhoto.id],
          placeText: 'Cotherstone lane end',
          note: 'Sitting on the wall at Cotherstone.',
        }),
      );
      // Before: members of both groups open both photos, and no browser keeps them.
      for (const user of [farmer, teesdaleFarmer]) {
        for (const photo of [alertPhoto, sightingPhoto]) {
          const response = await user.request('GET', photo.url);
          expect(response.status).toBe(200);
          expect(response.headers.get('cache-control')).toBe('private, no-cache');
        }
      }
      const streams = {
        weardale: await openStream(server, farmer, { [weardale.id]: await lastSeqOf(farmer, weardale.id) }),
        teesdale: await openStream(server, teesdaleFarmer, {
          [teesdale.id]: await lastSeqOf(teesdaleFarmer, teesdale.id),
        }),
      };
      try {
        const found = await officer.request('POST', `/api/v1/alerts/${alert.id}/status`, {
          status: 'resolved',
          outcome: 'found',
          note: 'Edith was found by Tom Bell in his hay barn.',
        });
        expect(found.status, found.text).toBe(200);
        expect(AlertResponse.parse(found.body).alert).toMatchObject({
          details: { kind: 'missing', withdrawn: true },
          summary: 'Found safe, thank you',
          status: 'resolved',
          outcome: 'found',
          outcomeNote: null,
          photos: [],
          location: null,
          placeText: null,
        });

        // Every group sees "Found safe, thank you" live.
        for (const [stream, groupId] of [
          [streams.weardale, weardale.id],
          [streams.teesdale, teesdale.id],
        ] as const) {
          await until(() => alertUpdates(stream, groupId).length >= 1);
          const last = alertUpdates(stream, groupId).at(-1);
          expect(last?.message.body).toBe('Found safe, thank you');
          expect(last?.message.alert?.summary).toBe('Found safe, thank you');
        }

        const secrets = [
          'Edith',
          'Raine',
          'silver bob',
          'Mustard',
          'Frosterley',
          'DUR-2026-0977',
          'Unthank',
          'Cotherstone',
          'Tom Bell',
          alertPhoto.id,
          sightingPhoto.id,
        ];
        const leaks = (text: string) => secrets.filter((s) => text.includes(s));
        // The record shows them all, so the checks below can tell a leak when they see one.
        const kept = await officer.request('GET', `/api/v1/alerts/${alert.id}/record`);
        expect(leaks(kept.text).sort()).toEqual([...secrets].sort());
        for (const [user, groupId] of [
          [farmer, weardale.id],
          [admin, weardale.id],
          [teesdaleFarmer, teesdale.id],
        ] as const) {
          const answers = [
            await user.request('GET', `/api/v1/groups/${groupId}/messages?limit=200`),
            await user.request('GET', `/api/v1/alerts/${alert.id}`),
            await user.request('GET', `/api/v1/groups/${groupId}/alerts?status=all`),
            await user.request('GET', `/api/v1/groups/${groupId}/alerts?status=all&kind=missing`),
            await user.request('GET', `/api/v1/alerts/${alert.id}/sightings`),
          ];
          for (const answer of answers) {
            expect(answer.status, answer.text).toBe(200);
            expect(leaks(answer.text)).toEqual([]);
          }
          const sightings = SightingList.parse(answers[4]?.body);
          expect(sightings).toEqual({ sightings: [], withdrawn: true });
          // A replay from the start of the group carries the messages as they are now.
          const replay = await openStream(server, user, { [groupId]: 0 });
          try {
            expect(leaks(JSON.stringify(replay.messages))).toEqual([]);
            expect(replay.messages.some((m) => m.type === 'alert.updated')).toBe(true);
          } finally {
            replay.ws.close();
          }
          for (const photo of [alertPhoto, sightingPhoto]) {
            for (const path of [photo.url, photo.thumbUrl, `/api/v1/media/${photo.id}/original`]) {
              expect((await user.request('GET', path)).status, path).toBe(404);
            }
          }
        }
        for (const stream of [streams.weardale, streams.teesdale]) {
          const after = stream.messages.filter((m) => m.type === 'alert.updated').at(-1);
          expect(leaks(JSON.stringify(after))).toEqual([]);
        }

        // A second sighting is refused: the alert is closed.
        const late = await teesdaleFarmer.request(
          'POST',
          `/api/v1/alerts/${alert.id}/sightings`,
          sightingFrom(teesdale.id),
        );
        expect(late.status).toBe(409);

        // Officers of the organisation keep the record, each read audited; nobody else sees it.
        for (const user of [admin, farmer, teesdaleFarmer]) {
          expect((await user.request('GET', `/api/v1/alerts/${alert.id}/record`)).status).toBe(404);
        }
        const again = await officer.request('GET', `/api/v1/alerts/${alert.id}/record`);
        expect(again.status, again.text).toBe(200);
        const record = MissingRecord.parse(again.body);
        expect(record.alert.details).toMatchObject({ kind: 'missing', name: 'Edith Raine' });
        expect(record.alert).toMatchObject({ status: 'resolved', outcome: 'found', sightings: 1 });
        expect(record.alert.photos.map((p) => p.id)).toEqual([alertPhoto.id]);
        expect(record.sightings).toHaveLength(1);
        expect(record.sightings[0]).toMatchObject({
          id: seen.sighting.id,
          placeText: 'Cotherstone lane end',
          reportedBy: { id: teesdaleFarmer.user.id },
        });
        expect(record.outcomeNote).toContain('Tom Bell');
        expect(record.withdrawnBy.id).toBe(officer.user.id);
        const photo = await officer.request('GET', sightingPhoto.url);
        expect(photo.status).toBe(200);
        expect(photo.headers.get('cache-control')).toBe('private, no-cache');
        const audit = await server.ctx.ports.store.listAudit({ subjectId: alert.id, limit: 20 });
        expect(audit.map((a) => a.action)).toContain('alert.record_viewed');
        const photoAudit = await server.ctx.ports.store.listAudit({ subjectId: sightingPhoto.id, limit: 5 });
        expect(photoAudit.map((a) => a.action)).toContain('photo.withdrawn_viewed');
      } finally {
        streams.weardale.ws.close();
        streams.teesdale.ws.close();
      }
    });

    it('withdraws a retracted missing-person alert the same way, with a closing word instead of "found"', async () => {
      const alert = await raiseMissing(admin);
      const retracted = await admin.request('POST', `/api/v1/alerts/${alert.id}/status`, {
        status: 'retracted',
      });
      expect(retracted.status, retracted.text).toBe(200);
      const view = AlertResponse.parse(retracted.body).alert;
      expect(view.details).toEqual({ kind: 'missing', withdrawn: true });
      expect(view.summary).toBe('This appeal is closed. Thank you for your help.');
      expect(view.sightings).toBeUndefined();
      // Repeating the change changes nothing; resolving it afterwards is a conflict.
      const again = await admin.request('POST', `/api/v1/alerts/${alert.id}/status`, { status: 'retracted' });
      expect(again.status).toBe(200);
      const found = await admin.request('POST', `/api/v1/alerts/${alert.id}/status`, {
        status: 'resolved',
        outcome: 'found',
      });
      expect(found.status).toBe(409);
    });
  });
});
