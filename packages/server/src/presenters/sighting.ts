// Presents sightings of a missing person: members see the reporter's display name only, officers the person.
import {
  describeLocation,
  type Media,
  type MediaId,
  type PublicProfile,
  type Repositories,
  type Sighting,
  type UserId,
} from '@fellwatch/core';
import type { SightingView } from '@fellwatch/protocol';
import { isPlaceUnchecked } from './alert.js';
import { presentPhoto } from './message.js';
import { FORMER_MEMBER, presentFormerMember, presentPerson } from './person.js';

/** Who is looking: their id (to mark their own sightings) and whether they may see who reported each. */
export interface SightingViewer {
  userId: UserId;
  showReporters: boolean;
}

/** One sighting as the viewer sees it. Photos missing from `photos` are left out. */
export function presentSighting(
  sighting: Sighting,
  author: PublicProfile | undefined,
  photos: ReadonlyMap<MediaId, Media>,
  viewer: SightingViewer,
): SightingView {
  const shown = [];
  for (const id of sighting.photoIds) {
    const media = photos.get(id);
    if (media) shown.push(presentPhoto(media));
  }
  return {
    id: sighting.id,
    alertId: sighting.alertId,
    groupId: sighting.groupId,
    author: { displayName: author?.displayName ?? FORMER_MEMBER },
    mine: sighting.authorId === viewer.userId,
    ...(viewer.showReporters
      ? { reportedBy: author ? presentPerson(author) : presentFormerMember(sighting.authorId) }
      : {}),
    seenAt: sighting.seenAt,
    location: sighting.location ? describeLocation(sighting.location) : null,
    placeText: sighting.placeText,
    placeUnchecked: isPlaceUnchecked(sighting.placeText),
    note: sighting.note,
    photos: shown,
    createdAt: sighting.createdAt,
  };
}

/** Presents sightings in the order given, with one profile lookup and one lookup per distinct photo. */
export async function loadSightingViews(
  store: Pick<Repositories, 'getPublicProfiles' | 'getMedia'>,
  sightings: readonly Sighting[],
  viewer: SightingViewer,
): Promise<SightingView[]> {
  if (sightings.length === 0) return [];
  const photoIds = [...new Set(sightings.flatMap((s) => s.photoIds))];
  const [profiles, media] = await Promise.all([
    store.getPublicProfiles([...new Set(sightings.map((s) => s.authorId))]),
    Promise.all(photoIds.map((id) => store.getMedia(id))),
  ]);
  const photos = new Map<MediaId, Media>();
  for (const m of media) if (m) photos.set(m.id, m);
  return sightings.map((s) => presentSighting(s, profiles.get(s.authorId), photos, viewer));
}
