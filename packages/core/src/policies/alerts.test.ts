// Unit tests of the alert policies: who raises appeals, confirms, and resolves or retracts an alert.
import { describe, expect, it } from 'vitest';
import type { Actor, GroupId, Membership, OrganisationId, SessionId, UserId } from '../index.js';
import { canConfirmAlert, canRaiseAppeal, canResolveAlert } from './index.js';

const durham = 'ORG-DURHAM' as OrganisationId;
const teesdale = 'GROUP-TEESDALE' as GroupId;
const weardale = 'GROUP-WEARDALE' as GroupId;

function actor(id: string, affiliations: Actor['affiliations'] = [], isPlatformAdmin = false): Actor {
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
    affiliations,
    sessionId: 'S' as SessionId,
  };
}

function affiliation(userId: string, kind: 'officer' | 'staff' | 'partner' | null, isAdmin = false) {
  return {
    organisationId: durham,
    userId: userId as UserId,
    affiliation: kind,
    isAdmin,
    verifiedBy: 'admin' as UserId,
    verifiedAt: 0,
  };
}

function membership(
  userId: string,
  groupId: GroupId,
  role: Membership['role'],
  status: Membership['status'] = 'active',
): Membership {
  return {
    groupId,
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

const officer = actor('pc-hall', [affiliation('pc-hall', 'officer')]);
const staff = actor('clerk', [affiliation('clerk', 'staff')]);
const orgAdmin = actor('org-admin', [affiliation('org-admin', null, true)]);
const platformAdmin = actor('root', [], true);
const farmer = actor('farmer');

describe('canRaiseAppeal and canConfirmAlert', () => {
  it('allow verified officers only', () => {
    for (const check of [canRaiseAppeal, canConfirmAlert]) {
      expect(check(officer)).toBe(true);
      expect(check(staff)).toBe(false);
      expect(check(orgAdmin)).toBe(false);
      expect(check(platformAdmin)).toBe(false);
      expect(check(farmer)).toBe(false);
    }
  });
});

describe('canResolveAlert', () => {
  const alert = { authorId: 'poster' as UserId };

  it('allows the poster, with or without a membership', () => {
    expect(canResolveAlert(actor('poster'), alert, [])).toBe(true);
  });

  it('allows officers anywhere', () => {
    expect(canResolveAlert(officer, alert, [])).toBe(true);
  });

  it('allows active admins and moderators of a group where it is shown', () => {
    const admin = actor('admin');
    const moderator = actor('moderator');
    expect(canResolveAlert(admin, alert, [membership('admin', weardale, 'admin')])).toBe(true);
    expect(
      canResolveAlert(moderator, alert, [
        membership('moderator', teesdale, 'member'),
        membership('moderator', weardale, 'moderator'),
      ]),
    ).toBe(true);
  });

  it('refuses plain members, removed or pending admins, and others', () => {
    expect(canResolveAlert(farmer, alert, [membership('farmer', teesdale, 'member')])).toBe(false);
    expect(canResolveAlert(farmer, alert, [membership('farmer', teesdale, 'admin', 'removed')])).toBe(false);
    expect(canResolveAlert(farmer, alert, [membership('farmer', teesdale, 'moderator', 'pending')])).toBe(
      false,
    );
    expect(canResolveAlert(staff, alert, [])).toBe(false);
    expect(canResolveAlert(orgAdmin, alert, [])).toBe(false);
  });

  it("ignores someone else's membership passed by mistake", () => {
    expect(canResolveAlert(farmer, alert, [membership('someone-else', teesdale, 'admin')])).toBe(false);
  });
});
