// Frames of the live stream at /api/v1/stream. See docs/PROTOCOL.md for the semantics.
import { z } from 'zod';
import { Id } from './common.js';
import { MembershipStatus } from './groups.js';
import { MessageView, PostMessage } from './messages.js';
import { AttentionState, RiskCategory, RiskHint } from './safety.js';

// ---- client to server: one JSON object per WebSocket text frame ----

/** Subscribe to all my groups; for each group in `resume`, replay every event after that sequence first. */
export const HelloFrame = z.object({
  type: z.literal('hello'),
  resume: z.record(Id, z.number().int().nonnegative()).default({}),
});
/** Post over the socket; answered by an `ack` (or `nack`) with the same clientId. */
export const PostFrame = z.object({ type: z.literal('post'), groupId: Id, message: PostMessage });
export const ReadFrame = z.object({
  type: z.literal('read'),
  groupId: Id,
  seq: z.number().int().nonnegative(),
});
export const PingFrame = z.object({ type: z.literal('ping') });
export const ClientFrame = z.discriminatedUnion('type', [HelloFrame, PostFrame, ReadFrame, PingFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

// ---- server to client: each WebSocket text frame is a JSON ARRAY of one or more of these ----

/** A sequenced group event. Apply in seq order; ignore seq <= your cursor (already applied). */
export const EventMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message.posted'), groupId: Id, seq: z.number().int(), message: MessageView }),
  z.object({ type: z.literal('message.edited'), groupId: Id, seq: z.number().int(), message: MessageView }),
  z.object({ type: z.literal('message.deleted'), groupId: Id, seq: z.number().int(), message: MessageView }),
  /** The alert an alert placement shows changed (confirmed, resolved, retracted, linked): replace the message. */
  z.object({ type: z.literal('alert.updated'), groupId: Id, seq: z.number().int(), message: MessageView }),
]);
export type EventMessage = z.infer<typeof EventMessage>;

/**
 * A priority notice, sent only to the people who see the group's "needs attention" queue: a message was
 * flagged (`state` open), or a flag was handled. Not sequenced, not replayed: fetch the queue for the rest.
 */
export const AttentionMessage = z.object({
  type: z.literal('attention'),
  groupId: Id,
  flagId: Id,
  messageId: Id,
  categories: z.array(RiskCategory),
  state: AttentionState,
  at: z.number().int(),
});
export type AttentionMessage = z.infer<typeof AttentionMessage>;

/**
 * Someone went on or off watch for the group just now: ask again who is watching (GET /groups/:id/watch).
 * Sent to the group's active members; not sequenced, not replayed. Shifts that start or end by the clock
 * are not announced: the header asks again every minute too.
 */
export const WatchMessage = z.object({ type: z.literal('watch'), groupId: Id });
export type WatchMessage = z.infer<typeof WatchMessage>;

export const ServerMessage = z.union([
  EventMessage,
  /** Replay for the group is complete: from here on, events arrive live. */
  z.object({ type: z.literal('caught_up'), groupId: Id, seq: z.number().int() }),
  /** Too far behind to replay: fetch the group's messages afresh, then resume from the page's lastSeq. */
  z.object({ type: z.literal('resync'), groupId: Id, reason: z.string() }),
  /** My membership changed; on removed/banned/declined the group's stream stops at once. */
  z.object({ type: z.literal('membership'), groupId: Id, status: MembershipStatus }),
  /** `risk`: the message sounded urgent; show the poster the emergency guidance at once. */
  z.object({
    type: z.literal('ack'),
    clientId: z.string(),
    groupId: Id,
    id: Id,
    seq: z.number().int(),
    risk: RiskHint.optional(),
  }),
  z.object({
    type: z.literal('nack'),
    clientId: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  AttentionMessage,
  WatchMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export const ServerFrame = z.array(ServerMessage).min(1);

/** Close codes the server uses; the client resumes after 4000, 1001 and 1011, and stops after 4401 and 4403. */
export const CloseCode = {
  /** The socket's send buffer passed its cap (slow or dead link): reconnect and resume. */
  slowConsumer: 4000,
  /** The server is shutting down. */
  goingAway: 1001,
  /** The session was revoked or has expired: sign in again. */
  unauthenticated: 4401,
  /** A cookie-authenticated connection from another site's page: do not reconnect. */
  forbiddenOrigin: 4403,
  /** The server could not read the store: reconnect and resume after a pause. */
  internalError: 1011,
} as const;
