// Actions on invite links: create, list, revoke, preview and accept (joining as a pending member).
import type { Actor } from '../model/actor.js';
import type { Group, Invite, Membership, Organisation, User } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { EpochMs, GroupId, InviteId } from '../model/ids.js';
import { canManageGroup } from '../policies/index.js';
import type { PasswordHasher, Ports, Repositories, Store } from '../ports/index.js';
import { checkNewAccount, createAccount, type NewAccountInput, startSession } from './accounts.js';
import { loadVisibleGroup } from './groups.js';

const HOUR_MS = 60 * 60 * 1000;
const MAX_EXPIRY_HOURS = 24 * 90;
const MAX_USES = 10_000;
const MAX_ANSWER_LENGTH = 1000;

/** Why an invite can or cannot be used now. */
export type InviteState = 'usable' | 'revoked' | 'expired' | 'used_up';

/** What someone holding an invite link may learn before joining. */
export interface InvitePreviewView {
  invite: Invite;
  group: Group;
  organisation: Organisation;
}

/** The outcome of accepting: the membership, and a new session when an account was made. */
export interface AcceptedInviteResult {
  membership: Membership;
  session?: { token: string; expiresAt: EpochMs };
}

/** Whether an invite is usable at `now`; revocation is reported before expiry and exhaustion. */
export function inviteState(invite: Invite, now: EpochMs): InviteState {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  if (invite.uses >= invite.maxUses) return 'used_up';
  return 'usable';
}

/**
 * Trims vetting answers and checks there is one non-empty answer per question; a group without
 * questions takes no answers.
 */
export function checkAnswers(questions: readonly string[], answers: readonly string[]): string[] {
  const trimmed = answers.map((a) => a.trim());
  if (trimmed.length !== questions.length) {
    throw fail.invalid(
      questions.length === 0
        ? 'This group asks no vetting questions.'
        : `Answer each of the ${questions.length} vetting questions.`,
      'answers',
    );
  }
  if (trimmed.some((a) => a.length === 0))
    throw fail.invalid('Every vetting question needs an answer.', 'answers');
  if (trimmed.some((a) => a.length > MAX_ANSWER_LENGTH))
    throw fail.invalid(`An answer may be at most ${MAX_ANSWER_LENGTH} characters.`, 'answers');
  return trimmed;
}

/** Makes an invite link for a group (its managers); the secret token is returned once and only its hash kept. */
export async function createInvite(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  input: { expiresInHours: number; maxUses: number },
): Promise<{ invite: Invite; token: string }> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canManageGroup(actor, group, membership))
    throw fail.forbidden('Only the group’s admins make invites.');
  if (
    !Number.isInteger(input.expiresInHours) ||
    input.expiresInHours < 1 ||
    input.expiresInHours > MAX_EXPIRY_HOURS
  )
    throw fail.invalid(`An invite lasts 1 to ${MAX_EXPIRY_HOURS} hours.`, 'expiresInHours');
  if (!Number.isInteger(input.maxUses) || input.maxUses < 1 || input.maxUses > MAX_USES)
    throw fail.invalid(`An invite may be used 1 to ${MAX_USES} times.`, 'maxUses');
  const token = ports.secrets.randomToken();
  const now = ports.clock.now();
  const invite: Invite = {
    id: ports.ids.next() as InviteId,
    groupId,
    tokenHash: ports.secrets.hashToken(token),
    createdBy: actor.user.id,
    createdAt: now,
    expiresAt: now + input.expiresInHours * HOUR_MS,
    maxUses: input.maxUses,
    uses: 0,
    revokedAt: null,
  };
  await ports.store.transaction(async (tx) => {
    await tx.createInvite(invite);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'invite.created',
      subjectType: 'invite',
      subjectId: invite.id,
      groupId,
      detail: { expiresAt: invite.expiresAt, maxUses: invite.maxUses },
      at: now,
    });
  });
  return { invite, token };
}

/** A group's invites, newest first (its managers). */
export async function listInvites(
  ports: Pick<Ports, 'store'>,
  actor: Actor,
  groupId: GroupId,
): Promise<Invite[]> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canManageGroup(actor, group, membership))
    throw fail.forbidden('Only the group’s admins see its invites.');
  return ports.store.listInvites(groupId);
}

/** Withdraws an invite so its link stops working (its managers). */
export async function revokeInvite(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  inviteId: InviteId,
): Promise<void> {
  const { group, membership } = await loadVisibleGroup(ports, actor, groupId);
  if (!canManageGroup(actor, group, membership))
    throw fail.forbidden('Only the group’s admins withdraw invites.');
  const invite = await ports.store.getInvite(inviteId);
  if (!invite || invite.groupId !== groupId) throw fail.notFound('Invite');
  if (invite.revokedAt !== null) return;
  const now = ports.clock.now();
  await ports.store.transaction(async (tx) => {
    await tx.revokeInvite(inviteId, now);
    await tx.appendAudit({
      actorId: actor.user.id,
      action: 'invite.revoked',
      subjectType: 'invite',
      subjectId: inviteId,
      groupId,
      detail: {},
      at: now,
    });
  });
}

/** What the join page shows for an invite link; gone once expired, withdrawn or used up. */
export async function previewInvite(
  ports: Pick<Ports, 'store' | 'secrets' | 'clock'>,
  token: string,
): Promise<InvitePreviewView> {
  const found = await findInvite(ports, token);
  refuseUnusable(found.invite, ports.clock.now());
  return found;
}

/**
 * Asks to join a group through an invite. Signed out, `account` opens a new account and a session.
 * The person becomes a pending member (even where the group asks no questions) until an admin
 * approves; someone already active or pending keeps their place without using the invite.
 */
export async function acceptInvite(
  ports: Ports,
  actor: Actor | undefined,
  token: string,
  input: { account?: NewAccountInput; answers: string[] },
): Promise<AcceptedInviteResult> {
  const { invite, group } = await findInvite(ports, token);
  if (actor) {
    const existing = await ports.store.getMembership(group.id, actor.user.id);
    if (existing?.status === 'active' || existing?.status === 'pending') return { membership: existing };
    if (existing?.status === 'banned') throw fail.forbidden('You cannot join this group.');
  }
  refuseUnusable(invite, ports.clock.now());
  const answers = checkAnswers(group.vettingQuestions, input.answers);
  let newAccount: { input: NewAccountInput; passwords: PasswordHasher } | undefined;
  if (!actor) {
    if (!input.account) throw fail.invalid('Create an account to join, or sign in first.', 'account');
    const passwords = await hashedBeforehand(ports.passwords, checkNewAccount(input.account).password);
    newAccount = { input: input.account, passwords };
  }

  const outcome = await ports.store.transaction(async (tx) => {
    const now = ports.clock.now();
    // The account is made inside the transaction: when the invite turns out to be used up, none is left behind.
    const user: User | undefined = newAccount
      ? await createAccount(
          { ...ports, store: storeWithin(tx), passwords: newAccount.passwords },
          newAccount.input,
        )
      : actor?.user;
    if (!user) throw fail.invalid('Create an account to join, or sign in first.', 'account');
    const existing = actor ? await tx.getMembership(group.id, user.id) : undefined;
    if (existing?.status === 'banned') throw fail.forbidden('You cannot join this group.');
    if (existing?.status === 'active' || existing?.status === 'pending')
      return { membership: existing, user, changed: false };
    if (!(await tx.useInvite(invite.id, now)))
      throw fail.gone('This invite link has expired or been used up.');
    const membership: Membership = {
      groupId: group.id,
      userId: user.id,
      role: 'member',
      status: 'pending',
      answers,
      inviteId: invite.id,
      decidedBy: null,
      decidedAt: null,
      lastReadSeq: existing?.lastReadSeq ?? 0,
      createdAt: now,
    };
    await tx.putMembership(membership);
    await tx.appendAudit({
      actorId: user.id,
      action: 'invite.accepted',
      subjectType: 'invite',
      subjectId: invite.id,
      groupId: group.id,
      detail: { previousStatus: existing?.status ?? null, newAccount: !actor },
      at: now,
    });
    return { membership, user, changed: true };
  });

  if (outcome.changed) ports.events.publish({ kind: 'membership.changed', membership: outcome.membership });
  if (actor) return { membership: outcome.membership };
  const session = await startSession(ports, outcome.user.id);
  return { membership: outcome.membership, session };
}

// Looks an invite up by its token; unknown tokens (and the group behind them) are "not found".
async function findInvite(
  ports: Pick<Ports, 'store' | 'secrets'>,
  token: string,
): Promise<InvitePreviewView> {
  if (token.length < 16 || token.length > 200) throw fail.notFound('Invite');
  const invite = await ports.store.getInviteByTokenHash(ports.secrets.hashToken(token));
  if (!invite) throw fail.notFound('Invite');
  const group = await ports.store.getGroup(invite.groupId);
  if (!group) throw fail.notFound('Invite');
  const organisation = await ports.store.getOrganisation(group.organisationId);
  if (!organisation) throw fail.notFound('Invite');
  return { invite, group, organisation };
}

function refuseUnusable(invite: Invite, now: EpochMs): void {
  const state = inviteState(invite, now);
  if (state === 'revoked') throw fail.gone('This invite link has been withdrawn.');
  if (state === 'expired') throw fail.gone('This invite link has expired.');
  if (state === 'used_up') throw fail.gone('This invite link has been used as many times as it allows.');
}

// Argon2 is slow: hash before the transaction so the write lock is not held while it runs.
async function hashedBeforehand(passwords: PasswordHasher, password: string): Promise<PasswordHasher> {
  const hash = await passwords.hash(password);
  return {
    hash: (offered) => (offered === password ? Promise.resolve(hash) : passwords.hash(offered)),
    verify: (stored, offered) => passwords.verify(stored, offered),
  };
}

// A transaction's repositories seen as a Store, so shared actions that take a Store write inside it.
function storeWithin(tx: Repositories): Store {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') return <T>(work: (inner: Repositories) => Promise<T>) => work(target);
      if (property === 'ping') return async () => true;
      if (property === 'close') return async () => undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Store;
}
