// Tests retry delays and client ids.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { makeClientId } from './client-id.js';
import { CLIENT_ID_PATTERN } from './limits.js';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with jitter inside the ceiling', () => {
    const top = (attempt: number) =>
      backoffDelay(attempt, { baseMs: 1000, maxMs: 30_000, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4, 5, 6].map(top)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0 })).toBe(250);
    expect(backoffDelay(1e9, { maxMs: 5000, random: () => 0.5 })).toBeLessThanOrEqual(5000);
  });
});

describe('makeClientId', () => {
  it('makes ids the protocol accepts, different every time', () => {
    const ids = new Set(Array.from({ length: 500 }, makeClientId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(CLIENT_ID_PATTERN);
  });
});
