// Actions on Herbert Protocol profiles: file, read, change, delete, photos, and release into a missing-person alert.
// Only the family member who filed a profile reads it; every access is audited, never with the content.
import type { Actor } from '../model/actor.js';
import type { Alert, AuditEntry, GeoPoint } from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { AlertId, EpochMs, GroupId, MediaId } from '../model/ids.js';
import { canOpenProfile, canPost, canReleaseProfileByReference } from '../policies/index.js';
import type {
  Ports,
  ProfileId,
  ProfilePhotoId,
  Repositories,
  StoredProfile,
  StoredProfilePhoto,
} from '../ports/index.js';
import { raiseAlert } from './alerts.js';
import { uploadPhoto } from './photos.js';
import {
  checkProfileFields,
  missingDetailsFrom,
  optionalText,
  type ProfileContent,
} from './profile-content.js';
import {
  profilePhotoKeys,
  profilePhotoSealContext,
  profileSealContext,
  SealedUnreadableError,
} from './profiles-sealing.js';

export * from './profile-content.js';
export * from './profiles-sealing.js';

/** A profile as its owner sees it: the opened content, its photos in order, and the record's dates. */
export interface Profile {
  id: ProfileId;
  ownerId: StoredProfile['ownerId'];
  content: ProfileContent;
  photos: StoredProfilePhoto[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
  releasedAt: EpochMs | null;
  releasedAlertId: AlertId | null;
}

/**
 * A profile of the owner's whose content does not open (see SealedUnreadableError): listed by its record
 * alone, so that it can still be deleted.
 */
export interface UnreadableProfile extends Omit<Profile, 'content' | 'photos'> {
  /** Why it did not open, in the Secrets adapter's words (never content): for the server's log. */
  reason: string;
}

/** The owner's list: the profiles that opened, and those that did not. */
export interface ProfileListing {
  profiles: Profile[];
  unreadable: UnreadableProfile[];
}

/** A photo filed for a profile, as its owner sees it. */
export type ProfilePhoto = StoredProfilePhoto;

/** Which copy of a profile photo to read. */
export type ProfilePhotoVariant = 'display' | 'thumb';

// Release references: "HP-7K3Q-92XD", 8 symbols of Crockford's base 32 (40 bits), easy to read out
// on the phone: no I, L, O or U. Kept hashed in the row for the officer's lookup, and in the sealed
// content for the family to see again.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_SYMBOLS = 8;

/** A new release reference from the Secrets port's randomness. */
export function newReleaseReference(ports: Pick<Ports, 'secrets'>): string {
  // Each base64url character is uniform over 64 symbols, so its index mod 32 is uniform over 32.
  const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const symbols = [...ports.secrets.randomToken().slice(0, REFERENCE_SYMBOLS)].map(
    (c) => REFERENCE_ALPHABET[BASE64URL.indexOf(c) % 32],
  );
  return `HP-${symbols.slice(0, 4).join('')}-${symbols.slice(4).join('')}`;
}

/**
 * A reference as typed back by an officer, in its one canonical form, or null when it cannot be one:
 * case, spaces, dashes and the "HP" prefix do not matter; O is read as 0, I and L as 1.
 */
export function normaliseReleaseReference(typed: string): string | null {
  let symbols = typed.toUpperCase().replace(/[\s-]/g, '');
  if (symbols.startsWith('HP') && symbols.length === REFERENCE_SYMBOLS + 2) symbols = symbols.slice(2);
  symbols = symbols.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== REFERENCE_SYMBOLS) return null;
  if ([...symbols].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  return `HP-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

function referenceHash(ports: Pick<Ports, 'secrets'>, reference: string): string {
  return ports.secrets.hashToken(`herbert-protocol:${reference}`);
}

/** A filed profile, and whether it was filed before with the same client id (a retry). */
export interface FiledProfile extends Profile {
  duplicate: boolean;
}

/**
 * Files a new profile for someone vulnerable. Any signed-in member may; only they will see it. With a
 * `clientId` (chosen by the device for one filling-in of the form) a retry after a lost answer returns
 * the profile already filed instead of filing a second copy.
 */
export async function fileProfile(ports: Ports, actor: Actor, input: unknown): Promise<FiledProfile> {
  const now = ports.clock.now();
  const fields = checkProfileFields(input, now);
  const clientId = checkClientId(input);
  const earlier = clientId ? await filedBefore(ports, actor, clientId) : undefined;
  if (earlier) return earlier;
  await checkPhotosToKeep(ports.store, actor, fields.photoIds, null);
  const id = ports.ids.next() as ProfileId;
  // A clash of references is vanishingly rare; a fresh one is drawn if it happens.
  for (let attempt = 1; ; attempt += 1) {
    const content: ProfileContent = { ...fields, releaseReference: newReleaseReference(ports) };
    const stored: StoredProfile = {
      id,
      ownerId: actor.user.id,
      sealed: '',
      referenceHash: referenceHash(ports, content.releaseReference),
      createdAt: now,
      updatedAt: now,
      releasedAt: null,
      releasedAlertId: null,
      clientId,
    };
    stored.sealed = ports.secrets.seal(JSON.stringify(content), profileSealContext(stored));
    try {
      await ports.store.transaction(async (tx) => {
        await tx.profiles.createProfile(stored);
        await tx.profiles.attachProfilePhotos(fields.photoIds, id);
        await tx.appendAudit(audit(actor, 'profile.filed', id, now, { photos: fields.photoIds.length }));
      });
      const photos = await photosOf(ports.store, id, content);
      return { ...recordOf(stored), content, photos, duplicate: false };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      // Two sends of the same filing at once: the one that lost answers with the one that won.
      const winner = clientId ? await filedBefore(ports, actor, clientId) : undefined;
      if (winner) return winner;
      if (attempt >= 3) throw error;
    }
  }
}

/** The optional client id of a filing: 8-64 letters, digits, - or _, like a message's. */
function checkClientId(input: unknown): string | null {
  const value =
    typeof input === 'object' && input !== null ? (input as { clientId?: unknown }).clientId : null;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(value)) {
    throw fail.invalid('The client id must be 8-64 letters, digits, - or _.', 'clientId');
  }
  return value;
}

/** The actor's profile already filed with this client id, opened (and audited as viewed), if any. */
async function filedBefore(ports: Ports, actor: Actor, clientId: string): Promise<FiledProfile | undefined> {
  const stored = await ports.store.profiles.getProfileByClientId(actor.user.id, clientId);
  if (!stored) return undefined;
  const profile = await withPhotos(ports, opened(ports, stored));
  await ports.store.appendAudit(
    audit(actor, 'profile.viewed', stored.id, ports.clock.now(), { repeatedFiling: true }),
  );
  return { ...profile, duplicate: true };
}

/**
 * The actor's own profiles, each opened (and each opening audited), oldest first. One that does not
 * open is listed apart, by its record alone, rather than failing the whole list.
 */
export async function listProfiles(ports: Ports, actor: Actor): Promise<ProfileListing> {
  const now = ports.clock.now();
  await sweepUnsavedPhotos(ports, actor, now);
  const stored = await ports.store.profiles.listProfilesOfOwner(actor.user.id);
  const listing: ProfileListing = { profiles: [], unreadable: [] };
  if (stored.length === 0) return listing;
  await ports.store.transaction(async (tx) => {
    for (const profile of stored) await tx.appendAudit(audit(actor, 'profile.listed', profile.id, now));
  });
  for (const profile of stored) {
    try {
      listing.profiles.push(await withPhotos(ports, opened(ports, profile)));
    } catch (error) {
      if (!(error instanceof SealedUnreadableError)) throw error;
      listing.unreadable.push({ ...recordOf(profile), reason: error.reason });
    }
  }
  return listing;
}

/** How long a photo uploaded for a profile may wait to be saved into one before it is swept away. */
export const UNSAVED_PHOTO_GRACE_MS = 24 * 60 * 60 * 1000;

/** Most unsaved photos swept at one listing: the listing stays quick, and the next one carries on. */
export const UNSAVED_PHOTO_SWEEP_LIMIT = 20;

/**
 * Deletes the actor's photos uploaded for a profile but never saved into one (a form abandoned, or
 * photos removed before saving) once a day has passed, so none lies about. Run when they list their
 * profiles; a day leaves a form still open elsewhere time to be saved.
 */
async function sweepUnsavedPhotos(ports: Ports, actor: Actor, now: EpochMs): Promise<void> {
  const ids = await ports.store.profiles.deleteUnsavedProfilePhotos(
    actor.user.id,
    now - UNSAVED_PHOTO_GRACE_MS,
    UNSAVED_PHOTO_SWEEP_LIMIT,
  );
  if (ids.length === 0) return;
  await ports.store.transaction(async (tx) => {
    for (const id of ids) {
      await tx.appendAudit({
        ...audit(actor, 'profile.photo_swept', id, now, { reason: 'never saved into a profile' }),
        subjectType: 'profile_photo',
      });
    }
  });
  await deletePhotoBytes(ports, ids);
}

/** One profile, for the member who filed it; "not found" for anyone else, officers included. */
export async function getProfile(ports: Ports, actor: Actor, id: ProfileId): Promise<Profile> {
  const stored = await requireOwnProfile(ports.store, actor, id);
  const profile = opened(ports, stored);
  await ports.store.appendAudit(audit(actor, 'profile.viewed', id, ports.clock.now()));
  return withPhotos(ports, profile);
}

/** Replaces a profile's fields (its release reference stays); photos left out are deleted for good. */
export async function updateProfile(
  ports: Ports,
  actor: Actor,
  id: ProfileId,
  input: unknown,
): Promise<Profile> {
  const now = ports.clock.now();
  const fields = checkProfileFields(input, now);
  const stored = await requireOwnProfile(ports.store, actor, id);
  const before = opened(ports, stored).content;
  await checkPhotosToKeep(ports.store, actor, fields.photoIds, id);
  const content: ProfileContent = { ...fields, releaseReference: before.releaseReference };
  const dropped = before.photoIds.filter((photoId) => !fields.photoIds.includes(photoId));
  await ports.store.transaction(async (tx) => {
    await tx.profiles.updateProfile(id, {
      sealed: ports.secrets.seal(JSON.stringify(content), profileSealContext(stored)),
      updatedAt: now,
    });
    await tx.profiles.attachProfilePhotos(fields.photoIds, id);
    await tx.profiles.deleteProfilePhotos(dropped);
    await tx.appendAudit(
      audit(actor, 'profile.updated', id, now, {
        photos: fields.photoIds.length,
        photosRemoved: dropped.length,
      }),
    );
  });
  await deletePhotoBytes(ports, dropped);
  return { ...recordOf(stored), updatedAt: now, content, photos: await photosOf(ports.store, id, content) };
}

/**
 * Draws a new release reference (when the old one was given to someone who should not have it);
 * the old one stops working at once.
 */
export async function renewReleaseReference(ports: Ports, actor: Actor, id: ProfileId): Promise<Profile> {
  const now = ports.clock.now();
  const stored = await requireOwnProfile(ports.store, actor, id);
  const content: ProfileContent = {
    ...opened(ports, stored).content,
    releaseReference: newReleaseReference(ports),
  };
  await ports.store.transaction(async (tx) => {
    await tx.profiles.updateProfile(id, {
      sealed: ports.secrets.seal(JSON.stringify(content), profileSealContext(stored)),
      referenceHash: referenceHash(ports, content.releaseReference),
      updatedAt: now,
    });
    await tx.appendAudit(audit(actor, 'profile.reference_renewed', id, now));
  });
  return { ...recordOf(stored), updatedAt: now, content, photos: await photosOf(ports.store, id, content) };
}

/** Deletes a profile and its photos for good; the audit log keeps only that it was deleted, and by whom. */
export async function deleteProfile(ports: Ports, actor: Actor, id: ProfileId): Promise<void> {
  const stored = await requireOwnProfile(ports.store, actor, id);
  const photos = await ports.store.profiles.listProfilePhotos(id);
  const now = ports.clock.now();
  await ports.store.transaction(async (tx) => {
    await tx.profiles.deleteProfile(id);
    await tx.appendAudit(audit(actor, 'profile.deleted', stored.id, now, { photos: photos.length }));
  });
  await deletePhotoBytes(
    ports,
    photos.map((p) => p.id),
  );
}

/**
 * Files a photo for a profile: checked by its bytes, re-encoded without metadata (the original, with
 * its GPS and camera details, is never kept), and sealed before it reaches the MediaStore. Attach it
 * by saving the profile with its id.
 */
export async function uploadProfilePhoto(
  ports: Ports,
  actor: Actor,
  bytes: Uint8Array,
): Promise<ProfilePhoto> {
  if (bytes.byteLength === 0) throw fail.invalid('The photo is empty.', 'photo');
  const image = await ports.images.process(bytes);
  const photo: StoredProfilePhoto = {
    id: ports.ids.next() as ProfilePhotoId,
    ownerId: actor.user.id,
    profileId: null,
    width: image.width,
    height: image.height,
    createdAt: ports.clock.now(),
  };
  const context = profilePhotoSealContext(photo);
  const type = 'application/octet-stream';
  await ports.media.put(
    profilePhotoKeys.display(photo.id),
    ports.secrets.sealBytes(image.display, context),
    type,
  );
  await ports.media.put(
    profilePhotoKeys.thumb(photo.id),
    ports.secrets.sealBytes(image.thumb, context),
    type,
  );
  await ports.store.transaction(async (tx) => {
    await tx.profiles.createProfilePhoto(photo);
    await tx.appendAudit({
      ...audit(actor, 'profile.photo_filed', photo.id, photo.createdAt),
      subjectType: 'profile_photo',
    });
  });
  return photo;
}

/** A profile photo's copy (JPEG), for the member who filed it only; every read is audited. */
export async function readProfilePhoto(
  ports: Ports,
  actor: Actor,
  id: ProfilePhotoId,
  variant: ProfilePhotoVariant,
): Promise<Uint8Array> {
  const photo = await ports.store.profiles.getProfilePhoto(id);
  if (!photo || !canOpenProfile(actor, photo)) throw fail.notFound('Photo');
  const bytes = await openPhotoBytes(ports, photo, variant);
  await ports.store.appendAudit({
    ...audit(actor, 'profile.photo_viewed', photo.id, ports.clock.now(), {
      variant,
      ...(photo.profileId ? { profileId: photo.profileId } : {}),
    }),
    subjectType: 'profile_photo',
  });
  return bytes;
}

/** When, where and in what the person was last seen, and the group to raise the alert in. */
export interface ReleaseInput {
  /** Chosen by the device; releasing again with the same one returns the first alert. */
  clientId: string;
  groupId: GroupId;
  lastSeenAt: EpochMs;
  /** The last-seen point: the alert's location, from which its reach is measured. */
  location: GeoPoint;
  /** What was typed for the place ("///filled.count.soap", "Eggleston bridge"). */
  placeText?: string;
  clothing?: string;
  /** The police's incident or log number, when there is one. */
  policeReference?: string;
}

/** The alert a release raised. */
export interface ReleaseResult {
  alert: Alert;
  profileId: ProfileId;
  duplicate: boolean;
}

/** How far back a last-seen time may be, and how far ahead of the server's clock (a phone's clock drifts). */
const LAST_SEEN_WINDOW = { pastMs: 30 * 24 * 60 * 60 * 1000, futureMs: 5 * 60 * 1000 };

/** Releases the actor's own profile into a missing-person alert in a group they belong to, in one step. */
export async function releaseProfile(
  ports: Ports,
  actor: Actor,
  id: ProfileId,
  input: ReleaseInput,
): Promise<ReleaseResult> {
  const release = checkRelease(input, ports.clock.now());
  await requirePostingMember(ports.store, actor, input.groupId);
  const stored = await requireOwnProfile(ports.store, actor, id, 'profileId');
  return raiseFromProfile(ports, actor, stored, input, release, 'owner');
}

/**
 * Releases a profile by the reference the family gave the police: verified officers only. The officer
 * never reads the profile; the alert carries what the family chose to share for this moment.
 */
export async function releaseProfileByReference(
  ports: Ports,
  actor: Actor,
  reference: string,
  input: ReleaseInput,
): Promise<ReleaseResult> {
  if (!canReleaseProfileByReference(actor)) {
    throw new DomainError(
      'forbidden',
      'Only police officers release a profile by its reference.',
      'reference',
    );
  }
  const normalised = typeof reference === 'string' ? normaliseReleaseReference(reference) : null;
  if (!normalised) {
    throw fail.invalid(
      'A release reference looks like HP-7K3Q-92XD: HP and eight letters or digits.',
      'reference',
    );
  }
  const release = checkRelease(input, ports.clock.now());
  await requirePostingMember(ports.store, actor, input.groupId);
  const stored = await ports.store.profiles.getProfileByReferenceHash(referenceHash(ports, normalised));
  if (!stored) {
    throw new DomainError(
      'not_found',
      'No profile has this release reference. Check it with the family.',
      'reference',
    );
  }
  return raiseFromProfile(ports, actor, stored, input, release, 'reference');
}

/** The release's own fields, checked before anything is opened or uploaded. */
interface CheckedRelease {
  lastSeenAt: EpochMs;
  placeText: string | null;
  clothing: string | null;
  policeReference: string | null;
}

function checkRelease(input: ReleaseInput, now: EpochMs): CheckedRelease {
  if (typeof input !== 'object' || input === null)
    throw fail.invalid('Say when and where they were last seen.');
  if (typeof input.clientId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(input.clientId)) {
    throw fail.invalid('The client id must be 8-64 letters, digits, - or _.', 'clientId');
  }
  if (typeof input.groupId !== 'string' || input.groupId.length === 0) {
    throw fail.invalid('Choose the group to raise the alert in.', 'groupId');
  }
  const at = input.lastSeenAt;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) {
    throw fail.invalid('Say when they were last seen.', 'lastSeenAt');
  }
  if (at > now + LAST_SEEN_WINDOW.futureMs)
    throw fail.invalid('The last-seen time is in the future.', 'lastSeenAt');
  if (at < now - LAST_SEEN_WINDOW.pastMs) {
    throw fail.invalid('The last-seen time is more than 30 days ago.', 'lastSeenAt');
  }
  const point = input.location;
  const validPoint =
    typeof point === 'object' &&
    point !== null &&
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lng) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lng) <= 180;
  if (!validPoint) {
    throw fail.invalid(
      'Choose where they were last seen: a place we can find, or a point on the map.',
      'location',
    );
  }
  return {
    lastSeenAt: at,
    placeText: optionalText(input.placeText, 'placeText', 120),
    clothing: optionalText(input.clothing, 'clothing', 500),
    policeReference: optionalText(input.policeReference, 'policeReference', 40),
  };
}

/**
 * The one step of a release: the profile's photos become group photos (re-encoded copies, so every
 * group the alert reaches can see them), the alert is raised with the profile's details, and only
 * then is the profile marked released. If raising fails, nothing is marked.
 */
async function raiseFromProfile(
  ports: Ports,
  actor: Actor,
  stored: StoredProfile,
  input: ReleaseInput,
  release: CheckedRelease,
  via: 'owner' | 'reference',
): Promise<ReleaseResult> {
  const repeated = await repeatedRelease(ports.store, actor, stored, input.clientId);
  if (repeated) return { alert: repeated, profileId: stored.id, duplicate: true };
  const content = opened(ports, stored).content;
  const now = ports.clock.now();
  const photoIds: MediaId[] = [];
  for (const photo of await photosOf(ports.store, stored.id, content)) {
    const media = await uploadPhoto(
      ports,
      actor,
      input.groupId,
      await openPhotoBytes(ports, photo, 'display'),
    );
    photoIds.push(media.id);
  }
  const details = missingDetailsFrom(
    stored.id,
    content,
    {
      lastSeenAt: release.lastSeenAt,
      lastSeenPlace: release.placeText,
      clothing: release.clothing,
      policeReference: release.policeReference,
    },
    now,
  );
  const raised = await raiseAlert(
    ports,
    actor,
    input.groupId,
    {
      clientId: input.clientId,
      details,
      location: { lat: input.location.lat, lng: input.location.lng },
      ...(release.placeText ? { placeText: release.placeText } : {}),
      photoIds,
      reach: { mode: 'radius' },
    },
    { releasedProfileId: stored.id },
  );
  if (!raised.duplicate) {
    await ports.store.transaction(async (tx) => {
      await tx.profiles.markProfileReleased(stored.id, raised.alert.id, now);
      await tx.appendAudit({
        ...audit(actor, 'profile.released', stored.id, now, { alertId: raised.alert.id, via }),
        groupId: input.groupId,
      });
    });
  }
  return { alert: raised.alert, profileId: stored.id, duplicate: raised.duplicate };
}

/** The alert of this release when it is a retry of the latest one (same person, same client id). */
async function repeatedRelease(
  store: Repositories,
  actor: Actor,
  stored: StoredProfile,
  clientId: string,
): Promise<Alert | undefined> {
  if (!stored.releasedAlertId) return undefined;
  const alert = await store.getAlert(stored.releasedAlertId);
  return alert && alert.authorId === actor.user.id && alert.clientId === clientId ? alert : undefined;
}

/** The actor may raise an alert in the group: an active member. Named by its field when not. */
async function requirePostingMember(store: Repositories, actor: Actor, groupId: GroupId): Promise<void> {
  const group = await store.getGroup(groupId);
  const membership = group ? await store.getMembership(groupId, actor.user.id) : undefined;
  if (!group || !canPost(membership)) {
    throw new DomainError('not_found', 'Choose a group you are an active member of.', 'groupId');
  }
}

/**
 * Loads a profile the actor filed; anyone else is told it does not exist, so profiles cannot be probed.
 * `field` names the request's field that pointed at it, when there is one.
 */
async function requireOwnProfile(
  store: Repositories,
  actor: Actor,
  id: ProfileId,
  field?: string,
): Promise<StoredProfile> {
  const stored = await store.profiles.getProfile(id);
  if (!stored || !canOpenProfile(actor, stored)) {
    throw new DomainError('not_found', 'Profile not found.', field);
  }
  return stored;
}

/** Photos a save keeps: each filed by the actor, and not part of another profile. */
async function checkPhotosToKeep(
  store: Repositories,
  actor: Actor,
  ids: readonly ProfilePhotoId[],
  profileId: ProfileId | null,
): Promise<void> {
  for (const id of ids) {
    const photo = await store.profiles.getProfilePhoto(id);
    const usable =
      photo && canOpenProfile(actor, photo) && (photo.profileId === null || photo.profileId === profileId);
    if (!usable) throw fail.invalid('Each photo must be one you uploaded for this profile.', 'photoIds');
  }
}

/** The profile's content, opened; a blob that does not open throws SealedUnreadableError. */
function opened(ports: Ports, stored: StoredProfile): Omit<Profile, 'photos'> {
  let text: string;
  try {
    text = ports.secrets.open(stored.sealed, profileSealContext(stored));
  } catch (error) {
    throw new SealedUnreadableError('profile', stored.id, reasonOf(error));
  }
  return { ...recordOf(stored), content: JSON.parse(text) as ProfileContent };
}

/** The Secrets adapter's reason a value did not open; its messages never carry the content. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'did not open';
}

async function withPhotos(ports: Ports, profile: Omit<Profile, 'photos'>): Promise<Profile> {
  return { ...profile, photos: await photosOf(ports.store, profile.id, profile.content) };
}

/** The profile's photo records in the order the family chose. */
async function photosOf(
  store: Repositories,
  id: ProfileId,
  content: Pick<ProfileContent, 'photoIds'>,
): Promise<StoredProfilePhoto[]> {
  const photos = await store.profiles.listProfilePhotos(id);
  return content.photoIds
    .map((photoId) => photos.find((p) => p.id === photoId))
    .filter((p): p is StoredProfilePhoto => p !== undefined);
}

function recordOf(stored: StoredProfile): Omit<Profile, 'content' | 'photos'> {
  return {
    id: stored.id,
    ownerId: stored.ownerId,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    releasedAt: stored.releasedAt,
    releasedAlertId: stored.releasedAlertId,
  };
}

async function openPhotoBytes(
  ports: Ports,
  photo: StoredProfilePhoto,
  variant: ProfilePhotoVariant,
): Promise<Uint8Array> {
  const key = variant === 'display' ? profilePhotoKeys.display(photo.id) : profilePhotoKeys.thumb(photo.id);
  const sealed = await ports.media.get(key);
  if (!sealed) throw fail.notFound('Photo');
  try {
    return ports.secrets.openBytes(sealed, profilePhotoSealContext(photo));
  } catch (error) {
    throw new SealedUnreadableError('profile_photo', photo.id, reasonOf(error));
  }
}

async function deletePhotoBytes(ports: Ports, ids: readonly ProfilePhotoId[]): Promise<void> {
  for (const id of ids) {
    await ports.media.delete(profilePhotoKeys.display(id));
    await ports.media.delete(profilePhotoKeys.thumb(id));
  }
}

/** An audit entry about a profile, never with its content. */
function audit(
  actor: Actor,
  action: string,
  subjectId: string,
  at: EpochMs,
  detail: Record<string, unknown> = {},
): AuditEntry {
  return { actorId: actor.user.id, action, subjectType: 'profile', subjectId, groupId: null, detail, at };
}
