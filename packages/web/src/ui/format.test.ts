// Tests the plain-language formatting used on screens.
import { describe, expect, it } from 'vitest';
import { badgeText, latLngText, messageTime, plural, untilText } from './format.js';

describe('format', () => {
  it('writes badges as role and organisation', () => {
    expect(
      badgeText({
        organisationId: '01HZX000000000000000000ORG',
        organisationName: 'Durham Constabulary',
        affiliation: 'officer',
      }),
    ).toBe('Officer · Durham Constabulary');
  });

  it('writes message times relative to today', () => {
    const now = new Date(2025, 2, 12, 15, 0).getTime();
    expect(messageTime(new Date(2025, 2, 12, 9, 5).getTime(), now)).toBe('09:05');
    expect(messageTime(new Date(2025, 2, 11, 22, 30).getTime(), now)).toBe('Yesterday 22:30');
    expect(messageTime(new Date(2025, 0, 3, 8, 0).getTime(), now)).toBe('3 Jan 2025, 08:00');
  });

  it('counts and times in words', () => {
    expect(plural(1, 'message', 'messages')).toBe('1 message');
    expect(plural(3, 'message', 'messages')).toBe('3 messages');
    expect(untilText(1000, 2000)).toBe('expired');
    expect(untilText(5 * 3_600_000, 0)).toBe('in 5 hours');
    expect(untilText(7 * 86_400_000, 0)).toBe('in 7 days');
    expect(latLngText(54.725431, -2.183214)).toBe('54.72543, -2.18321');
  });
});
