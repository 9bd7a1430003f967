// Group commit on its own: batching, waiting for commit, and failing one write without the others.
import { describe, expect, it } from 'vitest';
import { type BatchOutcome, type BatchWriter, GroupCommit } from './group-commit.js';

/** A writer that records its batches and lets the test decide when each commit finishes. */
function recordingWriter(options: { failBatchesWith?: (items: readonly number[]) => boolean } = {}) {
  const batches: number[][] = [];
  const alone: number[] = [];
  const pending: (() => void)[] = [];
  const writer: BatchWriter<number, string> = {
    async writeBatch(items) {
      batches.push([...items]);
      await new Promise<void>((resolve) => pending.push(resolve));
      if (options.failBatchesWith?.(items)) throw new Error('batch failed');
      return items.map(
        (n): BatchOutcome<string> =>
          n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: `v${n}` },
      );
    },
    async writeOne(item) {
      alone.push(item);
      if (item === 13) throw new Error('unlucky');
      return `alone${item}`;
    },
  };
  const commitNext = () => pending.shift()?.();
  return { writer, batches, alone, commitNext };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('commits calls made together as one batch, and later calls together after it', async () => {
    const { writer, batches, commitNext } = recordingWriter();
    const queue = new GroupCommit(writer);
    const first = [1, 2, 3].map((n) => queue.submit(n));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    const settled: string[] = [];
    const later = [4, 5].map((n) => queue.submit(n).then((v) => settled.push(v)));
    await tick();
    expect(batches).toHaveLength(1);
    expect(settled).toEqual([]);
    commitNext();
    expect(await Promise.all(first)).toEqual(['v1', 'v2', 'v3']);
    await tick();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(settled).toEqual([]);
    commitNext();
    await Promise.all(later);
    expect(settled).toEqual(['v4', 'v5']);
    expect(queue.stats).toMatchObject({ batches: 2, items: 5, largestBatch: 3, retriedBatches: 0 });
    await queue.idle();
  });

  it('commits a write submitted right after the previous one resolved (none is left waiting)', async () => {
    // A writer that commits at once: the next submit lands just as the drain loop finishes.
    const writer: BatchWriter<number, string> = {
      writeBatch: async (items) => items.map((n): BatchOutcome<string> => ({ ok: true, value: `v${n}` })),
      writeOne: async (n) => `alone${n}`,
    };
    const queue = new GroupCommit(writer);
    const results: string[] = [];
    for (let n = 0; n < 50; n++) {
      const timeout = new Promise<string>((_, reject) =>
        setTimeout(() => reject(new Error(`write ${n} hung`)), 2000),
      );
      results.push(await Promise.race([queue.submit(n), timeout]));
    }
    expect(results).toHaveLength(50);
    expect(results[49]).toBe('v49');
  });

  it('rejects only the write whose outcome failed', async () => {
    const { writer, commitNext } = recordingWriter();
    const queue = new GroupCommit(writer);
    const results = Promise.allSettled([queue.submit(1), queue.submit(-1), queue.submit(2)]);
    await tick();
    commitNext();
    const [a, b, c] = await results;
    expect(a).toEqual({ status: 'fulfilled', value: 'v1' });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'bad -1' } });
    expect(c).toEqual({ status: 'fulfilled', value: 'v2' });
  });

  it('retries each write alone when the batch fails, so a bad write fails by itself', async () => {
    const { writer, alone, commitNext } = recordingWriter({ failBatchesWith: () => true });
    const queue = new GroupCommit(writer);
    const results = Promise.allSettled([queue.submit(12), queue.submit(13), queue.submit(14)]);
    await tick();
    commitNext();
    const outcomes = await results;
    expect(alone).toEqual([12, 13, 14]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'alone12' });
    expect(queue.stats.retriedBatches).toBe(1);
  });

  it('splits a long queue into batches of the largest size', async () => {
    const { writer, batches, commitNext } = recordingWriter();
    const queue = new GroupCommit(writer, 4);
    const all = Promise.all(Array.from({ length: 10 }, (_, n) => queue.submit(n)));
    for (let i = 0; i < 3; i++) {
      await tick();
      commitNext();
    }
    await all;
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
  });
});
