// Runs the Fanout contract against the in-process adapter, plus its synchronous delivery.
import { describe, expect, it } from 'vitest';
import { describeFanoutContract } from '../fanout.contract.js';
import type { FanoutMessage } from '../port.js';
import { createMemoryFanout } from './memory-fanout.js';

describeFanoutContract('memory', {
  harness: async () => ({ openNode: async () => createMemoryFanout() }),
  skipMultiNode: 'the in-process fan-out serves a single node by design',
});

describe('memory fan-out', () => {
  it('delivers synchronously, before publish returns', () => {
    const fanout = createMemoryFanout();
    const seen: FanoutMessage[] = [];
    fanout.subscribe((m) => seen.push(m));
    void fanout.publish({ kind: 'sessions.revoked', userId: 'u', sessionIds: [] });
    expect(seen).toHaveLength(1);
  });

  it('keeps delivering to the other listeners when one throws', async () => {
    const errors: unknown[] = [];
    const fanout = createMemoryFanout({ onListenerError: (e) => errors.push(e) });
    const seen: FanoutMessage[] = [];
    fanout.subscribe(() => {
      throw new Error('boom');
    });
    fanout.subscribe((m) => seen.push(m));
    await fanout.publish({ kind: 'sessions.revoked', userId: 'u', sessionIds: [] });
    expect(seen).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
