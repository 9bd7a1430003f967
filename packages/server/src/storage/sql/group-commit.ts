// Group commit: writes that arrive while a batch is committing wait, then commit together in one
// transaction, so durability costs one fsync per batch rather than one per write.

/** What one item of a batch came to, when the batch as a whole committed. */
export type BatchOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** How the queue writes: a whole batch in one transaction, or one item alone. */
export interface BatchWriter<I, O> {
  /**
   * Writes all items in one transaction and resolves after commit. An item may fail alone (its
   * outcome says so) only if it wrote nothing; otherwise the whole call must reject.
   */
  writeBatch(items: readonly I[]): Promise<BatchOutcome<O>[]>;
  /** Writes one item in its own transaction. */
  writeOne(item: I): Promise<O>;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/** Counters that show whether batching happens. */
export interface GroupCommitStats {
  batches: number;
  items: number;
  largestBatch: number;
  /** Batches that failed as a whole and were retried item by item. */
  retriedBatches: number;
}

/** A queue that commits waiting writes together; each promise resolves only after its commit. */
export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private draining: Promise<void> | undefined;
  readonly stats: GroupCommitStats = { batches: 0, items: 0, largestBatch: 0, retriedBatches: 0 };

  constructor(
    private readonly writer: BatchWriter<I, O>,
    private readonly maxBatch = 1000,
  ) {}

  /** Queues a write; resolves with its result once committed. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** Resolves when nothing is queued or committing. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // Let the calls made in the same turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      // The emptiness check and the reset happen in one synchronous step: a write submitted after
      // it starts a new drain, and none can be left queued with no drain running.
      if (this.waiting.length === 0) {
        this.draining = undefined;
        return;
      }
      await this.commit(this.waiting.splice(0, this.maxBatch));
    }
  }

  private async commit(batch: Waiting<I, O>[]): Promise<void> {
    this.stats.batches += 1;
    this.stats.items += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    let outcomes: BatchOutcome<O>[];
    try {
      outcomes = await this.writer.writeBatch(batch.map((w) => w.item));
    } catch {
      // One bad item must not sink the others: retry each alone, so it fails by itself.
      this.stats.retriedBatches += 1;
      for (const waiting of batch) {
        try {
          waiting.resolve(await this.writer.writeOne(waiting.item));
        } catch (error) {
          waiting.reject(error);
        }
      }
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (!outcome) waiting.reject(new Error('The batch returned no outcome for this write.'));
      else if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
