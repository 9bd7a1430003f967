// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import type {
  AlertId,
  EpochMs,
  ProfileChange,
  ProfileId,
  ProfilePhotoId,
  ProfileRepository,
  StoredProfile,
  StoredProfilePhoto,
  UserId,
} from '@fellwatch/core';
import { fail } from '@fellwatch/core';
import type { Selectable } from 'kysely';
import { guarded } from './errors.js';
import type { Atomically, Db } from './repository.js';

/** A profile: nothing identifying in the clear; the content is the sealed text. */
export interface ProfilesTable {
  id: string;
  owner_id: string;
  sealed: string;
  /** Keyed hash of the release reference, unique. */
  reference_hash: string;
  created_at: number;
  updated_at: number;
  released_at: number | null;
  released_alert_id: string | null;
  /** The filing device's client id, unique per owner; null for profiles filed before it was kept. */
  client_id: string | null;
}

/** A profile photo's record; its bytes are sealed in the MediaStore. */
export interface ProfilePhotosTable {
  id: string;
  owner_id: string;
  /** null until a profile is saved with the photo. */
  profile_id: string | null;
  width: number;
  height: number;
  created_at: number;
}

/** This feature's tables, part of the typed schema. */
export type ProfileTables = {
  profiles: ProfilesTable;
  profile_photos: ProfilePhotosTable;
};

/** The profiles repository on a Kysely database (or one transaction of it). */
export class SqlProfileRepository implements ProfileRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}

  async createProfile(profile: StoredProfile): Promise<void> {
    await guarded(
      () =>
        this.db
          .insertInto('profiles')
          .values({
            id: profile.id,
            owner_id: profile.ownerId,
            sealed: profile.sealed,
            reference_hash: profile.referenceHash,
            created_at: profile.createdAt,
            updated_at: profile.updatedAt,
            released_at: profile.releasedAt,
            released_alert_id: profile.releasedAlertId,
            client_id: profile.clientId,
          })
          .execute(),
      'This profile or its release reference already exists.',
    );
  }

  async getProfile(id: ProfileId): Promise<StoredProfile | undefined> {
    const row = await this.db.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProfile(row);
  }

  async getProfileByClientId(ownerId: UserId, clientId: string): Promise<StoredProfile | undefined> {
    const row = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toProfile(row);
  }

  async getProfileByReferenceHash(referenceHash: string): Promise<StoredProfile | undefined> {
    const row = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('reference_hash', '=', referenceHash)
      .executeTakeFirst();
    return row && toProfile(row);
  }

  async listProfilesOfOwner(ownerId: UserId): Promise<StoredProfile[]> {
    const rows = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('id')
      .execute();
    return rows.map(toProfile);
  }

  async updateProfile(id: ProfileId, change: ProfileChange): Promise<void> {
    const result = await guarded(
      () =>
        this.db
          .updateTable('profiles')
          .set({
            sealed: change.sealed,
            updated_at: change.updatedAt,
            ...(change.referenceHash !== undefined ? { reference_hash: change.referenceHash } : {}),
          })
          .where('id', '=', id)
          .executeTakeFirst(),
      'This release reference is already used.',
    );
    if (Number(result.numUpdatedRows) === 0) throw fail.notFound('Profile');
  }

  async markProfileReleased(id: ProfileId, alertId: AlertId, at: EpochMs): Promise<void> {
    const result = await this.db
      .updateTable('profiles')
      .set({ released_at: at, released_alert_id: alertId })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw fail.notFound('Profile');
  }

  async deleteProfile(id: ProfileId): Promise<void> {
    await this.atomically(async (db) => {
      await db.deleteFrom('profile_photos').where('profile_id', '=', id).execute();
      await db.deleteFrom('profiles').where('id', '=', id).execute();
    });
  }

  async listProfilesAfter(afterId: ProfileId | null, limit: number): Promise<StoredProfile[]> {
    let query = this.db.selectFrom('profiles').selectAll();
    if (afterId !== null) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map(toProfile);
  }

  async replaceSealedProfile(id: ProfileId, expected: string, sealed: string): Promise<boolean> {
    const result = await this.db
      .updateTable('profiles')
      .set({ sealed })
      .where('id', '=', id)
      .where('sealed', '=', expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async createProfilePhoto(photo: StoredProfilePhoto): Promise<void> {
    await guarded(() =>
      this.db
        .insertInto('profile_photos')
        .values({
          id: photo.id,
          owner_id: photo.ownerId,
          profile_id: photo.profileId,
          width: photo.width,
          height: photo.height,
          created_at: photo.createdAt,
        })
        .execute(),
    );
  }

  async getProfilePhoto(id: ProfilePhotoId): Promise<StoredProfilePhoto | undefined> {
    const row = await this.db
      .selectFrom('profile_photos')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toPhoto(row);
  }

  async listProfilePhotos(profileId: ProfileId): Promise<StoredProfilePhoto[]> {
    const rows = await this.db
      .selectFrom('profile_photos')
      .selectAll()
      .where('profile_id', '=', profileId)
      .orderBy('id')
      .execute();
    return rows.map(toPhoto);
  }

  async listProfilePhotosAfter(afterId: ProfilePhotoId | null, limit: number): Promise<StoredProfilePhoto[]> {
    let query = this.db.selectFrom('profile_photos').selectAll();
    if (afterId !== null) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map(toPhoto);
  }

  async attachProfilePhotos(ids: readonly ProfilePhotoId[], profileId: ProfileId): Promise<void> {
    if (ids.length === 0) return;
    await guarded(() =>
      this.db
        .updateTable('profile_photos')
        .set({ profile_id: profileId })
        .where('id', 'in', [...ids])
        .execute(),
    );
  }

  async deleteProfilePhotos(ids: readonly ProfilePhotoId[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('profile_photos')
      .where('id', 'in', [...ids])
      .execute();
  }

  async deleteUnsavedProfilePhotos(
    ownerId: UserId,
    filedBefore: EpochMs,
    limit: number,
  ): Promise<ProfilePhotoId[]> {
    // One statement, so a photo saved into a profile between choosing and deleting is not deleted.
    const rows = await this.db
      .deleteFrom('profile_photos')
      .where('owner_id', '=', ownerId)
      .where('profile_id', 'is', null)
      .where('created_at', '<', filedBefore)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('profile_photos')
          .select('id')
          .where('owner_id', '=', ownerId)
          .where('profile_id', 'is', null)
          .where('created_at', '<', filedBefore)
          .orderBy('id')
          .limit(limit),
      )
      .returning('id')
      .execute();
    return rows.map((row) => row.id as ProfilePhotoId);
  }
}

function toProfile(row: Selectable<ProfilesTable>): StoredProfile {
  return {
    id: row.id as ProfileId,
    ownerId: row.owner_id as UserId,
    sealed: row.sealed,
    referenceHash: row.reference_hash,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    releasedAt: row.released_at === null ? null : Number(row.released_at),
    releasedAlertId: row.released_alert_id as AlertId | null,
    clientId: row.client_id,
  };
}

function toPhoto(row: Selectable<ProfilePhotosTable>): StoredProfilePhoto {
  return {
    id: row.id as ProfilePhotoId,
    ownerId: row.owner_id as UserId,
    profileId: row.profile_id as ProfileId | null,
    width: Number(row.width),
    height: Number(row.height),
    createdAt: Number(row.created_at),
  };
}
