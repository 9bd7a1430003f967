// The rules an alert's input must follow before it is raised: its kind and fields, place, reach and photos.
import { defaultReachKm, MAX_REACH_KM, type ReachMode } from '../alerts/index.js';
import type { Alert, AlertKind, AlertOutcome, GeoPoint, Reach } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { GroupId, MediaId } from '../model/ids.js';
import type { Repositories } from '../ports/index.js';
import { checkMessageLocation, messageLength } from './messages.js';

/** The longest text under an alert's fields, in characters. */
export const MAX_ALERT_SUMMARY = 2000;
/** The longest place as typed ("///filled.count.soap", "NY 835 213"). */
export const MAX_PLACE_TEXT = 120;
/** The most photos one alert carries. */
export const MAX_ALERT_PHOTOS = 10;

export const ALERT_KINDS: readonly AlertKind[] = [
  'stolen',
  'found',
  'animal',
  'suspicious',
  'appeal',
  'missing',
];
export const ALERT_OUTCOMES: readonly AlertOutcome[] = [
  'recovered',
  'owner_found',
  'returned',
  'no_further_action',
  'found',
];
/** How a missing-person alert may end: found safe, or closed by the police with no further action. */
export const MISSING_OUTCOMES: readonly AlertOutcome[] = ['found', 'no_further_action'];
/** What makes a missing person especially at risk. */
export const MISSING_VULNERABILITIES = ['dementia', 'medical', 'self_harm', 'other'] as const;
/** Limits of a missing person's text fields, as the protocol sets them. */
const MISSING_TEXT = {
  name: 80,
  description: 1000,
  clothing: 500,
  lastSeenPlace: 200,
  mayGoTo: 1000,
  policeReference: 40,
} as const;
/** The oldest age a missing person may be given. */
export const MAX_MISSING_AGE = 120;
const PROPERTY_CATEGORIES = [
  'quad',
  'tractor',
  'trailer',
  'plant',
  'vehicle',
  'tools',
  'livestock',
  'fuel',
  'other',
];
const ACTIVITIES = ['hare_coursing', 'lamping', 'fly_tipping', 'casing_farms', 'other'];

/** An alert's own fields, as shaped by the protocol's AlertDetails; `kind` says which. */
export type AlertDetailsInput = { kind: string } & Record<string, unknown>;

function isText(value: unknown, required: boolean): boolean {
  if (value === undefined || value === null) return !required;
  return typeof value === 'string' && (!required || value.trim().length > 0);
}

function requireText(details: AlertDetailsInput, field: string, what: string): void {
  if (!isText(details[field], true)) throw fail.invalid(`${what} is required.`, `details.${field}`);
}

function requireOneOf(details: AlertDetailsInput, field: string, allowed: readonly string[]): void {
  const value = details[field];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw fail.invalid(`Must be one of: ${allowed.join(', ')}.`, `details.${field}`);
  }
}

/**
 * Checks the fields each kind must have (the protocol checks lengths and shapes at the edge; these are
 * the domain's own rules, so a caller without the protocol cannot raise a card with no substance).
 */
export function checkAlertDetails(details: AlertDetailsInput): AlertKind {
  if (typeof details !== 'object' || details === null)
    throw fail.invalid('The alert has no fields.', 'details');
  const kind = details.kind as AlertKind;
  if (!ALERT_KINDS.includes(kind)) {
    throw fail.invalid(`Unknown kind of alert; must be one of: ${ALERT_KINDS.join(', ')}.`, 'details.kind');
  }
  switch (kind) {
    case 'stolen':
    case 'found':
      requireOneOf(details, 'category', PROPERTY_CATEGORIES);
      break;
    case 'animal':
      requireOneOf(details, 'situation', ['loose', 'found']);
      requireText(details, 'species', 'The species');
      break;
    case 'suspicious':
      requireOneOf(details, 'activity', ACTIVITIES);
      break;
    case 'appeal':
      requireText(details, 'request', 'What the police ask for');
      requireText(details, 'policeReference', 'The police reference');
      requireText(details, 'howToRespond', 'How to respond');
      break;
    case 'missing':
      checkMissingDetails(details);
      break;
  }
  return kind;
}

/**
 * A missing person's fields: a name (or initials) and a description, when they were last seen, an age
 * from 0 to 120 if given, known vulnerabilities, and every text within the protocol's limits (a profile's
 * release builds these without the protocol).
 */
function checkMissingDetails(details: AlertDetailsInput): void {
  requireText(details, 'name', 'Their name or initials');
  requireText(details, 'description', 'A description');
  for (const [field, max] of Object.entries(MISSING_TEXT)) {
    const value = details[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw fail.invalid('Must be text.', `details.${field}`);
    if (messageLength(value.trim()) > max) {
      throw fail.invalid(`May be at most ${max} characters.`, `details.${field}`);
    }
  }
  const at = details.lastSeenAt;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) {
    throw fail.invalid('When they were last seen is required.', 'details.lastSeenAt');
  }
  const age = details.age;
  if (
    age !== undefined &&
    age !== null &&
    (typeof age !== 'number' || !Number.isInteger(age) || age < 0 || age > MAX_MISSING_AGE)
  ) {
    throw fail.invalid(`The age must be a whole number from 0 to ${MAX_MISSING_AGE}.`, 'details.age');
  }
  const vulnerabilities = details.vulnerabilities ?? [];
  if (
    !Array.isArray(vulnerabilities) ||
    vulnerabilities.some((v) => !(MISSING_VULNERABILITIES as readonly unknown[]).includes(v))
  ) {
    throw fail.invalid(
      `Vulnerabilities must be a list of: ${MISSING_VULNERABILITIES.join(', ')}.`,
      'details.vulnerabilities',
    );
  }
}

/**
 * A missing person's fields as stored: text trimmed, empty ones left out, vulnerabilities listed once,
 * and `profileId` only when a profile's release vouches for it.
 */
export function tidyMissingDetails(
  details: AlertDetailsInput,
  releasedProfileId: string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'missing' };
  for (const field of Object.keys(MISSING_TEXT)) {
    const value = details[field];
    if (typeof value === 'string' && value.trim().length > 0) out[field] = value.trim();
  }
  if (typeof details.age === 'number') out.age = details.age;
  out.lastSeenAt = details.lastSeenAt;
  out.vulnerabilities = [...new Set((details.vulnerabilities as string[] | undefined) ?? [])];
  if (releasedProfileId !== undefined) out.profileId = releasedProfileId;
  return out;
}

/** Trimmed text under the card's fields, at most MAX_ALERT_SUMMARY characters. */
export function checkAlertSummary(summary: string | undefined): string {
  if (summary === undefined) return '';
  if (typeof summary !== 'string') throw fail.invalid('The summary must be text.', 'summary');
  const trimmed = summary.trim();
  if (messageLength(trimmed) > MAX_ALERT_SUMMARY) {
    throw fail.invalid(`The summary may be at most ${MAX_ALERT_SUMMARY} characters.`, 'summary');
  }
  return trimmed;
}

/** The place as typed, trimmed; null when empty. */
export function checkPlaceText(placeText: string | undefined): string | null {
  if (placeText === undefined || placeText === null) return null;
  if (typeof placeText !== 'string') throw fail.invalid('The place must be text.', 'placeText');
  const trimmed = placeText.trim();
  if (messageLength(trimmed) > MAX_PLACE_TEXT) {
    throw fail.invalid(`The place may be at most ${MAX_PLACE_TEXT} characters.`, 'placeText');
  }
  return trimmed.length > 0 ? trimmed : null;
}

/** A point on the earth, or null. */
export function checkAlertLocation(location: GeoPoint | undefined): GeoPoint | null {
  return location === undefined || location === null ? null : checkMessageLocation(location);
}

/**
 * The reach to store and to compute with: a radius is filled in with the kind's default, must be at
 * most MAX_REACH_KM, and needs the alert's location.
 */
export function checkReach(
  reach: Reach,
  details: AlertDetailsInput,
  location: GeoPoint | null,
): { stored: Reach; mode: ReachMode } {
  const mode = (reach as { mode?: unknown } | undefined)?.mode;
  if (mode === 'group' || mode === 'organisation') return { stored: { mode }, mode: { mode } };
  if (mode !== 'radius') throw fail.invalid('The reach must be group, radius or organisation.', 'reach.mode');
  const given = (reach as { radiusKm?: unknown }).radiusKm;
  const radiusKm = given === undefined ? defaultReachKm(details) : given;
  if (
    typeof radiusKm !== 'number' ||
    !Number.isFinite(radiusKm) ||
    radiusKm <= 0 ||
    radiusKm > MAX_REACH_KM
  ) {
    throw fail.invalid(`The reach must be more than 0 and at most ${MAX_REACH_KM} km.`, 'reach.radiusKm');
  }
  if (location === null) throw fail.invalid('A reach by distance needs the alert’s location.', 'location');
  return { stored: { mode, radiusKm }, mode: { mode, radiusKm } };
}

/** Photos must be distinct, at most MAX_ALERT_PHOTOS, and uploaded to the group the alert is raised in. */
export async function checkAlertPhotos(
  store: Pick<Repositories, 'getMedia'>,
  groupId: GroupId,
  photoIds: readonly MediaId[] | undefined,
): Promise<MediaId[]> {
  const ids = photoIds ?? [];
  if (!Array.isArray(ids)) throw fail.invalid('Photos must be a list of photo ids.', 'photoIds');
  if (ids.length > MAX_ALERT_PHOTOS) {
    throw fail.invalid(`An alert may carry at most ${MAX_ALERT_PHOTOS} photos.`, 'photoIds');
  }
  if (new Set(ids).size !== ids.length) throw fail.invalid('The same photo is attached twice.', 'photoIds');
  const found = await Promise.all(ids.map((id) => store.getMedia(id)));
  if (found.some((media) => media?.groupId !== groupId)) {
    throw fail.invalid('Each photo must be one uploaded to this group.', 'photoIds');
  }
  return [...ids];
}

/** An alert still being acted on: not resolved, not retracted. */
export function isOpenAlert(alert: Pick<Alert, 'status'>): boolean {
  return alert.status === 'unverified' || alert.status === 'confirmed';
}
