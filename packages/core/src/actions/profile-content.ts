// What a Herbert Protocol profile holds, the rules its fields follow, and how it becomes a missing-person alert's details.
import type { GeoPoint } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { EpochMs } from '../model/ids.js';
import type { ProfileId, ProfilePhotoId } from '../ports/profiles.js';

/** Why the person is at risk when missing; the same words a missing-person alert uses. */
export type Vulnerability = 'dementia' | 'medical' | 'self_harm' | 'other';
export const VULNERABILITIES: readonly Vulnerability[] = ['dementia', 'medical', 'self_harm', 'other'];

/** How the person looks, in the family's words. */
export interface ProfileDescription {
  height: string | null;
  build: string | null;
  hair: string | null;
  /** Glasses, a walking stick, a scar, what they usually wear. */
  features: string | null;
}

/** A place that matters to them (an old home, a chapel, a bus stop), with a point when known. */
export interface SignificantPlace {
  place: string;
  point: GeoPoint | null;
}

/** Someone to call: for the police, never shown on an alert. */
export interface ProfileContact {
  name: string;
  relationship: string | null;
  phone: string;
}

/** What the family files; sealed as a whole, so the database holds none of it in the clear. */
export interface ProfileFields {
  name: string;
  preferredName: string | null;
  /** YYYY-MM-DD. */
  dateOfBirth: string | null;
  /** When the date of birth is not known. */
  age: number | null;
  description: ProfileDescription;
  vulnerabilities: Vulnerability[];
  medicalNeeds: string | null;
  routines: string | null;
  places: SignificantPlace[];
  contacts: ProfileContact[];
  photoIds: ProfilePhotoId[];
}

/** The sealed content: the family's fields and the release reference shown to them. */
export interface ProfileContent extends ProfileFields {
  /** "HP-7K3Q-92XD": given to the police, who release the profile with it. */
  releaseReference: string;
}

/** The longest text of each field, in characters. */
export const PROFILE_LIMITS = {
  name: 80,
  preferredName: 40,
  height: 40,
  build: 80,
  hair: 120,
  features: 1000,
  medicalNeeds: 2000,
  routines: 2000,
  place: 200,
  places: 20,
  contactName: 80,
  relationship: 60,
  contacts: 10,
  photos: 6,
} as const;

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks and tidies what the family sent (trimmed, empty text as null); throws 'invalid' naming the field. */
export function checkProfileFields(input: unknown, now: EpochMs): ProfileFields {
  const value = record(input, 'profile');
  const description = record(value.description ?? {}, 'description');
  const fields: ProfileFields = {
    name: requiredText(value.name, 'name', PROFILE_LIMITS.name, 'Their name'),
    preferredName: optionalText(value.preferredName, 'preferredName', PROFILE_LIMITS.preferredName),
    dateOfBirth: checkDateOfBirth(value.dateOfBirth, now),
    age: checkAge(value.age),
    description: {
      height: optionalText(description.height, 'description.height', PROFILE_LIMITS.height),
      build: optionalText(description.build, 'description.build', PROFILE_LIMITS.build),
      hair: optionalText(description.hair, 'description.hair', PROFILE_LIMITS.hair),
      features: optionalText(description.features, 'description.features', PROFILE_LIMITS.features),
    },
    vulnerabilities: checkVulnerabilities(value.vulnerabilities),
    medicalNeeds: optionalText(value.medicalNeeds, 'medicalNeeds', PROFILE_LIMITS.medicalNeeds),
    routines: optionalText(value.routines, 'routines', PROFILE_LIMITS.routines),
    places: checkPlaces(value.places),
    contacts: checkContacts(value.contacts),
    photoIds: checkPhotoIds(value.photoIds),
  };
  if (fields.dateOfBirth === null && fields.age === null) {
    throw fail.invalid('Give their date of birth, or their age if you do not know it.', 'dateOfBirth');
  }
  if (Object.values(fields.description).every((text) => text === null)) {
    throw fail.invalid(
      'Describe them: height, build, hair or anything that would help someone recognise them.',
      'description',
    );
  }
  return fields;
}

/** Their age in whole years at `at`: from the date of birth when known, else the age the family gave. */
export function ageAt(fields: Pick<ProfileFields, 'dateOfBirth' | 'age'>, at: EpochMs): number | null {
  const parts = fields.dateOfBirth ? DATE.exec(fields.dateOfBirth) : null;
  if (!parts) return fields.age;
  const now = new Date(at);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  let age = now.getUTCFullYear() - year;
  if (now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day)) age -= 1;
  return Math.min(Math.max(age, 0), 120);
}

/** What a release adds: when and in what they were last seen, and the police's own reference. */
export interface ReleaseCircumstances {
  lastSeenAt: EpochMs;
  lastSeenPlace: string | null;
  clothing: string | null;
  policeReference: string | null;
}

/**
 * The details of the missing-person alert a profile is released into: name, age, description,
 * vulnerabilities and places they may go. Medical needs and contacts stay in the profile (for the
 * police, on request): the alert goes to every member of every group it reaches.
 */
export function missingDetailsFrom(
  profileId: ProfileId,
  fields: ProfileFields,
  circumstances: ReleaseCircumstances,
  at: EpochMs,
): Record<string, unknown> & { kind: 'missing' } {
  const age = ageAt(fields, at);
  const mayGoTo = describeWhereTheyMayGo(fields);
  return {
    kind: 'missing',
    name: fields.name,
    ...(age !== null ? { age } : {}),
    description: describeThem(fields),
    ...(circumstances.clothing ? { clothing: circumstances.clothing } : {}),
    lastSeenAt: circumstances.lastSeenAt,
    ...(circumstances.lastSeenPlace ? { lastSeenPlace: circumstances.lastSeenPlace } : {}),
    vulnerabilities: alertVulnerabilities(fields),
    ...(mayGoTo ? { mayGoTo } : {}),
    ...(circumstances.policeReference ? { policeReference: circumstances.policeReference } : {}),
    profileId,
  };
}

/** "Known as Peggy. Height: 5 ft 2. Build: slight. Hair: short, white. Walks with a stick." */
function describeThem(fields: ProfileFields): string {
  const { height, build, hair, features } = fields.description;
  const parts = [
    fields.preferredName ? `Known as ${fields.preferredName}.` : null,
    height ? `Height: ${sentence(height)}` : null,
    build ? `Build: ${sentence(build)}` : null,
    hair ? `Hair: ${sentence(hair)}` : null,
    features ? sentence(features) : null,
  ];
  return clip(parts.filter((part) => part !== null).join(' '), 1000);
}

/** Significant places, then routines, in one text for the alert's "may go to". */
function describeWhereTheyMayGo(fields: ProfileFields): string | null {
  const places = fields.places.map((p) => p.place).join('; ');
  const parts = [
    places ? `Places: ${sentence(places)}` : null,
    fields.routines ? sentence(fields.routines) : null,
  ];
  const text = parts.filter((part) => part !== null).join(' ');
  return text ? clip(text, 1000) : null;
}

/** The family's choices, with 'medical' added when they wrote down medical needs. */
function alertVulnerabilities(fields: ProfileFields): Vulnerability[] {
  const chosen = new Set(fields.vulnerabilities);
  if (fields.medicalNeeds) chosen.add('medical');
  return VULNERABILITIES.filter((v) => chosen.has(v));
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail.invalid('This part of the profile is missing or not in the right shape.', field);
  }
  return value as Record<string, unknown>;
}

/** Trimmed text of at most `max` characters; null when absent or blank. */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw fail.invalid('This must be text.', field);
  const trimmed = value.trim();
  if (trimmed.length > max) throw fail.invalid(`This may be at most ${max} characters.`, field);
  return trimmed.length > 0 ? trimmed : null;
}

function requiredText(value: unknown, field: string, max: number, what: string): string {
  const text = optionalText(value, field, max);
  if (text === null) throw fail.invalid(`${what} is required.`, field);
  return text;
}

function checkDateOfBirth(value: unknown, now: EpochMs): string | null {
  const text = optionalText(value, 'dateOfBirth', 10);
  if (text === null) return null;
  const parts = DATE.exec(text);
  const date = parts ? new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))) : null;
  if (!parts || !date || date.toISOString().slice(0, 10) !== text) {
    throw fail.invalid('The date of birth must be a real date, written as YYYY-MM-DD.', 'dateOfBirth');
  }
  if (date.getTime() > now) throw fail.invalid('The date of birth cannot be in the future.', 'dateOfBirth');
  if (date.getUTCFullYear() < 1900)
    throw fail.invalid('The date of birth must be after 1900.', 'dateOfBirth');
  return text;
}

function checkAge(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 120) {
    throw fail.invalid('The age must be a whole number of years, 0 to 120.', 'age');
  }
  return value;
}

function checkVulnerabilities(value: unknown): Vulnerability[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => !VULNERABILITIES.includes(v as Vulnerability))) {
    throw fail.invalid(`Each must be one of: ${VULNERABILITIES.join(', ')}.`, 'vulnerabilities');
  }
  return VULNERABILITIES.filter((v) => value.includes(v));
}

function list(value: unknown, field: string, max: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fail.invalid('This must be a list.', field);
  if (value.length > max) throw fail.invalid(`At most ${max} may be given.`, field);
  return value;
}

function checkPlaces(value: unknown): SignificantPlace[] {
  return list(value, 'places', PROFILE_LIMITS.places).map((item, i) => {
    const entry = record(item, `places.${i}`);
    return {
      place: requiredText(entry.place, `places.${i}.place`, PROFILE_LIMITS.place, 'The place'),
      point: checkPoint(entry.point, `places.${i}.point`),
    };
  });
}

function checkPoint(value: unknown, field: string): GeoPoint | null {
  if (value === undefined || value === null) return null;
  const point = record(value, field);
  const { lat, lng } = point;
  const valid =
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180;
  if (!valid) throw fail.invalid('The point must have a latitude and a longitude.', field);
  return { lat: lat as number, lng: lng as number };
}

function checkContacts(value: unknown): ProfileContact[] {
  const contacts = list(value, 'contacts', PROFILE_LIMITS.contacts).map((item, i) => {
    const entry = record(item, `contacts.${i}`);
    const phone = requiredText(entry.phone, `contacts.${i}.phone`, 20, 'Their phone number');
    if (!PHONE.test(phone)) throw fail.invalid('This must be a phone number.', `contacts.${i}.phone`);
    return {
      name: requiredText(entry.name, `contacts.${i}.name`, PROFILE_LIMITS.contactName, 'The name'),
      relationship: optionalText(
        entry.relationship,
        `contacts.${i}.relationship`,
        PROFILE_LIMITS.relationship,
      ),
      phone,
    };
  });
  if (contacts.length === 0) {
    throw fail.invalid('Give at least one person the police can call.', 'contacts');
  }
  return contacts;
}

function checkPhotoIds(value: unknown): ProfilePhotoId[] {
  const ids = list(value, 'photoIds', PROFILE_LIMITS.photos);
  if (ids.some((id) => typeof id !== 'string')) throw fail.invalid('Photos must be photo ids.', 'photoIds');
  if (new Set(ids).size !== ids.length) throw fail.invalid('The same photo is attached twice.', 'photoIds');
  return ids as ProfilePhotoId[];
}
