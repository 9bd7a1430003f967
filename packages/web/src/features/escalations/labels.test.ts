// Tests of escalations in words: who is offered "Escalate", reference checks, call links and history lines.
import { describe, expect, it } from 'vitest';
import type { EscalationHistoryEntry } from '../../api/escalations.js';
import type { Me } from '../../api/types.js';
import { canOfferEscalation, historyText, nextStatuses, referenceProblem, telHref } from './labels.js';

const ORG = '01HZX000000000000000000ORG';
const person = (affiliation: 'officer' | 'staff' | null = null): Pick<Me, 'organisations'> => ({
  organisations: affiliation
    ? [{ organisationId: ORG, organisationName: 'Durham Constabulary', affiliation, isAdmin: false }]
    : [],
});

describe('canOfferEscalation', () => {
  it('offers it to admins, moderators and officers who are members', () => {
    expect(canOfferEscalation(person(), 'admin')).toBe(true);
    expect(canOfferEscalation(person(), 'moderator')).toBe(true);
    expect(canOfferEscalation(person('officer'), 'member')).toBe(true);
  });

  it('does not offer it to plain members, staff, or people not in the group', () => {
    expect(canOfferEscalation(person(), 'member')).toBe(false);
    expect(canOfferEscalation(person('staff'), 'member')).toBe(false);
    expect(canOfferEscalation(person('officer'), null)).toBe(false);
    expect(canOfferEscalation(null, 'admin')).toBe(false);
  });
});

describe('referenceProblem', () => {
  it('accepts the shapes forces use', () => {
    for (const ok of ['DUR-20261129-0042', 'Log 123 of 29/11', ' CU/1234/26 ', 'abc']) {
      expect(referenceProblem(ok), ok).toBeNull();
    }
  });

  it('says what is wrong with anything else', () => {
    expect(referenceProblem('  ')).toBe('Type the reference the police gave you.');
    expect(referenceProblem('ab')).toBe('A reference is between 3 and 40 characters long.');
    expect(referenceProblem('x'.repeat(41))).toBe('A reference is between 3 and 40 characters long.');
    expect(referenceProblem('Log #5')).toBe("Use only letters, numbers, spaces, '/' and '-'.");
  });
});

describe('telHref', () => {
  it('makes a tap-to-call link without spaces', () => {
    expect(telHref('999')).toBe('tel:999');
    expect(telHref('+44 1228 123 456')).toBe('tel:+441228123456');
  });
});

describe('historyText', () => {
  const by = { id: '01HZX0000000000000000000JA', displayName: 'Jane Admin', badges: [] };
  const entry = (action: EscalationHistoryEntry['action'], detail: EscalationHistoryEntry['detail']) => ({
    at: 0,
    by,
    action,
    detail,
  });

  it('says each change as a sentence', () => {
    expect(historyText(entry('created', { channel: '101' }))).toBe(
      'Jane Admin passed it on: 101 (non-emergency).',
    );
    expect(historyText(entry('reference', { from: null, to: 'DUR-1' }))).toBe(
      'Jane Admin recorded the reference DUR-1.',
    );
    expect(historyText(entry('reference', { from: 'DUR-1', to: 'DUR-2' }))).toBe(
      'Jane Admin changed the reference from DUR-1 to DUR-2.',
    );
    expect(historyText(entry('status', { from: 'open', to: 'referred' }))).toBe(
      'Jane Admin noted that the police have it.',
    );
    expect(historyText(entry('outcome', { outcome: 'recovered', note: 'In a barn.' }))).toBe(
      'Jane Admin recorded the outcome: property recovered (“In a barn.”).',
    );
    expect(historyText(entry('posted_back', { messageId: 'x' }))).toBe(
      'Jane Admin posted what happened next in the group.',
    );
    expect(historyText(entry('consent', { phone: true, email: false }))).toBe(
      'The reporter agreed to share their contact details: phone.',
    );
    expect(historyText(entry('consent', { phone: false, email: false }))).toBe(
      'The reporter chose not to share their contact details.',
    );
  });
});

describe('nextStatuses', () => {
  it('only moves forward', () => {
    expect(nextStatuses('open')).toEqual(['referred', 'closed']);
    expect(nextStatuses('referred')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual([]);
  });
});
