// How Herbert Protocol profiles are sealed: the contexts and media keys, and re-sealing every one under the current key.
import type { AuditEntry } from '../model/entities.js';
import type { EpochMs } from '../model/ids.js';
import type { Ports, ProfileId, ProfilePhotoId, StoredProfile, StoredProfilePhoto } from '../ports/index.js';

/** Where a profile photo's sealed copies are kept in the MediaStore: never beside group photos. */
export const profilePhotoKeys = {
  display: (id: ProfilePhotoId): string => `profiles/${id}/display.sealed`,
  thumb: (id: ProfilePhotoId): string => `profiles/${id}/thumb.sealed`,
};

/** The context a profile's content is sealed for: opened elsewhere (another row or owner), it fails. */
export function profileSealContext(profile: Pick<StoredProfile, 'id' | 'ownerId'>): string {
  return `profile:${profile.id}:${profile.ownerId}`;
}

/** The context a profile photo's bytes are sealed for. */
export function profilePhotoSealContext(photo: Pick<StoredProfilePhoto, 'id' | 'ownerId'>): string {
  return `profile-photo:${photo.id}:${photo.ownerId}`;
}

/**
 * A profile or profile photo whose sealed content does not open with any key the server holds: altered
 * in the database, or sealed under a key since removed. Not something its owner can fix by asking
 * again; they can delete it. The message says so without any of the content.
 */
export class SealedUnreadableError extends Error {
  /** A stable code for the transport, which answers it with 409 and this code. */
  readonly code = 'sealed_unreadable';
  constructor(
    readonly subject: 'profile' | 'profile_photo',
    readonly subjectId: string,
    /** The Secrets adapter's own reason (which key version, altered or not): for the log, never content. */
    readonly reason: string,
  ) {
    super(
      subject === 'profile'
        ? 'This profile cannot be opened (it was sealed with a key this server no longer has).'
        : 'This photo cannot be opened (it was sealed with a key this server no longer has).',
    );
    this.name = 'SealedUnreadableError';
  }
}

/** What became of the sealed values of one kind (profiles, or photos) in a re-seal. */
export interface ResealCounts {
  /** Opened and sealed again under the current key. */
  resealed: number;
  /** Already under the current key: left alone. */
  current: number;
  /** Did not open with any key the server holds (or a photo's file is missing): left as they are. */
  unopenable: number;
  /** The ids of those that did not open, for the operator (ids only, never content). */
  unopenableIds: string[];
}

/** The running totals of a re-seal. */
export interface ResealResult {
  profiles: ResealCounts;
  photos: ResealCounts;
}

/** How to re-seal: the Secrets adapter's own test of a value's key version, and where to report progress. */
export interface ResealOptions {
  /** True when a sealed value already carries the current key version (the adapter knows its layout). */
  isCurrent(sealed: string | Uint8Array): boolean;
  /** Rows read at a time. */
  batchSize?: number;
  /** Called after each batch with the totals so far. */
  onProgress?(totals: ResealResult): void;
}

/**
 * Opens every profile and profile photo with whatever key sealed it and seals it again under the
 * current key, so an earlier key can be retired. Values already current are left alone, and each value
 * is replaced on its own (a profile only if nobody saved it meanwhile), so it is safe to stop and run
 * again, while the server runs. What does not open is counted and left as it is. The operator's
 * maintenance, not a person's: each re-seal is audited without an actor, and never with the content.
 */
export async function resealProfiles(ports: Ports, options: ResealOptions): Promise<ResealResult> {
  const totals: ResealResult = { profiles: emptyCounts(), photos: emptyCounts() };
  const batchSize = options.batchSize ?? 100;
  let afterProfile: ProfileId | null = null;
  for (;;) {
    const batch = await ports.store.profiles.listProfilesAfter(afterProfile, batchSize);
    for (const profile of batch)
      count(totals.profiles, profile.id, await resealProfile(ports, profile, options));
    afterProfile = batch.at(-1)?.id ?? afterProfile;
    if (batch.length > 0) options.onProgress?.(totals);
    if (batch.length < batchSize) break;
  }
  let afterPhoto: ProfilePhotoId | null = null;
  for (;;) {
    const batch = await ports.store.profiles.listProfilePhotosAfter(afterPhoto, batchSize);
    for (const photo of batch) count(totals.photos, photo.id, await resealPhoto(ports, photo, options));
    afterPhoto = batch.at(-1)?.id ?? afterPhoto;
    if (batch.length > 0) options.onProgress?.(totals);
    if (batch.length < batchSize) break;
  }
  return totals;
}

type Outcome = 'resealed' | 'current' | 'unopenable' | 'gone';

function emptyCounts(): ResealCounts {
  return { resealed: 0, current: 0, unopenable: 0, unopenableIds: [] };
}

function count(counts: ResealCounts, id: string, outcome: Outcome): void {
  if (outcome === 'gone') return;
  counts[outcome] += 1;
  if (outcome === 'unopenable') counts.unopenableIds.push(id);
}

/**
 * One profile: replaced only if its sealed text is still what was opened. When the server saved it
 * meanwhile, the fresh row is looked at again (a save seals under the server's current key).
 */
async function resealProfile(ports: Ports, first: StoredProfile, options: ResealOptions): Promise<Outcome> {
  let stored: StoredProfile | undefined = first;
  for (let attempt = 1; stored && attempt <= 3; attempt += 1) {
    if (options.isCurrent(stored.sealed)) return 'current';
    const context = profileSealContext(stored);
    let content: string;
    try {
      content = ports.secrets.open(stored.sealed, context);
    } catch {
      return 'unopenable';
    }
    const sealed = ports.secrets.seal(content, context);
    const { id } = stored;
    const expected = stored.sealed;
    const replaced = await ports.store.transaction(async (tx) => {
      if (!(await tx.profiles.replaceSealedProfile(id, expected, sealed))) return false;
      await tx.appendAudit(resealAudit('profile.resealed', 'profile', id, ports.clock.now()));
      return true;
    });
    if (replaced) return 'resealed';
    stored = await ports.store.profiles.getProfile(id);
  }
  return stored ? 'current' : 'gone';
}

/**
 * One photo's two copies. Photo bytes never change, only get deleted: if the photo was deleted while
 * it was re-sealed, the copies just written are deleted too.
 */
async function resealPhoto(
  ports: Ports,
  photo: StoredProfilePhoto,
  options: ResealOptions,
): Promise<Outcome> {
  const context = profilePhotoSealContext(photo);
  const keys = [profilePhotoKeys.display(photo.id), profilePhotoKeys.thumb(photo.id)];
  let resealed = false;
  for (const key of keys) {
    const sealed = await ports.media.get(key);
    if (!sealed) return 'unopenable';
    if (options.isCurrent(sealed)) continue;
    let bytes: Uint8Array;
    try {
      bytes = ports.secrets.openBytes(sealed, context);
    } catch {
      return 'unopenable';
    }
    await ports.media.put(key, ports.secrets.sealBytes(bytes, context), 'application/octet-stream');
    resealed = true;
  }
  if (!resealed) return 'current';
  if (!(await ports.store.profiles.getProfilePhoto(photo.id))) {
    for (const key of keys) await ports.media.delete(key);
    return 'gone';
  }
  await ports.store.appendAudit({
    ...resealAudit('profile.photo_resealed', 'profile_photo', photo.id, ports.clock.now()),
    detail: photo.profileId ? { profileId: photo.profileId } : {},
  });
  return 'resealed';
}

/** An audit entry of a re-seal: the operator's maintenance, so no actor, and never the content. */
function resealAudit(action: string, subjectType: string, subjectId: string, at: EpochMs): AuditEntry {
  return { actorId: null, action, subjectType, subjectId, groupId: null, detail: {}, at };
}
