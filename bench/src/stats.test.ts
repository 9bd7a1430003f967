// Tests of the percentile summaries the benchmarks report.
import { describe, expect, it } from 'vitest';
import { percentile, summarise } from './stats.js';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
  });
});

describe('summarise', () => {
  it('sorts numerically, not as text, and leaves the input alone', () => {
    const samples = [10, 9, 100, 1];
    const summary = summarise(samples);
    expect(summary).toMatchObject({ count: 4, p50: 9, max: 100, mean: 30 });
    expect(samples).toEqual([10, 9, 100, 1]);
  });

  it('reports NaN for no samples', () => {
    expect(summarise([]).p99).toBeNaN();
  });
});
