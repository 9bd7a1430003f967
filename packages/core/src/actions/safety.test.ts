// Unit tests of the safety rules that need no store: the numbers people tap, the online form, who may watch.
import { describe, expect, it } from 'vitest';
import type { Group, Membership, OrganisationMember } from '../model/entities.js';
import { DomainError } from '../model/errors.js';
import type { GroupId, OrganisationId, UserId } from '../model/ids.js';
import { mayWatchGroup } from '../policies/index.js';
import { checkOnlineReportUrl, checkPhoneNumber, defaultGuidance } from './safety.js';

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkPhoneNumber', () => {
  it('accepts short codes and full numbers, tidying spaces', () => {
    expect(checkPhoneNumber('999', 'emergencyNumber', 'emergency number')).toBe('999');
    expect(checkPhoneNumber(' 0345  60 60 365 ', 'nonEmergencyNumber', 'number')).toBe('0345 60 60 365');
    expect(checkPhoneNumber('+44 300 123 1212', 'nonEmergencyNumber', 'number')).toBe('+44 300 123 1212');
  });

  it('refuses letters, signs, too few or too many digits, naming the field', () => {
    for (const bad of ['99a', '9', '12', '1-0-1', 'tel:999', '', '1234567890123456', '++999']) {
      const error = refusal(() => checkPhoneNumber(bad, 'emergencyNumber', 'emergency number'));
      expect(error.code).toBe('invalid');
      expect(error.field).toBe('emergencyNumber');
    }
    expect(refusal(() => checkPhoneNumber(999, 'nonEmergencyNumber', 'number')).field).toBe(
      'nonEmergencyNumber',
    );
  });
});

describe('checkOnlineReportUrl', () => {
  it('takes empty as none and keeps a full https address', () => {
    expect(checkOnlineReportUrl(null)).toBeNull();
    expect(checkOnlineReportUrl('  ')).toBeNull();
    expect(checkOnlineReportUrl('https://www.police.uk/pu/contact-us/')).toBe(
      'https://www.police.uk/pu/contact-us/',
    );
  });

  it('refuses anything that is not a secure web address', () => {
    for (const bad of [
      'http://www.police.uk/',
      'www.police.uk',
      'javascript:alert(1)',
      'https://',
      'https://localhost/',
      'https://user:pass@police.uk/',
      'https://police.uk/a b',
      `https://police.uk/${'a'.repeat(500)}`,
    ]) {
      expect(refusal(() => checkOnlineReportUrl(bad)).field, bad).toBe('onlineReportUrl');
    }
  });
});

describe('defaultGuidance', () => {
  it('is 999 and 101 with no online form', () => {
    expect(defaultGuidance('ORG' as OrganisationId)).toMatchObject({
      emergencyNumber: '999',
      nonEmergencyNumber: '101',
      onlineReportUrl: null,
      forceName: null,
      updatedAt: null,
    });
  });
});

describe('mayWatchGroup', () => {
  const force = 'FORCE' as OrganisationId;
  const other = 'OTHER' as OrganisationId;
  const group = { id: 'G' as GroupId, organisationId: force } as Group;
  const user = 'U' as UserId;
  const membership = (role: Membership['role'], status: Membership['status'] = 'active') =>
    ({ groupId: group.id, userId: user, role, status }) as Membership;
  const badge = (organisationId: OrganisationId, affiliation: OrganisationMember['affiliation']) =>
    [{ organisationId, userId: user, affiliation, isAdmin: false }] as OrganisationMember[];

  it('lets active admins and moderators watch', () => {
    expect(mayWatchGroup([], group, membership('admin'))).toBe(true);
    expect(mayWatchGroup([], group, membership('moderator'))).toBe(true);
  });

  it("lets the owning force's officers who are members watch, not other forces' or staff", () => {
    expect(mayWatchGroup(badge(force, 'officer'), group, membership('member'))).toBe(true);
    expect(mayWatchGroup(badge(other, 'officer'), group, membership('member'))).toBe(false);
    expect(mayWatchGroup(badge(force, 'staff'), group, membership('member'))).toBe(false);
  });

  it('refuses plain members and anyone not active in the group', () => {
    expect(mayWatchGroup([], group, membership('member'))).toBe(false);
    expect(mayWatchGroup([], group, membership('admin', 'removed'))).toBe(false);
    expect(mayWatchGroup(badge(force, 'officer'), group, membership('member', 'pending'))).toBe(false);
    expect(mayWatchGroup(badge(force, 'officer'), group, undefined)).toBe(false);
  });
});
