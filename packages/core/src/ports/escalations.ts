// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type { Message } from '../model/entities.js';
import type { AlertId, EpochMs, GroupId, Id, MessageId, OrganisationId, UserId } from '../model/ids.js';

/** An escalation's id. */
export type EscalationId = Id<'escalation'>;

/** How it was handed to the police. */
export type EscalationChannel = '999' | '101' | 'online';
/** open: handed over; referred: the police have taken it up; closed: finished with. */
export type EscalationStatus = 'open' | 'referred' | 'closed';
/** How it ended, as a fixed code; the note says the rest. */
export type EscalationOutcome =
  | 'arrest'
  | 'recovered'
  | 'advice_given'
  | 'no_further_action'
  | 'ongoing'
  | 'other';

/**
 * A message (or an alert's placement in a group) handed to the police by a group admin, moderator or
 * officer. The reporter is the message's author; their contact details go to the police only with
 * their consent, given for this escalation.
 */
export interface Escalation {
  id: EscalationId;
  groupId: GroupId;
  /** The message escalated: an ordinary message, or the alert's placement message in this group. */
  messageId: MessageId;
  alertId: AlertId | null;
  reporterId: UserId;
  escalatedBy: UserId;
  /** Chosen by the escalator's device; (escalatedBy, clientId) is unique, so a retry never duplicates. */
  clientId: string;
  channel: EscalationChannel;
  reference: string | null;
  status: EscalationStatus;
  outcome: EscalationOutcome | null;
  outcomeNote: string | null;
  consentPhone: boolean;
  consentEmail: boolean;
  consentAt: EpochMs | null;
  postedBackMessageId: MessageId | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** What a change may set on an escalation. */
export type EscalationChange = Partial<
  Pick<
    Escalation,
    | 'reference'
    | 'status'
    | 'outcome'
    | 'outcomeNote'
    | 'consentPhone'
    | 'consentEmail'
    | 'consentAt'
    | 'postedBackMessageId'
    | 'updatedAt'
  >
>;

export type EscalationHistoryAction =
  | 'created'
  | 'reference'
  | 'status'
  | 'outcome'
  | 'posted_back'
  | 'consent';

/** One entry of an escalation's own history: who changed what, and when. */
export interface EscalationHistoryEntry {
  escalationId: EscalationId;
  at: EpochMs;
  actorId: UserId;
  action: EscalationHistoryAction;
  detail: Record<string, string | boolean | null>;
}

/** Which escalations of a group or organisation to list. */
export interface EscalationListFilter {
  status?: EscalationStatus;
  limit: number;
}

/** Result of creating: `duplicate` is true when (escalatedBy, clientId) already existed. */
export interface CreateEscalationResult {
  escalation: Escalation;
  duplicate: boolean;
}

/** Messages and alerts handed to the police, their own history, and the replies around them. */
export interface EscalationRepository {
  /**
   * Inserts an escalation and its first history entry. Idempotent on (escalatedBy, clientId): a repeat
   * returns the stored escalation, duplicate = true, and writes nothing.
   */
  createEscalation(escalation: Escalation, first: EscalationHistoryEntry): Promise<CreateEscalationResult>;
  getEscalation(id: EscalationId): Promise<Escalation | undefined>;
  /** Changes the escalation and appends the history entry, together. not_found for an unknown id. */
  updateEscalation(
    id: EscalationId,
    change: EscalationChange,
    entry: EscalationHistoryEntry,
  ): Promise<Escalation>;
  /** A group's escalations, newest first. */
  listGroupEscalations(groupId: GroupId, filter: EscalationListFilter): Promise<Escalation[]>;
  /** Escalations in every group of an organisation, newest first. */
  listOrganisationEscalations(
    organisationId: OrganisationId,
    filter: EscalationListFilter,
  ): Promise<Escalation[]>;
  /** Escalations of messages and alerts a person posted, newest first. */
  listReporterEscalations(reporterId: UserId, limit: number): Promise<Escalation[]>;
  /** The escalation's history, oldest first. */
  listEscalationHistory(id: EscalationId): Promise<EscalationHistoryEntry[]>;
  /** Messages replying to a message (deleted ones included), oldest first, at most `limit`. */
  listReplies(messageId: MessageId, limit: number): Promise<Message[]>;
}
