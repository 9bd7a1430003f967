// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type { AlertId, EpochMs, Id, UserId } from '../model/ids.js';

export type ProfileId = Id<'profile'>;
export type ProfilePhotoId = Id<'profile-photo'>;

/**
 * A profile as stored: who filed it, when, and the sealed content. Nothing identifying is kept in
 * the clear, not even the name; the release reference only as a keyed hash, for an officer's lookup.
 */
export interface StoredProfile {
  id: ProfileId;
  ownerId: UserId;
  /** The content (see ProfileContent), sealed by Secrets.seal for this profile and owner. */
  sealed: string;
  /** Secrets.hashToken of the normalised release reference. */
  referenceHash: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** The latest release into a missing-person alert, if any. */
  releasedAt: EpochMs | null;
  releasedAlertId: AlertId | null;
  /** Chosen by the device that filed it, unique per owner: filing again with it returns this profile. */
  clientId: string | null;
}

/** A photo filed for a profile: its bytes are sealed in the MediaStore; the row says whose it is. */
export interface StoredProfilePhoto {
  id: ProfilePhotoId;
  ownerId: UserId;
  /** null until a profile is saved with it. */
  profileId: ProfileId | null;
  width: number;
  height: number;
  createdAt: EpochMs;
}

/** What a save changes on a stored profile. */
export interface ProfileChange {
  sealed: string;
  updatedAt: EpochMs;
  referenceHash?: string;
}

/** Storage of sealed profiles and their photos' records. The store never sees the content in the clear. */
export interface ProfileRepository {
  /** Fails with conflict when the id, the reference hash or the owner's client id is already used. */
  createProfile(profile: StoredProfile): Promise<void>;
  getProfile(id: ProfileId): Promise<StoredProfile | undefined>;
  /** The owner's profile filed with this client id, if any. */
  getProfileByClientId(ownerId: UserId, clientId: string): Promise<StoredProfile | undefined>;
  getProfileByReferenceHash(referenceHash: string): Promise<StoredProfile | undefined>;
  /** The owner's profiles, oldest first. */
  listProfilesOfOwner(ownerId: UserId): Promise<StoredProfile[]>;
  /** Replaces the sealed content (and the reference hash when given). not_found for an unknown id. */
  updateProfile(id: ProfileId, change: ProfileChange): Promise<void>;
  /** Records a release. not_found for an unknown id. */
  markProfileReleased(id: ProfileId, alertId: AlertId, at: EpochMs): Promise<void>;
  /** Removes the profile and its photos' records for good. */
  deleteProfile(id: ProfileId): Promise<void>;
  /** Every owner's profiles with ids after `afterId` (null: from the first), by id, at most `limit`. */
  listProfilesAfter(afterId: ProfileId | null, limit: number): Promise<StoredProfile[]>;
  /**
   * Re-sealing: replaces the sealed content only while it is still `expected`, leaving every date alone
   * (the content is the same). False when the profile was saved again or deleted meanwhile.
   */
  replaceSealedProfile(id: ProfileId, expected: string, sealed: string): Promise<boolean>;

  createProfilePhoto(photo: StoredProfilePhoto): Promise<void>;
  getProfilePhoto(id: ProfilePhotoId): Promise<StoredProfilePhoto | undefined>;
  /** The photos saved with a profile, oldest first. */
  listProfilePhotos(profileId: ProfileId): Promise<StoredProfilePhoto[]>;
  /** Every photo record, saved into a profile or not, with ids after `afterId`, by id, at most `limit`. */
  listProfilePhotosAfter(afterId: ProfilePhotoId | null, limit: number): Promise<StoredProfilePhoto[]>;
  /** Ties photos to a profile (a save keeps them). */
  attachProfilePhotos(ids: readonly ProfilePhotoId[], profileId: ProfileId): Promise<void>;
  deleteProfilePhotos(ids: readonly ProfilePhotoId[]): Promise<void>;
  /**
   * Deletes up to `limit` of the owner's photo records never saved into a profile and filed before
   * `filedBefore`, oldest first, and returns the ids deleted. A photo saved into a profile meanwhile is
   * left alone.
   */
  deleteUnsavedProfilePhotos(ownerId: UserId, filedBefore: EpochMs, limit: number): Promise<ProfilePhotoId[]>;
}
