// The escalation routes of docs/api-routes.md as typed functions: escalate, read, the handover pack,
// reference, status, outcome, post "what happened next" back, lists, and the reporter's own view.
import type * as P from '@fellwatch/protocol';
import type { z } from 'zod';
import { request } from './http.js';

export type EscalationChannel = P.EscalationChannel;
export type EscalationStatus = P.EscalationStatus;
export type EscalationOutcome = P.EscalationOutcome;
export type EscalationView = P.EscalationView;
export type EscalationHistoryEntry = P.EscalationHistoryEntry;
export type HandoverPack = P.HandoverPack;
export type ReportedEscalation = z.infer<typeof P.ReportedEscalationView>;
export type CreateEscalation = z.input<typeof P.CreateEscalation>;
/** An escalation with its own history, oldest first. */
export type EscalationWithHistory = z.infer<typeof P.EscalationResponse>;
export type EscalationPostedBack = z.infer<typeof P.EscalationPostedBack>;
/** Which escalations a list shows. */
export type EscalationFilter = EscalationStatus | 'all';

const enc = encodeURIComponent;

/** Escalates a message or an alert shown in the group; a repeated clientId returns the first. */
export const createEscalation = (groupId: string, body: CreateEscalation) =>
  request<EscalationWithHistory>('POST', `/groups/${enc(groupId)}/escalations`, body);

/** One escalation and its history. */
export const getEscalation = (id: string, signal?: AbortSignal) =>
  request<EscalationWithHistory>('GET', `/escalations/${enc(id)}`, undefined, { signal });

/** The handover pack, with its plain text to copy. */
export const getHandoverPack = (id: string, signal?: AbortSignal) =>
  request<HandoverPack>('GET', `/escalations/${enc(id)}/pack`, undefined, { signal });

/** Records the police's incident or log number. */
export const setEscalationReference = (id: string, reference: string) =>
  request<EscalationWithHistory>('PUT', `/escalations/${enc(id)}/reference`, { reference });

/** Moves the escalation on: referred, then closed. */
export const changeEscalationStatus = (id: string, status: EscalationStatus) =>
  request<EscalationWithHistory>('POST', `/escalations/${enc(id)}/status`, { status });

/** Records how it ended: a fixed outcome and a note. */
export const recordEscalationOutcome = (id: string, outcome: EscalationOutcome, note: string) =>
  request<EscalationWithHistory>('PUT', `/escalations/${enc(id)}/outcome`, { outcome, note });

/** Posts "what happened next" in the group, as a reply to the escalated message. */
export const postEscalationBack = (id: string, clientId: string, body: string) =>
  request<EscalationPostedBack>('POST', `/escalations/${enc(id)}/post-back`, { clientId, body });

function listQuery(filter: EscalationFilter): string {
  return new URLSearchParams({ status: filter }).toString();
}

/** A group's escalations, newest first. */
export const listGroupEscalations = (groupId: string, filter: EscalationFilter, signal?: AbortSignal) =>
  request<{ escalations: EscalationView[] }>(
    'GET',
    `/groups/${enc(groupId)}/escalations?${listQuery(filter)}`,
    undefined,
    { signal },
  ).then((r) => r.escalations);

/** Escalations across an organisation's groups, newest first. */
export const listOrganisationEscalations = (
  organisationId: string,
  filter: EscalationFilter,
  signal?: AbortSignal,
) =>
  request<{ escalations: EscalationView[] }>(
    'GET',
    `/organisations/${enc(organisationId)}/escalations?${listQuery(filter)}`,
    undefined,
    { signal },
  ).then((r) => r.escalations);

/** Escalations of my own messages and alerts. */
export const listMyReportedEscalations = (signal?: AbortSignal) =>
  request<{ escalations: ReportedEscalation[] }>('GET', '/me/escalations', undefined, { signal }).then(
    (r) => r.escalations,
  );

/** Agrees (or not) to the police having my phone number and email for one escalation. */
export const setContactConsent = (id: string, consent: { phone: boolean; email: boolean }) =>
  request<{ escalation: ReportedEscalation }>('PUT', `/escalations/${enc(id)}/consent`, consent).then(
    (r) => r.escalation,
  );
