// Plain words for why two alerts may be the same thing: field names, lists, distances and time gaps.

/** How a field is named in a reason. */
export const FIELD_LABELS: Record<string, string> = {
  registration: 'registration',
  serial: 'serial',
  markingId: 'marking id',
  earTag: 'ear tag',
  flockMark: 'flock mark',
  category: 'category',
  make: 'make',
  model: 'model',
  colour: 'colour',
  species: 'species',
  breed: 'breed',
};

/** "make", "make and colour", "make, model and colour". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "under 1 km apart", "3.4 km apart", "112 km apart". */
export function describeDistance(km: number): string {
  if (km < 1) return 'under 1 km apart';
  if (km < 10) return `${Math.round(km * 10) / 10} km apart`;
  return `${Math.round(km)} km apart`;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** "within the hour", "5 hours apart", "1 day apart", "3 days apart". */
export function describeTimeGap(ms: number): string {
  if (ms < HOUR_MS) return 'within the hour';
  if (ms < DAY_MS) {
    const hours = Math.round(ms / HOUR_MS);
    return hours === 1 ? '1 hour apart' : `${hours} hours apart`;
  }
  const days = Math.round(ms / DAY_MS);
  return days === 1 ? '1 day apart' : `${days} days apart`;
}
