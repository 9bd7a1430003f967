// Missing people: report and list sightings of a missing person, and the record officers keep once found.
import {
  type Actor,
  type Alert,
  type AlertId,
  addSighting,
  canSeeSightingReporters,
  deleteMissingRecord,
  type GeoPoint,
  type GroupId,
  getAlert,
  listSightings,
  type Media,
  type MediaId,
  readMissingRecord,
} from '@fellwatch/core';
import { AddSighting, Id, MissingRecord, SightingAdded, SightingList } from '@fellwatch/protocol';
import { z } from 'zod';
import { loadAlertTravel, loadAlertViews, presentAlert } from '../../../presenters/alert.js';
import { presentFormerMember, presentPerson } from '../../../presenters/person.js';
import { loadSightingViews, type SightingViewer } from '../../../presenters/sighting.js';
import type { Api } from '../api.js';

const AlertParams = z.object({ alertId: Id });

/** Sightings reported per person per minute: enough for a search party, not for a runaway script. */
export const SIGHTINGS_PER_MINUTE = 20;

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerSightingRoutes(api: Api): void {
  const { ports } = api.ctx;

  api.route({
    method: 'POST',
    url: '/api/v1/alerts/:alertId/sightings',
    summary:
      'Report a sighting of a missing person (where and when), from a group showing the alert; repeating a clientId returns the first (200)',
    tag: 'missing',
    auth: 'required',
    params: AlertParams,
    body: AddSighting,
    perMinute: SIGHTINGS_PER_MINUTE,
    responses: { 201: SightingAdded, 200: SightingAdded },
    handler: async ({ actor, params, body, reply }) => {
      const added = await addSighting(ports, actor, params.alertId as AlertId, {
        clientId: body.clientId,
        groupId: body.groupId as GroupId,
        seenAt: body.seenAt,
        ...(body.location ? { location: body.location as GeoPoint } : {}),
        ...(body.placeText !== undefined ? { placeText: body.placeText } : {}),
        note: body.note,
        photoIds: body.photoIds as MediaId[],
      });
      reply.status(added.duplicate ? 200 : 201);
      // The answer shows the alert as it is now, even when a repeat finds it changed since.
      const alert = added.duplicate ? await getAlert(ports, actor, added.alert.id) : added.alert;
      const [[view], [sighting]] = await Promise.all([
        loadAlertViews(ports.store, [alert]),
        loadSightingViews(ports.store, [added.sighting], viewerOf(actor)),
      ]);
      return { sighting, alert: view };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/alerts/:alertId/sightings',
    summary:
      "A missing person's sightings from every group, newest first (members of a group showing the alert); none once found",
    tag: 'missing',
    auth: 'required',
    params: AlertParams,
    responses: { 200: SightingList },
    handler: async ({ actor, params }) => {
      const listed = await listSightings(ports, actor, params.alertId as AlertId);
      return {
        sightings: await loadSightingViews(ports.store, listed.sightings, {
          userId: actor.user.id,
          showReporters: listed.showReporters,
        }),
        withdrawn: listed.withdrawn,
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/alerts/:alertId/record',
    summary:
      "The record kept once a missing person's details were withdrawn: the alert and sightings as they were, and when it will be deleted (officers of the organisation; audited)",
    tag: 'missing',
    auth: 'required',
    params: AlertParams,
    responses: { 200: MissingRecord },
    handler: async ({ actor, params }) => {
      const record = await readMissingRecord(ports, actor, params.alertId as AlertId);
      const current = await ports.store.getAlert(record.alert.id);
      return presentRecord(record, current, viewerOf(actor));
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/v1/alerts/:alertId/record',
    summary:
      'Delete the record and its photos now, before the organisation’s rule would (its officers and admins; audited)',
    tag: 'missing',
    auth: 'required',
    params: AlertParams,
    responses: { 204: null },
    handler: async ({ actor, params }) => {
      await deleteMissingRecord(ports, actor, params.alertId as AlertId);
    },
  });

  /** The alert as it was, with its status now; sightings with their reporters; who withdrew it. */
  async function presentRecord(
    record: Awaited<ReturnType<typeof readMissingRecord>>,
    current: Alert | undefined,
    viewer: SightingViewer,
  ) {
    const alert: Alert = current
      ? {
          ...record.alert,
          status: current.status,
          outcome: current.outcome,
          resolvedBy: current.resolvedBy,
          updatedAt: current.updatedAt,
        }
      : record.alert;
    const photoIds = [...new Set([...alert.photoIds, ...record.sightings.flatMap((s) => s.photoIds)])];
    const [profiles, origins, media, travel, sightings] = await Promise.all([
      ports.store.getPublicProfiles([alert.authorId, record.withdrawnBy]),
      ports.store.getGroupNames([alert.originGroupId]),
      Promise.all(photoIds.map((id) => ports.store.getMedia(id))),
      loadAlertTravel(ports.store, [alert.id]),
      loadSightingViews(ports.store, record.sightings, viewer),
    ]);
    const photos = new Map<MediaId, Media>();
    for (const m of media) if (m) photos.set(m.id, m);
    const withdrawnBy = profiles.get(record.withdrawnBy);
    return {
      alert: presentAlert(
        alert,
        profiles.get(alert.authorId),
        photos,
        travel.get(alert.id) ?? { groups: 0, organisations: 0 },
        origins.get(alert.originGroupId),
        record.sightings.length,
      ),
      sightings,
      outcomeNote: record.outcomeNote,
      withdrawnAt: record.withdrawnAt,
      withdrawnBy: withdrawnBy ? presentPerson(withdrawnBy) : presentFormerMember(record.withdrawnBy),
      keptUntil: record.keptUntil,
    };
  }
}

/** Who is looking at sightings; the core's policy says whether they see who reported each. */
function viewerOf(actor: Actor): SightingViewer {
  return { userId: actor.user.id, showReporters: canSeeSightingReporters(actor) };
}
