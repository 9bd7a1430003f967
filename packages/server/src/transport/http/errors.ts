// Maps every failure to the stable error shape {"error":{"code","message","field?"}} with a 4xx status.
import { DomainError, type ErrorCode } from '@fellwatch/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';

const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
};

/** An HTTP error with the protocol's shape, ready to send. */
export interface HttpError {
  status: number;
  body: { error: { code: string; message: string; field?: string } };
}

/** Describes the first issue of a zod error in words a person can act on, naming the field. */
export function fromZodError(
  error: ZodError,
  where: 'body' | 'query' | 'params' | 'frame' = 'body',
): HttpError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const message = issue ? `${field ? `${field}: ` : `${where}: `}${issue.message}` : `invalid ${where}`;
  return { status: 400, body: { error: { code: 'invalid', message, ...(field ? { field } : {}) } } };
}

/** Translates anything thrown by a handler or by Fastify itself into an HttpError. */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof DomainError) {
    const body = {
      error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
    };
    return { status: statusOf[error.code], body };
  }
  if (error instanceof ZodError) return fromZodError(error);
  const e = error as Partial<FastifyError> & { message?: string };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return httpError(413, 'too_large', 'The request is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return httpError(415, 'unsupported_media', 'This content type is not accepted here.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return httpError(400, 'invalid', 'The body is not valid JSON.');
  }
  if (e.statusCode === 429)
    return httpError(429, 'rate_limited', e.message ?? 'Too many requests; try again shortly.');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return httpError(e.statusCode, 'invalid', e.message ?? 'The request is not valid.');
  }
  return undefined;
}

/** Builds an HttpError from parts. */
export function httpError(status: number, code: string, message: string): HttpError {
  return { status, body: { error: { code, message } } };
}

/** Installs the error and not-found handlers: no stack trace or internal detail ever reaches a client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toHttpError(error);
    if (mapped) {
      if (mapped.status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
      return reply.status(mapped.status).send(mapped.body);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
}
