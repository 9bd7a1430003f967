// The mirrored rule for found people's records against the protocol's schema.
import { SetEmergencyGuidance } from '@fellwatch/protocol';
import { describe, expect, it } from 'vitest';
import { recordDaysProblem } from './record-retention.js';

const numbers = { emergencyNumber: '999', nonEmergencyNumber: '101' };

describe('recordDaysProblem', () => {
  it('accepts and refuses the same days as the protocol', () => {
    for (const typed of [
      '30',
      '365',
      '3650',
      ' 90 ',
      '29',
      '3651',
      '0',
      '-30',
      '90.5',
      '1e3',
      '',
      'a year',
    ]) {
      const sent = typed.trim() === '' ? undefined : Number(typed);
      const protocol = SetEmergencyGuidance.safeParse({ ...numbers, recordRetentionDays: sent });
      // An empty field is no rule at all to the protocol; the form asks for one.
      const expected = typed.trim() !== '' && protocol.success;
      expect(recordDaysProblem(typed) === null, typed).toBe(expected);
    }
  });

  it('says what is allowed', () => {
    expect(recordDaysProblem('29')).toBe(
      "Keep a found person's record for a whole number of days from 30 to 3650.",
    );
  });
});
