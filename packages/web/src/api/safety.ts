// The safety routes of docs/api-routes.md as typed functions: emergency guidance, going on watch, and
// the "needs attention" queue.
import type * as P from '@fellwatch/protocol';
import type { z } from 'zod';
import { request } from './http.js';

export type EmergencyGuidance = P.EmergencyGuidance;
export type WatchStatus = P.WatchStatus;
export type Watcher = P.Watcher;
export type MyWatch = P.MyWatch;
export type WatchShiftView = P.WatchShiftView;
export type WatchPatternView = P.WatchPatternView;
export type WatchedGroup = P.WatchedGroup;
export type AttentionItem = P.AttentionItem;
export type AttentionQueue = P.AttentionQueues['queues'][number];
export type AttentionMessage = P.AttentionMessage;
export type RiskCategory = P.RiskCategory;
export type SetEmergencyGuidance = z.input<typeof P.SetEmergencyGuidance>;
export type GoOnWatch = z.input<typeof P.GoOnWatch>;
export type AddWeeklyWatch = z.input<typeof P.AddWeeklyWatch>;

const enc = encodeURIComponent;

/** An organisation's emergency numbers and online report form (999 and 101 until its admins set them). */
export const getGuidance = (organisationId: string, signal?: AbortSignal) =>
  request<{ guidance: EmergencyGuidance }>(
    'GET',
    `/organisations/${enc(organisationId)}/guidance`,
    undefined,
    {
      signal,
    },
  ).then((r) => r.guidance);

/** Sets an organisation's emergency numbers and online report form (its admins). */
export const setGuidance = (organisationId: string, body: SetEmergencyGuidance) =>
  request<{ guidance: EmergencyGuidance }>(
    'PUT',
    `/organisations/${enc(organisationId)}/guidance`,
    body,
  ).then((r) => r.guidance);

/** A group's header: the guidance, who is watching now, and what I may do. */
export const getWatchStatus = (groupId: string, signal?: AbortSignal) =>
  request<WatchStatus>('GET', `/groups/${enc(groupId)}/watch`, undefined, { signal });

/** My shifts that have not ended, and the groups I may watch. */
export const getMyWatch = (signal?: AbortSignal) => request<MyWatch>('GET', '/watch', undefined, { signal });

/** Goes on watch until `endsAt` for the chosen groups (all I may watch when none are named). */
export const goOnWatch = (body: GoOnWatch) =>
  request<{ shift: WatchShiftView }>('POST', '/watch/shifts', body).then((r) => r.shift);

/** Ends one of my shifts now (cancels one not yet started). */
export const endWatch = (shiftId: string) =>
  request<{ shift: WatchShiftView }>('POST', `/watch/shifts/${enc(shiftId)}/end`).then((r) => r.shift);

/** Goes on watch every week: days (1 Monday … 7 Sunday), a UK start time ("18:00"), minutes. */
export const addWeeklyWatch = (body: AddWeeklyWatch) =>
  request<{ pattern: WatchPatternView }>('POST', '/watch/patterns', body).then((r) => r.pattern);

/** Stops one of my weekly watches. */
export const stopWeeklyWatch = (patternId: string) =>
  request<{ pattern: WatchPatternView }>('POST', `/watch/patterns/${enc(patternId)}/end`).then(
    (r) => r.pattern,
  );

/** Every "needs attention" queue I see, with its open count. */
export const listAttentionQueues = (signal?: AbortSignal) =>
  request<{ queues: AttentionQueue[] }>('GET', '/attention', undefined, { signal }).then((r) => r.queues);

/** A group's flagged messages, newest first. */
export const listAttention = (groupId: string, state: 'open' | 'handled' | 'all', signal?: AbortSignal) =>
  request<{ items: AttentionItem[] }>('GET', `/groups/${enc(groupId)}/attention?state=${state}`, undefined, {
    signal,
  }).then((r) => r.items);

/** Marks a flagged message handled. */
export const markHandled = (groupId: string, flagId: string) =>
  request<{ item: AttentionItem }>('POST', `/groups/${enc(groupId)}/attention/${enc(flagId)}/handled`).then(
    (r) => r.item,
  );
