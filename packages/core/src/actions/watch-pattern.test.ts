// Unit tests of weekly watch patterns on UK local time: summer and winter, overnight, and the clock changes.
import { describe, expect, it } from 'vitest';
import { localInstant, nextOccurrence, occurrenceAt } from './watch-pattern.js';

const utc = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

describe('localInstant', () => {
  it('reads UK local time: GMT in winter, BST in summer', () => {
    expect(localInstant({ year: 2026, month: 1, day: 6 }, 18 * 60)).toBe(utc('2026-01-06T18:00:00Z'));
    expect(localInstant({ year: 2026, month: 6, day: 2 }, 18 * 60)).toBe(utc('2026-06-02T17:00:00Z'));
  });

  it('takes the first of the repeated hour in autumn, and a skipped time by the old clock in spring', () => {
    expect(localInstant({ year: 2026, month: 10, day: 25 }, 90)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(localInstant({ year: 2026, month: 3, day: 29 }, 90)).toBe(utc('2026-03-29T01:30:00Z'));
    expect(localInstant({ year: 2026, month: 3, day: 29 }, 3 * 60)).toBe(utc('2026-03-29T02:00:00Z'));
  });
});

describe('occurrenceAt', () => {
  const tuesdayEvening = { days: [2], startMinute: 18 * 60, durationMinutes: 60 };

  it('finds a running occurrence on its weekday, local time, and none outside it', () => {
    expect(occurrenceAt(tuesdayEvening, utc('2026-06-02T17:30:00Z'))).toEqual({
      startsAt: utc('2026-06-02T17:00:00Z'),
      endsAt: utc('2026-06-02T18:00:00Z'),
    });
    expect(occurrenceAt(tuesdayEvening, utc('2026-06-02T18:00:00Z'))).toBeNull();
    expect(occurrenceAt(tuesdayEvening, utc('2026-06-02T16:59:59Z'))).toBeNull();
    expect(occurrenceAt(tuesdayEvening, utc('2026-06-03T17:30:00Z'))).toBeNull();
    expect(occurrenceAt(tuesdayEvening, utc('2026-01-06T18:30:00Z'))).toEqual({
      startsAt: utc('2026-01-06T18:00:00Z'),
      endsAt: utc('2026-01-06T19:00:00Z'),
    });
  });

  it('covers the small hours after an evening start the day before', () => {
    const fridayNight = { days: [5], startMinute: 22 * 60, durationMinutes: 8 * 60 };
    expect(occurrenceAt(fridayNight, utc('2026-01-10T03:00:00Z'))).toEqual({
      startsAt: utc('2026-01-09T22:00:00Z'),
      endsAt: utc('2026-01-10T06:00:00Z'),
    });
    expect(occurrenceAt(fridayNight, utc('2026-01-10T06:00:00Z'))).toBeNull();
    // Saturday night is not a Friday.
    expect(occurrenceAt(fridayNight, utc('2026-01-11T03:00:00Z'))).toBeNull();
  });

  it('lasts its stated minutes across a clock change', () => {
    const saturdayNight = { days: [6], startMinute: 22 * 60, durationMinutes: 8 * 60 };
    const occurrence = occurrenceAt(saturdayNight, utc('2026-10-25T03:00:00Z'));
    expect(occurrence).toEqual({
      startsAt: utc('2026-10-24T21:00:00Z'),
      endsAt: utc('2026-10-25T05:00:00Z'),
    });
    expect(((occurrence?.endsAt ?? 0) - (occurrence?.startsAt ?? 0)) / MINUTE).toBe(480);
  });
});

describe('nextOccurrence', () => {
  it('is the running one, or the next start within the week', () => {
    const weekdays = { days: [1, 2, 3, 4, 5], startMinute: 7 * 60, durationMinutes: 120 };
    expect(nextOccurrence(weekdays, utc('2026-01-06T08:00:00Z'))?.startsAt).toBe(utc('2026-01-06T07:00:00Z'));
    expect(nextOccurrence(weekdays, utc('2026-01-06T10:00:00Z'))?.startsAt).toBe(utc('2026-01-07T07:00:00Z'));
    expect(nextOccurrence(weekdays, utc('2026-01-09T10:00:00Z'))?.startsAt).toBe(utc('2026-01-12T07:00:00Z'));
  });
});
