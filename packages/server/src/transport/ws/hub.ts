// The stream hub of one app node: which socket follows which group, and live delivery in sequence order.
import type { GroupId, MembershipStatus, Store, UserId } from '@fellwatch/core';
import { CloseCode, type ServerMessage } from '@fellwatch/protocol';
import type { Fanout, FanoutMessage } from '../../fanout/port.js';
import { serialiseFrame } from '../../presenters/event.js';
import { Channel, Sequencer } from './channel.js';
import { Phase, type StreamConnection, Subscription } from './connection.js';
import type { StreamLog } from './log.js';
import { Outbox } from './outbox.js';
import { catchUp, type ReplayDeps } from './replay.js';

export interface HubOptions {
  store: Store;
  fanout: Fanout;
  log: StreamLog;
  /** A socket whose unsent bytes pass this is closed as a slow consumer (default 1 MiB). */
  maxBufferedBytes?: number;
  /** Ping every socket this often; a socket that did not answer the previous ping is dropped (default 30 s). */
  heartbeatMs?: number;
  /** How long an event that arrived ahead of a missing one waits for it before the gap is read from the store. */
  gapWaitMs?: number;
  /** A resume more than this many events behind gets `resync` instead of a replay (default 5,000). */
  resyncAfter?: number;
}

const REPLAY_PAGE = 500;

/** Close codes beyond the protocol's shared ones. */
export const StreamClose = CloseCode;

/** Encodes one server message as a frame. */
export function frameOf(message: ServerMessage): Buffer {
  return Buffer.from(serialiseFrame([message]));
}

/**
 * Subscriptions, live delivery, catch-up and membership changes for every socket on this node. Live group
 * events are put in order per group (see Sequencer) before they reach any socket.
 */
/** The heartbeat period is split into this many ticks, each pinging its share of the sockets. */
const HEARTBEAT_SLICES = 30;

export class StreamHub {
  readonly outbox: Outbox;
  private readonly store: Store;
  private readonly log: StreamLog;
  private readonly channels = new Map<GroupId, Channel>();
  private readonly byUser = new Map<UserId, Set<StreamConnection>>();
  private readonly connections = new Set<StreamConnection>();
  private readonly replay: ReplayDeps;
  private readonly sequencer: Sequencer;
  private readonly resyncAfter: number;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly heartbeatMs: number;
  private beatCursor: Iterator<StreamConnection> | undefined;
  private sweepStartedAt = 0;
  private readonly unsubscribeFanout: () => void;
  private activations = 0;
  private closed = false;

  constructor(options: HubOptions) {
    const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
    this.store = options.store;
    this.log = options.log;
    this.resyncAfter = options.resyncAfter ?? 5_000;
    this.outbox = new Outbox(maxBufferedBytes, (conn) =>
      this.disconnect(conn, StreamClose.slowConsumer, 'slow consumer'),
    );
    this.replay = {
      store: this.store,
      outbox: this.outbox,
      pageSize: REPLAY_PAGE,
      frameBytes: Math.min(64 * 1024, Math.max(1024, maxBufferedBytes >> 3)),
      roomBytes: maxBufferedBytes >> 1,
    };
    this.sequencer = new Sequencer({
      store: this.store,
      log: this.log,
      gapWaitMs: options.gapWaitMs ?? 20,
      deliver: this.deliver,
    });
    this.unsubscribeFanout = options.fanout.subscribe((message) => this.onFanout(message));
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs / HEARTBEAT_SLICES);
    this.heartbeat.unref();
  }

  /** Number of signed-in sockets. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Number of sockets following a group. */
  subscriberCount(groupId: string): number {
    return this.channels.get(groupId as GroupId)?.subs.size ?? 0;
  }

  /** Takes a signed-in socket into the hub; false when the hub is shutting down. */
  add(conn: StreamConnection): boolean {
    const userId = conn.actor?.user.id;
    if (!userId || this.closed) return false;
    this.connections.add(conn);
    let mine = this.byUser.get(userId);
    if (!mine) {
      mine = new Set();
      this.byUser.set(userId, mine);
    }
    mine.add(conn);
    return true;
  }

  /** Forgets a socket: called when it closes, for whatever reason. */
  remove(conn: StreamConnection): void {
    conn.phase = Phase.closed;
    conn.pending = null;
    for (const sub of conn.subs.values()) this.detach(sub);
    conn.subs.clear();
    conn.activating = null;
    if (!this.connections.delete(conn)) return;
    const userId = conn.actor?.user.id as UserId;
    const mine = this.byUser.get(userId);
    mine?.delete(conn);
    if (mine?.size === 0) this.byUser.delete(userId);
  }

  /** Closes a socket with a code and stops all delivery to it at once. */
  disconnect(conn: StreamConnection, code: number, reason: string): void {
    if (!conn.open) return;
    this.remove(conn);
    conn.ws.close(code, reason);
  }

  /** Sends one non-event message to a socket, in order with its events. */
  send(conn: StreamConnection, message: ServerMessage): void {
    if (conn.open) this.outbox.enqueue(conn, frameOf(message));
  }

  /**
   * `hello`: subscribes the socket to every group where its person is an active member. Groups in `resume`
   * are replayed from the given sequence (or get `resync` when too far behind); the others start live from
   * the group's current sequence. Each group ends its start with `caught_up` (or `resync`).
   */
  async hello(conn: StreamConnection, resume: Record<string, number>): Promise<void> {
    if (conn.phase !== Phase.ready) {
      this.send(conn, { type: 'error', code: 'invalid', message: 'hello may be sent once per connection.' });
      return;
    }
    const userId = conn.actor?.user.id as UserId;
    conn.phase = Phase.greeting;
    conn.helloChanges = new Map();
    const summaries = await this.store.listGroupsOfUser(userId);
    if (!conn.open) return;
    const changes = conn.helloChanges;
    conn.helloChanges = null;
    conn.phase = Phase.live;
    const replays: Subscription[] = [];
    for (const { group, membership } of summaries) {
      if (membership.status !== 'active') continue;
      const change = changes.get(group.id);
      if (change !== undefined && change !== 'active') continue;
      const from = Object.hasOwn(resume, group.id) ? resume[group.id] : undefined;
      if (from === undefined) {
        this.startLive(conn, group.id, group.lastSeq, true);
      } else if (from > group.lastSeq || group.lastSeq - from > this.resyncAfter) {
        const reason = from > group.lastSeq ? 'ahead of the server' : 'too far behind';
        this.send(conn, { type: 'resync', groupId: group.id, reason });
        this.startLive(conn, group.id, group.lastSeq, false);
      } else {
        replays.push(this.attach(conn, group.id, from, group.lastSeq, true));
      }
    }
    for (const [groupId, status] of changes) {
      if (status === 'active' && !conn.subs.has(groupId)) void this.activate(conn, groupId);
    }
    for (const sub of replays) await this.catchUp(sub, true);
  }

  /** Stops the hub: no more deliveries, heartbeat off, every socket closed with 1001. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribeFanout();
    for (const conn of [...this.connections])
      this.disconnect(conn, CloseCode.goingAway, 'server shutting down');
    for (const channel of this.channels.values()) this.sequencer.clear(channel);
    this.channels.clear();
  }

  // ---- subscriptions ----

  /** Subscribes from `seq` (the group's sequence as just read); catches up first if events went by meanwhile. */
  private startLive(conn: StreamConnection, groupId: GroupId, seq: number, announce: boolean): void {
    const channel = this.channels.get(groupId);
    const behind = channel !== undefined && channel.seq > seq;
    const sub = this.attach(conn, groupId, seq, seq, behind);
    if (behind) {
      void this.catchUp(sub, announce);
    } else if (announce) {
      this.send(conn, { type: 'caught_up', groupId, seq });
    }
  }

  /**
   * Adds a subscription at `cursor`. `groupSeq` is the group's sequence as just read from the store. A
   * subscription added `catchingUp` only notes live events until its replay runs.
   */
  private attach(
    conn: StreamConnection,
    groupId: GroupId,
    cursor: number,
    groupSeq: number,
    catchingUp: boolean,
  ): Subscription {
    const existing = conn.subs.get(groupId);
    if (existing) this.detach(existing);
    const sub = new Subscription(conn, groupId, cursor);
    sub.catchingUp = catchingUp;
    let channel = this.channels.get(groupId);
    if (!channel) {
      channel = new Channel(groupId, groupSeq);
      this.channels.set(groupId, channel);
    } else if (channel.subs.size === 0 && channel.seq < groupSeq) {
      // Nobody else listens here, so nothing in flight is owed to anyone: start at the store's sequence.
      channel.seq = groupSeq;
    }
    channel.subs.add(sub);
    conn.subs.set(groupId, sub);
    return sub;
  }

  private detach(sub: Subscription): void {
    sub.active = false;
    const channel = this.channels.get(sub.groupId);
    if (!channel) return;
    channel.subs.delete(sub);
    if (channel.subs.size === 0) this.sequencer.clear(channel);
    if (sub.conn.subs.get(sub.groupId) === sub) sub.conn.subs.delete(sub.groupId);
  }

  private async catchUp(sub: Subscription, announce: boolean): Promise<void> {
    try {
      await catchUp(this.replay, sub, announce);
    } catch (error) {
      this.log.error({ err: error, groupId: sub.groupId }, 'stream catch-up from the store failed');
      // The client reconnects and resumes from what it has.
      this.disconnect(sub.conn, StreamClose.internalError, 'catch-up failed');
    }
  }

  /** After an approval: subscribe from the group's current sequence, unless a removal overtakes it. */
  private async activate(conn: StreamConnection, groupId: GroupId): Promise<void> {
    const token = ++this.activations;
    conn.activating ??= new Map();
    conn.activating.set(groupId, token);
    try {
      const group = await this.store.getGroup(groupId);
      if (conn.activating?.get(groupId) !== token) return;
      conn.activating.delete(groupId);
      if (!group || !conn.open || conn.subs.has(groupId)) return;
      this.startLive(conn, groupId, group.lastSeq, true);
    } catch (error) {
      this.log.error({ err: error, groupId }, 'stream subscription after approval failed');
      this.disconnect(conn, StreamClose.internalError, 'subscription failed');
    }
  }

  // ---- messages from the fan-out ----

  private onFanout(message: FanoutMessage): void {
    if (message.kind === 'group') this.onGroupEvent(message.groupId as GroupId, message.seq, message.frame);
    else if (message.kind === 'membership')
      this.onMembership(message.userId as UserId, message.groupId as GroupId, message.status);
    else if (message.kind === 'users') this.onUsersFrame(message.userIds as UserId[], message.frame);
    else this.onSessionsRevoked(message.userId as UserId, message.sessionIds);
  }

  /** A frame for some people only (a priority notice): to each of their sockets on this node, nobody else's. */
  private onUsersFrame(userIds: readonly UserId[], frame: string): void {
    let bytes: Buffer | undefined;
    for (const userId of userIds) {
      const mine = this.byUser.get(userId);
      if (!mine) continue;
      bytes ??= Buffer.from(frame);
      for (const conn of mine) if (conn.open) this.outbox.enqueue(conn, bytes);
    }
  }

  private onMembership(userId: UserId, groupId: GroupId, status: MembershipStatus): void {
    const mine = this.byUser.get(userId);
    if (!mine) return;
    for (const conn of mine) {
      if (status !== 'active') {
        conn.activating?.delete(groupId);
        const sub = conn.subs.get(groupId);
        if (sub) this.detach(sub);
      }
      this.send(conn, { type: 'membership', groupId, status });
      if (conn.phase === Phase.greeting) conn.helloChanges?.set(groupId, status);
      else if (conn.phase === Phase.live && status === 'active' && !conn.subs.has(groupId))
        void this.activate(conn, groupId);
    }
  }

  private onSessionsRevoked(userId: UserId, sessionIds: readonly string[]): void {
    const mine = this.byUser.get(userId);
    if (!mine) return;
    for (const conn of [...mine]) {
      if (sessionIds.includes(conn.actor?.sessionId as string)) {
        this.disconnect(conn, CloseCode.unauthenticated, 'session revoked');
      }
    }
  }

  /** A live group event: delivered in sequence order; ahead of a gap it waits for the missing events. */
  private onGroupEvent(groupId: GroupId, seq: number, frame: string): void {
    const channel = this.channels.get(groupId);
    if (!channel) {
      this.channels.set(groupId, new Channel(groupId, seq));
      return;
    }
    if (channel.subs.size === 0) {
      if (seq > channel.seq) channel.seq = seq;
      return;
    }
    if (seq <= channel.seq) return;
    // The only conversion of this event to bytes on this node: every socket gets this same buffer.
    this.sequencer.accept(channel, seq, Buffer.from(frame));
  }

  /** The hot path: one event to every subscriber of a group, by reference, with no per-socket allocation. */
  private readonly deliver = (channel: Channel, seq: number, bytes: Buffer): void => {
    channel.seq = seq;
    for (const sub of channel.subs) {
      if (sub.catchingUp) {
        if (seq > sub.pendingMax) sub.pendingMax = seq;
        continue;
      }
      const cursor = sub.cursor;
      if (seq <= cursor) continue;
      if (seq !== cursor + 1) {
        // This socket missed something (it started ahead of the channel): read its gap from the store.
        sub.pendingMax = seq;
        void this.catchUp(sub, false);
        continue;
      }
      sub.cursor = seq;
      this.outbox.enqueue(sub.conn, bytes);
    }
  };

  /**
   * Each tick checks the next slice of connections, so every socket is pinged once per heartbeat
   * period without one long turn (10,000 pings at once stalled the event loop for 300 ms).
   */
  private beat(): void {
    let budget = Math.ceil(this.connections.size / HEARTBEAT_SLICES);
    while (budget-- > 0) {
      let next = this.beatCursor?.next();
      if (!next || next.done) {
        // A new sweep starts at most once per period, so each socket has a full period to answer.
        const now = Date.now();
        if (now - this.sweepStartedAt < this.heartbeatMs) return;
        this.sweepStartedAt = now;
        this.beatCursor = this.connections.values();
        next = this.beatCursor.next();
        if (next.done) return;
      }
      const conn = next.value;
      if (!conn.alive) {
        this.remove(conn);
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }
}
