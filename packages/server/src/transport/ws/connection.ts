// The state the hub keeps per socket and per subscribed group: deliberately small, as idle sockets add up.

import type { Duplex } from 'node:stream';
import type { Actor, GroupId, MembershipStatus } from '@fellwatch/core';
import type { WebSocket } from 'ws';

/** Where a connection is in its life. */
export const Phase = {
  /** Accepted; its credentials are being checked. Client frames wait. */
  authenticating: 0,
  /** Signed in; nothing subscribed until `hello`. */
  ready: 1,
  /** `hello` is reading the member's groups. */
  greeting: 2,
  /** Subscribed; events flow. */
  live: 3,
  /** Closing or closed: nothing more is sent or handled. */
  closed: 4,
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** One WebSocket of one signed-in person. */
export class StreamConnection {
  phase: Phase = Phase.authenticating;
  actor: Actor | null = null;
  /** Subscriptions by group id. */
  readonly subs = new Map<GroupId, Subscription>();
  /** Frames due to this socket in the current turn: one buffer, several, or none. */
  pending: Buffer | Buffer[] | null = null;
  /** Answered the last heartbeat ping. */
  alive = true;
  /** Client frames that arrived before authentication finished. */
  early: Buffer[] | null = null;
  /** Membership changes that arrived while `hello` was reading the member's groups. */
  helloChanges: Map<GroupId, MembershipStatus> | null = null;
  /** Groups being subscribed after an approval, by a token that a later removal cancels. */
  activating: Map<GroupId, number> | null = null;

  /**
   * `socket`: the upgraded TCP (or TLS) socket under `ws`, when known. Event frames are written to it
   * directly, framed once for all sockets; `ws` handles the handshake, pings and closing.
   */
  constructor(
    readonly ws: WebSocket,
    readonly socket: Duplex | null,
  ) {}

  get open(): boolean {
    return this.phase !== Phase.closed;
  }
}

/** A connection's place in one group's stream: the last sequence it has been sent. */
export class Subscription {
  /** Replaying from the store; live events are not sent meanwhile, only noted in `pendingMax`. */
  catchingUp = false;
  /** Highest live sequence seen while catching up: the replay must reach it before going live. */
  pendingMax = 0;
  /** False once unsubscribed: a replay in flight checks this before every send. */
  active = true;

  constructor(
    readonly conn: StreamConnection,
    readonly groupId: GroupId,
    public cursor: number,
  ) {}
}
