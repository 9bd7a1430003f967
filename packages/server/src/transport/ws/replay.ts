// Catch-up from the store: a subscription is sent every stored event after its cursor, paced to the socket.
import type { Store } from '@fellwatch/core';
import { loadEventMessages, serialiseFrame } from '../../presenters/event.js';
import type { PresentingStore } from '../../presenters/message.js';
import type { Subscription } from './connection.js';
import type { Outbox } from './outbox.js';

export interface ReplayDeps {
  store: Pick<Store, 'listEvents'> & PresentingStore;
  outbox: Outbox;
  /** Events read from the store at a time. */
  pageSize: number;
  /** Replay frames are cut at about this many bytes, so one frame never fills the socket's buffer. */
  frameBytes: number;
  /** The next replay frame waits until the socket's buffer is below this. */
  roomBytes: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Replays a subscription from its cursor to the end of the group's stream, then marks it live and, when
 * `announce` is set, sends `caught_up`. Live events that arrive meanwhile are not sent; their sequence is
 * noted and the replay reads on until it has passed them, so the handover to live neither skips nor repeats.
 * Stops quietly when the subscription ends (removed member, closed socket). Store errors reject.
 */
export async function catchUp(deps: ReplayDeps, sub: Subscription, announce: boolean): Promise<void> {
  const { store, outbox, pageSize } = deps;
  sub.catchingUp = true;
  for (;;) {
    const page = await store.listEvents(sub.groupId, sub.cursor, pageSize);
    if (!sub.active) return;
    if (page.length > 0) {
      const messages = await loadEventMessages(store, page);
      if (!sub.active) return;
      let parts: string[] = [];
      let bytes = 2;
      let last = sub.cursor;
      for (const message of messages) {
        if (message.seq <= last) continue;
        const text = JSON.stringify(message);
        parts.push(text);
        bytes += text.length + 1;
        last = message.seq;
        if (bytes >= deps.frameBytes) {
          if (!(await send(deps, sub, parts, last))) return;
          parts = [];
          bytes = 2;
        }
      }
      if (parts.length > 0 && !(await send(deps, sub, parts, last))) return;
    }
    // No await between this check and going live: a live event cannot slip in between.
    if (page.length < pageSize && sub.pendingMax <= sub.cursor) break;
  }
  sub.catchingUp = false;
  sub.pendingMax = 0;
  if (announce) {
    const caughtUp = serialiseFrame([{ type: 'caught_up', groupId: sub.groupId, seq: sub.cursor }]);
    outbox.enqueue(sub.conn, Buffer.from(caughtUp));
  }
}

/** Bytes written to the socket that the peer has not taken yet. */
function unsent(sub: Subscription): number {
  const { socket, ws } = sub.conn;
  return socket ? socket.writableLength : ws.bufferedAmount;
}

/** Sends one replay frame and waits until the socket has room for the next; false when the subscription ended. */
async function send(deps: ReplayDeps, sub: Subscription, parts: string[], last: number): Promise<boolean> {
  deps.outbox.enqueue(sub.conn, Buffer.from(`[${parts.join(',')}]`));
  sub.cursor = last;
  // The outbox writes in the next turn; wait for it, then for the socket to drain below the mark.
  await nextTurn();
  while (sub.active && sub.conn.open && unsent(sub) > deps.roomBytes) await sleep(20);
  return sub.active && sub.conn.open;
}
