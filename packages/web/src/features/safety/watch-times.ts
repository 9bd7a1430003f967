// Choosing how long to be on watch, and saying when a shift ends, in the words people use.

/** The choices on the "Go on watch" screen. */
export type WatchLength = '1h' | '4h' | '8h' | 'until';

const HOUR = 3_600_000;
/** The longest shift the server accepts. */
export const MAX_WATCH_MS = 24 * HOUR;

export const WATCH_LENGTHS: { value: WatchLength; label: string }[] = [
  { value: '1h', label: '1 hour' },
  { value: '4h', label: '4 hours' },
  { value: '8h', label: '8 hours' },
  { value: 'until', label: 'Until a time' },
];

/**
 * When a shift chosen now ends: an hour count from now, or the next time the clock shows `clock`
 * ("18:30"; tomorrow when that time has passed today). Null when the time cannot be read.
 */
export function watchEnd(length: WatchLength, clock: string, now: number): number | null {
  if (length === '1h') return now + HOUR;
  if (length === '4h') return now + 4 * HOUR;
  if (length === '8h') return now + 8 * HOUR;
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  const end = new Date(now);
  end.setHours(hours, minutes, 0, 0);
  if (end.getTime() <= now) end.setDate(end.getDate() + 1);
  return end.getTime();
}

/** "18:30", "tomorrow 06:00" or "Sat 3 May 06:00": when a shift ends, seen from `now`. */
export function clockText(at: number, now: number): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  const startOfDay = day.getTime();
  day.setDate(day.getDate() + 1);
  const startOfTomorrow = day.getTime();
  day.setDate(day.getDate() + 1);
  if (at >= startOfDay && at < startOfTomorrow) return time;
  if (at >= startOfTomorrow && at < day.getTime()) return `tomorrow ${time}`;
  return `${d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })} ${time}`;
}

/** "for 4 hours", "for 45 minutes": how long a shift lasts. */
export function lengthText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return rest === 0 ? `for ${h}` : `for ${h} ${rest} min`;
}

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The days of the week for a weekly watch's form, Monday first (ISO numbers). */
export const WEEKDAYS: { value: number; label: string }[] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
].map((label, i) => ({ value: i + 1, label }));

/** "every day", "weekdays", "weekends", or "Tue and Fri": the days of a weekly watch. */
export function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  if (sorted.join() === '1,2,3,4,5') return 'weekdays';
  if (sorted.join() === '6,7') return 'weekends';
  const names = sorted.map((d) => DAY_SHORT[d - 1] ?? '?');
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Every Tue and Fri, 18:00 for 8 hours": a weekly watch in one line. */
export function weeklyText(days: readonly number[], startTime: string, durationMinutes: number): string {
  const when = daysText(days);
  const prefix =
    when === 'every day'
      ? 'Every day'
      : `Every ${when.replace(/^weekdays$/, 'weekday').replace(/^weekends$/, 'weekend')}`;
  return `${prefix}, ${startTime} ${lengthText(durationMinutes * 60_000)}`;
}
