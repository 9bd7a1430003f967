// Tests choosing how long to be on watch and the words for when a shift ends.
import { describe, expect, it } from 'vitest';
import { clockText, daysText, lengthText, watchEnd, weeklyText } from './watch-times.js';

const HOUR = 3_600_000;
/** Saturday 2 May 2026, 17:00 on this machine's clock. */
const now = new Date(2026, 4, 2, 17, 0, 0, 0).getTime();

describe('watchEnd', () => {
  it('counts hours from now', () => {
    expect(watchEnd('1h', '', now)).toBe(now + HOUR);
    expect(watchEnd('4h', '', now)).toBe(now + 4 * HOUR);
    expect(watchEnd('8h', '', now)).toBe(now + 8 * HOUR);
  });

  it('takes a clock time later today, or tomorrow once it has passed', () => {
    expect(watchEnd('until', '22:30', now)).toBe(new Date(2026, 4, 2, 22, 30).getTime());
    expect(watchEnd('until', '06:00', now)).toBe(new Date(2026, 4, 3, 6, 0).getTime());
    expect(watchEnd('until', '17:00', now)).toBe(new Date(2026, 4, 3, 17, 0).getTime());
    expect(watchEnd('until', '7:05', now)).toBe(new Date(2026, 4, 3, 7, 5).getTime());
  });

  it('gives null for a time it cannot read', () => {
    for (const bad of ['', 'teatime', '25:00', '12:60', '1830'])
      expect(watchEnd('until', bad, now)).toBeNull();
  });
});

describe('clockText', () => {
  it('says the time alone today, "tomorrow" for tomorrow, the date beyond', () => {
    expect(clockText(new Date(2026, 4, 2, 22, 30).getTime(), now)).toBe('22:30');
    expect(clockText(new Date(2026, 4, 3, 6, 0).getTime(), now)).toBe('tomorrow 06:00');
    expect(clockText(new Date(2026, 4, 5, 6, 0).getTime(), now)).toBe('Tue 5 May 06:00');
  });
});

describe('lengthText', () => {
  it('says hours and minutes plainly', () => {
    expect(lengthText(HOUR)).toBe('for 1 hour');
    expect(lengthText(4 * HOUR)).toBe('for 4 hours');
    expect(lengthText(45 * 60_000)).toBe('for 45 minutes');
    expect(lengthText(HOUR + 30 * 60_000)).toBe('for 1 hour 30 min');
  });
});

describe('weekly watches in words', () => {
  it('names the days plainly', () => {
    expect(daysText([2, 5])).toBe('Tue and Fri');
    expect(daysText([5, 1, 3])).toBe('Mon, Wed and Fri');
    expect(daysText([1, 2, 3, 4, 5])).toBe('weekdays');
    expect(daysText([7, 6])).toBe('weekends');
    expect(daysText([1, 2, 3, 4, 5, 6, 7])).toBe('every day');
    expect(daysText([3])).toBe('Wed');
  });

  it('says the whole pattern in one line', () => {
    expect(weeklyText([2, 5], '18:00', 480)).toBe('Every Tue and Fri, 18:00 for 8 hours');
    expect(weeklyText([1, 2, 3, 4, 5], '07:30', 90)).toBe('Every weekday, 07:30 for 1 hour 30 min');
    expect(weeklyText([1, 2, 3, 4, 5, 6, 7], '22:00', 600)).toBe('Every day, 22:00 for 10 hours');
  });
});
