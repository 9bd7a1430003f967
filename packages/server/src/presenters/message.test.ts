// What members see of a message: withheld content of deleted ones, photo links, locations, unknown authors.
import {
  describeLocation,
  type GroupId,
  type Media,
  type MediaId,
  type Message,
  type MessageId,
  type PublicProfile,
  type UserId,
} from '@fellwatch/core';
import { MessageView } from '@fellwatch/protocol';
import { describe, expect, it } from 'vitest';
import { loadMessageViews, type PresentingStore, presentMessage } from './message.js';
import { presentPerson } from './person.js';

const GROUP = '01J0000000000000000000GRP0' as GroupId;
const ANN = '01J0000000000000000000ANN0' as UserId;
const BOB = '01J0000000000000000000B0B0' as UserId;
const PHOTO = '01J00000000000000000PH0T01' as MediaId;
const OTHER_PHOTO = '01J00000000000000000PH0T02' as MediaId;

function aMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: '01J0000000000000000000MSG1' as MessageId,
    groupId: GROUP,
    seq: 7,
    authorId: ANN,
    clientId: 'client-0001',
    body: 'Red pickup, no plates, at the top of Cold Keld lane.',
    replyToId: null,
    photoIds: [PHOTO],
    location: { lat: 54.45, lng: -2.95 },
    createdAt: 1_767_225_600_000,
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    alertId: null,
    ...overrides,
  };
}

function aMedia(id: MediaId): Media {
  return {
    id,
    groupId: GROUP,
    uploaderId: ANN,
    sha256: 'ab'.repeat(32),
    originalType: 'image/jpeg',
    originalBytes: 123_456,
    width: 1600,
    height: 1200,
    createdAt: 1_767_225_600_000,
  };
}

const ann: PublicProfile = {
  id: ANN,
  displayName: 'Ann Officer',
  badges: [
    {
      organisationId: '01J0000000000000000000RG11' as never,
      organisationName: 'Cumbria Police',
      affiliation: 'officer',
    },
  ],
};

describe('presentMessage', () => {
  it('shows the body, the author with badges, photos as member copies and the location in every format', () => {
    const view = presentMessage(aMessage(), ann, new Map([[PHOTO, aMedia(PHOTO)]]));
    expect(MessageView.parse(view)).toEqual(view);
    expect(view).toEqual({
      id: '01J0000000000000000000MSG1',
      groupId: GROUP,
      seq: 7,
      clientId: 'client-0001',
      author: { id: ANN, displayName: 'Ann Officer', badges: ann.badges },
      body: 'Red pickup, no plates, at the top of Cold Keld lane.',
      replyToId: null,
      photos: [
        {
          id: PHOTO,
          width: 1600,
          height: 1200,
          url: `/api/v1/media/${PHOTO}/display`,
          thumbUrl: `/api/v1/media/${PHOTO}/thumb`,
        },
      ],
      location: describeLocation({ lat: 54.45, lng: -2.95 }),
      createdAt: 1_767_225_600_000,
      editedAt: null,
      deleted: false,
      alert: null,
    });
    expect(view.location?.gridRef).toMatch(/^[A-Z]{2} \d{5} \d{5}$/);
  });

  it('withholds the content of a deleted message but keeps its place', () => {
    const deleted = aMessage({ deletedAt: 1_767_225_700_000, deletedBy: BOB, editedAt: 1_767_225_650_000 });
    const view = presentMessage(deleted, ann, new Map([[PHOTO, aMedia(PHOTO)]]));
    expect(view).toMatchObject({
      body: '',
      photos: [],
      location: null,
      deleted: true,
      seq: 7,
      editedAt: 1_767_225_650_000,
    });
    expect(JSON.stringify(view)).not.toContain('pickup');
  });

  it('names an author who is gone "Former member", with no badges', () => {
    expect(presentMessage(aMessage(), undefined, new Map()).author).toEqual({
      id: ANN,
      displayName: 'Former member',
      badges: [],
    });
  });

  it('leaves out photos whose records are missing, and has no location when none was given', () => {
    const view = presentMessage(
      aMessage({ photoIds: [PHOTO, OTHER_PHOTO], location: null }),
      ann,
      new Map([[OTHER_PHOTO, aMedia(OTHER_PHOTO)]]),
    );
    expect(view.photos.map((p) => p.id)).toEqual([OTHER_PHOTO]);
    expect(view.location).toBeNull();
  });
});

describe('presentPerson', () => {
  it('copies only the public fields, whatever else the record carries', () => {
    const withPrivate = { ...ann, email: 'ann@example.org', phone: '+44 7700 900123' } as PublicProfile;
    const person = presentPerson(withPrivate);
    expect(person).toEqual({ id: ANN, displayName: 'Ann Officer', badges: ann.badges });
    expect(JSON.stringify(person)).not.toMatch(/example\.org|7700/);
  });
});

async function unexpected(): Promise<never> {
  throw new Error('an alert lookup for messages without alerts');
}

describe('loadMessageViews', () => {
  /** A store answering from memory and counting its calls: this is the port's own interface. */
  function countingStore() {
    const calls = { profiles: [] as UserId[][], media: [] as MediaId[] };
    const store: PresentingStore = {
      async getPublicProfiles(ids) {
        calls.profiles.push([...ids]);
        return new Map(ids.filter((id) => id === ANN).map((id) => [id, ann]));
      },
      async getMedia(id) {
        calls.media.push(id);
        return aMedia(id);
      },
      // No message here is an alert's placement, so the alert lookups must never be asked.
      getAlertsByIds: unexpected,
      listAlertTravel: unexpected,
      getGroupNames: unexpected,
    };
    return { store, calls };
  }

  it('looks people and photos up once each, skips photos of deleted messages, keeps the order', async () => {
    const { store, calls } = countingStore();
    const messages = [
      aMessage({ id: 'M1' as MessageId, seq: 1 }),
      aMessage({ id: 'M2' as MessageId, seq: 2, authorId: BOB, photoIds: [PHOTO] }),
      aMessage({ id: 'M3' as MessageId, seq: 3, photoIds: [OTHER_PHOTO], deletedAt: 1, deletedBy: ANN }),
    ];
    const views = await loadMessageViews(store, messages);
    expect(views.map((v) => v.id)).toEqual(['M1', 'M2', 'M3']);
    expect(calls.profiles).toEqual([[ANN, BOB]]);
    expect(calls.media).toEqual([PHOTO]);
    expect(views[1]?.author.displayName).toBe('Former member');
    expect(views[1]?.photos).toHaveLength(1);
  });

  it('asks nothing for no messages', async () => {
    const { store, calls } = countingStore();
    expect(await loadMessageViews(store, [])).toEqual([]);
    expect(calls).toEqual({ profiles: [], media: [] });
  });
});
