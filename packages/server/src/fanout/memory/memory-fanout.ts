// In-process fan-out for a single app node: publish hands the message to every listener synchronously.
import type { Fanout, FanoutListener, FanoutMessage } from '../port.js';

export interface MemoryFanoutOptions {
  /** Called when a listener throws; the other listeners still receive the message. */
  onListenerError?: (error: unknown) => void;
}

/** Creates an in-process fan-out: listeners are called in subscription order, messages in publish order. */
export function createMemoryFanout(options: MemoryFanoutOptions = {}): Fanout {
  const onListenerError =
    options.onListenerError ?? ((error) => console.error('fan-out listener failed', error));
  // Copy-on-write: publishing iterates a stable array even when a listener (un)subscribes meanwhile.
  let listeners: readonly FanoutListener[] = [];
  let closed = false;

  return {
    publish(message: FanoutMessage): Promise<void> {
      if (closed) return Promise.reject(new Error('The fan-out is closed.'));
      const current = listeners;
      for (let i = 0; i < current.length; i++) {
        try {
          current[i]?.(message);
        } catch (error) {
          onListenerError(error);
        }
      }
      return Promise.resolve();
    },
    subscribe(listener: FanoutListener): () => void {
      if (closed) throw new Error('The fan-out is closed.');
      listeners = [...listeners, listener];
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        const at = listeners.indexOf(listener);
        if (at >= 0) listeners = [...listeners.slice(0, at), ...listeners.slice(at + 1)];
      };
    },
    close(): Promise<void> {
      closed = true;
      listeners = [];
      return Promise.resolve();
    },
  };
}
