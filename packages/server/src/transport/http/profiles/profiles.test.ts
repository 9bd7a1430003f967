// Integration tests of Herbert Protocol profiles on both engines: filed, read only by the family member,
// audited, sealed in the database and the media folder, released by the family or by an officer with the reference.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeoPoint } from '@fellwatch/core';
import { ProfileList, ProfileReleased, ProfileResponse, UploadedProfilePhoto } from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoSecrets } from '../../../adapters/crypto-secrets.js';
import { createTestJpegWithGps, hasGpsExif } from '../../../media/test-support/images.js';
import { SqlStore } from '../../../storage/sql/sql-store.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import {
  type AreaGroup,
  affiliate,
  around,
  MIDDLETON,
  makeAreaGroup,
  makeOrganisation,
  NOTTINGHAM,
  placementIn,
  STANHOPE,
  stolenQuad,
} from '../alerts/test-support/dales.js';
import { newClientId } from '../messages/test-support/groups.js';

/** Words of the profile below that must never be stored or logged in the clear. */
const SECRET_WORDS = [
  'Margaret',
  'Peggy',
  'Eggleston',
  'chapel',
  'insulin',
  'Ellis',
  '07700 900456',
  'stoop',
];

/** A full profile as a family member files it. */
function margaret(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Margaret Ellis',
    preferredName: 'Peggy',
    dateOfBirth: '1941-03-14',
    description: {
      height: '5 ft 2',
      build: 'slight, with a stoop',
      hair: 'short and white',
      features: 'Wears glasses and walks with a stick.',
    },
    vulnerabilities: ['dementia'],
    medicalNeeds: 'Type 1 diabetes: needs insulin twice a day.',
    routines: 'Walks to the shop at ten most mornings.',
    places: [
      { place: 'Eggleston chapel', point: { lat: 54.602, lng: -1.995 } },
      { place: 'Her old farm at Low Side' },
    ],
    contacts: [{ name: 'Susan Ellis', relationship: 'daughter', phone: '07700 900456' }],
    ...overrides,
  };
}

/** Where and when she was last seen, in a group of `groupId`. */
function lastSeen(groupId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientId: newClientId(),
    groupId,
    lastSeenAt: Date.now() - 45 * 60_000,
    location: MIDDLETON satisfies GeoPoint,
    placeText: 'Middleton market place',
    clothing: 'Blue raincoat, brown shoes',
    ...overrides,
  };
}

function form(bytes: Uint8Array): FormData {
  const data = new FormData();
  data.append('photo', new Blob([bytes], { type: 'image/jpeg' }), 'IMG_0042.jpg');
  return data;
}

async function fetchBytes(server: TestServer, user: TestUser, path: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Every file under a folder, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describeEngines('Herbert Protocol profiles', (engine) => {
  let server: TestServer;
  let teesdale: AreaGroup;
  let weardale: AreaGroup;
  let faraway: AreaGroup;
  let family: TestUser;
  let neighbour: TestUser;
  let officer: TestUser;
  let weardaleMember: TestUser;
  let farMember: TestUser;
  let jpeg: Buffer;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const dales = await makeOrganisation(server, 'Durham Dales Watch');
    const force = await makeOrganisation(server, 'Durham Constabulary');
    teesdale = await makeAreaGroup(server, dales, { name: 'Teesdale', area: around(MIDDLETON) });
    weardale = await makeAreaGroup(server, dales, { name: 'Weardale', area: around(STANHOPE) });
    faraway = await makeAreaGroup(server, dales, { name: 'Trent Vale', area: around(NOTTINGHAM) });
    family = await teesdale.member();
    neighbour = await teesdale.member();
    officer = await teesdale.member();
    await affiliate(server, force, officer, 'officer');
    weardaleMember = await weardale.member();
    farMember = await faraway.member();
    jpeg = await createTestJpegWithGps();
  });
  afterAll(async () => {
    await server?.close();
  });

  const auditOf = (subjectId: string) => server.ctx.ports.store.listAudit({ subjectId, limit: 100 });

  async function uploadPhoto(user: TestUser = family): Promise<string> {
    const response = await user.request('POST', '/api/v1/profile-photos', form(jpeg));
    expect(response.status, response.text).toBe(201);
    return UploadedProfilePhoto.parse(response.body).photo.id;
  }

  async function file(user: TestUser = family, body = margaret()) {
    const response = await user.request('POST', '/api/v1/profiles', body);
    expect(response.status, response.text).toBe(201);
    return ProfileResponse.parse(response.body).profile;
  }

  describe('filing and reading', () => {
    it('files a profile with a photo and shows it to the family member, with a release reference', async () => {
      const photoId = await uploadPhoto();
      const profile = await file(family, margaret({ photoIds: [photoId] }));
      expect(profile).toMatchObject({
        name: 'Margaret Ellis',
        preferredName: 'Peggy',
        dateOfBirth: '1941-03-14',
        description: { height: '5 ft 2', hair: 'short and white' },
        vulnerabilities: ['dementia'],
        places: [
          { place: 'Eggleston chapel', point: { lat: 54.602, lng: -1.995 } },
          { place: 'Her old farm at Low Side', point: null },
        ],
        contacts: [{ name: 'Susan Ellis', relationship: 'daughter', phone: '07700 900456' }],
        photos: [{ id: photoId, url: `/api/v1/profile-photos/${photoId}/display` }],
        releasedAt: null,
      });
      expect(profile.releaseReference).toMatch(/^HP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(profile.ageNow).toBeGreaterThanOrEqual(84);

      const read = await family.request('GET', `/api/v1/profiles/${profile.id}`);
      expect(read.status, read.text).toBe(200);
      expect(read.headers.get('cache-control')).toBe('no-store');
      expect(ProfileResponse.parse(read.body).profile).toEqual(profile);

      const list = ProfileList.parse((await family.request('GET', '/api/v1/profiles')).body);
      expect(list.profiles.map((p) => [p.id, p.name, p.releaseReference, p.photo?.id])).toContainEqual([
        profile.id,
        'Margaret Ellis',
        profile.releaseReference,
        photoId,
      ]);
    });

    it('gives the photo back to its owner re-encoded without GPS, and keeps it sealed on disk', async () => {
      const photoId = await uploadPhoto();
      const { response, bytes } = await fetchBytes(
        server,
        family,
        `/api/v1/profile-photos/${photoId}/display`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      expect(await hasGpsExif(bytes)).toBe(false);
      const thumb = await fetchBytes(server, family, `/api/v1/profile-photos/${photoId}/thumb`);
      expect(thumb.response.status).toBe(200);

      const files = (await filesUnder(server.ctx.config.mediaDir)).filter((f) => f.includes(photoId));
      expect(files.map((f) => f.slice(f.indexOf('profiles')))).toEqual(
        expect.arrayContaining([`profiles/${photoId}/display.sealed`, `profiles/${photoId}/thumb.sealed`]),
      );
      for (const path of files) {
        const stored = await readFile(path);
        expect([stored[0], stored[1]]).not.toEqual([0xff, 0xd8]);
        expect(stored.includes(bytes.subarray(0, 64))).toBe(false);
      }
      // No original with its GPS is kept anywhere for a profile photo.
      const originals = await filesUnder(join(server.ctx.config.mediaDir, 'originals'));
      for (const path of originals) expect(await readFile(path)).not.toEqual(jpeg);
    });

    it('shows nobody else that a profile exists: another member and an officer get 404 for it and its photos', async () => {
      const photoId = await uploadPhoto();
      const profile = await file(family, margaret({ photoIds: [photoId] }));
      for (const stranger of [neighbour, officer]) {
        for (const [method, path, body] of [
          ['GET', `/api/v1/profiles/${profile.id}`],
          ['PUT', `/api/v1/profiles/${profile.id}`, margaret()],
          ['DELETE', `/api/v1/profiles/${profile.id}`],
          ['POST', `/api/v1/profiles/${profile.id}/reference`],
          ['POST', `/api/v1/profiles/${profile.id}/release`, lastSeen(teesdale.id)],
          ['GET', `/api/v1/profile-photos/${photoId}/display`],
          ['GET', `/api/v1/profile-photos/${photoId}/thumb`],
        ] as const) {
          const response = await stranger.request(method, path, body);
          expect(response.status, `${method} ${path}: ${response.text}`).toBe(404);
        }
        const list = ProfileList.parse((await stranger.request('GET', '/api/v1/profiles')).body);
        expect(list.profiles).toEqual([]);
        // Nor may they attach her photo to a profile of their own.
        const stolen = await stranger.request('POST', '/api/v1/profiles', margaret({ photoIds: [photoId] }));
        expect(stolen.status).toBe(400);
        expect(stolen.body.error.field).toBe('photoIds');
      }
      expect(await server.anon.request('GET', `/api/v1/profiles/${profile.id}`)).toMatchObject({
        status: 401,
      });
      expect((await family.request('GET', `/api/v1/profiles/${profile.id}`)).status).toBe(200);
    });

    it('audits every access without the content: filing, listing, reading, photo reads, changes', async () => {
      const photoId = await uploadPhoto();
      const profile = await file(family, margaret({ photoIds: [photoId] }));
      await family.request('GET', '/api/v1/profiles');
      await family.request('GET', `/api/v1/profiles/${profile.id}`);
      await fetchBytes(server, family, `/api/v1/profile-photos/${photoId}/thumb`);
      await family.request('PUT', `/api/v1/profiles/${profile.id}`, margaret({ photoIds: [photoId] }));

      const entries = await auditOf(profile.id);
      expect(entries.map((e) => e.action).reverse()).toEqual([
        'profile.filed',
        'profile.listed',
        'profile.viewed',
        'profile.updated',
      ]);
      expect(entries.every((e) => e.actorId === family.user.id && e.subjectType === 'profile')).toBe(true);
      const photoEntries = await auditOf(photoId);
      expect(photoEntries.map((e) => [e.action, e.detail.variant ?? null]).reverse()).toEqual([
        ['profile.photo_filed', null],
        ['profile.photo_viewed', 'thumb'],
      ]);
      expect(photoEntries[0]?.detail.profileId).toBe(profile.id);
      const text = JSON.stringify([...entries, ...photoEntries]);
      for (const word of SECRET_WORDS) expect(text).not.toContain(word);
    });

    it('keeps nothing of the content in the clear in the database row', async () => {
      const profile = await file();
      const store = server.ctx.ports.store;
      if (!(store instanceof SqlStore)) throw new Error('reading the raw table needs a SqlStore');
      const row = await store.db
        .selectFrom('profiles')
        .selectAll()
        .where('id', '=', profile.id)
        .executeTakeFirst();
      expect(Object.keys(row ?? {}).sort()).toEqual([
        'client_id',
        'created_at',
        'id',
        'owner_id',
        'reference_hash',
        'released_alert_id',
        'released_at',
        'sealed',
        'updated_at',
      ]);
      const text = JSON.stringify(row);
      for (const word of [
        ...SECRET_WORDS,
        profile.releaseReference,
        profile.releaseReference.replaceAll('-', ''),
      ]) {
        expect(text).not.toContain(word);
      }
      // The sealed blob does not open as another profile's (another id or owner).
      const sealed = row?.sealed ?? '';
      const wrongContext = `profile:${profile.id}:${neighbour.user.id}`;
      expect(() => server.ctx.ports.secrets.open(sealed, wrongContext)).toThrow(/did not open/);
    });

    it('files once per client id: a retry after a lost answer gets the first profile back with 200', async () => {
      const owner = await teesdale.member();
      const photoId = await uploadPhoto(owner);
      const clientId = newClientId();
      const body = margaret({ clientId, photoIds: [photoId] });
      const first = await owner.request('POST', '/api/v1/profiles', body);
      expect(first.status, first.text).toBe(201);
      const filed = ProfileResponse.parse(first.body).profile;
      const again = await owner.request('POST', '/api/v1/profiles', body);
      expect(again.status, again.text).toBe(200);
      expect(ProfileResponse.parse(again.body).profile).toEqual(filed);

      // Sent twice at once (a double tap on poor signal): still one profile.
      const racing = margaret({ clientId: newClientId() });
      const answers = await Promise.all([
        owner.request('POST', '/api/v1/profiles', racing),
        owner.request('POST', '/api/v1/profiles', racing),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
      expect(answers[0]?.body.profile.id).toBe(answers[1]?.body.profile.id);

      // Another client id, or none, files another; the same client id is anyone else's to use too.
      expect((await owner.request('POST', '/api/v1/profiles', margaret())).status).toBe(201);
      const list = ProfileList.parse((await owner.request('GET', '/api/v1/profiles')).body);
      expect(list.profiles).toHaveLength(3);
      const theirs = await neighbour.request('POST', '/api/v1/profiles', margaret({ clientId }));
      expect(theirs.status, theirs.text).toBe(201);
      expect(theirs.body.profile.id).not.toBe(filed.id);

      const repeat = (await auditOf(filed.id)).find((e) => e.detail.repeatedFiling === true);
      expect(repeat).toMatchObject({ action: 'profile.viewed', actorId: owner.user.id });
      const bad = await owner.request('POST', '/api/v1/profiles', margaret({ clientId: 'short' }));
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('clientId');
    });

    it('sweeps photos never saved into a profile a day after upload, when their owner lists profiles', async () => {
      const owner = await teesdale.member();
      const [abandoned, fresh, saved] = [
        await uploadPhoto(owner),
        await uploadPhoto(owner),
        await uploadPhoto(owner),
      ];
      await file(owner, margaret({ photoIds: [saved] }));
      const someoneElses = await uploadPhoto(neighbour);
      const store = server.ctx.ports.store;
      if (!(store instanceof SqlStore)) throw new Error('ageing the raw rows needs a SqlStore');
      const dayAndAnHourAgo = Date.now() - 25 * 3_600_000;
      await store.db
        .updateTable('profile_photos')
        .set({ created_at: dayAndAnHourAgo })
        .where('id', 'in', [abandoned, saved, someoneElses])
        .execute();

      expect((await owner.request('GET', '/api/v1/profiles')).status).toBe(200);
      const stored = await filesUnder(server.ctx.config.mediaDir);
      expect(stored.filter((f) => f.includes(abandoned))).toEqual([]);
      expect(await store.profiles.getProfilePhoto(abandoned as never)).toBeUndefined();
      expect(
        (await fetchBytes(server, owner, `/api/v1/profile-photos/${abandoned}/thumb`)).response.status,
      ).toBe(404);
      for (const kept of [fresh, saved]) {
        expect(
          (await fetchBytes(server, owner, `/api/v1/profile-photos/${kept}/thumb`)).response.status,
        ).toBe(200);
      }
      // Only the owner's listing sweeps the owner's photos.
      expect(await store.profiles.getProfilePhoto(someoneElses as never)).toBeDefined();
      const [swept] = await auditOf(abandoned);
      expect(swept).toMatchObject({
        action: 'profile.photo_swept',
        actorId: owner.user.id,
        subjectType: 'profile_photo',
      });
    });

    it('changes a profile, keeping its reference, and drops a photo left out', async () => {
      const [kept, dropped] = [await uploadPhoto(), await uploadPhoto()];
      const profile = await file(family, margaret({ photoIds: [kept, dropped] }));
      const response = await family.request(
        'PUT',
        `/api/v1/profiles/${profile.id}`,
        margaret({ preferredName: 'Peg', photoIds: [kept] }),
      );
      expect(response.status, response.text).toBe(200);
      const changed = ProfileResponse.parse(response.body).profile;
      expect(changed).toMatchObject({ preferredName: 'Peg', releaseReference: profile.releaseReference });
      expect(changed.photos.map((p) => p.id)).toEqual([kept]);
      expect(
        (await fetchBytes(server, family, `/api/v1/profile-photos/${dropped}/display`)).response.status,
      ).toBe(404);
    });

    it('refuses bad input with a 4xx naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [margaret({ name: '' }), 'name'],
        [margaret({ name: undefined }), 'name'],
        [margaret({ name: 'x'.repeat(81) }), 'name'],
        [margaret({ dateOfBirth: '14/03/1941' }), 'dateOfBirth'],
        [margaret({ dateOfBirth: '1941-02-30' }), 'dateOfBirth'],
        [margaret({ dateOfBirth: '2999-01-01' }), 'dateOfBirth'],
        [margaret({ dateOfBirth: null, age: null }), 'dateOfBirth'],
        [margaret({ dateOfBirth: null, age: 130 }), 'age'],
        [margaret({ description: {} }), 'description'],
        [margaret({ description: { features: 'y'.repeat(1001) } }), 'description.features'],
        [margaret({ medicalNeeds: 'z'.repeat(2001) }), 'medicalNeeds'],
        [margaret({ contacts: [] }), 'contacts'],
        [margaret({ contacts: [{ name: 'Susan', phone: 'call me' }] }), 'contacts.0.phone'],
        [margaret({ places: [{ place: '' }] }), 'places.0.place'],
        [margaret({ vulnerabilities: ['lost'] }), 'vulnerabilities.0'],
        [margaret({ photoIds: ['01J00000000000000000000000'] }), 'photoIds'],
      ];
      for (const [body, field] of cases) {
        const response = await family.request('POST', '/api/v1/profiles', body);
        expect(response.status, `${field}: ${response.text}`).toBe(400);
        expect(response.body.error.field, response.text).toBe(field);
      }
      const profile = await file();
      const update = await family.request(
        'PUT',
        `/api/v1/profiles/${profile.id}`,
        margaret({ contacts: [] }),
      );
      expect(update.status).toBe(400);
      expect(update.body.error.field).toBe('contacts');
      const age = await family.request('POST', '/api/v1/profiles', margaret({ dateOfBirth: null, age: 83 }));
      expect(age.status, age.text).toBe(201);
      const notAnImage = await family.request('POST', '/api/v1/profile-photos', form(Buffer.from('hello')));
      expect(notAnImage.status).toBe(415);
    });

    it('deletes a profile and its photos for good, auditing only that it was deleted', async () => {
      const photoId = await uploadPhoto();
      const profile = await file(family, margaret({ photoIds: [photoId] }));
      const response = await family.request('DELETE', `/api/v1/profiles/${profile.id}`);
      expect(response.status, response.text).toBe(204);
      expect((await family.request('GET', `/api/v1/profiles/${profile.id}`)).status).toBe(404);
      expect((await family.request('DELETE', `/api/v1/profiles/${profile.id}`)).status).toBe(404);
      expect(
        (await fetchBytes(server, family, `/api/v1/profile-photos/${photoId}/display`)).response.status,
      ).toBe(404);
      expect((await filesUnder(server.ctx.config.mediaDir)).filter((f) => f.includes(photoId))).toEqual([]);
      const [deleted] = await auditOf(profile.id);
      expect(deleted).toMatchObject({
        action: 'profile.deleted',
        actorId: family.user.id,
        detail: { photos: 1 },
      });
      // The officer can no longer release it either.
      const byReference = await officer.request('POST', '/api/v1/profiles/release', {
        ...lastSeen(teesdale.id),
        reference: profile.releaseReference,
      });
      expect(byReference.status).toBe(404);
    });
  });

  describe('a profile that does not open', () => {
    const unreadable = {
      error: {
        code: 'sealed_unreadable',
        message: 'This profile cannot be opened (it was sealed with a key this server no longer has).',
      },
    };

    async function alterRow(id: string): Promise<void> {
      const store = server.ctx.ports.store;
      if (!(store instanceof SqlStore)) throw new Error('altering the raw table needs a SqlStore');
      const row = await store.db
        .selectFrom('profiles')
        .select('sealed')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const bytes = Buffer.from(row.sealed, 'base64url');
      bytes[30] = (bytes[30] as number) ^ 0x01;
      await store.db
        .updateTable('profiles')
        .set({ sealed: bytes.toString('base64url') })
        .where('id', '=', id)
        .execute();
    }

    it('is listed apart so it can be deleted; opening it answers 409 sealed_unreadable, never a 500', async () => {
      const owner = await teesdale.member();
      const photoId = await uploadPhoto(owner);
      const good = await file(owner);
      const bad = await file(owner, margaret({ photoIds: [photoId] }));
      await alterRow(bad.id);

      const list = await owner.request('GET', '/api/v1/profiles');
      expect(list.status, list.text).toBe(200);
      const listing = ProfileList.parse(list.body);
      expect(listing.profiles.map((p) => p.id)).toEqual([good.id]);
      expect(listing.unreadable).toEqual([
        { id: bad.id, createdAt: bad.createdAt, updatedAt: bad.updatedAt, releasedAt: null },
      ]);

      for (const [method, path, body] of [
        ['GET', `/api/v1/profiles/${bad.id}`],
        ['PUT', `/api/v1/profiles/${bad.id}`, margaret()],
        ['POST', `/api/v1/profiles/${bad.id}/reference`],
        ['POST', `/api/v1/profiles/${bad.id}/release`, lastSeen(teesdale.id)],
      ] as const) {
        const response = await owner.request(method, path, body);
        expect(response.status, `${method} ${path}: ${response.text}`).toBe(409);
        expect(response.body).toEqual(unreadable);
      }
      const byReference = await officer.request('POST', '/api/v1/profiles/release', {
        ...lastSeen(teesdale.id),
        reference: bad.releaseReference,
      });
      expect(byReference.status, byReference.text).toBe(409);
      expect(byReference.body).toEqual(unreadable);
      expect(await server.ctx.ports.store.profiles.getProfile(bad.id as never)).toMatchObject({
        releasedAt: null,
      });
      // Anyone else is still told it does not exist.
      expect((await neighbour.request('GET', `/api/v1/profiles/${bad.id}`)).status).toBe(404);

      const deleted = await owner.request('DELETE', `/api/v1/profiles/${bad.id}`);
      expect(deleted.status, deleted.text).toBe(204);
      const after = ProfileList.parse((await owner.request('GET', '/api/v1/profiles')).body);
      expect(after.unreadable).toEqual([]);
      expect(after.profiles.map((p) => p.id)).toEqual([good.id]);
      expect((await filesUnder(server.ctx.config.mediaDir)).filter((f) => f.includes(photoId))).toEqual([]);
    });

    it('answers 409 sealed_unreadable for a photo whose sealed file was altered', async () => {
      const photoId = await uploadPhoto();
      const [thumb] = (await filesUnder(server.ctx.config.mediaDir)).filter((f) =>
        f.endsWith(join(photoId, 'thumb.sealed')),
      );
      if (!thumb) throw new Error('the sealed thumbnail was not stored');
      const bytes = await readFile(thumb);
      bytes[40] = (bytes[40] as number) ^ 0x01;
      await writeFile(thumb, bytes);
      const response = await family.request('GET', `/api/v1/profile-photos/${photoId}/thumb`);
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        error: {
          code: 'sealed_unreadable',
          message: 'This photo cannot be opened (it was sealed with a key this server no longer has).',
        },
      });
      const display = await fetchBytes(server, family, `/api/v1/profile-photos/${photoId}/display`);
      expect(display.response.status).toBe(200);
    });
  });

  describe('release into a missing-person alert', () => {
    it('by the family member: one step, in their group, reaching groups within 25 km with her photo', async () => {
      const photoId = await uploadPhoto();
      const profile = await file(family, margaret({ photoIds: [photoId] }));
      const body = lastSeen(teesdale.id);
      const response = await family.request('POST', `/api/v1/profiles/${profile.id}/release`, body);
      expect(response.status, response.text).toBe(201);
      const { alert } = ProfileReleased.parse(response.body);
      expect(alert).toMatchObject({
        details: {
          kind: 'missing',
          name: 'Margaret Ellis',
          lastSeenAt: body.lastSeenAt,
          lastSeenPlace: 'Middleton market place',
          clothing: 'Blue raincoat, brown shoes',
          vulnerabilities: ['dementia', 'medical'],
          profileId: profile.id,
        },
        originGroupId: teesdale.id,
        placeText: 'Middleton market place',
        author: { id: family.user.id },
        status: 'unverified',
      });
      const details = alert.details as Record<string, unknown>;
      expect(details.age).toBe(profile.ageNow);
      expect(details.description).toContain('Known as Peggy.');
      expect(details.description).toContain('Wears glasses');
      expect(details.mayGoTo).toContain('Eggleston chapel');
      expect(details.mayGoTo).toContain('Walks to the shop');
      // Medical detail and contacts stay in the profile: the alert goes to every member it reaches.
      expect(JSON.stringify(alert)).not.toContain('insulin');
      expect(JSON.stringify(alert)).not.toContain('07700 900456');

      // Reaches Weardale (14 km), not Trent Vale (195 km); her photo is a group photo members can open.
      expect(await placementIn(weardaleMember, weardale.id, alert.id)).toBeDefined();
      expect(await placementIn(farMember, faraway.id, alert.id)).toBeUndefined();
      expect(alert.photos).toHaveLength(1);
      const shown = await fetchBytes(server, weardaleMember, alert.photos[0]?.url ?? '');
      expect(shown.response.status).toBe(200);
      expect(await hasGpsExif(shown.bytes)).toBe(false);
      expect((await fetchBytes(server, farMember, alert.photos[0]?.url ?? '')).response.status).toBe(404);

      const after = ProfileResponse.parse(
        (await family.request('GET', `/api/v1/profiles/${profile.id}`)).body,
      );
      expect(after.profile).toMatchObject({ releasedAlertId: alert.id });
      expect(after.profile.releasedAt).not.toBeNull();
      const released = (await auditOf(profile.id)).find((e) => e.action === 'profile.released');
      expect(released).toMatchObject({
        actorId: family.user.id,
        groupId: teesdale.id,
        detail: { alertId: alert.id, via: 'owner' },
      });

      // The same release sent again (a retry on poor signal) answers with the first alert.
      const again = await family.request('POST', `/api/v1/profiles/${profile.id}/release`, body);
      expect(again.status, again.text).toBe(200);
      expect(again.body.alert.id).toBe(alert.id);
    });

    it('by an officer with the reference the family gave, typed loosely, without reading the profile', async () => {
      const profile = await file();
      const typed = profile.releaseReference.toLowerCase().replaceAll('-', ' ').replace('hp', 'HP');
      const response = await officer.request('POST', '/api/v1/profiles/release', {
        ...lastSeen(teesdale.id, { policeReference: 'DUR-20260101-0042' }),
        reference: typed,
      });
      expect(response.status, response.text).toBe(201);
      const { alert } = ProfileReleased.parse(response.body);
      expect(alert).toMatchObject({
        details: {
          kind: 'missing',
          name: 'Margaret Ellis',
          policeReference: 'DUR-20260101-0042',
          profileId: profile.id,
        },
        author: { id: officer.user.id },
        status: 'confirmed',
      });
      // The alert carries no contacts or medical notes, and the officer still cannot open the profile.
      expect(JSON.stringify(alert)).not.toContain('Susan');
      expect((await officer.request('GET', `/api/v1/profiles/${profile.id}`)).status).toBe(404);
      expect(await placementIn(weardaleMember, weardale.id, alert.id)).toBeDefined();
      const released = (await auditOf(profile.id)).find((e) => e.action === 'profile.released');
      expect(released).toMatchObject({
        actorId: officer.user.id,
        detail: { via: 'reference', alertId: alert.id },
      });
    });

    it('refuses releases by the wrong people or with a wrong reference, naming the field', async () => {
      const profile = await file();
      const byReference = (user: TestUser, reference: string, overrides: Record<string, unknown> = {}) =>
        user.request('POST', '/api/v1/profiles/release', { ...lastSeen(teesdale.id, overrides), reference });

      const member = await byReference(neighbour, profile.releaseReference);
      expect(member.status).toBe(403);
      expect(member.body.error.field).toBe('reference');
      const notTheirProfile = await neighbour.request(
        'POST',
        `/api/v1/profiles/${profile.id}/release`,
        lastSeen(teesdale.id),
      );
      expect(notTheirProfile.status).toBe(404);
      expect(notTheirProfile.body.error.field).toBe('profileId');
      const owner = await byReference(family, profile.releaseReference);
      expect(owner.status).toBe(403);

      const wrong = await byReference(officer, 'HP-0000-0000');
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.field).toBe('reference');
      const shape = await byReference(officer, 'HP-12');
      expect(shape.status).toBe(400);
      expect(shape.body.error.field).toBe('reference');

      // A group the officer is not in.
      const notTheirs = await byReference(officer, profile.releaseReference, { groupId: weardale.id });
      expect(notTheirs.status).toBe(404);
      expect(notTheirs.body.error.field).toBe('groupId');
      const ownerElsewhere = await family.request(
        'POST',
        `/api/v1/profiles/${profile.id}/release`,
        lastSeen(faraway.id),
      );
      expect(ownerElsewhere.status).toBe(404);
      expect(ownerElsewhere.body.error.field).toBe('groupId');

      const cases: [Record<string, unknown>, string][] = [
        [{ lastSeenAt: Date.now() + 3_600_000 }, 'lastSeenAt'],
        [{ lastSeenAt: Date.now() - 40 * 86_400_000 }, 'lastSeenAt'],
        [{ lastSeenAt: 'yesterday' }, 'lastSeenAt'],
        [{ location: undefined }, 'location'],
        [{ location: { lat: 95, lng: 0 } }, 'location.lat'],
        [{ clothing: 'c'.repeat(501) }, 'clothing'],
        [{ clientId: 'x' }, 'clientId'],
      ];
      for (const [overrides, field] of cases) {
        const response = await family.request(
          'POST',
          `/api/v1/profiles/${profile.id}/release`,
          lastSeen(teesdale.id, overrides),
        );
        expect(response.status, `${field}: ${response.text}`).toBe(400);
        expect(response.body.error.field, response.text).toBe(field);
      }
      const after = ProfileResponse.parse(
        (await family.request('GET', `/api/v1/profiles/${profile.id}`)).body,
      );
      expect(after.profile.releasedAt).toBeNull();
    });

    it('never half-happens: when raising fails, the profile is not marked released', async () => {
      const profile = await file();
      // A client id already used for another alert in another group makes raising fail.
      await weardale.join(family);
      const clientId = newClientId();
      const taken = await family.request(
        'POST',
        `/api/v1/groups/${weardale.id}/alerts`,
        stolenQuad({ clientId }),
      );
      expect(taken.status, taken.text).toBe(201);
      const response = await family.request(
        'POST',
        `/api/v1/profiles/${profile.id}/release`,
        lastSeen(teesdale.id, { clientId }),
      );
      expect(response.status, response.text).toBe(409);
      const after = ProfileResponse.parse(
        (await family.request('GET', `/api/v1/profiles/${profile.id}`)).body,
      );
      expect(after.profile).toMatchObject({ releasedAt: null, releasedAlertId: null });
      expect((await auditOf(profile.id)).map((e) => e.action)).not.toContain('profile.released');
    });

    it('renews the reference: the old one stops working at once', async () => {
      const profile = await file();
      const response = await family.request('POST', `/api/v1/profiles/${profile.id}/reference`);
      expect(response.status, response.text).toBe(200);
      const renewed = ProfileResponse.parse(response.body).profile;
      expect(renewed.releaseReference).not.toBe(profile.releaseReference);
      const old = await officer.request('POST', '/api/v1/profiles/release', {
        ...lastSeen(teesdale.id),
        reference: profile.releaseReference,
      });
      expect(old.status).toBe(404);
      const fresh = await officer.request('POST', '/api/v1/profiles/release', {
        ...lastSeen(teesdale.id),
        reference: renewed.releaseReference,
      });
      expect(fresh.status, fresh.text).toBe(201);
    });
  });
});

describe('Herbert Protocol profiles under PROFILE_KEYS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      config: {
        profileKeys: {
          keyVersion: 3,
          currentKey: 'a-profile-key-of-version-three',
          previousKeys: { 2: 'a-profile-key-of-version-two' },
        },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('seals what is filed under the current version, with the key from the configuration', async () => {
    const family = await server.createUser();
    const filed = await family.request('POST', '/api/v1/profiles', margaret());
    expect(filed.status, filed.text).toBe(201);
    const id = ProfileResponse.parse(filed.body).profile.id;
    const store = server.ctx.ports.store;
    if (!(store instanceof SqlStore)) throw new Error('reading the raw table needs a SqlStore');
    const row = await store.db
      .selectFrom('profiles')
      .select('sealed')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(Buffer.from(row?.sealed ?? '', 'base64url')[0]).toBe(3);
    const context = `profile:${id}:${family.user.id}`;
    const keyOnly = new CryptoSecrets(undefined, {
      keyVersion: 3,
      currentKey: 'a-profile-key-of-version-three',
    });
    expect(JSON.parse(keyOnly.open(row?.sealed ?? '', context)).name).toBe('Margaret Ellis');
    expect((await family.request('GET', `/api/v1/profiles/${id}`)).status).toBe(200);
  });
});
