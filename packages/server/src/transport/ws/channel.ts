// One group's live stream on this node, kept in sequence order: events ahead of a gap wait for the missing
// ones, and a gap that does not close by itself is read from the store once for all the group's sockets.
import type { GroupId, Store } from '@fellwatch/core';
import { loadEventMessages, serialiseFrame } from '../../presenters/event.js';
import type { PresentingStore } from '../../presenters/message.js';
import type { Subscription } from './connection.js';
import type { StreamLog } from './log.js';

const GAP_PAGE = 500;
/** Past this many waiting events the gap is read at once rather than after the wait. */
const MAX_HELD = 1_000;
const RETRY_AFTER_FAILURE_MS = 1_000;

/** A group followed on this node. */
export class Channel {
  readonly subs = new Set<Subscription>();
  /** Events that arrived ahead of a missing one, by sequence. */
  held: Map<number, Buffer> | null = null;
  gapTimer: NodeJS.Timeout | null = null;
  fetching = false;

  /** `seq`: the highest sequence delivered here in order (or seen, while nobody listens). */
  constructor(
    readonly groupId: GroupId,
    public seq: number,
  ) {}
}

export interface SequencerDeps {
  store: Pick<Store, 'listEvents'> & PresentingStore;
  log: StreamLog;
  /** How long events ahead of a gap wait for the missing ones before the store is read. */
  gapWaitMs: number;
  /** Hands one in-order event to the channel's subscribers (and sets channel.seq). */
  deliver(channel: Channel, seq: number, bytes: Buffer): void;
}

/**
 * Puts the live events of channels with subscribers in order. Events from one node arrive in order, but
 * two nodes (or two concurrent posts on one) may publish neighbours the other way round, and a node may
 * die between commit and publish: both show here as a gap.
 */
export class Sequencer {
  constructor(private readonly deps: SequencerDeps) {}

  /** A live event for a channel with subscribers, newer than anything delivered there. */
  accept(channel: Channel, seq: number, bytes: Buffer): void {
    if (seq === channel.seq + 1) {
      this.deps.deliver(channel, seq, bytes);
      this.release(channel);
      return;
    }
    channel.held ??= new Map();
    channel.held.set(seq, bytes);
    if (channel.held.size > MAX_HELD) this.fillGap(channel);
    else if (!channel.gapTimer && !channel.fetching) this.retry(channel, this.deps.gapWaitMs);
  }

  /** Drops whatever waits (the channel lost its last subscriber, or the hub stops). */
  clear(channel: Channel): void {
    channel.held = null;
    if (channel.gapTimer) clearTimeout(channel.gapTimer);
    channel.gapTimer = null;
  }

  private retry(channel: Channel, ms: number): void {
    channel.gapTimer = setTimeout(() => this.fillGap(channel), ms);
  }

  private release(channel: Channel): void {
    const held = channel.held;
    if (!held) return;
    for (let bytes = held.get(channel.seq + 1); bytes; bytes = held.get(channel.seq + 1)) {
      held.delete(channel.seq + 1);
      this.deps.deliver(channel, channel.seq + 1, bytes);
    }
    for (const seq of held.keys()) if (seq <= channel.seq) held.delete(seq);
    if (held.size === 0) this.clear(channel);
  }

  /** Reads the missing events from the store, delivers them, then releases what waited behind them. */
  private fillGap(channel: Channel): void {
    if (channel.gapTimer) clearTimeout(channel.gapTimer);
    channel.gapTimer = null;
    if (channel.fetching) return;
    channel.fetching = true;
    void (async () => {
      let failed = false;
      try {
        const stored = await this.deps.store.listEvents(channel.groupId, channel.seq, GAP_PAGE);
        const messages = await loadEventMessages(this.deps.store, stored);
        for (const message of messages) {
          if (message.seq === channel.seq + 1 && channel.subs.size > 0) {
            this.deps.deliver(channel, message.seq, Buffer.from(serialiseFrame([message])));
          }
        }
      } catch (error) {
        failed = true;
        this.deps.log.error(
          { err: error, groupId: channel.groupId },
          'reading a gap in a group stream from the store failed',
        );
      } finally {
        channel.fetching = false;
      }
      if (channel.subs.size === 0) return;
      this.release(channel);
      if (channel.held && !channel.gapTimer) {
        this.retry(channel, failed ? RETRY_AFTER_FAILURE_MS : this.deps.gapWaitMs);
      }
    })();
  }
}
