// The words and links of the emergency guidance: tap-to-call addresses, who is watching, what the check found.
import type { EmergencyGuidance, RiskCategory, Watcher } from '../../api/safety.js';

/** What applies until a group's organisation sets its own numbers, and while nothing is known yet. */
export const DEFAULT_GUIDANCE: Guidance = {
  emergencyNumber: '999',
  nonEmergencyNumber: '101',
  onlineReportUrl: null,
  forceName: null,
  updatedAt: null,
};

/** The numbers and form people are shown, whether or not they came from the server. */
export type Guidance = Omit<EmergencyGuidance, 'organisationId' | 'recordRetentionDays'>;

/** A tap-to-call address: "tel:03456060365" for "0345 60 60 365". */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}

/** An https address safe to put in a link; anything else (never expected from the server) gives null. */
export function safeReportUrl(url: string | null): string | null {
  return url && /^https:\/\//i.test(url) ? url : null;
}

/** "PC Jane Smith (Durham Constabulary)": a watcher's name and the organisation of their first badge. */
export function watcherName(watcher: Watcher): string {
  const badge = watcher.person.badges[0];
  return badge ? `${watcher.person.displayName} (${badge.organisationName})` : watcher.person.displayName;
}

/** "PC Jane Smith (Durham Constabulary)", "A and B", "A, B and C". */
export function watcherNames(watchers: readonly Watcher[]): string {
  const names = watchers.map(watcherName);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The header line: who is watching now, or that nobody is. The numbers to call stand just above it
 * in the group's notice, so the line does not repeat them.
 */
export function watchLineText(watchers: readonly Watcher[]): string {
  if (watchers.length === 0) return 'Nobody is watching this group right now';
  return `Watched now by ${watcherNames(watchers)}`;
}

const CATEGORY: Record<RiskCategory, string> = {
  self_harm: 'Self-harm or suicide',
  danger_to_life: 'Danger to life',
  crime_in_progress: 'Crime happening now',
  fire: 'Fire',
  crash: 'Crash',
  missing_person: 'Missing person',
};

/** A category in plain words, for the queue. */
export function categoryText(category: RiskCategory): string {
  return CATEGORY[category];
}

/** "the force's online form" or "Durham Constabulary's online form". */
export function onlineFormName(guidance: Guidance): string {
  return guidance.forceName ? `${guidance.forceName}'s online form` : "the police's online form";
}

/**
 * The words that counted, each once: a cue inside a longer one that also counted ("someone trapped" in
 * "someone trapped inside") adds nothing for the reader.
 */
export function distinctCues(cues: readonly string[]): string[] {
  const unique = [...new Set(cues.map((c) => c.trim()).filter((c) => c.length > 0))];
  return unique.filter((cue) => !unique.some((other) => other !== cue && other.includes(cue)));
}
