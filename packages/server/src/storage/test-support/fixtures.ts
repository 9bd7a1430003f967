// Builders of valid records for storage tests; each call makes a fresh id so tests never collide.
import type {
  Alert,
  AlertId,
  Group,
  GroupId,
  Invite,
  InviteId,
  Membership,
  MessageId,
  NewMessage,
  Organisation,
  OrganisationId,
  Repositories,
  User,
  UserId,
} from '@fellwatch/core';
import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();
const T0 = Date.UTC(2026, 0, 1);

/** A fresh ULID with the brand of your choice. */
export function newId<T extends string>(): T {
  return nextUlid() as T;
}

/** A user with a unique email. */
export function aUser(overrides: Partial<User> = {}): User {
  const id = newId<UserId>();
  return {
    id,
    displayName: `Person ${id.slice(-6)}`,
    email: `person-${id.toLowerCase()}@example.org`,
    phone: '+44 7700 900123',
    passwordHash: '$argon2id$fake',
    isPlatformAdmin: false,
    createdAt: T0,
    ...overrides,
  };
}

/** An organisation with a unique name. */
export function anOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  const id = newId<OrganisationId>();
  return { id, name: `Constabulary ${id}`, kind: 'police', createdAt: T0, ...overrides };
}

/** A group in `organisationId`. */
export function aGroup(organisationId: OrganisationId, overrides: Partial<Group> = {}): Group {
  return {
    id: newId<GroupId>(),
    organisationId,
    name: 'Upper Dale Farm Watch',
    description: 'Farms between the beck and the fell road.',
    rules: 'Be kind. Report crime to 101 or 999 first.',
    area: { kind: 'circle', centre: { lat: 54.45, lng: -2.95 }, radiusKm: 8 },
    vettingQuestions: ['Which farm are you at?'],
    externalAlerts: 'review',
    lastSeq: 0,
    createdAt: T0,
    ...overrides,
  };
}

/** An active member of a group. */
export function aMembership(
  groupId: GroupId,
  userId: UserId,
  overrides: Partial<Membership> = {},
): Membership {
  return {
    groupId,
    userId,
    role: 'member',
    status: 'active',
    answers: ['High Side'],
    inviteId: null,
    decidedBy: null,
    decidedAt: null,
    lastReadSeq: 0,
    createdAt: T0,
    ...overrides,
  };
}

/** An invite to a group, usable until `expiresAt`. */
export function anInvite(groupId: GroupId, createdBy: UserId, overrides: Partial<Invite> = {}): Invite {
  const id = newId<InviteId>();
  return {
    id,
    groupId,
    tokenHash: `hash-${id}`,
    createdBy,
    createdAt: T0,
    expiresAt: T0 + 7 * 86_400_000,
    maxUses: 10,
    uses: 0,
    revokedAt: null,
    ...overrides,
  };
}

/** A new message in a group, with a fresh id and client id. */
export function aMessage(
  groupId: GroupId,
  authorId: UserId,
  overrides: Partial<NewMessage> = {},
): NewMessage {
  const id = newId<MessageId>();
  return {
    id,
    groupId,
    authorId,
    clientId: `client-${id}`,
    body: 'Quad bike taken from the yard at Low Moor overnight.',
    replyToId: null,
    photoIds: [],
    location: null,
    createdAt: T0 + 60_000,
    ...overrides,
  };
}

/** A stolen-quad alert raised in `originGroupId`, unverified, with a fresh id and client id. */
export function anAlert(originGroupId: GroupId, authorId: UserId, overrides: Partial<Alert> = {}): Alert {
  const id = newId<AlertId>();
  return {
    id,
    kind: 'stolen',
    details: { kind: 'stolen', category: 'quad', make: 'Honda', colour: 'red', registration: 'AB12 CDE' },
    summary: 'Red Honda quad taken from Low Moor overnight.',
    authorId,
    originGroupId,
    location: { lat: 54.62, lng: -2.08 },
    placeText: 'NY 944 258',
    photoIds: [],
    status: 'unverified',
    outcome: null,
    outcomeNote: null,
    linkedAlertId: null,
    reach: { mode: 'radius', radiusKm: 80 },
    clientId: `alert-${id}`,
    createdAt: T0 + 120_000,
    updatedAt: T0 + 120_000,
    confirmedBy: null,
    resolvedBy: null,
    ...overrides,
  };
}

/** The usual start of a test: an organisation, a group in it and an active member. */
export async function aGroupWithMember(store: Repositories) {
  const organisation = anOrganisation();
  const user = aUser();
  await store.createOrganisation(organisation);
  await store.createUser(user);
  const group = aGroup(organisation.id);
  await store.createGroup(group);
  const membership = aMembership(group.id, user.id);
  await store.putMembership(membership);
  return { organisation, user, group, membership };
}

/** The epoch the fixtures' times are measured from. */
export const fixtureEpoch = T0;

/** An organisation, a group in it with an active member, and `extra` more groups of the organisation. */
export async function aGroupWithMemberAndMore(store: Repositories, extra: number) {
  const start = await aGroupWithMember(store);
  const more: Group[] = [];
  for (let i = 0; i < extra; i++) {
    const group = aGroup(start.organisation.id, { name: `Dale ${i}` });
    await store.createGroup(group);
    more.push(group);
  }
  return { ...start, more };
}
