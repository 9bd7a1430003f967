// Runs the Fanout contract against Redis pub/sub, each test file on its own random channel.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeFanoutContract } from '../fanout.contract.js';
import { decodeFanoutMessage, encodeFanoutMessage } from './codec.js';
import { openRedisFanout } from './redis-fanout.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = `fellwatch:test:${randomUUID()}`;

let reachable: Promise<boolean> | undefined;
/** Whether Redis answers; fails the run under CI, skips loudly elsewhere. */
function redisReachable(): Promise<boolean> {
  reachable ??= openRedisFanout({ url, channel, connectTimeoutMs: 2_000, onError: () => {} }).then(
    async (probe) => {
      await probe.close();
      return true;
    },
    (error: Error) => {
      if (process.env.CI) throw new Error(`Redis at ${url} is required under CI: ${error.message}`);
      console.warn(
        `\n*** SKIPPING Redis fan-out tests: Redis at ${url} is unreachable (${error.message}) ***\n`,
      );
      return false;
    },
  );
  return reachable;
}

describeFanoutContract('redis', {
  harness: async () =>
    (await redisReachable()) ? { openNode: () => openRedisFanout({ url, channel }) } : undefined,
});

describe('redis fan-out', () => {
  it('sends a group frame after a header line, without encoding it again', () => {
    const frame = '[{"type":"message.posted","body":"a\\nb"}]';
    const payload = encodeFanoutMessage({ kind: 'group', groupId: 'G1', seq: 7, frame });
    expect(payload).toBe(`g G1 7\n${frame}`);
    expect(decodeFanoutMessage(payload)).toEqual({ kind: 'group', groupId: 'G1', seq: 7, frame });
  });

  it('rejects payloads it did not make', () => {
    expect(() => decodeFanoutMessage('hello')).toThrow();
    expect(() => decodeFanoutMessage('g G1 x\n[]')).toThrow();
    expect(() => decodeFanoutMessage('j\n{"kind":"other"}')).toThrow();
  });

  it('rejects opening when Redis is unreachable', async () => {
    await expect(
      openRedisFanout({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 500, onError: () => {} }),
    ).rejects.toThrow(/could not connect/);
  });
});
