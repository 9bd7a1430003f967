// Actions on photos: upload (kept as evidence, shown re-encoded) and read a copy or the audited original.
import type { Actor } from '../model/actor.js';
import type { Media, Membership } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { GroupId, MediaId } from '../model/ids.js';
import {
  canFetchOriginal,
  canPost,
  canReadGroup,
  canReadMissingRecord,
  canSeeGroup,
} from '../policies/index.js';
import type { Ports, Repositories, WithdrawnMedia } from '../ports/index.js';

/** Which copy of a photo to read: the re-encoded ones members see, or the untouched original. */
export type PhotoVariant = 'display' | 'thumb' | 'original';

/** A photo's bytes and the type to serve them as. */
export interface PhotoBytes {
  bytes: Uint8Array;
  contentType: string;
  /**
   * The photo of a missing person or of a sighting: it is withdrawn once they are found, so browsers
   * must ask again rather than keep a copy.
   */
  withdrawable: boolean;
}

/** Where each copy of a photo is kept in the MediaStore. */
export const photoKeys = {
  /** One file per distinct upload, named by its SHA-256, so evidence is stored once and verifiable. */
  original: (sha256: string): string => `originals/${sha256}`,
  display: (id: MediaId): string => `display/${id}.jpg`,
  thumb: (id: MediaId): string => `thumb/${id}.jpg`,
};

/**
 * Uploads a photo to a group: checked by its bytes, the original kept once under its SHA-256,
 * members' copies re-encoded without metadata. The photo is then attached by posting a message.
 */
export async function uploadPhoto(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  bytes: Uint8Array,
): Promise<Media> {
  const { store } = ports;
  const group = await store.getGroup(groupId);
  if (!group) throw fail.notFound('Group');
  const membership = await store.getMembership(groupId, actor.user.id);
  if (!canPost(membership)) {
    if (canSeeGroup(actor, group, membership)) throw fail.forbidden('Only active members can upload photos.');
    throw fail.notFound('Group');
  }
  if (bytes.byteLength === 0) throw fail.invalid('The photo is empty.', 'photo');

  const image = await ports.images.process(bytes);
  const id = ports.ids.next() as MediaId;
  const originalKey = photoKeys.original(image.sha256);
  // The same evidence uploaded twice is kept once; its bytes are identical by their hash.
  if (!(await ports.media.has(originalKey))) await ports.media.put(originalKey, bytes, image.originalType);
  await ports.media.put(photoKeys.display(id), image.display, 'image/jpeg');
  await ports.media.put(photoKeys.thumb(id), image.thumb, 'image/jpeg');
  const media: Media = {
    id,
    groupId,
    uploaderId: actor.user.id,
    sha256: image.sha256,
    originalType: image.originalType,
    originalBytes: bytes.byteLength,
    width: image.width,
    height: image.height,
    createdAt: ports.clock.now(),
  };
  await store.createMedia(media);
  return media;
}

/**
 * Reads one copy of a photo. Copies go to active members of the photo's group and of every group
 * showing an alert that carries it; the original, with its metadata, only to those allowed evidence
 * in the photo's own group, and every such read is written to the audit log. A photo withdrawn with a
 * found person is gone for everyone but the officers of the alert's organisation (audited).
 */
export async function readPhoto(
  ports: Ports,
  actor: Actor,
  mediaId: MediaId,
  variant: PhotoVariant,
): Promise<PhotoBytes> {
  const { store } = ports;
  const media = await store.getMedia(mediaId);
  const group = media && (await store.getGroup(media.groupId));
  if (!media || !group) throw fail.notFound('Photo');
  const withdrawn = await store.sightings.getWithdrawnMedia(media.id);
  if (withdrawn) return readWithdrawnPhoto(ports, actor, media, withdrawn, variant);
  const membership = await store.getMembership(group.id, actor.user.id);

  if (variant !== 'original') {
    if (!canReadGroup(membership) && !(await seesAlertWithPhoto(store, actor, media.id))) {
      throw fail.notFound('Photo');
    }
    const key = variant === 'display' ? photoKeys.display(media.id) : photoKeys.thumb(media.id);
    const withdrawable = await store.sightings.isMissingPersonMedia(media.id);
    return { bytes: await requireBytes(ports, key), contentType: 'image/jpeg', withdrawable };
  }

  if (!canFetchOriginal(actor, group, membership)) throw refuseOriginal(membership);
  const bytes = await requireBytes(ports, photoKeys.original(media.sha256));
  // Recorded before the bytes leave: an original handed out must never go unrecorded.
  await store.appendAudit({
    actorId: actor.user.id,
    action: 'photo.original_viewed',
    subjectType: 'media',
    subjectId: media.id,
    groupId: group.id,
    detail: { sha256: media.sha256, originalType: media.originalType, bytes: bytes.byteLength },
    at: ports.clock.now(),
  });
  return { bytes, contentType: media.originalType, withdrawable: false };
}

/** A withdrawn photo: for officers of the alert's organisation only, each read audited; "not found" to all others. */
async function readWithdrawnPhoto(
  ports: Ports,
  actor: Actor,
  media: Media,
  withdrawn: WithdrawnMedia,
  variant: PhotoVariant,
): Promise<PhotoBytes> {
  if (!canReadMissingRecord(actor, withdrawn.organisationId)) throw fail.notFound('Photo');
  const key =
    variant === 'original'
      ? photoKeys.original(media.sha256)
      : variant === 'display'
        ? photoKeys.display(media.id)
        : photoKeys.thumb(media.id);
  const bytes = await requireBytes(ports, key);
  await ports.store.appendAudit({
    actorId: actor.user.id,
    action: 'photo.withdrawn_viewed',
    subjectType: 'media',
    subjectId: media.id,
    groupId: media.groupId,
    detail: { alertId: withdrawn.alertId, variant },
    at: ports.clock.now(),
  });
  return {
    bytes,
    contentType: variant === 'original' ? media.originalType : 'image/jpeg',
    withdrawable: true,
  };
}

/** Whether the actor is an active member of a group showing an alert that carries this photo. */
async function seesAlertWithPhoto(store: Repositories, actor: Actor, mediaId: MediaId): Promise<boolean> {
  for (const groupId of await store.listAlertGroupsOfMedia(mediaId)) {
    if (canReadGroup(await store.getMembership(groupId, actor.user.id))) return true;
  }
  return false;
}

/** Members learn the original exists but may not have it; anyone else may not learn the photo exists. */
function refuseOriginal(membership: Membership | undefined): Error {
  if (canReadGroup(membership)) {
    return fail.forbidden('Only officers, moderators and admins of the group can fetch the original photo.');
  }
  return fail.notFound('Photo');
}

async function requireBytes(ports: Ports, key: string): Promise<Uint8Array> {
  const bytes = await ports.media.get(key);
  if (!bytes) throw fail.notFound('Photo');
  return bytes;
}
