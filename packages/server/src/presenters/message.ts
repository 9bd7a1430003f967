// Presents messages as members see them: deleted content withheld, photos as links, locations described.
import {
  type AlertId,
  describeLocation,
  type Media,
  type MediaId,
  type Message,
  type PublicProfile,
  type Repositories,
  type UserId,
} from '@fellwatch/core';
import type { AlertView, MessageView, Photo } from '@fellwatch/protocol';
import { type AlertPresentingStore, loadAlertViewsById } from './alert.js';
import { presentFormerMember, presentPerson } from './person.js';

/** The member-visible copies of a photo; the original is served elsewhere, to officers and managers only. */
export function presentPhoto(media: Media): Photo {
  return {
    id: media.id,
    width: media.width,
    height: media.height,
    url: `/api/v1/media/${media.id}/display`,
    thumbUrl: `/api/v1/media/${media.id}/thumb`,
  };
}

/**
 * A message as members see it. A deleted message keeps its place (id, seq, author, times) but shows no
 * body, photos, location or alert: admins read what it said through the history endpoint. Photos missing
 * from `photos` are left out; `alert` is the presented alert of a placement (null for other messages).
 */
export function presentMessage(
  message: Message,
  author: PublicProfile | undefined,
  photos: ReadonlyMap<MediaId, Media>,
  alert: AlertView | null = null,
): MessageView {
  const deleted = message.deletedAt !== null;
  const shown: Photo[] = [];
  if (!deleted) {
    for (const id of message.photoIds) {
      const media = photos.get(id);
      if (media) shown.push(presentPhoto(media));
    }
  }
  return {
    id: message.id,
    groupId: message.groupId,
    seq: message.seq,
    clientId: message.clientId,
    author: author ? presentPerson(author) : presentFormerMember(message.authorId),
    body: deleted ? '' : message.body,
    replyToId: message.replyToId,
    photos: shown,
    location: !deleted && message.location ? describeLocation(message.location) : null,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    deleted,
    alert: deleted ? null : alert,
  };
}

/** The lookups presenting needs; a transaction's repositories serve as well as the store. */
export type PresentingStore = Pick<Repositories, 'getPublicProfiles' | 'getMedia'> & AlertPresentingStore;

/**
 * Presents many messages with one profile lookup and one media lookup per distinct photo (run together),
 * in the order given. Photos of deleted messages are not looked up at all. Alert placements get their
 * alerts, loaded together by id; nothing is asked about alerts when the messages have none.
 */
export async function loadMessageViews(
  store: PresentingStore,
  messages: readonly Message[],
): Promise<MessageView[]> {
  if (messages.length === 0) return [];
  const authorIds = new Set<UserId>();
  const photoIds = new Set<MediaId>();
  const alertIds = new Set<AlertId>();
  for (const m of messages) {
    authorIds.add(m.authorId);
    if (m.deletedAt === null) {
      for (const id of m.photoIds) photoIds.add(id);
      if (m.alertId) alertIds.add(m.alertId);
    }
  }
  const [profiles, media, alerts] = await Promise.all([
    store.getPublicProfiles([...authorIds]),
    Promise.all([...photoIds].map((id) => store.getMedia(id))),
    loadAlertViewsById(store, [...alertIds]),
  ]);
  const photos = new Map<MediaId, Media>();
  for (const m of media) if (m) photos.set(m.id, m);
  return messages.map((m) =>
    presentMessage(m, profiles.get(m.authorId), photos, m.alertId ? (alerts.get(m.alertId) ?? null) : null),
  );
}
