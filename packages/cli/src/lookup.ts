// Finding things named on the command line: the platform admin to act as, and organisations by id or name.
import {
  type Actor,
  DomainError,
  fail,
  type Organisation,
  type SessionId,
  type Store,
  type User,
  type UserId,
} from '@fellwatch/core';
import { SqlStore } from '@fellwatch/server';

// Actions take an actor with a session; the CLI has none, and no action it calls reads this id.
const CLI_SESSION = 'cli' as SessionId;

/**
 * The platform admin a command acts as: the one named by `--as`, else the oldest. Audit entries
 * written by the command name this admin.
 */
export async function actingAdmin(store: Store, asEmail: string | undefined): Promise<Actor> {
  let user: User | undefined;
  if (asEmail !== undefined) {
    user = await store.getUserByEmail(asEmail.trim().toLowerCase());
    if (!user) throw new DomainError('not_found', `No account with the email ${asEmail}.`, 'as');
    if (!user.isPlatformAdmin) {
      throw new DomainError('forbidden', `${user.email} is not a platform admin; --as must name one.`, 'as');
    }
  } else {
    user = await oldestPlatformAdmin(store);
    if (!user) throw new DomainError('not_found', 'There is no platform admin yet: run create-admin first.');
  }
  return { user, affiliations: await store.listAffiliationsOfUser(user.id), sessionId: CLI_SESSION };
}

// The Store port counts platform admins but does not list them; the SQL store's query builder can.
async function oldestPlatformAdmin(store: Store): Promise<User | undefined> {
  if (!(store instanceof SqlStore)) throw new Error('Finding the oldest platform admin needs the SQL store.');
  const row = await store.db
    .selectFrom('users')
    .select('id')
    .where('is_platform_admin', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? store.getUser(row.id as UserId) : undefined;
}

/** An organisation by its id, or by its name (ignoring case). */
export async function findOrganisation(store: Store, idOrName: string): Promise<Organisation> {
  const wanted = idOrName.trim();
  const organisations = await store.listOrganisations();
  const byId = organisations.find((o) => o.id === wanted);
  if (byId) return byId;
  const exact = organisations.filter((o) => o.name === wanted);
  if (exact.length === 1 && exact[0]) return exact[0];
  const byName = organisations.filter((o) => o.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw fail.conflict(
      `Several organisations are called "${wanted}": use one of the ids ${byName.map((o) => o.id).join(', ')}.`,
      'org',
    );
  }
  throw new DomainError('not_found', `No organisation with the id or name "${wanted}".`, 'org');
}
