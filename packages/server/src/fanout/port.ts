// The Fanout port: carries committed events from the node that made them to every app node's stream hub.
import type { MembershipStatus } from '@fellwatch/core';

/**
 * What travels between nodes. A group event is presented and serialised once, by the node that
 * committed it: `frame` is the exact text every subscribed socket receives.
 */
export type FanoutMessage =
  | { kind: 'group'; groupId: string; seq: number; frame: string }
  | { kind: 'membership'; groupId: string; userId: string; status: MembershipStatus }
  | { kind: 'sessions.revoked'; userId: string; sessionIds: string[] }
  /** A frame for these people's sockets only (a priority notice), presented once like a group frame. */
  | { kind: 'users'; userIds: string[]; frame: string };

export type FanoutListener = (message: FanoutMessage) => void;

/** Publish to every node (including this one); listeners receive messages in publish order per publisher. */
export interface Fanout {
  publish(message: FanoutMessage): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(listener: FanoutListener): () => void;
  close(): Promise<void>;
}
