// Tests of the ULID id generator: format, uniqueness and order by time.
import type { Clock } from '@fellwatch/core';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { UlidIds } from './ulid-ids.js';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function manualClock(start: number): Clock & { set(t: number): void } {
  let t = start;
  return { now: () => t, set: (next) => (t = next) };
}

describe('UlidIds', () => {
  it('makes 26-character Crockford base32 ids stamped with the current time', () => {
    const before = Date.now();
    const id = new UlidIds().next();
    expect(id).toMatch(ULID);
    expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(id)).toBeLessThanOrEqual(Date.now());
  });

  it('makes unique ids that increase even within one millisecond', () => {
    const ids = new UlidIds(manualClock(1_700_000_000_000));
    const made = Array.from({ length: 2000 }, () => ids.next());
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('sorts ids by the time of the clock it is given', () => {
    const clock = manualClock(1_700_000_000_000);
    const ids = new UlidIds(clock);
    const first = ids.next();
    clock.set(1_700_000_060_000);
    const later = ids.next();
    expect(decodeTime(first)).toBe(1_700_000_000_000);
    expect(decodeTime(later)).toBe(1_700_000_060_000);
    expect(first < later).toBe(true);
  });

  it('keeps ids increasing when the clock steps back', () => {
    const clock = manualClock(1_700_000_060_000);
    const ids = new UlidIds(clock);
    const first = ids.next();
    clock.set(1_700_000_000_000);
    expect(ids.next() > first).toBe(true);
  });
});
