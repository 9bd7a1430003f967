// Weekly watch patterns ("every Tuesday and Friday, 18:00 for 8 hours") read on the clock people live by:
// local time in the UK, across the spring and autumn clock changes. Pure: only Intl, no IO.
import type { EpochMs } from '../model/ids.js';

/** The clock weekly patterns are read in. */
export const WATCH_TIME_ZONE = 'Europe/London';

/** What a weekly pattern says, without whose it is. */
export interface WeeklyTimes {
  /** ISO weekdays on which it starts: 1 Monday … 7 Sunday. */
  days: number[];
  /** Minutes after local midnight: 18:00 is 1080. */
  startMinute: number;
  durationMinutes: number;
}

/** One occurrence of a pattern, as a span of time. */
export interface Occurrence {
  startsAt: EpochMs;
  endsAt: EpochMs;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time in `timeZone` at an instant. */
function wallClock(at: EpochMs, timeZone: string): LocalDate & { minuteOfDay: number; wallMs: number } {
  const parts: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  return {
    year,
    month,
    day,
    minuteOfDay: hour * 60 + minute,
    wallMs: Date.UTC(year, month - 1, day, hour, minute, second),
  };
}

/** How far the wall clock in `timeZone` is ahead of UTC at an instant, in milliseconds. */
function offsetAt(at: EpochMs, timeZone: string): number {
  const whole = at - (((at % 1000) + 1000) % 1000);
  return wallClock(whole, timeZone).wallMs - whole;
}

/**
 * The instant the wall clock in `timeZone` shows `minuteOfDay` on a local date. In the hour the clocks
 * repeat it is the first of the two; a time in the hour they skip is taken by the old clock (01:30 on
 * the spring morning starts at 02:30 on the new one).
 */
export function localInstant(date: LocalDate, minuteOfDay: number, timeZone = WATCH_TIME_ZONE): EpochMs {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // The offsets half a day either side: a clock change falls between them at most once.
  const before = wall - offsetAt(wall - DAY / 2, timeZone);
  const after = wall - offsetAt(wall + DAY / 2, timeZone);
  const shown = [before, after].filter((t) => wallClock(t, timeZone).wallMs === wall);
  return shown.length > 0 ? Math.min(...shown) : before;
}

/** ISO weekday (1 Monday … 7 Sunday) of a local date. */
function isoWeekday(date: LocalDate): number {
  const sundayFirst = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return ((sundayFirst + 6) % 7) + 1;
}

function daysBefore(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) - days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The occurrence of a weekly pattern running at `at`, or null. An occurrence lasts at most a day, so
 * only one starting today or yesterday (local dates) can be running.
 */
export function occurrenceAt(times: WeeklyTimes, at: EpochMs, timeZone = WATCH_TIME_ZONE): Occurrence | null {
  const today = wallClock(at, timeZone);
  for (const back of [0, 1]) {
    const date = daysBefore(today, back);
    if (!times.days.includes(isoWeekday(date))) continue;
    const startsAt = localInstant(date, times.startMinute, timeZone);
    const endsAt = startsAt + times.durationMinutes * MINUTE;
    if (startsAt <= at && at < endsAt) return { startsAt, endsAt };
  }
  return null;
}

/** The next occurrence of a pattern that has not ended by `at` (the running one, if any), within a week. */
export function nextOccurrence(
  times: WeeklyTimes,
  at: EpochMs,
  timeZone = WATCH_TIME_ZONE,
): Occurrence | null {
  const running = occurrenceAt(times, at, timeZone);
  if (running) return running;
  const today = wallClock(at, timeZone);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const date = daysBefore(today, -ahead);
    if (!times.days.includes(isoWeekday(date))) continue;
    const startsAt = localInstant(date, times.startMinute, timeZone);
    if (startsAt > at) return { startsAt, endsAt: startsAt + times.durationMinutes * MINUTE };
  }
  return null;
}
