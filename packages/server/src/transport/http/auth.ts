// Establishes the actor for a request (session cookie or bearer token) and guards against cross-site requests.
import { type Actor, authenticate, type Ports } from '@fellwatch/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.js';

export const SESSION_COOKIE = 'fw_session';

/** Where a request's credentials came from; cookie-authenticated writes need a same-origin Origin. */
export interface Credentials {
  token: string;
  via: 'cookie' | 'bearer';
}

/** Reads the bearer token or session cookie from a request, if any. */
export function credentialsOf(request: FastifyRequest): Credentials | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** Resolves the actor of a request, or undefined when signed out or the token is unknown. */
export async function actorOf(ports: Ports, request: FastifyRequest): Promise<Actor | undefined> {
  const credentials = credentialsOf(request);
  return credentials ? authenticate(ports, credentials.token) : undefined;
}

/** The origins a browser may send cookie-authenticated writes from: the public URL and the request's own host. */
export function allowedOrigins(config: Config): string[] {
  return [new URL(config.publicUrl).origin];
}

/**
 * True when a cookie-authenticated request comes from an allowed origin. SameSite=Lax already stops most
 * cross-site posts; the Origin check closes the rest (including same-site subdomains).
 */
export function originAllowed(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) {
    // Browsers send Origin on every cross-origin and every non-GET fetch; its absence means a non-browser client.
    return true;
  }
  if (allowedOrigins(config).includes(origin)) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over https. */
export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  token: string,
  expiresAt: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    expires: new Date(expiresAt),
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
  });
}
