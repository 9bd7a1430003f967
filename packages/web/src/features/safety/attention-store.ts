// The "needs attention" counts of every queue I see, and the newest notice, kept live from the stream.
import { useSyncExternalStore } from 'react';
import { type AttentionMessage, type AttentionQueue, listAttentionQueues } from '../../api/safety.js';
import type { StreamClient } from '../../api/stream.js';
import type { ServerMessage } from '../../api/types.js';
import type { Services } from '../../app/services.js';
import { useServices } from '../../app/session.js';

export interface AttentionState {
  /** Queues I see with their open counts; empty for people who see none. */
  queues: readonly AttentionQueue[];
  /** A notice that arrived while the app was open and has not been dismissed or opened. */
  latest: AttentionMessage | null;
}

/** Counts from the server, refreshed whenever a notice arrives or the stream comes back. */
export class AttentionStore {
  private state: AttentionState = { queues: [], latest: null };
  private readonly listeners = new Set<() => void>();
  private asking: Promise<void> | null = null;
  private again = false;

  constructor(stream: StreamClient) {
    stream.onMessage((m: ServerMessage) => {
      if (m.type !== 'attention') return;
      if (m.state === 'open') this.set({ latest: m });
      else if (this.state.latest?.flagId === m.flagId) this.set({ latest: null });
      void this.refresh();
    });
    stream.onStatus((status) => {
      if (status === 'live') void this.refresh();
    });
    void this.refresh();
  }

  getSnapshot = (): AttentionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Forgets the newest notice (dismissed, or its queue was opened). */
  dismiss(): void {
    if (this.state.latest) this.set({ latest: null });
  }

  /** Asks the server for the counts; one request at a time, and once more if asked meanwhile. */
  refresh(): Promise<void> {
    if (this.asking) {
      this.again = true;
      return this.asking;
    }
    this.asking = (async () => {
      do {
        this.again = false;
        try {
          this.set({ queues: await listAttentionQueues() });
        } catch {
          // No signal: the counts stay as they were until the stream is live again.
        }
      } while (this.again);
    })().finally(() => {
      this.asking = null;
    });
    return this.asking;
  }

  private set(patch: Partial<AttentionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<Services, AttentionStore>();

/** The signed-in person's attention store, made on first use. */
export function attentionStoreOf(services: Services): AttentionStore {
  let store = stores.get(services);
  if (!store) {
    store = new AttentionStore(services.stream);
    stores.set(services, store);
  }
  return store;
}

/** The attention counts and newest notice, live, with the store for its actions. */
export function useAttention(): { state: AttentionState; store: AttentionStore } {
  const store = attentionStoreOf(useServices());
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { state, store };
}
