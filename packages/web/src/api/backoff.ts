// Reconnect and retry delays: exponential backoff with full jitter, so many phones do not retry in step.

export interface BackoffOptions {
  /** First delay ceiling in milliseconds. */
  baseMs?: number;
  /** Largest delay ceiling in milliseconds. */
  maxMs?: number;
  /** A source of numbers in [0, 1); injectable for tests. */
  random?: () => number;
}

/** The delay before retry number `attempt` (0 for the first retry): uniform in [min, ceiling]. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 1000, maxMs = 60_000, random = Math.random } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  // Never retry instantly: a floor of a quarter of the base avoids hammering a server that just closed us.
  const floor = Math.min(ceiling, baseMs / 4);
  return Math.round(floor + random() * (ceiling - floor));
}
