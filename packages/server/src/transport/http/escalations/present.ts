// Presents escalations: to those who handle them (views with history), and to reporters (their own, briefly).
import {
  type Escalation,
  type EscalationHistoryEntry,
  type EscalationId,
  escalationDraft,
  escalationExcerpts,
  type Group,
  type GroupId,
  type PublicProfile,
  type Repositories,
  type UserId,
} from '@fellwatch/core';
import type {
  EscalationView,
  EscalationHistoryEntry as HistoryView,
  ReportedEscalationView,
} from '@fellwatch/protocol';
import type { z } from 'zod';
import { presentFormerMember, presentPerson } from '../../../presenters/person.js';

type ReportedView = z.infer<typeof ReportedEscalationView>;

function person(profiles: ReadonlyMap<UserId, PublicProfile>, id: UserId) {
  const profile = profiles.get(id);
  return profile ? presentPerson(profile) : presentFormerMember(id);
}

async function groupsOf(
  store: Repositories,
  escalations: readonly Escalation[],
): Promise<Map<GroupId, Group>> {
  const ids = [...new Set(escalations.map((e) => e.groupId))];
  const groups = await Promise.all(ids.map((id) => store.getGroup(id)));
  return new Map(groups.filter((g) => g !== undefined).map((g) => [g.id, g]));
}

/** Escalations as their handlers see them, in order: one profile lookup, one lookup per group. */
export async function loadEscalationViews(
  store: Repositories,
  escalations: readonly Escalation[],
): Promise<EscalationView[]> {
  if (escalations.length === 0) return [];
  const people = escalations.flatMap((e) => [e.reporterId, e.escalatedBy]);
  const [profiles, groups, excerpts] = await Promise.all([
    store.getPublicProfiles([...new Set(people)]),
    groupsOf(store, escalations),
    escalationExcerpts(store, escalations),
  ]);
  return escalations.map((e) => {
    const group = groups.get(e.groupId);
    return {
      id: e.id,
      groupId: e.groupId,
      groupName: group?.name ?? '',
      organisationId: group?.organisationId ?? '',
      subject: {
        kind: e.alertId ? 'alert' : 'message',
        messageId: e.messageId,
        alertId: e.alertId,
        excerpt: excerpts.get(e.id) ?? '',
      },
      channel: e.channel,
      reference: e.reference,
      status: e.status,
      outcome: e.outcome,
      outcomeNote: e.outcomeNote,
      reporter: person(profiles, e.reporterId),
      escalatedBy: person(profiles, e.escalatedBy),
      consent: { phone: e.consentPhone, email: e.consentEmail, at: e.consentAt },
      postedBackMessageId: e.postedBackMessageId,
      whatHappenedNextDraft: escalationDraft(e),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  });
}

/** One escalation with its history, each entry naming who made it. */
export async function presentEscalationWithHistory(
  store: Repositories,
  escalation: Escalation,
  history: readonly EscalationHistoryEntry[],
): Promise<{ escalation: EscalationView; history: HistoryView[] }> {
  const [[view], profiles] = await Promise.all([
    loadEscalationViews(store, [escalation]),
    store.getPublicProfiles([...new Set(history.map((h) => h.actorId))]),
  ]);
  return {
    escalation: view as EscalationView,
    history: history.map((h) => ({
      at: h.at,
      by: person(profiles, h.actorId),
      action: h.action,
      detail: h.detail,
    })),
  };
}

/** The reporter's own escalations: what was done with their report, and what they agreed to share. */
export async function loadReportedViews(
  store: Repositories,
  escalations: readonly Escalation[],
  hasPhone: boolean,
): Promise<ReportedView[]> {
  const [groups, excerpts] = await Promise.all([
    groupsOf(store, escalations),
    escalationExcerpts(store, escalations),
  ]);
  return escalations.map((e) => ({
    id: e.id,
    groupId: e.groupId,
    groupName: groups.get(e.groupId)?.name ?? '',
    messageId: e.messageId,
    excerpt: excerpts.get(e.id as EscalationId) ?? '',
    channel: e.channel,
    reference: e.reference,
    status: e.status,
    outcome: e.outcome,
    consent: { phone: e.consentPhone, email: e.consentEmail, at: e.consentAt },
    hasPhone,
    createdAt: e.createdAt,
  }));
}
