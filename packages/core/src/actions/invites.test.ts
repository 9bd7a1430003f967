// Unit tests of invite usability and of the vetting answers a joiner must give.
import { describe, expect, it } from 'vitest';
import type { Invite } from '../model/entities.js';
import { DomainError } from '../model/errors.js';
import type { GroupId, InviteId, UserId } from '../model/ids.js';
import { checkAnswers, inviteState } from './invites.js';

const invite: Invite = {
  id: 'INVITE' as InviteId,
  groupId: 'GROUP' as GroupId,
  tokenHash: 'hash',
  createdBy: 'ADMIN' as UserId,
  createdAt: 1_000,
  expiresAt: 5_000,
  maxUses: 3,
  uses: 0,
  revokedAt: null,
};

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('inviteState', () => {
  it('is usable before expiry with uses left', () => {
    expect(inviteState(invite, 4_999)).toBe('usable');
    expect(inviteState({ ...invite, uses: 2 }, 1_000)).toBe('usable');
  });

  it('expires at its expiry time', () => {
    expect(inviteState(invite, 5_000)).toBe('expired');
  });

  it('is used up at maxUses', () => {
    expect(inviteState({ ...invite, uses: 3 }, 2_000)).toBe('used_up');
  });

  it('reports revocation first', () => {
    expect(inviteState({ ...invite, revokedAt: 1_500, uses: 3 }, 9_000)).toBe('revoked');
  });
});

describe('checkAnswers', () => {
  const questions = ['Which farm?', 'Who can vouch for you?'];

  it('trims one answer per question', () => {
    expect(checkAnswers(questions, [' Low Force ', 'Ann at the shop'])).toEqual([
      'Low Force',
      'Ann at the shop',
    ]);
  });

  it('refuses too few, too many, empty and blank answers', () => {
    for (const answers of [[], ['Low Force'], ['a', 'b', 'c'], ['Low Force', '   ']]) {
      const error = refusal(() => checkAnswers(questions, answers));
      expect(error.code).toBe('invalid');
      expect(error.field).toBe('answers');
    }
  });

  it('takes no answers where the group asks no questions', () => {
    expect(checkAnswers([], [])).toEqual([]);
    expect(refusal(() => checkAnswers([], ['hello'])).field).toBe('answers');
  });

  it('refuses an answer over 1000 characters', () => {
    expect(refusal(() => checkAnswers(['Why?'], ['x'.repeat(1001)])).field).toBe('answers');
  });
});
