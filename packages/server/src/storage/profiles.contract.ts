// Store contract, profiles. Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import {
  type AlertId,
  DomainError,
  type ProfileId,
  type ProfilePhotoId,
  profileSealContext,
  type Store,
  type StoredProfile,
  type StoredProfilePhoto,
  type UserId,
} from '@fellwatch/core';
import { expect, it } from 'vitest';
import { CryptoSecrets } from '../adapters/crypto-secrets.js';
import { SqlStore } from './sql/sql-store.js';
import { aUser, fixtureEpoch, newId } from './test-support/fixtures.js';

const T = fixtureEpoch + 3_600_000;

function aProfile(ownerId: UserId, overrides: Partial<StoredProfile> = {}): StoredProfile {
  const id = newId<ProfileId>();
  return {
    id,
    ownerId,
    sealed: `sealed-${id}`,
    referenceHash: `reference-hash-${id}`,
    createdAt: T,
    updatedAt: T,
    releasedAt: null,
    releasedAlertId: null,
    clientId: null,
    ...overrides,
  };
}

function aPhoto(ownerId: UserId, overrides: Partial<StoredProfilePhoto> = {}): StoredProfilePhoto {
  return {
    id: newId<ProfilePhotoId>(),
    ownerId,
    profileId: null,
    width: 1200,
    height: 1600,
    createdAt: T,
    ...overrides,
  };
}

/** Behaviour of the profiles repository; `store` returns the store under test. */
export function profilesContract(store: () => Store): void {
  const profiles = () => store().profiles;

  async function anOwner(): Promise<UserId> {
    const user = aUser();
    await store().createUser(user);
    return user.id;
  }

  it('stores a profile and reads it back by id, by reference hash and in its owner’s list, oldest first', async () => {
    const owner = await anOwner();
    const other = await anOwner();
    const first = aProfile(owner);
    const second = aProfile(owner, { createdAt: T + 1, updatedAt: T + 1 });
    const theirs = aProfile(other);
    for (const p of [first, second, theirs]) await profiles().createProfile(p);

    expect(await profiles().getProfile(first.id)).toEqual(first);
    expect(await profiles().getProfileByReferenceHash(second.referenceHash)).toEqual(second);
    expect(await profiles().getProfileByReferenceHash('no-such-hash')).toBeUndefined();
    expect(await profiles().getProfile(newId<ProfileId>())).toBeUndefined();
    expect(await profiles().listProfilesOfOwner(owner)).toEqual([first, second]);
    expect(await profiles().listProfilesOfOwner(other)).toEqual([theirs]);
    expect(await profiles().listProfilesOfOwner(newId<UserId>())).toEqual([]);
  });

  it('refuses a second profile with the same id or the same reference hash, as a conflict', async () => {
    const owner = await anOwner();
    const profile = aProfile(owner);
    await profiles().createProfile(profile);
    for (const clash of [
      aProfile(owner, { id: profile.id }),
      aProfile(owner, { referenceHash: profile.referenceHash }),
    ]) {
      const error = await profiles()
        .createProfile(clash)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('conflict');
    }
    expect(await profiles().listProfilesOfOwner(owner)).toEqual([profile]);
  });

  it('finds a profile by its owner’s client id, unique per owner, and keeps many without one', async () => {
    const owner = await anOwner();
    const other = await anOwner();
    const filed = aProfile(owner, { clientId: 'form-session-0001' });
    await profiles().createProfile(filed);
    expect(await profiles().getProfileByClientId(owner, 'form-session-0001')).toEqual(filed);
    expect(await profiles().getProfileByClientId(other, 'form-session-0001')).toBeUndefined();
    expect(await profiles().getProfileByClientId(owner, 'form-session-0002')).toBeUndefined();

    await expect(
      profiles().createProfile(aProfile(owner, { clientId: 'form-session-0001' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    const theirs = aProfile(other, { clientId: 'form-session-0001' });
    await profiles().createProfile(theirs);
    expect(await profiles().getProfileByClientId(other, 'form-session-0001')).toEqual(theirs);
    const [a, b] = [aProfile(owner), aProfile(owner)];
    await profiles().createProfile(a);
    await profiles().createProfile(b);
    expect(await profiles().listProfilesOfOwner(owner)).toEqual([filed, a, b]);
  });

  it('replaces the sealed content, and the reference hash only when given; not_found for an unknown profile', async () => {
    const owner = await anOwner();
    const profile = aProfile(owner);
    await profiles().createProfile(profile);
    await profiles().updateProfile(profile.id, { sealed: 'sealed-again', updatedAt: T + 5 });
    expect(await profiles().getProfile(profile.id)).toEqual({
      ...profile,
      sealed: 'sealed-again',
      updatedAt: T + 5,
    });
    await profiles().updateProfile(profile.id, {
      sealed: 'third',
      updatedAt: T + 6,
      referenceHash: 'renewed',
    });
    expect(await profiles().getProfileByReferenceHash(profile.referenceHash)).toBeUndefined();
    expect(await profiles().getProfileByReferenceHash('renewed')).toMatchObject({
      id: profile.id,
      sealed: 'third',
    });

    const taken = aProfile(owner);
    await profiles().createProfile(taken);
    await expect(
      profiles().updateProfile(profile.id, {
        sealed: 'x',
        updatedAt: T + 7,
        referenceHash: taken.referenceHash,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      profiles().updateProfile(newId<ProfileId>(), { sealed: 'x', updatedAt: T }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the latest release', async () => {
    const owner = await anOwner();
    const profile = aProfile(owner);
    await profiles().createProfile(profile);
    const [alertOne, alertTwo] = [newId<AlertId>(), newId<AlertId>()];
    await profiles().markProfileReleased(profile.id, alertOne, T + 10);
    await profiles().markProfileReleased(profile.id, alertTwo, T + 20);
    expect(await profiles().getProfile(profile.id)).toEqual({
      ...profile,
      releasedAt: T + 20,
      releasedAlertId: alertTwo,
    });
    await expect(profiles().markProfileReleased(newId<ProfileId>(), alertOne, T)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('keeps photo records, ties them to a profile, lists a profile’s photos and deletes them', async () => {
    const owner = await anOwner();
    const profile = aProfile(owner);
    await profiles().createProfile(profile);
    const [one, two, loose] = [aPhoto(owner), aPhoto(owner, { width: 800, height: 600 }), aPhoto(owner)];
    for (const photo of [one, two, loose]) await profiles().createProfilePhoto(photo);
    expect(await profiles().getProfilePhoto(one.id)).toEqual(one);
    expect(await profiles().listProfilePhotos(profile.id)).toEqual([]);

    await profiles().attachProfilePhotos([one.id, two.id], profile.id);
    await profiles().attachProfilePhotos([], profile.id);
    expect(await profiles().listProfilePhotos(profile.id)).toEqual([
      { ...one, profileId: profile.id },
      { ...two, profileId: profile.id },
    ]);
    expect(await profiles().getProfilePhoto(loose.id)).toEqual(loose);

    await profiles().deleteProfilePhotos([two.id]);
    await profiles().deleteProfilePhotos([]);
    expect(await profiles().getProfilePhoto(two.id)).toBeUndefined();
    expect(await profiles().listProfilePhotos(profile.id)).toEqual([{ ...one, profileId: profile.id }]);
  });

  it('deletes an owner’s photos never saved into a profile, filed before a time, oldest first, up to a limit', async () => {
    const owner = await anOwner();
    const other = await anOwner();
    const profile = aProfile(owner);
    await profiles().createProfile(profile);
    const [oldest, older, saved, recent, theirs] = [
      aPhoto(owner, { createdAt: T - 3000 }),
      aPhoto(owner, { createdAt: T - 2000 }),
      aPhoto(owner, { createdAt: T - 2000 }),
      aPhoto(owner, { createdAt: T }),
      aPhoto(other, { createdAt: T - 3000 }),
    ];
    for (const photo of [oldest, older, saved, recent, theirs]) await profiles().createProfilePhoto(photo);
    await profiles().attachProfilePhotos([saved.id], profile.id);

    expect(await profiles().deleteUnsavedProfilePhotos(owner, T, 1)).toEqual([oldest.id]);
    expect(await profiles().deleteUnsavedProfilePhotos(owner, T, 10)).toEqual([older.id]);
    expect(await profiles().deleteUnsavedProfilePhotos(owner, T, 10)).toEqual([]);
    for (const gone of [oldest, older]) expect(await profiles().getProfilePhoto(gone.id)).toBeUndefined();
    for (const kept of [recent, theirs]) expect(await profiles().getProfilePhoto(kept.id)).toEqual(kept);
    expect(await profiles().getProfilePhoto(saved.id)).toMatchObject({ profileId: profile.id });
  });

  it('deletes a profile and its photos’ records for good, leaving others alone', async () => {
    const owner = await anOwner();
    const gone = aProfile(owner);
    const kept = aProfile(owner);
    await profiles().createProfile(gone);
    await profiles().createProfile(kept);
    const photo = aPhoto(owner, { profileId: null });
    const keptPhoto = aPhoto(owner);
    await profiles().createProfilePhoto(photo);
    await profiles().createProfilePhoto(keptPhoto);
    await profiles().attachProfilePhotos([photo.id], gone.id);
    await profiles().attachProfilePhotos([keptPhoto.id], kept.id);

    await profiles().deleteProfile(gone.id);
    expect(await profiles().getProfile(gone.id)).toBeUndefined();
    expect(await profiles().getProfileByReferenceHash(gone.referenceHash)).toBeUndefined();
    expect(await profiles().getProfilePhoto(photo.id)).toBeUndefined();
    expect(await profiles().listProfilesOfOwner(owner)).toEqual([kept]);
    expect(await profiles().getProfilePhoto(keptPhoto.id)).toMatchObject({ profileId: kept.id });
  });

  it('pages through every owner’s profiles and photos by id, for re-sealing', async () => {
    const [one, two] = [await anOwner(), await anOwner()];
    const ours = [aProfile(one), aProfile(two), aProfile(one)];
    for (const p of ours) await profiles().createProfile(p);
    const seen: ProfileId[] = [];
    for (let after: ProfileId | null = null; ; ) {
      const page = await profiles().listProfilesAfter(after, 2);
      seen.push(...page.map((p) => p.id));
      if (page.length < 2) break;
      after = page[1]?.id ?? null;
    }
    // Other tests' profiles share the store: ours appear once each, in id order.
    expect(seen.filter((id) => ours.some((p) => p.id === id))).toEqual(ours.map((p) => p.id).sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(await profiles().listProfilesAfter(seen.at(-1) ?? null, 5)).toEqual([]);
    const first = await profiles().listProfilesAfter(null, 1);
    expect(first).toHaveLength(1);

    const photos = [aPhoto(one), aPhoto(two)];
    for (const photo of photos) await profiles().createProfilePhoto(photo);
    await profiles().attachProfilePhotos([photos[0]?.id as ProfilePhotoId], ours[0]?.id as ProfileId);
    const allPhotos = await profiles().listProfilePhotosAfter(null, 10_000);
    expect(allPhotos.filter((p) => photos.some((q) => q.id === p.id)).map((p) => p.profileId)).toEqual([
      ours[0]?.id,
      null,
    ]);
    const afterFirst = await profiles().listProfilePhotosAfter(photos[0]?.id as ProfilePhotoId, 10_000);
    expect(afterFirst.map((p) => p.id)).toContain(photos[1]?.id);
    expect(afterFirst.map((p) => p.id)).not.toContain(photos[0]?.id);
  });

  it('re-seals a profile only while its sealed text is what was read, leaving its dates alone', async () => {
    const owner = await anOwner();
    const profile = aProfile(owner);
    await profiles().createProfile(profile);
    expect(await profiles().replaceSealedProfile(profile.id, 'not what is there', 'x')).toBe(false);
    expect(await profiles().getProfile(profile.id)).toEqual(profile);
    expect(await profiles().replaceSealedProfile(profile.id, profile.sealed, 'resealed')).toBe(true);
    expect(await profiles().getProfile(profile.id)).toEqual({ ...profile, sealed: 'resealed' });
    expect(await profiles().replaceSealedProfile(newId<ProfileId>(), 'resealed', 'x')).toBe(false);
  });

  it('writes with others in one transaction, or not at all', async () => {
    const owner = await anOwner();
    const profile = aProfile(owner);
    const photo = aPhoto(owner);
    await expect(
      store().transaction(async (tx) => {
        await tx.profiles.createProfilePhoto(photo);
        await tx.profiles.createProfile(profile);
        await tx.profiles.attachProfilePhotos([photo.id], profile.id);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await profiles().getProfile(profile.id)).toBeUndefined();
    expect(await profiles().getProfilePhoto(photo.id)).toBeUndefined();
  });

  it('holds a sealed profile with none of its content in the clear, in any column', async () => {
    const owner = await anOwner();
    const secrets = new CryptoSecrets('contract-server-key');
    const profile = aProfile(owner);
    const content = { name: 'Margaret Ellis', routines: 'Walks to Eggleston chapel at ten' };
    profile.sealed = secrets.seal(JSON.stringify(content), profileSealContext(profile));
    await profiles().createProfile(profile);

    const raw = store();
    if (!(raw instanceof SqlStore)) throw new Error('reading the raw table needs a SqlStore');
    const row = await raw.db
      .selectFrom('profiles')
      .selectAll()
      .where('id', '=', profile.id)
      .executeTakeFirst();
    const text = JSON.stringify(row);
    for (const word of ['Margaret', 'Ellis', 'Eggleston', 'chapel']) expect(text).not.toContain(word);
    const stored = await profiles().getProfile(profile.id);
    expect(JSON.parse(secrets.open(stored?.sealed ?? '', profileSealContext(profile)))).toEqual(content);
  });
}
