// Plain-language formatting of times, counts and badges for the screens.
import type { Badge } from '../api/types.js';

const AFFILIATION: Record<Badge['affiliation'], string> = {
  officer: 'Officer',
  staff: 'Staff',
  partner: 'Partner',
};

/** "Officer · Durham Constabulary". */
export function badgeText(badge: Badge): string {
  return `${AFFILIATION[badge.affiliation]} · ${badge.organisationName}`;
}

/** A message time: "14:05" today, "Yesterday 14:05", "Mon 14:05" this week, else "3 Mar 2025, 14:05". */
export function messageTime(at: number, now: number = Date.now()): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const dayMs = 86_400_000;
  if (at >= startOfToday.getTime()) return time;
  if (at >= startOfToday.getTime() - dayMs) return `Yesterday ${time}`;
  if (at >= startOfToday.getTime() - 6 * dayMs) {
    return `${d.toLocaleDateString('en-GB', { weekday: 'short' })} ${time}`;
  }
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
}

/** A date and time written out in full, for tooltips and screen readers. */
export function fullTime(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short' });
}

/** "1 new message" / "12 new messages". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A short date for lists: "3 Mar 2025". */
export function shortDate(at: number): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "in 3 days", "in 5 hours", "expired". */
export function untilText(at: number, now: number = Date.now()): string {
  const ms = at - now;
  if (ms <= 0) return 'expired';
  const hours = Math.round(ms / 3_600_000);
  if (hours < 1) return 'in less than an hour';
  if (hours < 48) return `in ${plural(hours, 'hour', 'hours')}`;
  return `in ${plural(Math.round(hours / 24), 'day', 'days')}`;
}

/** Decimal degrees to 5 places (about a metre): "54.72543, -2.18321". */
export function latLngText(lat: number, lng: number): string {
  return `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
}
