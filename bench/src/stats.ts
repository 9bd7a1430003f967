// Summaries of measured samples: percentiles, and the shapes every workload reports in.

/** p50/p90/p99/max (and count and mean) of a set of samples, rounded for reporting. */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Rounds to `digits` decimals, for figures in JSON and tables. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The nearest-rank percentile of sorted samples (`q` in 0..1). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Summarises samples (they are copied, not sorted in place); all NaN when there are none. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  let total = 0;
  for (const value of list) total += value;
  return {
    count: list.length,
    mean: round(list.length ? total / list.length : Number.NaN),
    p50: round(percentile(list, 0.5)),
    p90: round(percentile(list, 0.9)),
    p99: round(percentile(list, 0.99)),
    max: round(list.length ? (list[list.length - 1] as number) : Number.NaN),
  };
}
