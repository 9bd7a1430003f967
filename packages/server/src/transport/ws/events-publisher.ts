// The EventPublisher adapter: presents each committed event once and hands it to the fan-out, in order.
import type { DomainEvent, EventPublisher, Message } from '@fellwatch/core';
import type { Fanout, FanoutMessage } from '../../fanout/port.js';
import { presentEvent, serialiseFrame } from '../../presenters/event.js';
import { loadMessageViews, type PresentingStore } from '../../presenters/message.js';
import { presentAttentionNotice } from '../http/safety/present.js';
import { consoleLog, type StreamLog } from './log.js';

export interface EventPublisherDeps {
  store: PresentingStore;
  fanout: Fanout;
  log?: StreamLog;
}

/** An EventPublisher that can also be waited on. */
export interface StreamEventPublisher extends EventPublisher {
  /** Resolves when every event published so far has been handed to the fan-out (for tests and shutdown). */
  flush(): Promise<void>;
}

/**
 * Creates the publisher core actions call after commit. `publish` never blocks and never throws: events
 * queue, and a single drain loop presents them (a batch at a time, one lookup of authors and photos for
 * the whole batch) and publishes them to the fan-out in the order they were published. A group event's
 * frame is serialised here, once, for every socket on every node. Failures are logged; a lost group event
 * is recovered by the stream from the store (the next event reveals the gap).
 */
export function createEventPublisher(deps: EventPublisherDeps): StreamEventPublisher {
  const { store, fanout } = deps;
  const log = deps.log ?? consoleLog;
  let queue: DomainEvent[] = [];
  let running = false;
  let drained: Promise<void> = Promise.resolve();

  async function present(batch: readonly DomainEvent[]): Promise<FanoutMessage[]> {
    const messages: Message[] = [];
    for (const e of batch) if (e.kind === 'group') messages.push(e.message);
    const views = await loadMessageViews(store, messages);
    const out: FanoutMessage[] = [];
    let next = 0;
    for (const e of batch) {
      if (e.kind === 'group') {
        const view = views[next++];
        if (!view) continue;
        const frame = serialiseFrame([presentEvent(e.event, view)]);
        out.push({ kind: 'group', groupId: e.event.groupId, seq: e.event.seq, frame });
      } else if (e.kind === 'membership.changed') {
        const m = e.membership;
        out.push({ kind: 'membership', groupId: m.groupId, userId: m.userId, status: m.status });
      } else if (e.kind === 'attention') {
        const frame = serialiseFrame([presentAttentionNotice(e.flag)]);
        out.push({ kind: 'users', userIds: [...e.recipients], frame });
      } else if (e.kind === 'watch') {
        const frame = serialiseFrame([{ type: 'watch', groupId: e.groupId }]);
        out.push({ kind: 'users', userIds: [...e.recipients], frame });
      } else {
        out.push({ kind: 'sessions.revoked', userId: e.userId, sessionIds: [...e.sessionIds] });
      }
    }
    return out;
  }

  async function drain(): Promise<void> {
    // Events published in the same turn join the first batch.
    await Promise.resolve();
    for (;;) {
      if (queue.length === 0) {
        // Cleared in the same step as the empty-queue check, so no event is ever left waiting.
        running = false;
        return;
      }
      const batch = queue;
      queue = [];
      try {
        const messages = await present(batch);
        // Handed over in order without waiting for each: the fan-out keeps one publisher's order.
        const sent = messages.map((m) =>
          fanout.publish(m).catch((error: unknown) => {
            log.error({ err: error, kind: m.kind }, 'publishing an event to the fan-out failed');
          }),
        );
        await Promise.all(sent);
      } catch (error) {
        log.error({ err: error, events: batch.length }, 'presenting events for the live stream failed');
      }
    }
  }

  return {
    publish(event: DomainEvent): void {
      queue.push(event);
      if (!running) {
        running = true;
        drained = drain();
      }
    },
    async flush(): Promise<void> {
      while (running) await drained;
    },
  };
}
