// HTTP routes. Safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import {
  addWeeklyWatch,
  endWatch,
  type FlagId,
  type GroupId,
  getEmergencyGuidance,
  getWatchStatus,
  goOnWatch,
  listAttention,
  listAttentionQueues,
  listMyWatch,
  markAttentionHandled,
  type OrganisationId,
  type PatternId,
  type ShiftId,
  setEmergencyGuidance,
  stopWeeklyWatch,
} from '@fellwatch/core';
import {
  AddWeeklyWatch,
  AttentionItemResponse,
  AttentionList,
  AttentionQuery,
  AttentionQueues,
  GoOnWatch,
  GuidanceResponse,
  Id,
  MyWatch,
  PatternResponse,
  SetEmergencyGuidance,
  ShiftResponse,
  WatchStatus,
} from '@fellwatch/protocol';
import { z } from 'zod';
import type { Api } from '../api.js';
import {
  presentAttentionItems,
  presentGuidance,
  presentMyWatch,
  presentOnePattern,
  presentOneShift,
  presentWatchStatus,
} from './present.js';

const OrganisationParams = z.object({ id: Id });
const GroupParams = z.object({ groupId: Id });
const ShiftParams = z.object({ shiftId: Id });
const PatternParams = z.object({ patternId: Id });
const FlagParams = z.object({ groupId: Id, flagId: Id });

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerSafetyRoutes(api: Api): void {
  const { ports } = api.ctx;

  api.route({
    method: 'GET',
    url: '/api/v1/organisations/:id/guidance',
    summary: "The organisation's emergency numbers and online report form (999 and 101 until set)",
    tag: 'safety',
    auth: 'required',
    params: OrganisationParams,
    responses: { 200: GuidanceResponse },
    handler: async ({ actor, params }) => ({
      guidance: presentGuidance(await getEmergencyGuidance(ports, actor, params.id as OrganisationId)),
    }),
  });

  api.route({
    method: 'PUT',
    url: '/api/v1/organisations/:id/guidance',
    summary:
      "Set the organisation's emergency numbers and online report form, and how many days a found person's record is kept (its admins)",
    tag: 'safety',
    auth: 'required',
    params: OrganisationParams,
    body: SetEmergencyGuidance,
    responses: { 200: GuidanceResponse },
    handler: async ({ actor, params, body }) => ({
      guidance: presentGuidance(await setEmergencyGuidance(ports, actor, params.id as OrganisationId, body)),
    }),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/watch',
    summary: "A group's header: the emergency guidance and who is watching it now",
    tag: 'safety',
    auth: 'required',
    params: GroupParams,
    responses: { 200: WatchStatus },
    handler: async ({ actor, params }) =>
      presentWatchStatus(ports.store, await getWatchStatus(ports, actor, params.groupId as GroupId)),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/watch',
    summary: 'My shifts on watch that have not ended, and the groups I may watch',
    tag: 'safety',
    auth: 'required',
    responses: { 200: MyWatch },
    handler: async ({ actor }) =>
      presentMyWatch(ports.store, await listMyWatch(ports, actor), ports.clock.now()),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/watch/patterns',
    summary: 'Go on watch every week: chosen days, from a UK local time, for 15 minutes to 24 hours',
    tag: 'safety',
    auth: 'required',
    body: AddWeeklyWatch,
    responses: { 201: PatternResponse },
    handler: async ({ actor, body, reply }) => {
      const watch = await addWeeklyWatch(ports, actor, {
        days: body.days,
        startTime: body.startTime,
        durationMinutes: body.durationMinutes,
        ...(body.groupIds ? { groupIds: body.groupIds as GroupId[] } : {}),
      });
      reply.status(201);
      return { pattern: await presentOnePattern(ports.store, watch, ports.clock.now()) };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/watch/patterns/:patternId/end',
    summary: 'Stop a weekly watch (one running now ends with it)',
    tag: 'safety',
    auth: 'required',
    params: PatternParams,
    responses: { 200: PatternResponse },
    handler: async ({ actor, params }) => {
      const watch = await stopWeeklyWatch(ports, actor, params.patternId as PatternId);
      return { pattern: await presentOnePattern(ports.store, watch, ports.clock.now()) };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/watch/shifts',
    summary: 'Go on watch until a stated time (at most 24 hours), for chosen groups or all I may watch',
    tag: 'safety',
    auth: 'required',
    body: GoOnWatch,
    responses: { 201: ShiftResponse },
    handler: async ({ actor, body, reply }) => {
      const watch = await goOnWatch(ports, actor, {
        endsAt: body.endsAt,
        ...(body.startsAt !== undefined ? { startsAt: body.startsAt } : {}),
        ...(body.groupIds ? { groupIds: body.groupIds as GroupId[] } : {}),
      });
      reply.status(201);
      return { shift: await presentOneShift(ports.store, watch) };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/watch/shifts/:shiftId/end',
    summary: 'End my shift now (a shift not yet started is cancelled)',
    tag: 'safety',
    auth: 'required',
    params: ShiftParams,
    responses: { 200: ShiftResponse },
    handler: async ({ actor, params }) => ({
      shift: await presentOneShift(ports.store, await endWatch(ports, actor, params.shiftId as ShiftId)),
    }),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/attention',
    summary: 'Every "needs attention" queue I see, with how many flags in each are open',
    tag: 'safety',
    auth: 'required',
    responses: { 200: AttentionQueues },
    handler: async ({ actor }) => ({
      queues: (await listAttentionQueues(ports, actor)).map((q) => ({
        groupId: q.group.id,
        groupName: q.group.name,
        open: q.open,
      })),
    }),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/attention',
    summary:
      'A group\'s "needs attention" queue: flagged messages, newest first (admins, moderators, officers)',
    tag: 'safety',
    auth: 'required',
    params: GroupParams,
    query: AttentionQuery,
    responses: { 200: AttentionList },
    handler: async ({ actor, params, query }) => {
      const items = await listAttention(ports, actor, params.groupId as GroupId, query);
      return { items: await presentAttentionItems(ports.store, items) };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/attention/:flagId/handled',
    summary: 'Mark a flagged message handled (admins, moderators, officers); repeating it changes nothing',
    tag: 'safety',
    auth: 'required',
    params: FlagParams,
    responses: { 200: AttentionItemResponse },
    handler: async ({ actor, params }) => {
      const item = await markAttentionHandled(
        ports,
        actor,
        params.groupId as GroupId,
        params.flagId as FlagId,
      );
      const [shown] = await presentAttentionItems(ports.store, [item]);
      return { item: shown };
    },
  });
}
