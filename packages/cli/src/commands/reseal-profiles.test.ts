// `fellwatch reseal-profiles` in-process on SQLite and PostgreSQL: profiles and photos move to the new key, an old key can go, reruns change nothing.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  fileProfile,
  getProfile,
  type Ports,
  type ProfileId,
  type ProfilePhotoId,
  readProfilePhoto,
  type SessionId,
  type Store,
  type UserId,
  uploadProfilePhoto,
} from '@fellwatch/core';
import {
  Argon2Passwords,
  CryptoSecrets,
  createImageProcessor,
  DiskMediaStore,
  loadConfig,
  openConfiguredStore,
  SqlStore,
  SystemClock,
  UlidIds,
} from '@fellwatch/server';
import pg from 'pg';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../../server/src/media/test-support/images.js';
import {
  describeEngines,
  dropSchema,
  testDatabaseUrl,
} from '../../../server/src/storage/test-support/test-stores.js';
import { runCli } from '../index.js';

const OLD_KEY = 'the-old-server-key-of-upper-weardale';
const NEW_KEY = 'a-new-profile-key-drawn-in-january';

/** A profile as a family member files it. */
const margaret = (photoIds: string[] = []) => ({
  name: 'Margaret Ellis',
  dateOfBirth: '1941-03-14',
  description: { hair: 'short and white' },
  contacts: [{ name: 'Susan Ellis', phone: '07700 900456' }],
  photoIds,
});

interface ResealJson {
  keyVersion: number;
  profiles: { resealed: number; current: number; unopenable: number; unopenableIds: string[] };
  photos: { resealed: number; current: number; unopenable: number; unopenableIds: string[] };
}

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = await createTestJpegWithGps();
});

describeEngines('fellwatch reseal-profiles', (engine) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let schema: string | undefined;
  const opened: Store[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fellwatch-cli-reseal-'));
    env = { DATA_DIR: dataDir, SECRET_KEY: OLD_KEY };
    if (engine === 'postgres') {
      schema = `test_cli_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(testDatabaseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = url.toString();
    }
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    if (schema) await dropSchema(schema);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => '',
      stderrIsTerminal: false,
      env: { ...env, ...extra },
    });
    return { code, stdout, stderr };
  }

  async function reseal(extra: NodeJS.ProcessEnv): Promise<ResealJson> {
    const run = await cli(['reseal-profiles', '--json', '--quiet'], extra);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as ResealJson;
  }

  /** The server's ports as configured by `extra` (PROFILE_KEYS), on the test's store and media folder. */
  async function serverPorts(extra: NodeJS.ProcessEnv = {}): Promise<Ports> {
    const config = loadConfig({ ...env, ...extra });
    const store = await openConfiguredStore(config);
    opened.push(store);
    return {
      store,
      events: { publish: () => undefined },
      clock: new SystemClock(),
      ids: new UlidIds(),
      secrets: new CryptoSecrets(OLD_KEY, config.profileKeys),
      passwords: new Argon2Passwords({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
      images: createImageProcessor({ maxBytes: 15_000_000, maxPixels: 40_000_000 }),
      media: new DiskMediaStore(config.mediaDir),
    };
  }

  async function aFamilyMember(ports: Ports): Promise<Actor> {
    const ids = new UlidIds();
    const user = {
      id: ids.next() as UserId,
      displayName: 'Susan Ellis',
      email: `susan-${ids.next().toLowerCase()}@example.org`,
      phone: null,
      passwordHash: '$argon2id$fake',
      isPlatformAdmin: false,
      createdAt: ports.clock.now(),
    };
    await ports.store.createUser(user);
    return { user, affiliations: [], sessionId: ids.next() as SessionId };
  }

  async function rawSealed(store: Store, id: ProfileId): Promise<string> {
    if (!(store instanceof SqlStore)) throw new Error('reading the raw row needs the SQL store');
    const row = await store.db
      .selectFrom('profiles')
      .select('sealed')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.sealed ?? '';
  }

  it('moves profiles and photos onto the new key, so the old one can go; reruns change nothing', async () => {
    // Filed before the rotation: sealed under the server key, version 1.
    const before = await serverPorts();
    const family = await aFamilyMember(before);
    const photo = await uploadProfilePhoto(before, family, jpeg);
    const kept = await fileProfile(before, family, margaret([photo.id]));
    const tampered = await fileProfile(before, family, margaret());
    const loose = await uploadProfilePhoto(before, family, jpeg);
    // Filed after the server restarted with the new key: already current.
    const rotated = { PROFILE_KEYS: `2:${NEW_KEY}, 1:${OLD_KEY}` };
    const after = await serverPorts(rotated);
    const fresh = await fileProfile(after, family, margaret());
    // A row altered by hand: it opens with no key.
    const sealed = Buffer.from(await rawSealed(after.store, tampered.id), 'base64url');
    sealed[20] = (sealed[20] as number) ^ 0x01;
    if (!(after.store instanceof SqlStore)) throw new Error('the CLI uses the SQL store');
    await after.store.db
      .updateTable('profiles')
      .set({ sealed: sealed.toString('base64url') })
      .where('id', '=', tampered.id)
      .execute();

    const run = await cli(['reseal-profiles'], rotated);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^reseal-profiles: 3 profiles and 0 photos checked, 1 resealed\n/);
    expect(run.stdout).toContain('Sealed under key version 2:');
    expect(run.stdout).toContain('profiles: 1 resealed, 1 already current, 1 could not be opened');
    expect(run.stdout).toContain('photos:   2 resealed, 0 already current, 0 could not be opened');
    expect(run.stdout).toContain(`profile ${tampered.id}`);
    expect(run.stdout).not.toContain('Margaret');

    // Only the new key now: what was resealed opens, content and dates unchanged.
    const newOnly = await serverPorts({ PROFILE_KEYS: `2:${NEW_KEY}` });
    const reopened = await getProfile(newOnly, family, kept.id);
    expect(reopened.content).toEqual(kept.content);
    expect(reopened.updatedAt).toBe(kept.updatedAt);
    expect(await readProfilePhoto(newOnly, family, photo.id as ProfilePhotoId, 'thumb')).toBeInstanceOf(
      Uint8Array,
    );
    expect(await readProfilePhoto(newOnly, family, loose.id as ProfilePhotoId, 'display')).toBeInstanceOf(
      Uint8Array,
    );
    expect((await getProfile(newOnly, family, fresh.id)).content.name).toBe('Margaret Ellis');
    // The old key alone no longer opens it: it really was sealed again.
    await expect(getProfile(before, family, kept.id)).rejects.toMatchObject({
      code: 'sealed_unreadable',
      reason: expect.stringContaining('key version 2'),
    });
    const audit = await newOnly.store.listAudit({ subjectId: kept.id, limit: 10 });
    expect(audit.filter((e) => e.action === 'profile.resealed')).toEqual([
      expect.objectContaining({ actorId: null, detail: {} }),
    ]);

    // Run again (as after an interruption): everything current, the altered one still reported.
    expect(await reseal(rotated)).toEqual({
      keyVersion: 2,
      profiles: { resealed: 0, current: 2, unopenable: 1, unopenableIds: [tampered.id] },
      photos: { resealed: 0, current: 2, unopenable: 0, unopenableIds: [] },
    });
  });

  it('reports what it cannot open without the key it was sealed under, and changes none of it', async () => {
    const before = await serverPorts();
    const family = await aFamilyMember(before);
    const profile = await fileProfile(before, family, margaret());
    const photo = await uploadProfilePhoto(before, family, jpeg);
    const sealed = await rawSealed(before.store, profile.id);

    // Version 1 is left out of PROFILE_KEYS too early.
    expect(await reseal({ PROFILE_KEYS: `2:${NEW_KEY}` })).toEqual({
      keyVersion: 2,
      profiles: { resealed: 0, current: 0, unopenable: 1, unopenableIds: [profile.id] },
      photos: { resealed: 0, current: 0, unopenable: 1, unopenableIds: [photo.id] },
    });
    expect(await rawSealed(before.store, profile.id)).toBe(sealed);
    // With the old key given back, it goes through.
    const done = await reseal({ PROFILE_KEYS: `2:${NEW_KEY},1:${OLD_KEY}` });
    expect(done.profiles).toMatchObject({ resealed: 1, unopenable: 0 });
    expect(done.photos).toMatchObject({ resealed: 1, unopenable: 0 });
  });

  it('refuses a PROFILE_KEYS it cannot use, naming the version and never the key', async () => {
    const run = await cli(['reseal-profiles'], { PROFILE_KEYS: '2:short' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the key of version 2 must be at least 16 characters');
    expect(run.stderr).not.toContain('short');
  });
});
