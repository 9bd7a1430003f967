// HTTP routes. Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import {
  type AlertId,
  buildHandoverPack,
  changeEscalationStatus,
  createEscalation,
  type EscalationId,
  type EscalationStatus,
  type GroupId,
  getEscalation,
  listGroupEscalations,
  listMyReportedEscalations,
  listOrganisationEscalations,
  type MessageId,
  type OrganisationId,
  postEscalationBack,
  recordEscalationOutcome,
  setContactConsent,
  setEscalationReference,
} from '@fellwatch/core';
import {
  ChangeEscalationStatus,
  CreateEscalation,
  EscalationList,
  EscalationListQuery,
  EscalationPostedBack,
  EscalationResponse,
  HandoverPack,
  Id,
  PostEscalationBack,
  RecordEscalationOutcome,
  ReportedEscalationList,
  ReportedEscalationResponse,
  SetContactConsent,
  SetEscalationReference,
} from '@fellwatch/protocol';
import { z } from 'zod';
import { loadMessageViews } from '../../../presenters/message.js';
import type { Api } from '../api.js';
import { loadEscalationViews, loadReportedViews, presentEscalationWithHistory } from './present.js';

const GroupParams = z.object({ groupId: Id });
const OrganisationParams = z.object({ organisationId: Id });
const EscalationParams = z.object({ escalationId: Id });

/** Escalations made per person per minute: a bad night needs a few, a runaway script is stopped. */
export const ESCALATIONS_PER_MINUTE = 20;

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerEscalationRoutes(api: Api): void {
  const { ports } = api.ctx;
  const id = (params: { escalationId: string }) => params.escalationId as EscalationId;
  const statusOf = (query: { status: string }) =>
    query.status === 'all' ? {} : { status: query.status as EscalationStatus };

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/escalations',
    summary:
      'Escalate a message or an alert shown in the group to 999, 101 or an online report (group admins, moderators, officers who are members); repeating a clientId returns the first (200)',
    tag: 'escalations',
    auth: 'required',
    params: GroupParams,
    body: CreateEscalation,
    perMinute: ESCALATIONS_PER_MINUTE,
    responses: { 201: EscalationResponse, 200: EscalationResponse },
    handler: async ({ actor, params, body, reply }) => {
      const created = await createEscalation(ports, actor, params.groupId as GroupId, {
        clientId: body.clientId,
        channel: body.channel,
        ...(body.messageId ? { messageId: body.messageId as MessageId } : {}),
        ...(body.alertId ? { alertId: body.alertId as AlertId } : {}),
      });
      reply.status(created.duplicate ? 200 : 201);
      return presentEscalationWithHistory(ports.store, created.escalation, created.history);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/escalations',
    summary: "A group's escalations, newest first (its admins, moderators and officers)",
    tag: 'escalations',
    auth: 'required',
    params: GroupParams,
    query: EscalationListQuery,
    responses: { 200: EscalationList },
    handler: async ({ actor, params, query }) => {
      const list = await listGroupEscalations(ports, actor, params.groupId as GroupId, statusOf(query));
      return { escalations: await loadEscalationViews(ports.store, list) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/escalations',
    summary: 'Escalations in every group of an organisation, newest first (its admins and officers)',
    tag: 'escalations',
    auth: 'required',
    params: OrganisationParams,
    query: EscalationListQuery,
    responses: { 200: EscalationList },
    handler: async ({ actor, params, query }) => {
      const list = await listOrganisationEscalations(
        ports,
        actor,
        params.organisationId as OrganisationId,
        statusOf(query),
      );
      return { escalations: await loadEscalationViews(ports.store, list) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/me/escalations',
    summary: 'Escalations of my own messages and alerts: what was done with my reports',
    tag: 'escalations',
    auth: 'required',
    responses: { 200: ReportedEscalationList },
    handler: async ({ actor }) => ({
      escalations: await loadReportedViews(
        ports.store,
        await listMyReportedEscalations(ports, actor),
        actor.user.phone !== null,
      ),
    }),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/escalations/:escalationId',
    summary: 'One escalation and its history (those who handle the group’s escalations)',
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    responses: { 200: EscalationResponse },
    handler: async ({ actor, params }) => {
      const found = await getEscalation(ports, actor, id(params));
      return presentEscalationWithHistory(ports.store, found.escalation, found.history);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/escalations/:escalationId/pack',
    summary:
      'The handover pack: what was said, who said it, contact details they agreed to share, the place in every format, photos, registrations, and all of it as plain text',
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    responses: { 200: HandoverPack },
    // Each pack may ask what3words once; a reload now and then is fine, a loop is not.
    perMinute: 30,
    handler: async ({ actor, params }) =>
      buildHandoverPack(ports, api.ctx.geocoder, actor, id(params), api.ctx.config.publicUrl),
  });

  api.route({
    method: 'PUT',
    url: '/api/v1/escalations/:escalationId/reference',
    summary: "Record the police's incident or log number (3-40 letters, digits, '/', '-' and spaces)",
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    body: SetEscalationReference,
    responses: { 200: EscalationResponse },
    handler: async ({ actor, params, body }) => {
      const changed = await setEscalationReference(ports, actor, id(params), body.reference);
      return presentEscalationWithHistory(ports.store, changed.escalation, changed.history);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/escalations/:escalationId/status',
    summary: 'Move an escalation on: open, referred, closed (never back)',
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    body: ChangeEscalationStatus,
    responses: { 200: EscalationResponse },
    handler: async ({ actor, params, body }) => {
      const changed = await changeEscalationStatus(ports, actor, id(params), body.status);
      return presentEscalationWithHistory(ports.store, changed.escalation, changed.history);
    },
  });

  api.route({
    method: 'PUT',
    url: '/api/v1/escalations/:escalationId/outcome',
    summary: 'Record how it ended: a fixed outcome code and a note',
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    body: RecordEscalationOutcome,
    responses: { 200: EscalationResponse },
    handler: async ({ actor, params, body }) => {
      const changed = await recordEscalationOutcome(ports, actor, id(params), body);
      return presentEscalationWithHistory(ports.store, changed.escalation, changed.history);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/escalations/:escalationId/post-back',
    summary:
      'Post "what happened next" in the group as a reply to the escalated message (needs an outcome; repeating a clientId posts nothing new)',
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    body: PostEscalationBack,
    perMinute: ESCALATIONS_PER_MINUTE,
    responses: { 200: EscalationPostedBack },
    handler: async ({ actor, params, body }) => {
      const posted = await postEscalationBack(ports, actor, id(params), body);
      const [presented, [message]] = await Promise.all([
        presentEscalationWithHistory(ports.store, posted.escalation, posted.history),
        loadMessageViews(ports.store, [posted.message]),
      ]);
      return { escalation: presented.escalation, message };
    },
  });

  api.route({
    method: 'PUT',
    url: '/api/v1/escalations/:escalationId/consent',
    summary:
      'The reporter agrees (or not) to the police having their phone number and email for this escalation',
    tag: 'escalations',
    auth: 'required',
    params: EscalationParams,
    body: SetContactConsent,
    responses: { 200: ReportedEscalationResponse },
    handler: async ({ actor, params, body }) => {
      const updated = await setContactConsent(ports, actor, id(params), body);
      const [escalation] = await loadReportedViews(ports.store, [updated], actor.user.phone !== null);
      return { escalation };
    },
  });
}
