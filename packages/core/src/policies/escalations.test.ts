// Unit tests of the escalation policies: who hands things to the police, who reads them, who consents.
import { describe, expect, it } from 'vitest';
import type {
  Actor,
  Affiliation,
  Group,
  GroupId,
  GroupRole,
  Membership,
  MembershipStatus,
  OrganisationId,
  SessionId,
  UserId,
} from '../index.js';
import {
  canEscalate,
  canGiveContactConsent,
  canHandleGroupEscalations,
  canPostEscalationBack,
  canSeeOrganisationEscalations,
} from './index.js';

const dales = 'ORGDALES0000000000000000000' as OrganisationId;
const force = 'ORGFORCE0000000000000000000' as OrganisationId;
const group: Group = {
  id: 'GROUP' as GroupId,
  organisationId: dales,
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
  standing: {
    affiliation?: Affiliation | null;
    isAdmin?: boolean;
    organisationId?: OrganisationId;
  } | null = null,
  isPlatformAdmin = false,
): Actor {
  return {
    user: {
      id: id as UserId,
      displayName: id,
      email: `${id}@example.org`,
      phone: null,
      passwordHash: '',
      isPlatformAdmin,
      createdAt: 0,
    },
    affiliations: standing
      ? [
          {
            organisationId: standing.organisationId ?? dales,
            userId: id as UserId,
            affiliation: standing.affiliation ?? null,
            isAdmin: standing.isAdmin ?? false,
            verifiedBy: 'V' as UserId,
            verifiedAt: 0,
          },
        ]
      : [],
    sessionId: 'S' as SessionId,
  };
}

function member(who: Actor, role: GroupRole, status: MembershipStatus = 'active'): Membership {
  return {
    groupId: group.id,
    userId: who.user.id,
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

const plain = actor('plain');
const admin = actor('admin');
const moderator = actor('moderator');
const forceOfficer = actor('officer', { affiliation: 'officer', organisationId: force });
const dalesOfficer = actor('dales-officer', { affiliation: 'officer' });
const dalesStaff = actor('dales-staff', { affiliation: 'staff' });
const orgAdmin = actor('org-admin', { isAdmin: true });
const platformAdmin = actor('platform', null, true);

describe('canEscalate', () => {
  it('lets active admins, moderators and officers who are members escalate', () => {
    expect(canEscalate(admin, member(admin, 'admin'))).toBe(true);
    expect(canEscalate(moderator, member(moderator, 'moderator'))).toBe(true);
    expect(canEscalate(forceOfficer, member(forceOfficer, 'member'))).toBe(true);
  });

  it('refuses plain members, staff, non-members and anyone no longer active', () => {
    expect(canEscalate(plain, member(plain, 'member'))).toBe(false);
    expect(canEscalate(dalesStaff, member(dalesStaff, 'member'))).toBe(false);
    expect(canEscalate(forceOfficer, undefined)).toBe(false);
    expect(canEscalate(orgAdmin, undefined)).toBe(false);
    for (const status of ['pending', 'removed', 'banned', 'declined'] as const) {
      expect(canEscalate(admin, member(admin, 'admin', status)), status).toBe(false);
      expect(canEscalate(forceOfficer, member(forceOfficer, 'member', status)), status).toBe(false);
    }
  });
});

describe('canHandleGroupEscalations', () => {
  it('lets the group’s managers, moderators, member officers and the owning organisation’s officers in', () => {
    expect(canHandleGroupEscalations(admin, group, member(admin, 'admin'))).toBe(true);
    expect(canHandleGroupEscalations(moderator, group, member(moderator, 'moderator'))).toBe(true);
    expect(canHandleGroupEscalations(forceOfficer, group, member(forceOfficer, 'member'))).toBe(true);
    expect(canHandleGroupEscalations(dalesOfficer, group, undefined)).toBe(true);
    expect(canHandleGroupEscalations(orgAdmin, group, undefined)).toBe(true);
    expect(canHandleGroupEscalations(platformAdmin, group, undefined)).toBe(true);
  });

  it('keeps plain members, removed admins and officers of other forces who are not members out', () => {
    expect(canHandleGroupEscalations(plain, group, member(plain, 'member'))).toBe(false);
    expect(canHandleGroupEscalations(admin, group, member(admin, 'admin', 'removed'))).toBe(false);
    expect(canHandleGroupEscalations(forceOfficer, group, undefined)).toBe(false);
    expect(canHandleGroupEscalations(forceOfficer, group, member(forceOfficer, 'member', 'removed'))).toBe(
      false,
    );
    expect(canHandleGroupEscalations(dalesStaff, group, member(dalesStaff, 'member'))).toBe(false);
  });
});

describe('canSeeOrganisationEscalations', () => {
  it('lets the organisation’s admins, its officers and platform admins in, no one else', () => {
    expect(canSeeOrganisationEscalations(orgAdmin, dales)).toBe(true);
    expect(canSeeOrganisationEscalations(dalesOfficer, dales)).toBe(true);
    expect(canSeeOrganisationEscalations(platformAdmin, dales)).toBe(true);
    expect(canSeeOrganisationEscalations(dalesStaff, dales)).toBe(false);
    expect(canSeeOrganisationEscalations(forceOfficer, dales)).toBe(false);
    expect(canSeeOrganisationEscalations(orgAdmin, force)).toBe(false);
  });
});

describe('canPostEscalationBack', () => {
  it('needs someone who handles escalations and can post in the group', () => {
    expect(canPostEscalationBack(admin, group, member(admin, 'admin'))).toBe(true);
    expect(canPostEscalationBack(dalesOfficer, group, member(dalesOfficer, 'member'))).toBe(true);
    expect(canPostEscalationBack(dalesOfficer, group, undefined)).toBe(false);
    expect(canPostEscalationBack(orgAdmin, group, undefined)).toBe(false);
    expect(canPostEscalationBack(plain, group, member(plain, 'member'))).toBe(false);
  });
});

describe('canGiveContactConsent', () => {
  it('is for the reporter only', () => {
    expect(canGiveContactConsent(plain, { reporterId: plain.user.id })).toBe(true);
    expect(canGiveContactConsent(admin, { reporterId: plain.user.id })).toBe(false);
    expect(canGiveContactConsent(platformAdmin, { reporterId: plain.user.id })).toBe(false);
  });
});
