// Unit tests of photo storage naming and the keep-the-original-once rule, with in-memory ports.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../model/actor.js';
import type { Group, Media, Membership, User } from '../model/entities.js';
import type { GroupId, MediaId, OrganisationId, SessionId, UserId } from '../model/ids.js';
import type { MediaStore, Ports, ProcessedImage } from '../ports/index.js';
import { photoKeys, uploadPhoto } from './photos.js';

const GROUP = '01HZX0000000000000000GROUP' as GroupId;
const USER = '01HZX00000000000000000USER' as UserId;

function memoryMedia(): MediaStore & { puts: string[]; objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  const puts: string[] = [];
  return {
    objects,
    puts,
    async put(key, bytes) {
      puts.push(key);
      objects.set(key, bytes);
    },
    async get(key) {
      return objects.get(key);
    },
    async has(key) {
      return objects.has(key);
    },
    async delete(key) {
      objects.delete(key);
    },
  };
}

function setup() {
  const user: User = {
    id: USER,
    displayName: 'Ann',
    email: 'ann@example.org',
    phone: null,
    passwordHash: 'x',
    isPlatformAdmin: false,
    createdAt: 0,
  };
  const group: Group = {
    id: GROUP,
    organisationId: '01HZX000000000000000000ORG' as OrganisationId,
    name: 'Fell farms',
    description: '',
    rules: '',
    area: null,
    vettingQuestions: [],
    externalAlerts: 'review',
    lastSeq: 0,
    createdAt: 0,
  };
  const membership: Membership = {
    groupId: GROUP,
    userId: USER,
    role: 'member',
    status: 'active',
    answers: [],
    inviteId: null,
    decidedBy: null,
    decidedAt: null,
    lastReadSeq: 0,
    createdAt: 0,
  };
  const created: Media[] = [];
  const media = memoryMedia();
  let next = 0;
  const processed: ProcessedImage = {
    originalType: 'image/jpeg',
    sha256: 'ab'.repeat(32),
    width: 4,
    height: 3,
    display: new Uint8Array([1]),
    thumb: new Uint8Array([2]),
  };
  // Only the parts of the ports an upload touches; the rest would fail loudly if reached.
  const ports = {
    store: {
      getGroup: async (id: GroupId) => (id === GROUP ? group : undefined),
      getMembership: async () => membership,
      createMedia: async (m: Media) => {
        created.push(m);
      },
    },
    images: { process: async () => processed },
    media,
    ids: { next: () => `01HZX0000000000000000MED0${next++}` },
    clock: { now: () => 1_700_000_000_000 },
  } as unknown as Ports;
  const actor: Actor = { user, affiliations: [], sessionId: 'S' as SessionId };
  return { ports, actor, media, created, membership };
}

describe('photoKeys', () => {
  it('names originals by hash and copies by photo id', () => {
    expect(photoKeys.original('ff00')).toBe('originals/ff00');
    expect(photoKeys.display('M1' as MediaId)).toBe('display/M1.jpg');
    expect(photoKeys.thumb('M1' as MediaId)).toBe('thumb/M1.jpg');
  });
});

describe('uploadPhoto', () => {
  it('keeps the same original once, however often it is uploaded, with copies per photo', async () => {
    const { ports, actor, media, created } = setup();
    const bytes = new Uint8Array([0xff, 0xd8, 0xff]);
    const first = await uploadPhoto(ports, actor, GROUP, bytes);
    const second = await uploadPhoto(ports, actor, GROUP, bytes);
    expect(first.id).not.toBe(second.id);
    expect(media.puts.filter((k) => k.startsWith('originals/'))).toEqual([`originals/${'ab'.repeat(32)}`]);
    expect(media.objects.get(photoKeys.display(first.id))).toEqual(new Uint8Array([1]));
    expect(media.objects.get(photoKeys.thumb(second.id))).toEqual(new Uint8Array([2]));
    expect(created.map((m) => m.originalBytes)).toEqual([3, 3]);
  });

  it('refuses a removed member as if the group did not exist, before storing anything', async () => {
    const { ports, actor, media, membership } = setup();
    membership.status = 'removed';
    await expect(uploadPhoto(ports, actor, GROUP, new Uint8Array([1]))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(media.puts).toEqual([]);
  });

  it('refuses a pending member with forbidden: they may know the group exists', async () => {
    const { ports, actor, membership } = setup();
    membership.status = 'pending';
    await expect(uploadPhoto(ports, actor, GROUP, new Uint8Array([1]))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
