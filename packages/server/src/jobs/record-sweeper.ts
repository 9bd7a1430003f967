// The server's timer for the retention of found people's records: runs the core's sweep every hour.
import { type Ports, type RecordSweepResult, sweepExpiredRecords } from '@fellwatch/core';

/** How often each node sweeps. Several nodes sweeping at once is harmless: each record goes once. */
export const RECORD_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** The first sweep waits a minute after start, so a restart is not slowed and a crash loop does no work. */
export const RECORD_SWEEP_FIRST_DELAY_MS = 60 * 1000;

/** Where the sweeper reports what it did. */
export interface SweepLog {
  info(context: object, message: string): void;
  error(context: object, message: string): void;
}

export interface RecordSweeperOptions {
  ports: Pick<Ports, 'store' | 'clock' | 'media'>;
  log: SweepLog;
  intervalMs?: number;
  firstDelayMs?: number;
}

/** A running sweeper. */
export interface RecordSweeper {
  /** Runs a sweep now (or waits for the one running) and returns what it did. */
  sweep(): Promise<RecordSweepResult>;
  /** Stops the timer and waits for a sweep in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Starts sweeping: first after `firstDelayMs`, then every `intervalMs`. A sweep never overlaps the
 * previous one on this node, and a failure is logged and tried again at the next interval. The timers
 * do not keep the process alive.
 */
export function startRecordSweeper(options: RecordSweeperOptions): RecordSweeper {
  const { ports, log } = options;
  const intervalMs = options.intervalMs ?? RECORD_SWEEP_INTERVAL_MS;
  let running: Promise<RecordSweepResult> | undefined;
  let stopped = false;

  const sweep = (): Promise<RecordSweepResult> => {
    running ??= sweepExpiredRecords(ports)
      .then((result) => {
        if (result.deleted.length > 0) {
          log.info({ deleted: result.deleted.length }, 'records of found people deleted under their rule');
        }
        for (const { alertId, error } of result.failed) {
          log.error(
            { alertId, err: error },
            'a record due for deletion could not be deleted; trying again later',
          );
        }
        return result;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const tick = () => {
    if (stopped) return;
    sweep().catch((error: unknown) => log.error({ err: error }, 'the sweep of records failed'));
  };

  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    if (!stopped) interval = setInterval(tick, intervalMs).unref();
  }, options.firstDelayMs ?? RECORD_SWEEP_FIRST_DELAY_MS).unref();

  return {
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(first);
      if (interval) clearInterval(interval);
      await running?.catch(() => undefined);
    },
  };
}
