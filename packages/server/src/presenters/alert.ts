// Presents alerts as members see them: the card's fields, its author, photos, place in every format, and where it travelled.
import {
  type Alert,
  type AlertId,
  describeLocation,
  findWhat3wordsAddresses,
  type GroupId,
  type GroupNames,
  type Media,
  type MediaId,
  type OrganisationId,
  type PublicProfile,
  type Repositories,
  type UserId,
} from '@fellwatch/core';
import type { AlertDetailsView, AlertView } from '@fellwatch/protocol';
import { presentPhoto } from './message.js';
import { presentFormerMember, presentPerson } from './person.js';

/** How many groups, in how many distinct organisations. */
export interface GroupCount {
  groups: number;
  organisations: number;
}

/**
 * Where an alert is shown (groups and their distinct organisations), and the groups of other
 * organisations still reviewing it.
 */
export interface AlertTravel extends GroupCount {
  reviewing?: GroupCount;
}

/**
 * The lookups presenting alerts needs; a transaction's repositories serve as well as the store. Sightings
 * are counted only for missing-person alerts, so a store without them presents every other kind.
 */
export type AlertPresentingStore = Pick<
  Repositories,
  'getPublicProfiles' | 'getMedia' | 'getAlertsByIds' | 'listAlertTravel' | 'getGroupNames'
> &
  Partial<Pick<Repositories, 'sightings'>>;

/**
 * True when the typed place holds a what3words address that no geocoder has checked. No geocoder
 * resolves alert places yet, so any address in the text is unchecked: a misheard one sends rescuers
 * to the wrong field, and the card says so.
 */
export function isPlaceUnchecked(placeText: string | null): boolean {
  return placeText !== null && findWhat3wordsAddresses(placeText).length > 0;
}

/** Whether a missing person's details were withdrawn from this alert (found, or closed). */
export function isWithdrawn(alert: Pick<Alert, 'kind' | 'details'>): boolean {
  return alert.kind === 'missing' && alert.details.withdrawn === true;
}

/**
 * An alert as members of a group where it is shown see it. Photos missing from `photos` are left out.
 * `origin` names the group it was raised in and that group's organisation. `sightings` counts a
 * missing person's sightings (none are counted once withdrawn).
 */
export function presentAlert(
  alert: Alert,
  author: PublicProfile | undefined,
  photos: ReadonlyMap<MediaId, Media>,
  travel: AlertTravel,
  origin: GroupNames | undefined,
  sightings = 0,
): AlertView {
  const shown = [];
  for (const id of alert.photoIds) {
    const media = photos.get(id);
    if (media) shown.push(presentPhoto(media));
  }
  return {
    id: alert.id,
    // Stored as validated by the protocol when it was raised; the record keeps it as plain JSON.
    details: alert.details as AlertDetailsView,
    summary: alert.summary,
    author: author ? presentPerson(author) : presentFormerMember(alert.authorId),
    originGroupId: alert.originGroupId,
    originGroupName: origin?.groupName ?? '',
    originOrganisationName: origin?.organisationName ?? '',
    location: alert.location ? describeLocation(alert.location) : null,
    placeText: alert.placeText,
    placeUnchecked: isPlaceUnchecked(alert.placeText),
    photos: shown,
    status: alert.status,
    outcome: alert.outcome,
    outcomeNote: alert.outcomeNote,
    linkedAlertId: alert.linkedAlertId,
    travel: travelView(alert, travel),
    ...(alert.kind === 'missing' && !isWithdrawn(alert) ? { sightings } : {}),
    createdAt: alert.createdAt,
    updatedAt: alert.updatedAt,
  };
}

/**
 * Where an alert went, as the card says it. Groups still reviewing it are told only while it is open:
 * once it is closed they no longer matter to anyone reading the card.
 */
function travelView(alert: Alert, travel: AlertTravel): AlertView['travel'] {
  const shown = { groups: travel.groups, organisations: travel.organisations };
  const reviewing = travel.reviewing;
  const open = alert.status === 'unverified' || alert.status === 'confirmed';
  if (!reviewing || reviewing.groups === 0 || !open) return shown;
  return { ...shown, reviewing: { groups: reviewing.groups, organisations: reviewing.organisations } };
}

/**
 * Counts, for each alert, the groups it is shown in and their distinct organisations, and the groups
 * (and organisations) still reviewing it: one lookup for the whole list.
 */
export async function loadAlertTravel(
  store: Pick<Repositories, 'listAlertTravel'>,
  alertIds: readonly AlertId[],
): Promise<Map<AlertId, AlertTravel>> {
  const entries = alertIds.length > 0 ? await store.listAlertTravel(alertIds) : [];
  const places = new Map<
    AlertId,
    { shown: Map<GroupId, OrganisationId>; reviewing: Map<GroupId, OrganisationId> }
  >();
  for (const id of alertIds) places.set(id, { shown: new Map(), reviewing: new Map() });
  for (const e of entries) {
    const place = places.get(e.alertId);
    if (place) (e.reviewing ? place.reviewing : place.shown).set(e.groupId, e.organisationId);
  }
  const count = (groups: Map<GroupId, OrganisationId>): GroupCount => ({
    groups: groups.size,
    organisations: new Set(groups.values()).size,
  });
  const travel = new Map<AlertId, AlertTravel>();
  for (const [id, place] of places) {
    travel.set(id, {
      ...count(place.shown),
      ...(place.reviewing.size > 0 ? { reviewing: count(place.reviewing) } : {}),
    });
  }
  return travel;
}

/**
 * Presents many alerts with one profile lookup, one lookup of the origin groups' names, one lookup per
 * distinct photo and their travel, in order.
 */
export async function loadAlertViews(
  store: AlertPresentingStore,
  alerts: readonly Alert[],
): Promise<AlertView[]> {
  if (alerts.length === 0) return [];
  const authorIds = new Set<UserId>();
  const photoIds = new Set<MediaId>();
  const originIds = new Set<GroupId>();
  for (const a of alerts) {
    authorIds.add(a.authorId);
    originIds.add(a.originGroupId);
    for (const id of a.photoIds) photoIds.add(id);
  }
  const missing = alerts.filter((a) => a.kind === 'missing' && !isWithdrawn(a)).map((a) => a.id);
  const [profiles, origins, media, travel, sightings] = await Promise.all([
    store.getPublicProfiles([...authorIds]),
    store.getGroupNames([...originIds]),
    Promise.all([...photoIds].map((id) => store.getMedia(id))),
    loadAlertTravel(
      store,
      alerts.map((a) => a.id),
    ),
    missing.length > 0 && store.sightings
      ? store.sightings.countSightings(missing)
      : new Map<AlertId, number>(),
  ]);
  const photos = new Map<MediaId, Media>();
  for (const m of media) if (m) photos.set(m.id, m);
  return alerts.map((a) =>
    presentAlert(
      a,
      profiles.get(a.authorId),
      photos,
      travel.get(a.id) ?? { groups: 0, organisations: 0 },
      origins.get(a.originGroupId),
      sightings.get(a.id) ?? 0,
    ),
  );
}

/** Loads and presents alerts by id (unknown ids are left out), keyed by id. */
export async function loadAlertViewsById(
  store: AlertPresentingStore,
  ids: readonly AlertId[],
): Promise<Map<AlertId, AlertView>> {
  if (ids.length === 0) return new Map();
  const alerts = await store.getAlertsByIds([...new Set(ids)]);
  const views = await loadAlertViews(store, alerts);
  return new Map(views.map((v) => [v.id as AlertId, v]));
}
