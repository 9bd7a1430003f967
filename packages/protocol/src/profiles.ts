// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import { z } from 'zod';
import { AlertView } from './alerts.js';
import { Epoch, GeoPoint, Id, Phone } from './common.js';
import { ClientId } from './messages.js';

const Text = (max: number) => z.string().trim().max(max);
/** Optional text: absent, null or blank all mean "not given". */
const Optional = (max: number) => Text(max).nullable().optional();

/** Why the person is at risk when missing: the words a missing-person alert uses. */
export const ProfileVulnerability = z.enum(['dementia', 'medical', 'self_harm', 'other']);
export type ProfileVulnerability = z.infer<typeof ProfileVulnerability>;

/** How the person looks, in the family's words. At least one of these is needed. */
export const ProfileDescription = z.object({
  height: Optional(40),
  build: Optional(80),
  hair: Optional(120),
  /** Glasses, a walking stick, a scar, what they usually wear. */
  features: Optional(1000),
});

/** A place that matters to them, with a point when known. */
export const SignificantPlace = z.object({
  place: Text(200).min(1),
  point: GeoPoint.nullable().optional(),
});

/** Someone the police can call. Never shown on an alert. */
export const ProfileContact = z.object({
  name: Text(80).min(1),
  relationship: Optional(60),
  phone: Phone,
});

/**
 * What a family member files (POST /profiles) or saves again (PUT /profiles/:id). The whole of it is
 * sealed at rest. A date of birth or an age is needed, and at least one contact.
 */
export const ProfileFields = z.object({
  name: Text(80).min(1),
  preferredName: Optional(40),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
    .nullable()
    .optional(),
  age: z.number().int().min(0).max(120).nullable().optional(),
  description: ProfileDescription,
  vulnerabilities: z.array(ProfileVulnerability).max(4).default([]),
  medicalNeeds: Optional(2000),
  routines: Optional(2000),
  places: z.array(SignificantPlace).max(20).default([]),
  contacts: z.array(ProfileContact).min(1, 'give at least one person the police can call').max(10),
  /** Photos uploaded with POST /profile-photos, in the order to show them. */
  photoIds: z.array(Id).max(6).default([]),
});
export type ProfileFields = z.infer<typeof ProfileFields>;

/** A profile photo: served only to the family member who filed it, each read audited. */
export const ProfilePhotoView = z.object({
  id: Id,
  width: z.number(),
  height: z.number(),
  url: z.string(),
  thumbUrl: z.string(),
});
export type ProfilePhotoView = z.infer<typeof ProfilePhotoView>;

/** A profile as its owner sees it, with the release reference to give the police. */
export const ProfileView = z.object({
  id: Id,
  name: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  /** As given, when there is no date of birth. */
  age: z.number().nullable(),
  /** Their age today: from the date of birth when known. */
  ageNow: z.number().nullable(),
  description: z.object({
    height: z.string().nullable(),
    build: z.string().nullable(),
    hair: z.string().nullable(),
    features: z.string().nullable(),
  }),
  vulnerabilities: z.array(ProfileVulnerability),
  medicalNeeds: z.string().nullable(),
  routines: z.string().nullable(),
  places: z.array(z.object({ place: z.string(), point: GeoPoint.nullable() })),
  contacts: z.array(z.object({ name: z.string(), relationship: z.string().nullable(), phone: z.string() })),
  photos: z.array(ProfilePhotoView),
  /** "HP-7K3Q-92XD": the family gives it to the police if the person goes missing. */
  releaseReference: z.string(),
  createdAt: Epoch,
  updatedAt: Epoch,
  releasedAt: Epoch.nullable(),
  releasedAlertId: Id.nullable(),
});
export type ProfileView = z.infer<typeof ProfileView>;

export const ProfileResponse = z.object({ profile: ProfileView });
export type ProfileResponse = z.infer<typeof ProfileResponse>;

/** One line of the owner's list. */
export const ProfileSummary = ProfileView.pick({
  id: true,
  name: true,
  preferredName: true,
  ageNow: true,
  releaseReference: true,
  updatedAt: true,
  releasedAt: true,
  releasedAlertId: true,
}).extend({ photo: ProfilePhotoView.nullable() });
export type ProfileSummary = z.infer<typeof ProfileSummary>;

/**
 * A profile of yours whose content does not open (altered, or sealed under a key this server no longer
 * holds): listed by its record alone, so that it can be deleted.
 */
export const UnreadableProfileSummary = z.object({
  id: Id,
  createdAt: Epoch,
  updatedAt: Epoch,
  releasedAt: Epoch.nullable(),
});
export type UnreadableProfileSummary = z.infer<typeof UnreadableProfileSummary>;

/** GET /profiles: the profiles that opened, and those that did not (empty when all did). */
export const ProfileList = z.object({
  profiles: z.array(ProfileSummary),
  unreadable: z.array(UnreadableProfileSummary),
});
export type ProfileList = z.infer<typeof ProfileList>;

/**
 * POST /profiles: the fields, and a client id chosen by the device for one filling-in of the form. A
 * retry with the same client id answers 200 with the profile already filed instead of filing a copy.
 */
export const FileProfile = ProfileFields.extend({ clientId: ClientId.optional() });
export type FileProfile = z.infer<typeof FileProfile>;

/** The error code of a profile or photo the server cannot open; such a profile can only be deleted. */
export const SEALED_UNREADABLE = 'sealed_unreadable';

export const UploadedProfilePhoto = z.object({ photo: ProfilePhotoView });
export type UploadedProfilePhoto = z.infer<typeof UploadedProfilePhoto>;

/** When and where the person was last seen, and the group to raise the missing-person alert in. */
export const ReleaseProfile = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, - or _'),
  /** A group the releaser is an active member of; the alert reaches every group within 25 km. */
  groupId: Id,
  lastSeenAt: Epoch,
  /** The last-seen point. */
  location: GeoPoint,
  /** The place as typed ("///filled.count.soap", "Eggleston bridge"). */
  placeText: Optional(120),
  clothing: Optional(500),
  /** The police's incident or log number, when there is one. */
  policeReference: Optional(40),
});
export type ReleaseProfile = z.infer<typeof ReleaseProfile>;

/** An officer's release: the reference the family gave them, and the same circumstances. */
export const ReleaseProfileByReference = ReleaseProfile.extend({
  reference: z.string().trim().min(1).max(20),
});
export type ReleaseProfileByReference = z.infer<typeof ReleaseProfileByReference>;

/** The missing-person alert a release raised. */
export const ProfileReleased = z.object({ alert: AlertView });
export type ProfileReleased = z.infer<typeof ProfileReleased>;
