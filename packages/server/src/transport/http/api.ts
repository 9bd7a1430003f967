// Declares routes once: zod validation of params, query and body, the actor, rate limits, and the OpenAPI entry.
import type { Actor } from '@fellwatch/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { actorOf, credentialsOf, originAllowed } from './auth.js';
import type { AppContext } from './context.js';
import { fromZodError, httpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the api's onRequest hook on routes that look for a signed-in person. */
    actor?: Actor;
  }
}

export type AuthMode = 'required' | 'optional' | 'none';
type ActorFor<A extends AuthMode> = A extends 'required' ? Actor : Actor | undefined;

/** One endpoint. Schemas drive both validation and the OpenAPI document. */
export interface RouteSpec<P, Q, B, A extends AuthMode> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path with :params, e.g. /api/v1/groups/:groupId */
  url: string;
  summary: string;
  tag: string;
  auth: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** For the OpenAPI document: a schema per success status, or null for no content. */
  responses: Record<number, z.ZodType | null>;
  /** Requests per minute; counted per signed-in person, or per address when signed out. */
  perMinute?: number;
  /** Multipart uploads: the body is read by the handler, not parsed as JSON. */
  multipart?: boolean;
  handler(input: {
    actor: ActorFor<A>;
    params: P;
    query: Q;
    body: B;
    request: FastifyRequest;
    reply: FastifyReply;
  }): Promise<unknown>;
}

/** The recorded shape of a route, for the OpenAPI document. */
export interface RouteDoc {
  method: string;
  url: string;
  summary: string;
  tag: string;
  auth: AuthMode;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  multipart: boolean;
  responses: Record<number, z.ZodType | null>;
}

/** Registers routes on an app and remembers them for the OpenAPI document. */
export class Api {
  readonly docs: RouteDoc[] = [];

  constructor(
    readonly app: FastifyInstance,
    readonly ctx: AppContext,
  ) {}

  /** Adds one endpoint. */
  route<P = unknown, Q = unknown, B = unknown, A extends AuthMode = 'required'>(
    spec: RouteSpec<P, Q, B, A>,
  ): void {
    const { ctx } = this;
    this.docs.push({
      method: spec.method,
      url: spec.url,
      summary: spec.summary,
      tag: spec.tag,
      auth: spec.auth,
      params: spec.params,
      query: spec.query,
      body: spec.body,
      multipart: spec.multipart ?? false,
      responses: spec.responses,
    });
    const unsafe = spec.method !== 'GET';
    this.app.route({
      method: spec.method,
      url: spec.url,
      config: spec.perMinute
        ? {
            rateLimit: {
              max: spec.perMinute,
              timeWindow: 60_000,
              hook: 'preHandler',
              keyGenerator: (request: FastifyRequest) => request.actor?.user.id ?? request.ip,
            },
          }
        : {},
      onRequest: async (request, reply) => {
        if (spec.auth === 'none') return;
        const credentials = credentialsOf(request);
        if (credentials?.via === 'cookie' && unsafe && !originAllowed(request, ctx.config)) {
          const e = httpError(403, 'forbidden', 'This request did not come from Fellwatch itself.');
          return reply.status(e.status).send(e.body);
        }
        request.actor = await actorOf(ctx.ports, request);
        if (!request.actor && spec.auth === 'required') {
          const e = httpError(401, 'unauthenticated', 'Sign in to continue.');
          return reply.status(e.status).send(e.body);
        }
      },
      handler: async (request, reply) => {
        const params = parse(spec.params, request.params, 'params');
        const query = parse(spec.query, request.query, 'query');
        const body = spec.multipart ? undefined : parse(spec.body, request.body ?? {}, 'body');
        for (const part of [params, query, body]) {
          if (part && !part.ok) return reply.status(part.error.status).send(part.error.body);
        }
        const result = await spec.handler({
          actor: request.actor as ActorFor<A>,
          params: params?.ok ? (params.value as P) : (undefined as P),
          query: query?.ok ? (query.value as Q) : (undefined as Q),
          body: body?.ok ? (body.value as B) : (undefined as B),
          request,
          reply,
        });
        if (reply.sent) return reply;
        if (result === undefined)
          return reply.status(reply.statusCode === 200 ? 204 : reply.statusCode).send();
        return result;
      },
    });
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, input: unknown, where: 'params' | 'query' | 'body') {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true as const, value: result.data }
    : { ok: false as const, error: fromZodError(result.error, where) };
}
