// Accounts and sign-in: creating people, first-admin setup, sessions, sign-out and API tokens.
import type { Actor } from '../model/actor.js';
import type { OrganisationMember, Session, User } from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { EpochMs, SessionId, UserId } from '../model/ids.js';
import type { PasswordHasher, Ports, Repositories } from '../ports/index.js';
import { SESSION_LIFETIME_MS } from './sessions.js';

/** Passwords shorter than this are refused. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;
const MAX_DISPLAY_NAME_LENGTH = 60;
const MAX_TOKEN_NAME_LENGTH = 80;

/** The settings key holding the hash of the one-time setup token, while no platform admin exists. */
export const SETUP_TOKEN_SETTING = 'setup_token_hash';
// Written first in the setup transaction: on PostgreSQL the row lock makes a racing setup wait for
// this one to commit and then see its admin; SQLite serialises writers anyway. Kept as a record.
const SETUP_COMPLETED_SETTING = 'setup_completed_at';

/** What it takes to open an account. */
export interface NewAccountInput {
  displayName: string;
  email: string;
  password: string;
  phone?: string;
}

/** A freshly issued secret token; the token itself is never stored, only its hash. */
export interface IssuedToken {
  token: string;
  expiresAt: EpochMs;
}

/** The result of signing in: who, and the browser session token for the cookie. */
export interface SignedIn {
  actor: Actor;
  token: string;
  expiresAt: EpochMs;
}

/** A new API token: the secret is shown once; `session` describes it from then on. */
export interface CreatedApiToken {
  token: string;
  session: Session;
}

/** Checks and normalises account details; throws `invalid` naming the field. */
export function checkNewAccount(input: NewAccountInput): NewAccountInput {
  const displayName = input.displayName.trim();
  if (displayName.length === 0)
    throw fail.invalid('displayName: enter a name people will see.', 'displayName');
  if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    throw fail.invalid(`displayName: at most ${MAX_DISPLAY_NAME_LENGTH} characters.`, 'displayName');
  }
  const email = input.email.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw fail.invalid('email: must be an email address.', 'email');
  }
  checkPassword(input.password);
  const phone = input.phone?.trim();
  if (phone !== undefined && phone !== '' && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) {
    throw fail.invalid('phone: must be a phone number.', 'phone');
  }
  return { displayName, email, password: input.password, ...(phone ? { phone } : {}) };
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw fail.invalid(`password: must be at least ${MIN_PASSWORD_LENGTH} characters.`, 'password');
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw fail.invalid(`password: at most ${MAX_PASSWORD_LENGTH} characters.`, 'password');
  }
}

/** Opens an account with an argon2id password hash; conflict when the email is taken. */
export async function createAccount(
  ports: Pick<Ports, 'store' | 'passwords' | 'ids' | 'clock'>,
  input: NewAccountInput,
  options: { isPlatformAdmin?: boolean } = {},
): Promise<User> {
  const details = checkNewAccount(input);
  const user: User = {
    id: ports.ids.next() as UserId,
    displayName: details.displayName,
    email: details.email,
    phone: details.phone ?? null,
    passwordHash: await ports.passwords.hash(details.password),
    isPlatformAdmin: options.isPlatformAdmin ?? false,
    createdAt: ports.clock.now(),
  };
  await ports.store.createUser(user);
  return user;
}

/** Starts a browser session of 30 days for the user. */
export async function startSession(
  ports: Pick<Ports, 'store' | 'secrets' | 'ids' | 'clock'>,
  userId: UserId,
): Promise<IssuedToken> {
  const { token, session } = await issueSession(ports, ports.store, userId, 'browser', '');
  return { token, expiresAt: session.expiresAt ?? 0 };
}

// Stores a new session or API token (through `store`, which may be a transaction) and returns its secret.
async function issueSession(
  ports: Pick<Ports, 'secrets' | 'ids' | 'clock'>,
  store: Repositories,
  userId: UserId,
  kind: Session['kind'],
  name: string,
): Promise<{ token: string; session: Session }> {
  const token = ports.secrets.randomToken();
  const now = ports.clock.now();
  const session: Session = {
    id: ports.ids.next() as SessionId,
    userId,
    kind,
    name,
    tokenHash: ports.secrets.hashToken(token),
    createdAt: now,
    // Browser sessions end after 30 days; API tokens last until revoked.
    expiresAt: kind === 'browser' ? now + SESSION_LIFETIME_MS : null,
    lastUsedAt: null,
  };
  await store.createSession(session);
  return { token, session };
}

/**
 * Makes a fresh one-time setup token while no platform admin exists (replacing any older one) and
 * returns it; undefined once an admin exists.
 */
export async function ensureSetupToken(ports: Pick<Ports, 'store' | 'secrets'>): Promise<string | undefined> {
  if ((await ports.store.countPlatformAdmins()) > 0) {
    await ports.store.deleteSetting(SETUP_TOKEN_SETTING);
    return undefined;
  }
  const token = ports.secrets.randomToken();
  await ports.store.putSetting(SETUP_TOKEN_SETTING, ports.secrets.hashToken(token));
  return token;
}

/** True while the platform has no admin yet, so the setup page should be offered. */
export async function needsSetup(ports: Pick<Ports, 'store'>): Promise<boolean> {
  return (await ports.store.countPlatformAdmins()) === 0;
}

/**
 * Creates the first platform admin with the one-time setup token and signs them in. Refused when the
 * token is wrong (forbidden) or setup has already been done (gone).
 */
export async function completeSetup(
  ports: Ports,
  input: NewAccountInput & { token: string },
): Promise<SignedIn> {
  const details = checkNewAccount(input);
  // Hash the password before the transaction: argon2 is slow and must not hold the write lock.
  const passwordHash = await ports.passwords.hash(details.password);
  const offered = ports.secrets.hashToken(input.token);
  const { user, token, session } = await ports.store.transaction(async (tx) => {
    const now = ports.clock.now();
    await tx.putSetting(SETUP_COMPLETED_SETTING, String(now));
    if ((await tx.countPlatformAdmins()) > 0) throw fail.gone('Setup has already been completed.');
    const stored = await tx.getSetting(SETUP_TOKEN_SETTING);
    if (stored === undefined || !sameText(stored, offered)) {
      throw new DomainError('forbidden', 'This setup link is not valid.', 'token');
    }
    const user: User = {
      id: ports.ids.next() as UserId,
      displayName: details.displayName,
      email: details.email,
      phone: details.phone ?? null,
      passwordHash,
      isPlatformAdmin: true,
      createdAt: now,
    };
    await tx.createUser(user);
    await tx.deleteSetting(SETUP_TOKEN_SETTING);
    const issued = await issueSession(ports, tx, user.id, 'browser', '');
    await tx.appendAudit(auditOf(user.id, 'platform.setup_completed', 'user', user.id, {}, now));
    return { user, ...issued };
  });
  return signedIn(user, [], token, session);
}

/** Creates a platform admin from the command line (no token); conflict when the email is taken. */
export async function createPlatformAdmin(ports: Ports, input: NewAccountInput): Promise<User> {
  const user = await createAccount(ports, input, { isPlatformAdmin: true });
  // Once an admin exists the setup link is useless; do not leave its hash lying around.
  await ports.store.deleteSetting(SETUP_TOKEN_SETTING);
  await ports.store.appendAudit(
    auditOf(null, 'platform.admin_created', 'user', user.id, { via: 'cli' }, ports.clock.now()),
  );
  return user;
}

// One dummy hash per hasher, made with its own cost, so an unknown email costs as much as a wrong password.
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();
function dummyHashFor(passwords: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(passwords);
  if (!hash) {
    hash = passwords.hash('not a password: evens out sign-in timing');
    dummyHashes.set(passwords, hash);
  }
  return hash;
}

/**
 * Signs in with email and password. A wrong email and a wrong password give the same error and take
 * about the same time, so accounts cannot be discovered by signing in.
 */
export async function login(ports: Ports, input: { email: string; password: string }): Promise<SignedIn> {
  const user = await ports.store.getUserByEmail(input.email.trim().toLowerCase());
  const hash = user?.passwordHash ?? (await dummyHashFor(ports.passwords));
  const ok = await ports.passwords.verify(hash, input.password);
  if (!user || !ok) throw fail.unauthenticated('That email and password do not match an account.');
  const { token, session } = await issueSession(ports, ports.store, user.id, 'browser', '');
  return signedIn(user, await ports.store.listAffiliationsOfUser(user.id), token, session);
}

function signedIn(user: User, affiliations: OrganisationMember[], token: string, session: Session): SignedIn {
  return { actor: { user, affiliations, sessionId: session.id }, token, expiresAt: session.expiresAt ?? 0 };
}

/** Ends the session the actor is using; its live sockets close. */
export async function logout(ports: Pick<Ports, 'store' | 'events'>, actor: Actor): Promise<void> {
  await ports.store.deleteSession(actor.sessionId);
  ports.events.publish({ kind: 'sessions.revoked', userId: actor.user.id, sessionIds: [actor.sessionId] });
}

/** Creates a named API token for scripts; it does not expire and is shown only this once. */
export async function createApiToken(
  ports: Pick<Ports, 'store' | 'secrets' | 'ids' | 'clock'>,
  actor: Actor,
  name: string,
): Promise<CreatedApiToken> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TOKEN_NAME_LENGTH) {
    throw fail.invalid(`name: between 1 and ${MAX_TOKEN_NAME_LENGTH} characters.`, 'name');
  }
  const { token, session } = await issueSession(ports, ports.store, actor.user.id, 'api_token', trimmed);
  await ports.store.appendAudit(
    auditOf(actor.user.id, 'api_token.created', 'session', session.id, { name: trimmed }, session.createdAt),
  );
  return { token, session };
}

/** The actor's own API tokens, oldest first. */
export async function listApiTokens(ports: Pick<Ports, 'store'>, actor: Actor): Promise<Session[]> {
  const sessions = await ports.store.listSessions(actor.user.id);
  return sessions.filter((s) => s.kind === 'api_token');
}

/** Revokes one of the actor's own API tokens; anyone else's is "not found". Its live sockets close. */
export async function revokeApiToken(
  ports: Pick<Ports, 'store' | 'events' | 'clock'>,
  actor: Actor,
  id: SessionId,
): Promise<void> {
  const tokens = await listApiTokens(ports, actor);
  if (!tokens.some((t) => t.id === id)) throw fail.notFound('Token');
  await ports.store.deleteSession(id);
  await ports.store.appendAudit(
    auditOf(actor.user.id, 'api_token.revoked', 'session', id, {}, ports.clock.now()),
  );
  ports.events.publish({ kind: 'sessions.revoked', userId: actor.user.id, sessionIds: [id] });
}

function auditOf(
  actorId: UserId | null,
  action: string,
  subjectType: string,
  subjectId: string,
  detail: Record<string, unknown>,
  at: EpochMs,
) {
  return { actorId, action, subjectType, subjectId, groupId: null, detail, at };
}

// Compares two hashes without stopping at the first difference.
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
