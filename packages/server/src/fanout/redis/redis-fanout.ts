// Redis pub/sub fan-out between app nodes: one publisher and one subscriber connection on one channel.
import { Redis } from 'ioredis';
import type { Fanout, FanoutListener, FanoutMessage } from '../port.js';
import { decodeFanoutMessage, encodeFanoutMessage } from './codec.js';

export const DEFAULT_CHANNEL = 'fellwatch:events';

export interface RedisFanoutOptions {
  /** A redis:// or rediss:// URL. */
  url: string;
  /** The pub/sub channel every node of one deployment shares. */
  channel?: string;
  /** Connection problems and undecodable messages; Redis reconnects by itself. */
  onError?: (error: Error) => void;
  /** Give up connecting at start after this many milliseconds. */
  connectTimeoutMs?: number;
}

/**
 * Connects to Redis and subscribes to the channel; resolves once both connections are ready, rejects when
 * Redis cannot be reached. Every node receives its own messages back through Redis, so all nodes see the
 * messages of one publisher in the same order.
 */
export async function openRedisFanout(options: RedisFanoutOptions): Promise<Fanout> {
  const channel = options.channel ?? DEFAULT_CHANNEL;
  const onError = options.onError ?? ((error) => console.error('redis fan-out:', error.message));
  const connectionOptions = {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    // Publishing waits through a short outage rather than failing at once.
    maxRetriesPerRequest: 3,
  };
  const publisher = new Redis(options.url, { ...connectionOptions, connectionName: 'fellwatch-publisher' });
  const subscriber = new Redis(options.url, { ...connectionOptions, connectionName: 'fellwatch-subscriber' });
  publisher.on('error', onError);
  subscriber.on('error', onError);

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(channel);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis fan-out could not connect: ${reason}`);
  }

  // Copy-on-write, as in the memory fan-out: delivery iterates a stable array.
  let listeners: readonly FanoutListener[] = [];
  let closed = false;

  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let message: FanoutMessage;
    try {
      message = decodeFanoutMessage(text);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const current = listeners;
    for (let i = 0; i < current.length; i++) {
      try {
        current[i]?.(message);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });

  return {
    async publish(message: FanoutMessage): Promise<void> {
      if (closed) throw new Error('The fan-out is closed.');
      await publisher.publish(channel, encodeFanoutMessage(message));
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
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      listeners = [];
      // quit() lets publishes already written reach Redis before the connection ends.
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
