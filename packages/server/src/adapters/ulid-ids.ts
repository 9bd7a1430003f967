// The IdGenerator port as monotonic ULIDs: sortable by creation time, unique within a millisecond.
import type { Clock, IdGenerator } from '@fellwatch/core';
import { monotonicFactory, type ULIDFactory } from 'ulid';

/**
 * Generates ULIDs whose time part comes from the given clock (the system clock by default), so ids
 * made under a test clock sort by that clock. Within one millisecond, or if the clock steps back,
 * the monotonic factory increments the random part, so ids from one generator always increase.
 */
export class UlidIds implements IdGenerator {
  private readonly factory: ULIDFactory = monotonicFactory();

  constructor(private readonly clock?: Clock) {}

  next(): string {
    return this.factory(this.clock?.now());
  }
}
