// Possible matches known on this phone (returned when raising, or asked for), so each card can show them.
// Kept per person: someone else signing in on the same phone must not see another's matches.
import { useSyncExternalStore } from 'react';
import type { AlertMatch } from '../../api/types.js';

let known: ReadonlyMap<string, readonly AlertMatch[]> = new Map();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Records the possible matches of an alert (an empty list means "asked, none found"). */
export function rememberMatches(userId: string, alertId: string, matches: readonly AlertMatch[]): void {
  const next = new Map(known);
  next.set(`${userId} ${alertId}`, matches);
  known = next;
  emit();
}

/** Forgets an alert's matches (after linking, both are resolved and no longer candidates). */
export function forgetMatches(userId: string, alertId: string): void {
  const key = `${userId} ${alertId}`;
  if (!known.has(key)) return;
  const next = new Map(known);
  next.delete(key);
  known = next;
  emit();
}

/** The possible matches of an alert known on this phone, or undefined when nobody has asked. */
export function useKnownMatches(userId: string, alertId: string): readonly AlertMatch[] | undefined {
  const all = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => known,
  );
  return all.get(`${userId} ${alertId}`);
}
