// Unit tests of which vetting decisions apply to which member standing.
import { describe, expect, it } from 'vitest';
import type { MembershipStatus } from '../model/entities.js';
import { DomainError } from '../model/errors.js';
import { type MemberDecision, statusAfterDecision } from './members.js';

const statuses: MembershipStatus[] = ['pending', 'active', 'declined', 'removed', 'banned'];

function outcome(current: MembershipStatus, decision: MemberDecision): MembershipStatus | string {
  try {
    return statusAfterDecision(current, decision);
  } catch (error) {
    if (error instanceof DomainError) return `refused:${error.code}`;
    throw error;
  }
}

describe('statusAfterDecision', () => {
  it('approves and declines only a pending request', () => {
    expect(statuses.map((s) => outcome(s, 'approve'))).toEqual([
      'active',
      'refused:conflict',
      'refused:conflict',
      'refused:conflict',
      'refused:conflict',
    ]);
    expect(statuses.map((s) => outcome(s, 'decline'))).toEqual([
      'declined',
      'refused:conflict',
      'refused:conflict',
      'refused:conflict',
      'refused:conflict',
    ]);
  });

  it('removes and bans active or pending members only', () => {
    expect(statuses.map((s) => outcome(s, 'remove'))).toEqual([
      'removed',
      'removed',
      'refused:conflict',
      'refused:conflict',
      'refused:conflict',
    ]);
    expect(statuses.map((s) => outcome(s, 'ban'))).toEqual([
      'banned',
      'banned',
      'refused:conflict',
      'refused:conflict',
      'refused:conflict',
    ]);
  });
});
