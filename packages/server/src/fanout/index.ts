// The fan-out's public face: Redis pub/sub when a URL is configured, otherwise in-process.
import { createMemoryFanout } from './memory/memory-fanout.js';
import type { Fanout } from './port.js';
import { openRedisFanout } from './redis/redis-fanout.js';

export { createMemoryFanout } from './memory/memory-fanout.js';
export type { Fanout, FanoutListener, FanoutMessage } from './port.js';
export { DEFAULT_CHANNEL, openRedisFanout } from './redis/redis-fanout.js';

export interface FanoutOptions {
  /** redis:// URL: fan out between nodes through Redis. Absent: in-process (a single node). */
  redisUrl?: string;
  /** Redis channel shared by the nodes of one deployment (default fellwatch:events). */
  channel?: string;
  onError?: (error: unknown) => void;
}

/** Opens the fan-out the configuration asks for. Rejects when Redis is configured but unreachable. */
export async function openFanout(options: FanoutOptions = {}): Promise<Fanout> {
  const { redisUrl, channel, onError } = options;
  if (!redisUrl) return createMemoryFanout(onError ? { onListenerError: onError } : {});
  return openRedisFanout({ url: redisUrl, ...(channel ? { channel } : {}), ...(onError ? { onError } : {}) });
}
