// How far an alert travels by default, per kind (and, for property, per category), and the reach limits.
import type { AlertKind, PropertyCategory, Reach } from '../../api/types.js';

/** The largest radius the server accepts, in km. */
export const MAX_REACH_KM = 200;

/** Things that are driven or towed away travel far: those alerts go wider. */
const FAR_TRAVELLING: ReadonlySet<PropertyCategory> = new Set([
  'quad',
  'tractor',
  'trailer',
  'plant',
  'vehicle',
]);

/**
 * The default "groups within N km" for an alert: stolen or found quads, tractors, trailers, plant and
 * vehicles 80 km; other property 50 km; animals 10 km; suspicious activity 30 km; appeals 50 km;
 * a missing person 25 km from where they were last seen.
 */
export function defaultRadiusKm(kind: AlertKind, category?: PropertyCategory): number {
  switch (kind) {
    case 'stolen':
    case 'found':
      return category && FAR_TRAVELLING.has(category) ? 80 : 50;
    case 'animal':
      return 10;
    case 'suspicious':
      return 30;
    case 'appeal':
      return 50;
    case 'missing':
      return 25;
  }
}

/** What the reach choice on the form can be. */
export type ReachMode = Reach['mode'];

/** A radius typed on the form, checked: a number of km in (0, 200], or a sentence saying what is wrong. */
export function checkRadius(text: string): { km: number } | { error: string } {
  const km = Number(text.trim());
  if (!text.trim() || !Number.isFinite(km) || km <= 0) return { error: 'Enter a distance in kilometres.' };
  if (km > MAX_REACH_KM) return { error: `Alerts reach at most ${MAX_REACH_KM} km.` };
  return { km };
}

/** What stops a reach being sent, in words, or null: a bad distance, or a distance with no place to measure from. */
export function reachProblem(mode: ReachMode, radiusText: string, hasPlace: boolean): string | null {
  if (mode !== 'radius') return null;
  const radius = checkRadius(radiusText);
  if ('error' in radius) return radius.error;
  if (!hasPlace) {
    return `“Groups within ${radius.km} km” needs the place. Add it under Where, or choose another reach.`;
  }
  return null;
}
