// Unit tests of the access policies: every rule, including the forbidden paths.
import { describe, expect, it } from 'vitest';
import type {
  Actor,
  Group,
  GroupId,
  Membership,
  Message,
  MessageId,
  OrganisationId,
  SessionId,
  UserId,
} from '../index.js';
import * as policy from './index.js';

const force = 'ORGFORCE0000000000000000000' as OrganisationId;
const charity = 'ORGCHARITY00000000000000000' as OrganisationId;
const group: Group = {
  id: 'GROUP' as GroupId,
  organisationId: charity,
  name: 'Upper Teesdale',
  description: '',
  rules: '',
  area: null,
  vettingQuestions: [],
  externalAlerts: 'review',
  lastSeq: 0,
  createdAt: 0,
};

function actor(
  id: string,
  extra: Partial<Actor['user']> = {},
  affiliations: Actor['affiliations'] = [],
): Actor {
  return {
    user: {
      id: id as UserId,
      displayName: id,
      email: `${id}@example.org`,
      phone: null,
      passwordHash: '',
      isPlatformAdmin: false,
      createdAt: 0,
      ...extra,
    },
    affiliations,
    sessionId: 'S' as SessionId,
  };
}
function membership(
  userId: string,
  role: Membership['role'],
  status: Membership['status'] = 'active',
): Membership {
  return {
    groupId: group.id,
    userId: userId as UserId,
    role,
    status,
    answers: [],
    inviteId: null,
    decidedBy: null,
    decidedAt: null,
    lastReadSeq: 0,
    createdAt: 0,
  };
}
function message(authorId: string, deleted = false): Message {
  return {
    id: 'M' as MessageId,
    groupId: group.id,
    seq: 1,
    authorId: authorId as UserId,
    clientId: 'client-1',
    body: 'Gate left open at the top field',
    replyToId: null,
    photoIds: [],
    location: null,
    createdAt: 0,
    editedAt: null,
    deletedAt: deleted ? 1 : null,
    deletedBy: null,
    alertId: null,
  };
}
const officerOf = (org: OrganisationId) => [
  {
    organisationId: org,
    userId: 'x' as UserId,
    affiliation: 'officer' as const,
    isAdmin: false,
    verifiedBy: 'y' as UserId,
    verifiedAt: 0,
  },
];

describe('group access', () => {
  it('lets active members read and post, and nobody else', () => {
    expect(policy.canReadGroup(membership('a', 'member'))).toBe(true);
    expect(policy.canPost(membership('a', 'member'))).toBe(true);
    for (const status of ['pending', 'declined', 'removed', 'banned'] as const) {
      expect(policy.canReadGroup(membership('a', 'member', status))).toBe(false);
      expect(policy.canPost(membership('a', 'admin', status))).toBe(false);
    }
    expect(policy.canReadGroup(undefined)).toBe(false);
  });

  it('hides a group from people with no standing in it', () => {
    const stranger = actor('s');
    expect(policy.canSeeGroup(stranger, group, undefined)).toBe(false);
    expect(policy.canSeeGroup(stranger, group, membership('s', 'member', 'removed'))).toBe(false);
    expect(policy.canSeeGroup(stranger, group, membership('s', 'member', 'pending'))).toBe(true);
    expect(policy.canSeeGroup(actor('p', { isPlatformAdmin: true }), group, undefined)).toBe(true);
  });

  it('gives management to group admins, organisation admins and platform admins only', () => {
    expect(policy.canManageGroup(actor('a'), group, membership('a', 'admin'))).toBe(true);
    expect(policy.canManageGroup(actor('a'), group, membership('a', 'admin', 'removed'))).toBe(false);
    expect(policy.canManageGroup(actor('m'), group, membership('m', 'moderator'))).toBe(false);
    expect(policy.canDecideMembers(actor('m'), group, membership('m', 'moderator'))).toBe(true);
    expect(policy.canDecideMembers(actor('u'), group, membership('u', 'member'))).toBe(false);
    const orgAdmin = actor('o', {}, [{ ...officerOf(charity)[0]!, affiliation: null, isAdmin: true }]);
    expect(policy.canManageGroup(orgAdmin, group, undefined)).toBe(true);
    const otherOrgAdmin = actor('o', {}, [{ ...officerOf(force)[0]!, affiliation: null, isAdmin: true }]);
    expect(policy.canManageGroup(otherOrgAdmin, group, undefined)).toBe(false);
  });
});

describe('messages', () => {
  it('lets only the author edit, and the author or a moderator delete', () => {
    const author = actor('a');
    const other = actor('b');
    expect(policy.canEditMessage(author, message('a'), membership('a', 'member'))).toBe(true);
    expect(policy.canEditMessage(other, message('a'), membership('b', 'admin'))).toBe(false);
    expect(policy.canEditMessage(author, message('a', true), membership('a', 'member'))).toBe(false);
    expect(policy.canDeleteMessage(other, message('a'), membership('b', 'member'))).toBe(false);
    expect(policy.canDeleteMessage(other, message('a'), membership('b', 'moderator'))).toBe(true);
    expect(policy.canDeleteMessage(author, message('a'), membership('a', 'member', 'removed'))).toBe(false);
  });
});

describe('original photos', () => {
  it('are for group admins, officers in the group and officers of the owning organisation', () => {
    expect(policy.canFetchOriginal(actor('u'), group, membership('u', 'member'))).toBe(false);
    expect(policy.canFetchOriginal(actor('a'), group, membership('a', 'admin'))).toBe(true);
    expect(policy.canFetchOriginal(actor('o', {}, officerOf(force)), group, membership('o', 'member'))).toBe(
      true,
    );
    expect(policy.canFetchOriginal(actor('o', {}, officerOf(force)), group, undefined)).toBe(false);
    expect(policy.canFetchOriginal(actor('o', {}, officerOf(charity)), group, undefined)).toBe(true);
    expect(
      policy.canFetchOriginal(actor('o', {}, officerOf(force)), group, membership('o', 'member', 'removed')),
    ).toBe(false);
  });
});
