// Domain errors: every refusal the core makes, with a stable code the transport maps to a status.

/** Stable machine-readable reasons; the HTTP layer maps each to one status code. */
export type ErrorCode =
  | 'invalid' // 400/422: the input breaks a rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403: you may see it but not do this
  | 'not_found' // 404: it does not exist, or you may not know that it does
  | 'conflict' // 409
  | 'gone' // 410: expired or revoked
  | 'too_large' // 413
  | 'unsupported_media' // 415
  | 'rate_limited'; // 429

/** A refusal by the domain; carries a code, a human message and optionally the offending field. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand constructors, so actions read as sentences. */
export const fail = {
  invalid: (message: string, field?: string) => new DomainError('invalid', message, field),
  unauthenticated: (message = 'Sign in to continue.') => new DomainError('unauthenticated', message),
  forbidden: (message = 'You are not allowed to do that.') => new DomainError('forbidden', message),
  notFound: (what: string) => new DomainError('not_found', `${what} not found.`),
  conflict: (message: string, field?: string) => new DomainError('conflict', message, field),
  gone: (message: string) => new DomainError('gone', message),
};
