// Who is asking: turns a session or API token into an Actor, and ends sessions.
import type { Actor } from '../model/actor.js';
import type { Ports } from '../ports/index.js';

/** Browser sessions last 30 days from sign-in. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Resolve a bearer or cookie token to the signed-in actor; undefined when unknown or expired. */
export async function authenticate(
  ports: Pick<Ports, 'store' | 'secrets' | 'clock'>,
  token: string,
): Promise<Actor | undefined> {
  if (token.length < 16 || token.length > 200) return undefined;
  const session = await ports.store.getSessionByTokenHash(ports.secrets.hashToken(token));
  if (!session) return undefined;
  const now = ports.clock.now();
  if (session.expiresAt !== null && session.expiresAt <= now) return undefined;
  const user = await ports.store.getUser(session.userId);
  if (!user) return undefined;
  // Recording use at most once a minute keeps reads from turning into writes on every request.
  if (session.lastUsedAt === null || now - session.lastUsedAt > 60_000) {
    await ports.store.touchSession(session.id, now);
  }
  const affiliations = await ports.store.listAffiliationsOfUser(user.id);
  return { user, affiliations, sessionId: session.id };
}
