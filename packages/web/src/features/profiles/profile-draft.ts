// The profile and release forms as pure functions: empty drafts, drafts from a saved profile, checks, wire bodies.
import { normaliseReleaseReference, PROFILE_LIMITS } from '@fellwatch/core';
import type {
  ProfileFields,
  ProfileView,
  ProfileVulnerability,
  ReleaseProfile,
  ReleaseProfileByReference,
} from '../../api/profiles.js';
import type { GeoPoint } from '../../api/types.js';

export { PROFILE_LIMITS };

/** A significant place as the form holds it. */
export interface PlaceDraft {
  key: string;
  place: string;
  point: GeoPoint | null;
}

/** A contact as the form holds it. */
export interface ContactDraft {
  key: string;
  name: string;
  relationship: string;
  phone: string;
}

/** The profile form's fields as typed (photos are kept beside it, as they upload on their own). */
export interface ProfileDraft {
  name: string;
  preferredName: string;
  /** YYYY-MM-DD from a date input, or empty. */
  dateOfBirth: string;
  age: string;
  height: string;
  build: string;
  hair: string;
  features: string;
  vulnerabilities: ProfileVulnerability[];
  medicalNeeds: string;
  routines: string;
  places: PlaceDraft[];
  contacts: ContactDraft[];
}

/** Problems by the server's field names ("name", "contacts.0.phone"), so server answers land in the same place. */
export type DraftErrors = Record<string, string>;

/** The words for each vulnerability, as the form and the view show them. */
export const VULNERABILITY_LABEL: Record<ProfileVulnerability, string> = {
  dementia: 'Dementia or memory loss',
  medical: 'A medical need',
  self_harm: 'At risk of harming themselves',
  other: 'Another reason to worry',
};

let keys = 0;
/** A key for a list row that survives reordering and removal. */
export const rowKey = (): string => `row-${++keys}`;

/** An empty contact row. */
export const emptyContact = (): ContactDraft => ({ key: rowKey(), name: '', relationship: '', phone: '' });

/** An empty place row. */
export const emptyPlace = (): PlaceDraft => ({ key: rowKey(), place: '', point: null });

/** A new profile: the Herbert Protocol is for people living with dementia, so that is ticked to start. */
export function emptyDraft(): ProfileDraft {
  return {
    name: '',
    preferredName: '',
    dateOfBirth: '',
    age: '',
    height: '',
    build: '',
    hair: '',
    features: '',
    vulnerabilities: ['dementia'],
    medicalNeeds: '',
    routines: '',
    places: [],
    contacts: [emptyContact()],
  };
}

/** A saved profile, ready to change. */
export function draftFromProfile(profile: ProfileView): ProfileDraft {
  return {
    name: profile.name,
    preferredName: profile.preferredName ?? '',
    dateOfBirth: profile.dateOfBirth ?? '',
    age: profile.age === null ? '' : String(profile.age),
    height: profile.description.height ?? '',
    build: profile.description.build ?? '',
    hair: profile.description.hair ?? '',
    features: profile.description.features ?? '',
    vulnerabilities: [...profile.vulnerabilities],
    medicalNeeds: profile.medicalNeeds ?? '',
    routines: profile.routines ?? '',
    places: profile.places.map((p) => ({ key: rowKey(), place: p.place, point: p.point })),
    contacts: profile.contacts.length
      ? profile.contacts.map((c) => ({
          key: rowKey(),
          name: c.name,
          relationship: c.relationship ?? '',
          phone: c.phone,
        }))
      : [emptyContact()],
  };
}

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const blank = (text: string) => text.trim().length === 0;
const tooLong = (text: string, max: number) => text.trim().length > max;

/**
 * The body to send, or the problems to show. Rows left wholly empty (a place or contact added and not
 * filled in) are dropped rather than refused. The server checks everything again.
 */
export function buildProfileFields(
  draft: ProfileDraft,
  photoIds: string[],
  today: string = new Date().toISOString().slice(0, 10),
): { fields: ProfileFields } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const text = (value: string) => (blank(value) ? null : value.trim());
  const limit = (field: string, value: string, max: number, what: string) => {
    if (tooLong(value, max)) errors[field] = `${what} may be at most ${max} characters.`;
  };

  if (blank(draft.name)) errors.name = 'Give their name.';
  limit('name', draft.name, PROFILE_LIMITS.name, 'The name');
  limit(
    'preferredName',
    draft.preferredName,
    PROFILE_LIMITS.preferredName,
    'The name they like to be called',
  );
  const age = draft.age.trim() === '' ? null : Number(draft.age);
  if (draft.dateOfBirth) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dateOfBirth))
      errors.dateOfBirth = 'Give the date of birth in full.';
    else if (draft.dateOfBirth > today) errors.dateOfBirth = 'The date of birth cannot be in the future.';
    else if (draft.dateOfBirth < '1900-01-01') errors.dateOfBirth = 'The date of birth must be after 1900.';
  } else if (age === null) {
    errors.dateOfBirth = 'Give their date of birth, or their age if you do not know it.';
  }
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > 120)) {
    errors.age = 'The age must be a whole number of years, 0 to 120.';
  }
  if ([draft.height, draft.build, draft.hair, draft.features].every(blank)) {
    errors.description =
      'Describe them: height, build, hair or anything that would help someone recognise them.';
  }
  limit('description.height', draft.height, PROFILE_LIMITS.height, 'The height');
  limit('description.build', draft.build, PROFILE_LIMITS.build, 'The build');
  limit('description.hair', draft.hair, PROFILE_LIMITS.hair, 'The hair');
  limit('description.features', draft.features, PROFILE_LIMITS.features, 'What stands out');
  limit('medicalNeeds', draft.medicalNeeds, PROFILE_LIMITS.medicalNeeds, 'Medical needs');
  limit('routines', draft.routines, PROFILE_LIMITS.routines, 'Routines');

  const places = draft.places.filter((p) => !blank(p.place) || p.point !== null);
  places.forEach((p, i) => {
    if (blank(p.place)) errors[`places.${i}.place`] = 'Say what the place is.';
    limit(`places.${i}.place`, p.place, PROFILE_LIMITS.place, 'A place');
  });
  const contacts = draft.contacts.filter((c) => ![c.name, c.relationship, c.phone].every(blank));
  if (contacts.length === 0) errors.contacts = 'Give at least one person the police can call.';
  contacts.forEach((c, i) => {
    if (blank(c.name)) errors[`contacts.${i}.name`] = 'Give the contact’s name.';
    limit(`contacts.${i}.name`, c.name, PROFILE_LIMITS.contactName, 'The name');
    limit(`contacts.${i}.relationship`, c.relationship, PROFILE_LIMITS.relationship, 'The relationship');
    if (blank(c.phone)) errors[`contacts.${i}.phone`] = 'Give a phone number.';
    else if (!PHONE.test(c.phone.trim()))
      errors[`contacts.${i}.phone`] = 'This does not look like a phone number.';
  });
  if (Object.keys(errors).length > 0) return { errors };

  return {
    fields: {
      name: draft.name.trim(),
      preferredName: text(draft.preferredName),
      dateOfBirth: draft.dateOfBirth || null,
      age: draft.dateOfBirth ? null : age,
      description: {
        height: text(draft.height),
        build: text(draft.build),
        hair: text(draft.hair),
        features: text(draft.features),
      },
      vulnerabilities: draft.vulnerabilities,
      medicalNeeds: text(draft.medicalNeeds),
      routines: text(draft.routines),
      places: places.map((p) => ({ place: p.place.trim(), point: p.point })),
      contacts: contacts.map((c) => ({
        name: c.name.trim(),
        relationship: text(c.relationship),
        phone: c.phone.trim(),
      })),
      photoIds,
    },
  };
}

/** The release form as typed. */
export interface ReleaseDraft {
  groupId: string;
  /** From a datetime-local input: "2026-06-15T14:30", in this phone's time zone. */
  lastSeen: string;
  clothing: string;
  policeReference: string;
  /** Officers only: the reference the family gave. */
  reference: string;
}

/** A datetime-local value for a moment, in this phone's time zone, to the minute. */
export function localDateTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An empty release: last seen now, in the first group offered. */
export function emptyRelease(groupId: string, now: number = Date.now()): ReleaseDraft {
  return { groupId, lastSeen: localDateTime(now), clothing: '', policeReference: '', reference: '' };
}

/** Where the person was last seen, as chosen on the place field. */
export interface ReleasePlace {
  location: GeoPoint | null;
  typed: string;
}

/**
 * The release body to send, or the problems to show (by the server's field names). `withReference`
 * for an officer's release, which needs the family's reference.
 */
export function buildRelease(
  draft: ReleaseDraft,
  place: ReleasePlace,
  clientId: string,
  now?: number,
): { body: ReleaseProfile } | { errors: DraftErrors };
export function buildRelease(
  draft: ReleaseDraft,
  place: ReleasePlace,
  clientId: string,
  now: number,
  withReference: true,
): { body: ReleaseProfileByReference } | { errors: DraftErrors };
export function buildRelease(
  draft: ReleaseDraft,
  place: ReleasePlace,
  clientId: string,
  now: number = Date.now(),
  withReference = false,
): { body: ReleaseProfile | ReleaseProfileByReference } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (withReference) {
    if (blank(draft.reference)) errors.reference = 'Type the reference the family gave you.';
    else if (!normaliseReleaseReference(draft.reference)) {
      errors.reference = 'A reference looks like HP-7K3Q-92XD: HP and eight letters or digits.';
    }
  }
  if (!draft.groupId) errors.groupId = 'Choose the group to raise the alert in.';
  const lastSeenAt = draft.lastSeen ? new Date(draft.lastSeen).getTime() : Number.NaN;
  if (!Number.isFinite(lastSeenAt)) errors.lastSeenAt = 'Say when they were last seen.';
  else if (lastSeenAt > now + 5 * 60_000) errors.lastSeenAt = 'The last-seen time is in the future.';
  if (!place.location) {
    errors.location = 'Choose where they were last seen: use your location, pick it on the map, or type it.';
  }
  if (tooLong(draft.clothing, 500)) errors.clothing = 'What they were wearing may be at most 500 characters.';
  if (tooLong(draft.policeReference, 40))
    errors.policeReference = 'The police reference may be at most 40 characters.';
  if (Object.keys(errors).length > 0 || !place.location) return { errors };

  const body: ReleaseProfile = {
    clientId,
    groupId: draft.groupId,
    lastSeenAt,
    location: { lat: place.location.lat, lng: place.location.lng },
    ...(blank(place.typed) ? {} : { placeText: place.typed.trim().slice(0, 120) }),
    ...(blank(draft.clothing) ? {} : { clothing: draft.clothing.trim() }),
    ...(blank(draft.policeReference) ? {} : { policeReference: draft.policeReference.trim() }),
  };
  return withReference
    ? { body: { ...body, reference: normaliseReleaseReference(draft.reference) ?? draft.reference } }
    : { body };
}

/** "Margaret (Peggy)": the name the family uses, for headings. */
export function profileTitle(profile: { name: string; preferredName: string | null }): string {
  return profile.preferredName ? `${profile.name} (${profile.preferredName})` : profile.name;
}

/** What is shown for a profile the server cannot open: it can only be deleted, and filed again. */
export const UNREADABLE_PROFILE = {
  title: 'This profile cannot be opened (it was sealed with a key this server no longer has)',
  hint: 'Nobody can read it or release it. Delete it, and file the profile again if you still need it.',
} as const;
