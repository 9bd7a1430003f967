// What members see of an alert: its fields, place in every format, the "not checked" mark, and where it travelled.
import {
  type Alert,
  type AlertId,
  type AlertTravelEntry,
  describeLocation,
  type Group,
  type GroupId,
  type Media,
  type MediaId,
  type Message,
  type MessageId,
  type OrganisationId,
  type PublicProfile,
  type UserId,
} from '@fellwatch/core';
import { AlertView, MessageView } from '@fellwatch/protocol';
import { describe, expect, it } from 'vitest';
import { isPlaceUnchecked, loadAlertTravel, presentAlert } from './alert.js';
import { loadMessageViews, type PresentingStore } from './message.js';

const ORIGIN = '01J0000000000000000000GRP1' as GroupId;
const WEARDALE = '01J0000000000000000000GRP2' as GroupId;
const NEIGHBOUR = '01J0000000000000000000GRP3' as GroupId;
const ELSEWHERE = '01J0000000000000000000GRP4' as GroupId;
const DALES = '01J0000000000000000000RG01' as OrganisationId;
const FORCE = '01J0000000000000000000RG02' as OrganisationId;
const ANN = '01J0000000000000000000ANN0' as UserId;
const ALERT = '01J00000000000000000A1ERT1' as AlertId;
const PHOTO = '01J00000000000000000PH0T01' as MediaId;
const GONE_PHOTO = '01J00000000000000000PH0T02' as MediaId;

function anAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: ALERT,
    kind: 'stolen',
    details: { kind: 'stolen', category: 'quad', make: 'Honda', colour: 'red', registration: 'AB12 CDE' },
    summary: 'Taken from the yard overnight.',
    authorId: ANN,
    originGroupId: ORIGIN,
    location: { lat: 54.625, lng: -2.081 },
    placeText: 'Top gate, ///filled.count.soap',
    photoIds: [PHOTO, GONE_PHOTO],
    status: 'unverified',
    outcome: null,
    outcomeNote: null,
    linkedAlertId: null,
    reach: { mode: 'radius', radiusKm: 80 },
    clientId: 'client-0001',
    createdAt: 1_767_225_600_000,
    updatedAt: 1_767_225_600_000,
    confirmedBy: null,
    resolvedBy: null,
    ...overrides,
  };
}

function aMedia(id: MediaId): Media {
  return {
    id,
    groupId: ORIGIN,
    uploaderId: ANN,
    sha256: 'ab'.repeat(32),
    originalType: 'image/jpeg',
    originalBytes: 1000,
    width: 800,
    height: 600,
    createdAt: 1_767_225_600_000,
  };
}

function aPlacement(groupId: GroupId, seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `01J0000000000000000000MSG${seq}` as MessageId,
    groupId,
    seq,
    authorId: ANN,
    clientId: `a-${seq}-placement`,
    body: 'Taken from the yard overnight.',
    replyToId: null,
    photoIds: [],
    location: null,
    createdAt: 1_767_225_600_000,
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    alertId: ALERT,
    ...overrides,
  };
}

function aGroup(id: GroupId, organisationId: OrganisationId): Group {
  return {
    id,
    organisationId,
    name: 'Watch',
    description: '',
    rules: '',
    area: null,
    vettingQuestions: [],
    externalAlerts: 'review',
    lastSeq: 0,
    createdAt: 0,
  };
}

const ann: PublicProfile = { id: ANN, displayName: 'Ann', badges: [] };

const NAMES = new Map([
  [ORIGIN, { groupName: 'Teesdale Farm Watch', organisationName: 'Durham Rural Watch' }],
  [WEARDALE, { groupName: 'Weardale Watch', organisationName: 'Durham Rural Watch' }],
  [NEIGHBOUR, { groupName: 'Alston Moor', organisationName: 'Cumbria Constabulary' }],
]);

/** A store answering from memory and counting the alert lookups; `reviewing` groups have not decided yet. */
function memoryStore(placements: Message[], reviewing: GroupId[] = []) {
  const calls = { alerts: 0, travel: [] as AlertId[][], names: [] as GroupId[][] };
  const groups = new Map([
    [ORIGIN, aGroup(ORIGIN, DALES)],
    [WEARDALE, aGroup(WEARDALE, DALES)],
    [NEIGHBOUR, aGroup(NEIGHBOUR, FORCE)],
    [ELSEWHERE, aGroup(ELSEWHERE, FORCE)],
  ]);
  const entry = (groupId: GroupId, isReviewing: boolean): AlertTravelEntry => ({
    alertId: ALERT,
    groupId,
    organisationId: groups.get(groupId)?.organisationId as OrganisationId,
    reviewing: isReviewing,
  });
  const store: PresentingStore = {
    async getPublicProfiles(ids) {
      return new Map(ids.filter((id) => id === ANN).map((id) => [id, ann]));
    },
    async getMedia(id) {
      return id === PHOTO ? aMedia(id) : undefined;
    },
    async getAlertsByIds(ids) {
      calls.alerts += 1;
      return ids.includes(ALERT) ? [anAlert()] : [];
    },
    async listAlertTravel(ids) {
      calls.travel.push([...ids]);
      if (!ids.includes(ALERT)) return [];
      return [...placements.map((m) => entry(m.groupId, false)), ...reviewing.map((g) => entry(g, true))];
    },
    async getGroupNames(ids) {
      calls.names.push([...ids]);
      return new Map(ids.flatMap((id) => (NAMES.has(id) ? [[id, NAMES.get(id)!] as const] : [])));
    },
  };
  return { store, calls };
}

describe('presentAlert', () => {
  it('shows the fields, the author, where it came from, the place in every format, photos that exist and the travel counts', () => {
    const view = presentAlert(
      anAlert(),
      ann,
      new Map([[PHOTO, aMedia(PHOTO)]]),
      { groups: 6, organisations: 2 },
      NAMES.get(ORIGIN),
    );
    expect(AlertView.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      id: ALERT,
      details: { kind: 'stolen', registration: 'AB12 CDE' },
      author: { id: ANN, displayName: 'Ann' },
      originGroupId: ORIGIN,
      originGroupName: 'Teesdale Farm Watch',
      originOrganisationName: 'Durham Rural Watch',
      location: describeLocation({ lat: 54.625, lng: -2.081 }),
      placeUnchecked: true,
      status: 'unverified',
      travel: { groups: 6, organisations: 2 },
    });
    expect(view.photos.map((p) => p.id)).toEqual([PHOTO]);
  });

  it('names a departed author "Former member" and has no location when none was given', () => {
    const view = presentAlert(
      anAlert({ location: null, placeText: null }),
      undefined,
      new Map(),
      { groups: 1, organisations: 1 },
      NAMES.get(ORIGIN),
    );
    expect(view.author.displayName).toBe('Former member');
    expect(view.location).toBeNull();
    expect(view.placeUnchecked).toBe(false);
  });
});

describe('isPlaceUnchecked', () => {
  it('marks text holding a what3words address, and nothing else', () => {
    expect(isPlaceUnchecked('///filled.count.soap')).toBe(true);
    expect(isPlaceUnchecked('Near ///Filled.Count.Soap by the gate')).toBe(true);
    expect(isPlaceUnchecked('NY 835 213')).toBe(false);
    expect(isPlaceUnchecked('www.example.com')).toBe(false);
    expect(isPlaceUnchecked(null)).toBe(false);
  });
});

describe('loadAlertTravel', () => {
  it('counts the groups an alert is shown in and their distinct organisations', async () => {
    const { store } = memoryStore([aPlacement(ORIGIN, 1), aPlacement(WEARDALE, 2), aPlacement(NEIGHBOUR, 3)]);
    const travel = await loadAlertTravel(store, [ALERT]);
    expect(travel.get(ALERT)).toEqual({ groups: 3, organisations: 2 });
  });

  it('counts the groups still reviewing it apart, with their organisations', async () => {
    const { store } = memoryStore([aPlacement(ORIGIN, 1)], [NEIGHBOUR, ELSEWHERE]);
    const travel = await loadAlertTravel(store, [ALERT]);
    expect(travel.get(ALERT)).toEqual({
      groups: 1,
      organisations: 1,
      reviewing: { groups: 2, organisations: 1 },
    });
  });
});

describe('the travel line of a presented alert', () => {
  const reviewed = { groups: 1, organisations: 1, reviewing: { groups: 2, organisations: 1 } };
  const present = (status: Alert['status']) =>
    presentAlert(anAlert({ status }), ann, new Map(), reviewed, NAMES.get(ORIGIN)).travel;

  it('says how many groups are still reviewing an open alert, and nothing of them once it is closed', () => {
    expect(present('unverified')).toEqual(reviewed);
    expect(present('confirmed')).toEqual(reviewed);
    expect(present('resolved')).toEqual({ groups: 1, organisations: 1 });
    expect(present('retracted')).toEqual({ groups: 1, organisations: 1 });
  });

  it('leaves reviewing out when no group is reviewing', () => {
    const view = presentAlert(anAlert(), ann, new Map(), { groups: 2, organisations: 1 }, NAMES.get(ORIGIN));
    expect(view.travel).toEqual({ groups: 2, organisations: 1 });
    expect(AlertView.parse(view).travel).not.toHaveProperty('reviewing');
  });
});

describe('loadMessageViews with alert placements', () => {
  it('presents each placement with its alert, loading alerts once for the whole page', async () => {
    const placements = [aPlacement(ORIGIN, 1), aPlacement(WEARDALE, 2)];
    const { store, calls } = memoryStore(placements);
    const ordinary = aPlacement(ORIGIN, 3, { alertId: null, body: 'Gate open' });
    const views = await loadMessageViews(store, [...placements, ordinary]);
    for (const view of views) MessageView.parse(view);
    expect(views.map((v) => v.alert?.id ?? null)).toEqual([ALERT, ALERT, null]);
    expect(views[0]?.alert?.travel).toEqual({ groups: 2, organisations: 1 });
    expect(views[1]?.alert).toMatchObject({
      originGroupName: 'Teesdale Farm Watch',
      originOrganisationName: 'Durham Rural Watch',
    });
    // One lookup each of the alerts, where they went and the origin's names for the whole page.
    expect(calls).toEqual({ alerts: 1, travel: [[ALERT]], names: [[ORIGIN]] });
  });

  it('shows no alert on a deleted placement', async () => {
    const deleted = aPlacement(ORIGIN, 1, { deletedAt: 5, deletedBy: ANN });
    const { store, calls } = memoryStore([deleted]);
    const [view] = await loadMessageViews(store, [deleted]);
    expect(view?.alert).toBeNull();
    expect(calls.alerts).toBe(0);
  });
});
