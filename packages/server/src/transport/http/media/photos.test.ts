// Integration tests of photo upload and fetch on both engines: metadata stripped, originals as evidence, access.
import { createHash } from 'node:crypto';
import { ErrorBody, MessagePage, MessageResponse, UploadedPhoto } from '@fellwatch/protocol';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestJpegWithGps, hasGpsExif } from '../../../media/test-support/images.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import {
  affiliate,
  makeGroup,
  newClientId,
  type TestGroup,
  UNKNOWN_ID,
} from '../messages/test-support/groups.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A multipart body with one file part, as a browser form would send it. */
function form(bytes: Uint8Array, filename = 'IMG_0042.jpg', type = 'image/jpeg', field = 'photo'): FormData {
  const data = new FormData();
  data.append(field, new Blob([bytes], { type }), filename);
  return data;
}

/** Fetches raw bytes (the harness client reads bodies as text). */
async function fetchBytes(server: TestServer, user: TestUser, path: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describeEngines('photo routes', (engine) => {
  let server: TestServer;
  let group: TestGroup;
  let other: TestGroup;
  let uploader: TestUser;
  let member: TestUser;
  let admin: TestUser;
  let outsider: TestUser;
  let jpeg: Buffer;

  beforeAll(async () => {
    server = await startTestServer(engine);
    group = await makeGroup(server);
    other = await makeGroup(server, 'Lower Dale Watch');
    uploader = await group.member();
    member = await group.member();
    admin = await group.member('admin');
    outsider = await other.member();
    jpeg = await createTestJpegWithGps();
  });
  afterAll(async () => {
    await server?.close();
  });

  const photosOf = (g: TestGroup) => `/api/v1/groups/${g.id}/photos`;

  async function upload(user: TestUser = uploader, g: TestGroup = group) {
    const response = await user.request('POST', photosOf(g), form(jpeg));
    expect(response.status, response.text).toBe(201);
    return UploadedPhoto.parse(response.body).photo;
  }

  function expectError(
    response: { status: number; body: unknown; text: string },
    status: number,
    field?: string,
  ) {
    expect(response.status, response.text).toBe(status);
    const parsed = ErrorBody.parse(response.body);
    if (field !== undefined) expect(parsed.error.field).toBe(field);
  }

  it('gives members copies without any EXIF, cached privately for good', async () => {
    expect(await hasGpsExif(jpeg)).toBe(true);
    const photo = await upload();
    expect(photo).toMatchObject({
      url: `/api/v1/media/${photo.id}/display`,
      thumbUrl: `/api/v1/media/${photo.id}/thumb`,
    });
    for (const path of [photo.url, photo.thumbUrl]) {
      const { response, bytes } = await fetchBytes(server, member, path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const metadata = await sharp(bytes).metadata();
      expect(metadata.format).toBe('jpeg');
      expect(metadata.exif).toBeUndefined();
    }
    const thumb = await sharp((await fetchBytes(server, member, photo.thumbUrl)).bytes).metadata();
    expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(320);
  });

  it('hands the group admin the original, byte for byte, uncached, as an attachment, and audits it', async () => {
    const photo = await upload();
    const { response, bytes } = await fetchBytes(server, admin, `/api/v1/media/${photo.id}/original`);
    expect(response.status).toBe(200);
    expect(sha256(bytes)).toBe(sha256(jpeg));
    expect(await hasGpsExif(bytes)).toBe(true);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${photo.id}.jpg"`);
    const audit = await server.ctx.ports.store.listAudit({ subjectId: photo.id, limit: 10 });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: admin.user.id,
        action: 'photo.original_viewed',
        groupId: group.id,
        detail: expect.objectContaining({ sha256: sha256(jpeg) }),
      }),
    ]);
  });

  it('keeps the original under its SHA-256, also when uploaded twice', async () => {
    await upload();
    await upload(member);
    expect(await server.ctx.ports.media.has(`originals/${sha256(jpeg)}`)).toBe(true);
  });

  it('refuses the original to a plain member (403) and to a non-member (404), and audits neither', async () => {
    const photo = await upload();
    const path = `/api/v1/media/${photo.id}/original`;
    expectError(await member.request('GET', path), 403);
    expectError(await outsider.request('GET', path), 404);
    expect(await server.ctx.ports.store.listAudit({ subjectId: photo.id, limit: 10 })).toEqual([]);
  });

  it('gives the original to an officer of the owning organisation, and to an officer who is a member', async () => {
    const photo = await upload();
    const path = `/api/v1/media/${photo.id}/original`;
    const forceOfficer = await server.createUser();
    await affiliate(server, group.organisationId, forceOfficer, 'officer');
    expect((await fetchBytes(server, forceOfficer, path)).response.status).toBe(200);
    const memberOfficer = await group.member();
    await affiliate(server, other.organisationId, memberOfficer, 'officer');
    expect((await fetchBytes(server, memberOfficer, path)).response.status).toBe(200);
  });

  it('attaches uploaded photos to a message and withholds them once it is deleted', async () => {
    const photo = await upload();
    const posted = await uploader.request('POST', `/api/v1/groups/${group.id}/messages`, {
      clientId: newClientId(),
      photoIds: [photo.id],
    });
    expect(posted.status).toBe(201);
    const { message } = MessageResponse.parse(posted.body);
    expect(message.photos).toEqual([photo]);
    await uploader.request('DELETE', `/api/v1/groups/${group.id}/messages/${message.id}`);
    const page = MessagePage.parse(
      (await member.request('GET', `/api/v1/groups/${group.id}/messages?limit=200`)).body,
    );
    expect(page.messages.find((m) => m.id === message.id)?.photos).toEqual([]);
  });

  it('refuses a photo of another group in a message', async () => {
    const elsewhere = await upload(outsider, other);
    const response = await uploader.request('POST', `/api/v1/groups/${group.id}/messages`, {
      clientId: newClientId(),
      photoIds: [elsewhere.id],
    });
    expectError(response, 400, 'photoIds');
  });

  describe('bad uploads', () => {
    it('refuses a text file named .jpg with 415', async () => {
      const text = new TextEncoder().encode('not a photo at all, just words\n'.repeat(20));
      expectError(await uploader.request('POST', photosOf(group), form(text, 'photo.jpg')), 415);
    });

    it('refuses a cut-off JPEG with 415 rather than keeping half a photo', async () => {
      const half = jpeg.subarray(0, Math.floor(jpeg.length / 2));
      expectError(await uploader.request('POST', photosOf(group), form(half)), 415);
    });

    it('refuses a form with no file (400), a file in another field (400) and a JSON body (415)', async () => {
      const noFile = new FormData();
      noFile.append('caption', 'forgot the photo');
      expectError(await uploader.request('POST', photosOf(group), noFile), 400, 'photo');
      expectError(
        await uploader.request('POST', photosOf(group), form(jpeg, 'a.jpg', 'image/jpeg', 'image')),
        400,
        'photo',
      );
      expectError(await uploader.request('POST', photosOf(group), { photo: 'base64?' }), 415);
    });

    it('refuses an empty file with 400', async () => {
      expectError(await uploader.request('POST', photosOf(group), form(new Uint8Array(0))), 400, 'photo');
    });

    it('refuses a malformed multipart body with 4xx, never 500', async () => {
      const response = await uploader.request(
        'POST',
        photosOf(group),
        '--xyz\r\nContent-Disposition: form-da',
        {
          'content-type': 'multipart/form-data; boundary=xyz',
        },
      );
      expect(response.status, response.text).toBeGreaterThanOrEqual(400);
      expect(response.status, response.text).toBeLessThan(500);
      ErrorBody.parse(response.body);
    });

    it('answers unknown and malformed media ids with 404 and 400', async () => {
      expectError(await member.request('GET', `/api/v1/media/${UNKNOWN_ID}/display`), 404);
      expectError(await admin.request('GET', `/api/v1/media/${UNKNOWN_ID}/original`), 404);
      expectError(await member.request('GET', '/api/v1/media/..%2F..%2Fsecret.key/display'), 400);
    });
  });

  describe('forbidden paths', () => {
    it('hides group B’s photos and uploads from a member of group A (404)', async () => {
      const photo = await upload(outsider, other);
      expectError(await uploader.request('GET', photo.url), 404);
      expectError(await uploader.request('GET', photo.thumbUrl), 404);
      expectError(await uploader.request('POST', photosOf(other), form(jpeg)), 404);
    });

    it('shuts a removed member out of photos at once (404)', async () => {
      const leaving = await group.member('admin');
      const photo = await upload(leaving);
      expect((await fetchBytes(server, leaving, photo.url)).response.status).toBe(200);
      await group.setStatus(leaving, 'removed', 'admin');
      expectError(await leaving.request('GET', photo.url), 404);
      expectError(await leaving.request('GET', `/api/v1/media/${photo.id}/original`), 404);
      expectError(await leaving.request('POST', photosOf(group), form(jpeg)), 404);
    });
  });

  describe('upload limit', () => {
    let small: TestServer;
    beforeAll(async () => {
      small = await startTestServer(engine, { config: { maxUploadBytes: 16 * 1024 } });
    });
    afterAll(async () => {
      await small?.close();
    });

    it('refuses a photo over the configured limit with 413 and stores nothing', async () => {
      expect(jpeg.length).toBeGreaterThan(16 * 1024);
      const g = await makeGroup(small);
      const user = await g.member();
      expectError(await user.request('POST', `/api/v1/groups/${g.id}/photos`, form(jpeg)), 413);
      expect(await small.ctx.ports.media.has(`originals/${sha256(jpeg)}`)).toBe(false);
      const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#557' } })
        .jpeg()
        .toBuffer();
      const accepted = await user.request('POST', `/api/v1/groups/${g.id}/photos`, form(tiny));
      expect(accepted.status, accepted.text).toBe(201);
    });
  });
});
