// Missing people: sightings reported against a missing-person alert, and the record officers keep once found.
import { z } from 'zod';
import { AlertView } from './alerts.js';
import { Epoch, GeoPoint, Id, LocationView, PublicPerson } from './common.js';
import { Photo } from './messages.js';

/** The most photos one sighting carries. */
export const MAX_SIGHTING_PHOTOS = 4;

/**
 * A member's sighting of a missing person: where (a point, or the place as typed, or both) and when are
 * required; a note and photos (uploaded to `groupId` first) are optional.
 */
export const AddSighting = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, - or _'),
    /** The group it is reported from: one where the alert is shown and I am a member. */
    groupId: Id,
    seenAt: Epoch,
    location: GeoPoint.optional(),
    /** The place as typed, e.g. "///filled.count.soap", "NY 835 213" or "Stanhope market place". */
    placeText: z.string().trim().max(120).optional(),
    note: z.string().trim().max(1000).default(''),
    photoIds: z.array(Id).max(MAX_SIGHTING_PHOTOS).default([]),
  })
  .refine((s) => s.location !== undefined || (s.placeText ?? '').length > 0, {
    message: 'say where they were seen: a place or a point on the map',
    path: ['location'],
  });
export type AddSighting = z.infer<typeof AddSighting>;

/**
 * One sighting as a member sees it: the reporter by display name only. `reportedBy` (the person, with
 * badges) is given to police officers only.
 */
export const SightingView = z.object({
  id: Id,
  alertId: Id,
  groupId: Id,
  author: z.object({ displayName: z.string() }),
  /** True for my own sightings. */
  mine: z.boolean(),
  reportedBy: PublicPerson.optional(),
  seenAt: Epoch,
  location: LocationView.nullable(),
  placeText: z.string().nullable(),
  /** A what3words address in placeText that no geocoder has checked. */
  placeUnchecked: z.boolean(),
  note: z.string(),
  photos: z.array(Photo),
  createdAt: Epoch,
});
export type SightingView = z.infer<typeof SightingView>;

/** An alert's sightings from every group, newest first; empty once the person's details are withdrawn. */
export const SightingList = z.object({ sightings: z.array(SightingView), withdrawn: z.boolean() });
export type SightingList = z.infer<typeof SightingList>;

/** A sighting added (201), or the first copy for a repeated clientId (200), with the alert as now shown. */
export const SightingAdded = z.object({ sighting: SightingView, alert: AlertView });
export type SightingAdded = z.infer<typeof SightingAdded>;

/**
 * What officers of the alert's organisation keep after a missing-person alert is closed: the alert and
 * its sightings as they were, who closed it and when, and when it will be deleted (`keptUntil`: the
 * withdrawal plus the organisation's rule as it is now). Every read is audited.
 */
export const MissingRecord = z.object({
  alert: AlertView,
  sightings: z.array(SightingView),
  outcomeNote: z.string().nullable(),
  withdrawnAt: Epoch,
  withdrawnBy: PublicPerson,
  keptUntil: Epoch,
});
export type MissingRecord = z.infer<typeof MissingRecord>;
