// Events: what the core announces after a change is committed. Sequenced group events are replayable.
import type { RiskFlag } from '../ports/safety.js';
import type { Membership, Message } from './entities.js';
import type { EpochMs, GroupId, MessageId, SessionId, UserId } from './ids.js';

/**
 * Types of event that take a place in a group's gapless sequence. `alert.updated` concerns an
 * alert's placement message: the alert it shows changed (confirmed, resolved, retracted, linked).
 */
export type GroupEventType = 'message.posted' | 'message.edited' | 'message.deleted' | 'alert.updated';

/** A sequenced event as stored: (groupId, seq) is unique and gapless within the group. */
export interface GroupEventRecord {
  groupId: GroupId;
  seq: number;
  type: GroupEventType;
  messageId: MessageId;
  at: EpochMs;
}

/** A group event with the current state of the message it concerns (deleted text already withheld by presenters). */
export interface GroupEventWithMessage {
  event: GroupEventRecord;
  message: Message;
}

/** Everything the core publishes after commit; transports turn these into wire frames. */
export type DomainEvent =
  | { kind: 'group'; event: GroupEventRecord; message: Message }
  /** A membership changed: joined, approved, removed, banned, role changed. Not sequenced. */
  | { kind: 'membership.changed'; membership: Membership }
  /** Sessions were revoked: their live sockets must close. */
  | { kind: 'sessions.revoked'; userId: UserId; sessionIds: SessionId[] }
  /**
   * A message was flagged by the risk check, or its flag was handled: a priority notice for the
   * people who may see the group's "needs attention" queue (`recipients`), and nobody else.
   */
  | { kind: 'attention'; recipients: UserId[]; flag: RiskFlag }
  /**
   * Someone went on or off watch for a group just now: its active members (`recipients`) are told to
   * ask again who is watching. Shifts that start or end by the clock are not announced.
   */
  | { kind: 'watch'; groupId: GroupId; recipients: UserId[] };
