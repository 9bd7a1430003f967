// The missing-person routes of docs/api-routes.md as typed functions: report and list sightings, read and delete the record.
import type * as P from '@fellwatch/protocol';
import type { z } from 'zod';
import { request } from './http.js';

export type SightingView = P.SightingView;
export type SightingList = P.SightingList;
export type SightingAdded = P.SightingAdded;
export type MissingRecord = P.MissingRecord;
export type AddSighting = z.input<typeof P.AddSighting>;

const enc = encodeURIComponent;

/** Reports a sighting from one of my groups showing the alert; a repeated clientId returns the first copy. */
export const addSighting = (alertId: string, body: AddSighting) =>
  request<SightingAdded>('POST', `/alerts/${enc(alertId)}/sightings`, body);

/** A missing person's sightings from every group, newest first; none once their details are withdrawn. */
export const listSightings = (alertId: string, signal?: AbortSignal) =>
  request<SightingList>('GET', `/alerts/${enc(alertId)}/sightings`, undefined, { signal });

/** What officers of the organisation keep once a missing person is found (every read is audited). */
export const getMissingRecord = (alertId: string, signal?: AbortSignal) =>
  request<MissingRecord>('GET', `/alerts/${enc(alertId)}/record`, undefined, { signal });

/** Deletes the record and its photos now, before the organisation's rule would (its officers and admins). */
export const deleteMissingRecord = (alertId: string) =>
  request<void>('DELETE', `/alerts/${enc(alertId)}/record`);
