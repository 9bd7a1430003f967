// Sightings in words and on the map: "Seen 14:20 at Stanhope market place, reported by Ann", the trail, the form's
// checks; and when the officers' record is deleted.
import type { SightingView } from '../../api/sightings.js';
import type { TrailPoint } from '../alerts/trail.js';

const timeOf = (at: number) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayOf = (at: number) =>
  new Date(at).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/** "14:20" today, "14:20 Tue 3 Mar" on another day. */
export function seenTime(at: number, now: number = Date.now()): string {
  return dayOf(at) === dayOf(now) ? timeOf(at) : `${timeOf(at)} ${dayOf(at)}`;
}

/** "Kept until 12 March 2027, then deleted": when the record officers keep is deleted under their rule. */
export function keptUntilText(at: number): string {
  const day = new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `Kept until ${day}, then deleted`;
}

/** Where a sighting was, in a few words: the place as typed, else its grid reference or coordinates. */
export function sightingPlace(s: Pick<SightingView, 'placeText' | 'location'>): string {
  const typed = s.placeText?.trim();
  if (typed) return typed;
  if (s.location?.gridRef) return s.location.gridRef;
  if (s.location) return `${s.location.lat.toFixed(4)}, ${s.location.lng.toFixed(4)}`;
  return 'an unknown place';
}

/** Who reported it: "you", or the reporter's display name. */
export function reporterName(s: Pick<SightingView, 'mine' | 'author'>): string {
  return s.mine ? 'you' : s.author.displayName;
}

/** "Seen 14:20 at Stanhope market place, reported by Ann". */
export function sightingLine(s: SightingView, now: number = Date.now()): string {
  return `Seen ${seenTime(s.seenAt, now)} at ${sightingPlace(s)}, reported by ${reporterName(s)}`;
}

/** The sightings with a point, for the map: each with its line as the tooltip. */
export function trailOf(sightings: readonly SightingView[], now: number = Date.now()): TrailPoint[] {
  return sightings.flatMap((s) =>
    s.location
      ? [
          {
            id: s.id,
            lat: s.location.lat,
            lng: s.location.lng,
            seenAt: s.seenAt,
            label: sightingLine(s, now),
          },
        ]
      : [],
  );
}

/** What stops a sighting being sent, by field, in words: a place and a time are needed. */
export interface SightingProblems {
  place?: string;
  seenAt?: string;
  note?: string;
}

/** Checks a sighting before it is sent: somewhere (a point or typed words), a time not in the future, a short note. */
export function sightingProblems(
  draft: { hasPoint: boolean; typed: string; seenAt: number | null; note: string },
  now: number = Date.now(),
): SightingProblems {
  const problems: SightingProblems = {};
  if (!draft.hasPoint && !draft.typed.trim()) {
    problems.place = 'Say where you saw them: use your location, pick the place on the map or type it.';
  }
  if (draft.seenAt === null) problems.seenAt = 'Say when you saw them.';
  else if (draft.seenAt > now + 5 * 60_000) problems.seenAt = 'The time cannot be in the future.';
  if (draft.note.trim().length > 1000) problems.note = 'The note may be at most 1,000 characters.';
  return problems;
}

/** Which form field a server error names ("location", "placeText", "seenAt", "photoIds", "note"). */
export function sightingFieldOf(serverField: string | undefined): keyof SightingProblems | 'photos' | null {
  if (serverField === 'location' || serverField === 'placeText') return 'place';
  if (serverField === 'seenAt' || serverField === 'note') return serverField;
  if (serverField?.startsWith('photoIds')) return 'photos';
  return null;
}
