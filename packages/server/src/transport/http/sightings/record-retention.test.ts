// Integration tests on both engines: how long officers keep a found person's record, the sweep that
// deletes it with its photos when the organisation's rule runs out, and deletion by an officer before then.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AlertId,
  type Clock,
  type MediaId,
  type OrganisationId,
  sweepExpiredRecords,
} from '@fellwatch/core';
import {
  AlertRaised,
  AlertResponse,
  GuidanceResponse,
  MissingRecord,
  UploadedPhoto,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../../media/test-support/images.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import {
  type AreaGroup,
  affiliate,
  around,
  makeAreaGroup,
  makeOrganisation,
  STANHOPE,
} from '../alerts/test-support/dales.js';
import { newClientId } from '../messages/test-support/groups.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Uploads a photo (new bytes unless given) to a group as a person. */
async function upload(user: TestUser, groupId: string, bytes?: Buffer) {
  const data = new FormData();
  data.append(
    'photo',
    new Blob([bytes ?? (await createTestJpegWithGps())], { type: 'image/jpeg' }),
    'photo.jpg',
  );
  const response = await user.request('POST', `/api/v1/groups/${groupId}/photos`, data);
  expect(response.status, response.text).toBe(201);
  return UploadedPhoto.parse(response.body).photo;
}

/** A clock standing at one moment, for driving the sweep past a record's time. */
const clockAt = (at: number): Clock => ({ now: () => at });

describeEngines('retention of a found person’s record', (engine) => {
  let server: TestServer;
  let force: OrganisationId;
  let weardale: AreaGroup;
  let officer: TestUser;
  let groupAdmin: TestUser;
  let farmer: TestUser;
  let otherOfficer: TestUser;
  let orgAdmin: TestUser;

  beforeAll(async () => {
    server = await startTestServer(engine);
    force = await makeOrganisation(server, 'Durham Constabulary');
    const otherForce = await makeOrganisation(server, 'Cumbria Constabulary');
    weardale = await makeAreaGroup(server, force, { name: 'Weardale', area: around(STANHOPE, 3) });
    officer = await weardale.member();
    await affiliate(server, force, officer);
    groupAdmin = await weardale.member('admin');
    farmer = await weardale.member();
    // An officer, but of another force, though a member of the group the alert was raised in.
    otherOfficer = await weardale.member();
    await affiliate(server, otherForce, otherOfficer);
    orgAdmin = await server.createUser();
    await server.ctx.ports.store.putOrganisationMember({
      organisationId: force,
      userId: orgAdmin.user.id,
      affiliation: null,
      isAdmin: true,
      verifiedBy: orgAdmin.user.id,
      verifiedAt: Date.now(),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A missing person with a photo, a sighting with another, then found: the record officers keep. */
  async function foundPerson(alertPhotoBytes?: Buffer) {
    const alertPhoto = await upload(officer, weardale.id, alertPhotoBytes);
    const sightingPhoto = await upload(farmer, weardale.id);
    const raised = await officer.request('POST', `/api/v1/groups/${weardale.id}/alerts`, {
      clientId: newClientId(),
      details: {
        kind: 'missing',
        name: 'Edith Raine',
        age: 79,
        description: 'Tall, silver bob, hearing aid in the left ear.',
        clothing: 'Mustard cardigan',
        lastSeenAt: Date.now() - 2 * HOUR,
        lastSeenPlace: 'Unthank bus shelter',
        vulnerabilities: ['dementia'],
      },
      summary: 'Please check barns and outbuildings.',
      location: STANHOPE,
      placeText: 'Unthank bus shelter',
      photoIds: [alertPhoto.id],
      reach: { mode: 'radius' },
    });
    expect(raised.status, raised.text).toBe(201);
    const alert = AlertRaised.parse(raised.body).alert;
    const seen = await farmer.request('POST', `/api/v1/alerts/${alert.id}/sightings`, {
      clientId: newClientId(),
      groupId: weardale.id,
      seenAt: Date.now() - HOUR,
      placeText: 'Cotherstone lane end',
      note: 'Sitting on the wall at Cotherstone.',
      photoIds: [sightingPhoto.id],
    });
    expect(seen.status, seen.text).toBe(201);
    const found = await officer.request('POST', `/api/v1/alerts/${alert.id}/status`, {
      status: 'resolved',
      outcome: 'found',
      note: 'Edith was found by Tom Bell in his hay barn.',
    });
    expect(found.status, found.text).toBe(200);
    const files: string[] = [];
    for (const photo of [alertPhoto, sightingPhoto]) {
      const media = await server.ctx.ports.store.getMedia(photo.id as MediaId);
      if (!media) throw new Error('the photo was stored');
      files.push(`display/${photo.id}.jpg`, `thumb/${photo.id}.jpg`, `originals/${media.sha256}`);
    }
    const addresses = [alertPhoto, sightingPhoto].flatMap((p) => [
      p.url,
      p.thumbUrl,
      `/api/v1/media/${p.id}/original`,
    ]);
    return {
      alertId: alert.id as AlertId,
      addresses,
      files: files.map((f) => join(server.ctx.config.mediaDir, f)),
    };
  }

  async function readRecord(user: TestUser, alertId: string) {
    const response = await user.request('GET', `/api/v1/alerts/${alertId}/record`);
    expect(response.status, response.text).toBe(200);
    return MissingRecord.parse(response.body);
  }

  const sweepAt = (at: number) => sweepExpiredRecords({ ...server.ctx.ports, clock: clockAt(at) });

  async function deletionsOf(alertId: string) {
    const audit = await server.ctx.ports.store.listAudit({ subjectId: alertId, limit: 50 });
    return audit.filter((a) => a.action === 'alert.record_deleted');
  }

  it('says when the record will be deleted; the sweep deletes it and its photos once that time comes', async () => {
    const found = await foundPerson();
    const record = await readRecord(officer, found.alertId);
    expect(record.keptUntil).toBe(record.withdrawnAt + 365 * DAY);
    // Before: the officer opens every copy of both photos, and the files are on disk.
    for (const path of found.addresses) expect((await officer.request('GET', path)).status, path).toBe(200);
    for (const file of found.files) expect(existsSync(file), file).toBe(true);

    const early = await sweepAt(record.keptUntil - 1);
    expect(early.deleted).not.toContain(found.alertId);
    await readRecord(officer, found.alertId);

    const swept = await sweepAt(record.keptUntil);
    expect(swept.deleted).toContain(found.alertId);
    expect(swept.failed).toEqual([]);
    for (const user of [officer, farmer, groupAdmin]) {
      expect((await user.request('GET', `/api/v1/alerts/${found.alertId}/record`)).status).toBe(404);
      for (const path of found.addresses) expect((await user.request('GET', path)).status, path).toBe(404);
    }
    for (const file of found.files) expect(existsSync(file), file).toBe(false);
    const deletions = await deletionsOf(found.alertId);
    expect(deletions).toEqual([
      expect.objectContaining({
        actorId: null,
        subjectType: 'alert',
        subjectId: found.alertId,
        detail: { organisationId: force, reason: 'expired' },
        at: record.keptUntil,
      }),
    ]);
    // The audit names no one: none of the person's details, nor the note.
    for (const words of ['Edith', 'Raine', 'Mustard', 'Unthank', 'Cotherstone', 'Tom Bell']) {
      expect(JSON.stringify(deletions)).not.toContain(words);
    }
    // The groups still see the alert as they did: "Found safe, thank you".
    const shown = await farmer.request('GET', `/api/v1/alerts/${found.alertId}`);
    expect(shown.status).toBe(200);
    expect(AlertResponse.parse(shown.body).alert).toMatchObject({
      details: { kind: 'missing', withdrawn: true },
      summary: 'Found safe, thank you',
      status: 'resolved',
    });

    // Sweeping again finds nothing more of it.
    expect((await sweepAt(record.keptUntil + DAY)).deleted).not.toContain(found.alertId);
    expect(await deletionsOf(found.alertId)).toHaveLength(1);
  });

  it('deletes each record once when two sweeps run at once (two nodes)', async () => {
    const found = await foundPerson();
    const { keptUntil } = await readRecord(officer, found.alertId);
    const [a, b] = await Promise.all([sweepAt(keptUntil), sweepAt(keptUntil)]);
    expect([...a.deleted, ...b.deleted].filter((id) => id === found.alertId)).toHaveLength(1);
    expect([...a.failed, ...b.failed]).toEqual([]);
    expect(await deletionsOf(found.alertId)).toHaveLength(1);
    for (const file of found.files) expect(existsSync(file), file).toBe(false);
  });

  it('lets an officer delete a record early, audited with who; to others it does not exist', async () => {
    // The same picture was also posted in the group: its original is one file, and stays theirs.
    const bytes = await createTestJpegWithGps();
    const posted = await upload(groupAdmin, weardale.id, bytes);
    const message = await groupAdmin.request('POST', `/api/v1/groups/${weardale.id}/messages`, {
      clientId: newClientId(),
      body: 'Same view from the top road this morning.',
      photoIds: [posted.id],
    });
    expect(message.status, message.text).toBe(201);
    const found = await foundPerson(bytes);
    const path = `/api/v1/alerts/${found.alertId}/record`;
    // A member, a group admin who is not an officer, and an officer of another force.
    for (const user of [farmer, groupAdmin, otherOfficer]) {
      expect((await user.request('GET', path)).status).toBe(404);
      const refused = await user.request('DELETE', path);
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    expect((await server.anon.request('DELETE', path)).status).toBe(401);
    await readRecord(officer, found.alertId);
    expect(await deletionsOf(found.alertId)).toEqual([]);

    const deleted = await officer.request('DELETE', path);
    expect(deleted.status, deleted.text).toBe(204);
    expect((await officer.request('GET', path)).status).toBe(404);
    for (const address of found.addresses) {
      expect((await officer.request('GET', address)).status, address).toBe(404);
    }
    // The record's own copies are gone; the original the posted photo shares is not.
    const shared = found.files.filter((f) => f.includes('originals'))[0] as string;
    for (const file of found.files) expect(existsSync(file), file).toBe(file === shared);
    for (const address of [posted.url, `/api/v1/media/${posted.id}/original`]) {
      expect((await groupAdmin.request('GET', address)).status, address).toBe(200);
    }
    expect(await deletionsOf(found.alertId)).toEqual([
      expect.objectContaining({
        actorId: officer.user.id,
        detail: { organisationId: force, reason: 'deleted early' },
      }),
    ]);
    expect((await officer.request('DELETE', path)).status).toBe(404);
    expect(await deletionsOf(found.alertId)).toHaveLength(1);
  });

  it('lets an admin of the organisation delete a record early, though only officers read it', async () => {
    const found = await foundPerson();
    const path = `/api/v1/alerts/${found.alertId}/record`;
    expect((await orgAdmin.request('GET', path)).status).toBe(404);
    expect((await orgAdmin.request('DELETE', path)).status).toBe(204);
    expect((await officer.request('GET', path)).status).toBe(404);
    expect((await deletionsOf(found.alertId)).map((a) => a.actorId)).toEqual([orgAdmin.user.id]);
  });

  describe('the organisation’s rule', () => {
    const guidancePath = () => `/api/v1/organisations/${force}/guidance`;
    const numbers = { emergencyNumber: '999', nonEmergencyNumber: '101', onlineReportUrl: null };

    afterAll(async () => {
      await orgAdmin.request('PUT', guidancePath(), { ...numbers, recordRetentionDays: 365 });
    });

    it('is set by its admins beside the numbers: 30 to 3650 whole days, refused otherwise with the field named', async () => {
      expect(
        GuidanceResponse.parse((await officer.request('GET', guidancePath())).body).guidance,
      ).toMatchObject({
        recordRetentionDays: 365,
      });
      for (const days of [29, 3651, 90.5, '90', null]) {
        const refused = await orgAdmin.request('PUT', guidancePath(), {
          ...numbers,
          recordRetentionDays: days,
        });
        expect(refused.status, String(days)).toBe(400);
        expect(refused.body).toEqual({
          error: { code: 'invalid', message: expect.any(String), field: 'recordRetentionDays' },
        });
      }
      // An officer of the force is not one of its admins.
      const notAdmin = await officer.request('PUT', guidancePath(), { ...numbers, recordRetentionDays: 60 });
      expect(notAdmin.status).toBe(403);

      for (const days of [30, 3650]) {
        const set = await orgAdmin.request('PUT', guidancePath(), { ...numbers, recordRetentionDays: days });
        expect(set.status, set.text).toBe(200);
        expect(GuidanceResponse.parse(set.body).guidance.recordRetentionDays).toBe(days);
      }
      // Changing only the numbers leaves the rule as it was.
      const numbersOnly = await orgAdmin.request('PUT', guidancePath(), { ...numbers, forceName: 'Durham' });
      expect(GuidanceResponse.parse(numbersOnly.body).guidance.recordRetentionDays).toBe(3650);
      const audit = await server.ctx.ports.store.listAudit({ subjectId: force, limit: 20 });
      expect(audit.find((a) => a.action === 'organisation.guidance_set')?.detail).toMatchObject({
        recordRetentionDays: 3650,
      });
    });

    it('applies to records already kept: a shorter rule brings their deletion forward', async () => {
      const found = await foundPerson();
      const before = await readRecord(officer, found.alertId);
      const set = await orgAdmin.request('PUT', guidancePath(), { ...numbers, recordRetentionDays: 30 });
      expect(set.status, set.text).toBe(200);
      const after = await readRecord(officer, found.alertId);
      expect(after.keptUntil).toBe(before.withdrawnAt + 30 * DAY);
      expect((await sweepAt(after.keptUntil - 1)).deleted).not.toContain(found.alertId);
      expect((await sweepAt(after.keptUntil)).deleted).toContain(found.alertId);
      expect((await officer.request('GET', `/api/v1/alerts/${found.alertId}/record`)).status).toBe(404);
    });
  });
});
