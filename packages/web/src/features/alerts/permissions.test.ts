// Tests which actions an alert card offers: officers confirm; the poster, group admins and officers resolve.
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types.js';
import { alertView, ME, OTHER } from '../../state/test-fixtures.js';
import { alertActions, canMarkFound, canRaiseMissing } from './permissions.js';

const ORG = '01HZX000000000000000000ORG';
const person = (
  affiliation: 'officer' | 'staff' | null = null,
  id = ME,
): Pick<Me, 'id' | 'organisations'> => ({
  id,
  organisations: affiliation
    ? [{ organisationId: ORG, organisationName: 'Durham Constabulary', affiliation, isAdmin: false }]
    : [],
});

describe('alertActions', () => {
  it('offers a plain member nothing on somebody else’s alert', () => {
    expect(alertActions(alertView(), person(), 'member')).toEqual({
      confirm: false,
      resolve: false,
      retract: false,
      matches: false,
    });
  });

  it('lets the poster resolve, retract and see matches, but not confirm', () => {
    expect(alertActions(alertView(), person(null, OTHER), 'member')).toEqual({
      confirm: false,
      resolve: true,
      retract: true,
      matches: true,
    });
  });

  it('lets group admins and moderators resolve, and only officers confirm', () => {
    expect(alertActions(alertView(), person(), 'admin')).toMatchObject({ confirm: false, resolve: true });
    expect(alertActions(alertView(), person(), 'moderator')).toMatchObject({ confirm: false, retract: true });
    expect(alertActions(alertView(), person('staff'), 'member')).toMatchObject({
      confirm: false,
      resolve: false,
    });
    expect(alertActions(alertView(), person('officer'), 'member')).toEqual({
      confirm: true,
      resolve: true,
      retract: true,
      matches: true,
    });
  });

  it('offers no confirm on a confirmed alert and nothing once it is closed', () => {
    const officer = person('officer');
    expect(alertActions(alertView({ status: 'confirmed' }), officer, null).confirm).toBe(false);
    for (const status of ['resolved', 'retracted'] as const) {
      expect(Object.values(alertActions(alertView({ status }), officer, 'admin'))).toEqual([
        false,
        false,
        false,
        false,
      ]);
    }
  });

  it('has no matches for suspicious activity or appeals', () => {
    const suspicious = alertView({ details: { kind: 'suspicious', activity: 'lamping' } });
    expect(alertActions(suspicious, person(null, OTHER), 'member')).toMatchObject({
      resolve: true,
      matches: false,
    });
  });
});

describe('missing people', () => {
  const missing = alertView({
    details: {
      kind: 'missing',
      name: 'Margaret Dowson',
      description: 'White hair',
      lastSeenAt: 1_700_000_000_000,
      vulnerabilities: [],
    },
  });

  it('offers "Found safe" instead of Resolve, to the poster, group admins and officers', () => {
    expect(alertActions(missing, person('officer'), 'member')).toMatchObject({
      resolve: false,
      retract: true,
    });
    expect(canMarkFound(missing, person('officer'), 'member')).toBe(true);
    expect(canMarkFound(missing, person(), 'moderator')).toBe(true);
    expect(canMarkFound(missing, person(null, OTHER), 'member')).toBe(true);
    expect(canMarkFound(missing, person(), 'member')).toBe(false);
    expect(canMarkFound({ ...missing, status: 'resolved' }, person('officer'), 'admin')).toBe(false);
    expect(canMarkFound(alertView(), person('officer'), 'admin')).toBe(false);
  });

  it('offers raising one to officers and to the group’s admins and moderators', () => {
    expect(canRaiseMissing(person('officer'), 'member')).toBe(true);
    expect(canRaiseMissing(person(), 'admin')).toBe(true);
    expect(canRaiseMissing(person(), 'moderator')).toBe(true);
    expect(canRaiseMissing(person('staff'), 'member')).toBe(false);
    expect(canRaiseMissing(person(), null)).toBe(false);
  });
});
