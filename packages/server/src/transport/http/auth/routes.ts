// Sign-in, sign-out, first-admin setup, the signed-in person and their API tokens.
import {
  completeSetup,
  createApiToken,
  fail,
  listApiTokens,
  login,
  logout,
  needsSetup,
  revokeApiToken,
  type SessionId,
} from '@fellwatch/core';
import {
  CreatedToken,
  CreateTokenRequest,
  Id,
  LoginRequest,
  MeResponse,
  SetupRequest,
  SetupStatus,
  TokenList,
} from '@fellwatch/protocol';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadMe, presentApiToken } from '../../../presenters/account.js';
import type { Api } from '../api.js';
import { clearSessionCookie, originAllowed, setSessionCookie } from '../auth.js';
import type { AppContext } from '../context.js';

const TokenParams = z.object({ id: Id });

// Sign-in and setup carry no session yet, but a foreign page must not sign a browser into an account
// of its choosing either, so a browser's Origin is checked here too.
function refuseForeignOrigin(request: FastifyRequest, ctx: AppContext): void {
  if (!originAllowed(request, ctx.config)) {
    throw fail.forbidden('This request did not come from Fellwatch itself.');
  }
}

/** Registers the auth endpoints. */
export function registerAuthRoutes(api: Api): void {
  const { ctx } = api;
  const { ports } = ctx;

  api.route({
    method: 'GET',
    url: '/api/v1/setup/status',
    summary: 'Whether the first platform admin still has to be created',
    tag: 'auth',
    auth: 'none',
    responses: { 200: SetupStatus },
    handler: async () => ({ needsSetup: await needsSetup(ports) }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/setup',
    summary: 'Create the first platform admin with the one-time setup token, and sign in',
    tag: 'auth',
    auth: 'none',
    body: SetupRequest,
    perMinute: 10,
    responses: { 200: MeResponse },
    handler: async ({ body, request, reply }) => {
      refuseForeignOrigin(request, ctx);
      const signedIn = await completeSetup(ports, body);
      setSessionCookie(reply, ctx.config, signedIn.token, signedIn.expiresAt);
      return loadMe(ports.store, signedIn.actor);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'auth',
    auth: 'none',
    body: LoginRequest,
    // Counted per address: signed-out requests have no person to count against.
    perMinute: 10,
    responses: { 200: MeResponse },
    handler: async ({ body, request, reply }) => {
      refuseForeignOrigin(request, ctx);
      const signedIn = await login(ports, body);
      setSessionCookie(reply, ctx.config, signedIn.token, signedIn.expiresAt);
      return loadMe(ports.store, signedIn.actor);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session in use and clears the cookie',
    tag: 'auth',
    auth: 'required',
    responses: { 204: null },
    handler: async ({ actor, reply }) => {
      await logout(ports, actor);
      clearSessionCookie(reply, ctx.config);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The signed-in person, with their email, phone and organisations',
    tag: 'auth',
    auth: 'required',
    responses: { 200: MeResponse },
    handler: async ({ actor }) => loadMe(ports.store, actor),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/tokens',
    summary: 'Your API tokens (names and dates, never the secrets)',
    tag: 'auth',
    auth: 'required',
    responses: { 200: TokenList },
    handler: async ({ actor }) => ({ tokens: (await listApiTokens(ports, actor)).map(presentApiToken) }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/tokens',
    summary: 'Create an API token for scripts; the token is shown only in this response',
    tag: 'auth',
    auth: 'required',
    body: CreateTokenRequest,
    perMinute: 20,
    responses: { 201: CreatedToken },
    handler: async ({ actor, body, reply }) => {
      const created = await createApiToken(ports, actor, body.name);
      reply.status(201);
      return { token: created.token, apiToken: presentApiToken(created.session) };
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    summary: 'Revoke one of your API tokens; its live connections close',
    tag: 'auth',
    auth: 'required',
    params: TokenParams,
    responses: { 204: null },
    handler: async ({ actor, params }) => {
      await revokeApiToken(ports, actor, params.id as SessionId);
    },
  });
}
