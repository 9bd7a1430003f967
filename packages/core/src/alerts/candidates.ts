// Candidates prepared once for repeated ranking: filed by kind and category, sorted by latitude, indexed by identifier.
import { type MatchableAlert, type PreparedAlert, prepareAlert } from './prepare.js';

/** One kind and category's candidates: located ones sorted by latitude, so a band of latitude is a slice. */
export interface CandidateBucket {
  /** Latitudes in ascending order. */
  readonly lats: Float64Array;
  /** Positions in `items`, in the order of `lats`. */
  readonly positions: Int32Array;
  /** Positions of candidates without a location. */
  readonly unlocated: readonly number[];
}

/** Candidates normalised once, for ranking many alerts against them. */
export interface PreparedCandidates<T extends MatchableAlert = MatchableAlert> {
  readonly items: readonly PreparedAlert<T>[];
  /** Buckets by `kind:category` (animals under "animal:livestock"). */
  readonly byKindAndCategory: ReadonlyMap<string, CandidateBucket>;
  /** Positions in `items` of the alerts carrying each normalised identifier, ascending. */
  readonly byIdentifier: ReadonlyMap<string, readonly number[]>;
}

/** The bucket an alert is filed under: only alerts in the same category are compared by description. */
export function kindAndCategory(kind: string, category: string): string {
  return `${kind}:${category}`;
}

/** Normalises candidates once, so that ranking many new alerts against them repeats no work. */
export function prepareCandidates<T extends MatchableAlert>(candidates: readonly T[]): PreparedCandidates<T> {
  const items = candidates.map((c) => prepareAlert(c));
  const grouped = new Map<string, number[]>();
  const byIdentifier = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = kindAndCategory(item.alert.kind, item.category);
    const list = grouped.get(key);
    if (list) list.push(i);
    else grouped.set(key, [i]);
    for (const identifier of item.identifiers) {
      const holders = byIdentifier.get(identifier);
      if (!holders) byIdentifier.set(identifier, [i]);
      else if (holders[holders.length - 1] !== i) holders.push(i);
    }
  });
  const byKindAndCategory = new Map<string, CandidateBucket>();
  for (const [key, list] of grouped) {
    const located = list.filter((i) => !Number.isNaN((items[i] as PreparedAlert).lat));
    located.sort((x, y) => (items[x] as PreparedAlert).lat - (items[y] as PreparedAlert).lat || x - y);
    byKindAndCategory.set(key, {
      lats: Float64Array.from(located, (i) => (items[i] as PreparedAlert).lat),
      positions: Int32Array.from(located),
      unlocated: list.filter((i) => Number.isNaN((items[i] as PreparedAlert).lat)),
    });
  }
  return { items, byKindAndCategory, byIdentifier };
}

/**
 * Calls `visit` with the position of every candidate in the bucket that lies between minLat and
 * maxLat, or has no location.
 */
export function visitLatitudeBand(
  bucket: CandidateBucket,
  minLat: number,
  maxLat: number,
  visit: (position: number) => void,
): void {
  const { lats, positions } = bucket;
  let low = 0;
  let high = lats.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((lats[middle] as number) < minLat) low = middle + 1;
    else high = middle;
  }
  for (let k = low; k < lats.length && (lats[k] as number) <= maxLat; k++) visit(positions[k] as number);
  for (const position of bucket.unlocated) visit(position);
}
