// Who raises a missing-person alert, reports sightings, sees reporters and reads the record kept once found.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../model/actor.js';
import type { GroupRole, Membership, MembershipStatus } from '../model/entities.js';
import type { GroupId, OrganisationId, SessionId, UserId } from '../model/ids.js';
import {
  canDeleteMissingRecord,
  canRaiseMissingAlert,
  canReadMissingRecord,
  canReportSighting,
  canSeeSightingReporters,
} from './index.js';

const FORCE = '01J0000000000000000000FRC1' as OrganisationId;
const OTHER_FORCE = '01J0000000000000000000FRC2' as OrganisationId;
const WEARDALE = '01J0000000000000000000GRP1' as GroupId;

function actor(
  affiliations: {
    organisationId: OrganisationId;
    affiliation: 'officer' | 'staff' | null;
    isAdmin?: boolean;
  }[] = [],
  isPlatformAdmin = false,
): Actor {
  const id = '01J0000000000000000000USR1' as UserId;
  return {
    user: {
      id,
      displayName: 'Ann',
      email: 'ann@example.org',
      phone: null,
      passwordHash: '',
      isPlatformAdmin,
      createdAt: 0,
    },
    affiliations: affiliations.map((a) => ({
      isAdmin: false,
      ...a,
      userId: id,
      verifiedBy: id,
      verifiedAt: 0,
    })),
    sessionId: '01J0000000000000000000SES1' as SessionId,
  };
}

function membership(role: GroupRole, status: MembershipStatus = 'active'): Membership {
  return {
    groupId: WEARDALE,
    userId: '01J0000000000000000000USR1' as UserId,
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

describe('canRaiseMissingAlert', () => {
  it('lets officers, and active admins and moderators of the group, raise one', () => {
    expect(canRaiseMissingAlert(actor([{ organisationId: FORCE, affiliation: 'officer' }]), undefined)).toBe(
      true,
    );
    expect(canRaiseMissingAlert(actor(), membership('admin'))).toBe(true);
    expect(canRaiseMissingAlert(actor(), membership('moderator'))).toBe(true);
  });

  it('refuses plain members, staff, and admins no longer active', () => {
    expect(canRaiseMissingAlert(actor(), membership('member'))).toBe(false);
    expect(canRaiseMissingAlert(actor([{ organisationId: FORCE, affiliation: 'staff' }]), undefined)).toBe(
      false,
    );
    expect(canRaiseMissingAlert(actor(), membership('admin', 'removed'))).toBe(false);
  });
});

describe('sightings and the record', () => {
  it('takes sightings from active members only', () => {
    expect(canReportSighting(membership('member'))).toBe(true);
    expect(canReportSighting(membership('member', 'pending'))).toBe(false);
    expect(canReportSighting(undefined)).toBe(false);
  });

  it('shows reporters to officers only, and the record to officers of the alert’s organisation only', () => {
    const officer = actor([{ organisationId: FORCE, affiliation: 'officer' }]);
    expect(canSeeSightingReporters(officer)).toBe(true);
    expect(canSeeSightingReporters(actor())).toBe(false);
    expect(canReadMissingRecord(officer, FORCE)).toBe(true);
    expect(canReadMissingRecord(officer, OTHER_FORCE)).toBe(false);
    expect(canReadMissingRecord(actor([{ organisationId: FORCE, affiliation: 'staff' }]), FORCE)).toBe(false);
  });
});

describe('deleting the record early', () => {
  it('is for officers and admins of the alert’s organisation, not platform admins or anyone else', () => {
    expect(canDeleteMissingRecord(actor([{ organisationId: FORCE, affiliation: 'officer' }]), FORCE)).toBe(
      true,
    );
    expect(
      canDeleteMissingRecord(actor([{ organisationId: FORCE, affiliation: null, isAdmin: true }]), FORCE),
    ).toBe(true);
    expect(
      canDeleteMissingRecord(actor([{ organisationId: OTHER_FORCE, affiliation: 'officer' }]), FORCE),
    ).toBe(false);
    expect(
      canDeleteMissingRecord(
        actor([{ organisationId: OTHER_FORCE, affiliation: null, isAdmin: true }]),
        FORCE,
      ),
    ).toBe(false);
    expect(canDeleteMissingRecord(actor([{ organisationId: FORCE, affiliation: 'staff' }]), FORCE)).toBe(
      false,
    );
    expect(canDeleteMissingRecord(actor([], true), FORCE)).toBe(false);
    expect(canDeleteMissingRecord(actor(), FORCE)).toBe(false);
  });
});
