// ApiError: every failed request as one shape the screens can show politely.

/** A request that did not succeed: the server's error body, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer at all: offline, or the signal dropped mid-request. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Worth trying again later without changes: no signal, rate limits, server trouble. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** The error for a request that never reached the server. */
export function networkError(): ApiError {
  return new ApiError(0, 'network', 'No signal: check your connection and try again.');
}

/** Reads `{"error":{"code","message","field?"}}` from a failed response, with a plain fallback. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = (body as { error: unknown }).error;
    if (typeof e === 'object' && e !== null) {
      const { code, message, field } = e as Record<string, unknown>;
      if (typeof message === 'string' && message.length > 0) {
        return new ApiError(
          status,
          typeof code === 'string' ? code : 'error',
          message,
          typeof field === 'string' ? field : undefined,
        );
      }
    }
  }
  return new ApiError(status, fallbackCode(status), fallbackMessage(status));
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server' : 'error';
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Please sign in to continue.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'That could not be found.';
  if (status === 413) return 'That file is too large.';
  if (status === 429) return 'Too many attempts. Please wait a minute and try again.';
  if (status >= 500) return `Fellwatch had a problem (${status}). Please try again shortly.`;
  return `The request failed (${status}).`;
}

/** A message for any thrown value, for banners. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong. Please try again.';
}
