// The Clock port on the machine's wall clock.
import type { Clock, EpochMs } from '@fellwatch/core';

/** Reads the current time in epoch milliseconds from the system clock. */
export class SystemClock implements Clock {
  now(): EpochMs {
    return Date.now();
  }
}
