// Queries for people and their standing: users, sessions, settings, organisations and their members.
import type {
  Badge,
  EpochMs,
  Organisation,
  OrganisationId,
  OrganisationMember,
  PublicProfile,
  Session,
  SessionId,
  User,
  UserId,
} from '@fellwatch/core';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { guarded } from './errors.js';
import {
  emailKey,
  fromOrganisationMember,
  fromUser,
  toOrganisation,
  toOrganisationMember,
  toSession,
  toUser,
} from './rows.js';

type Db = Kysely<Database>;

// SQLite allows 32,766 bound parameters per statement; chunks stay far below it on both engines.
const PROFILE_CHUNK = 500;

/** Inserts a user; a duplicate email in any letter case is a conflict. */
export async function createUser(db: Db, user: User): Promise<void> {
  await guarded(
    () => db.insertInto('users').values(fromUser(user)).execute(),
    'An account with this email already exists.',
    'email',
  );
}

/** Reads a user by id. */
export async function getUser(db: Db, id: UserId): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Reads a user by email, in any letter case. */
export async function getUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email_key', '=', emailKey(email))
    .executeTakeFirst();
  return row && toUser(row);
}

/** Counts platform admins, so the last one cannot be demoted. */
export async function countPlatformAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('is_platform_admin', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Display names and badges of many users in one query per chunk; never emails or phones. */
export async function getPublicProfiles(db: Db, ids: readonly UserId[]): Promise<Map<UserId, PublicProfile>> {
  const profiles = new Map<UserId, PublicProfile>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += PROFILE_CHUNK) {
    const chunk = unique.slice(start, start + PROFILE_CHUNK);
    const rows = await db
      .selectFrom('users')
      .leftJoin('organisation_members as om', (join) =>
        join.onRef('om.user_id', '=', 'users.id').on('om.affiliation', 'is not', null),
      )
      .leftJoin('organisations as o', 'o.id', 'om.organisation_id')
      .select([
        'users.id as id',
        'users.display_name as displayName',
        'om.organisation_id as organisationId',
        'om.affiliation as affiliation',
        'o.name as organisationName',
      ])
      .where('users.id', 'in', chunk)
      .orderBy('users.id')
      .orderBy('o.name')
      .execute();
    for (const row of rows) {
      const userId = row.id as UserId;
      let profile = profiles.get(userId);
      if (!profile) {
        profile = { id: userId, displayName: row.displayName, badges: [] };
        profiles.set(userId, profile);
      }
      if (row.organisationId && row.affiliation && row.organisationName !== null) {
        profile.badges.push({
          organisationId: row.organisationId as OrganisationId,
          organisationName: row.organisationName,
          affiliation: row.affiliation as Badge['affiliation'],
        });
      }
    }
  }
  return profiles;
}

/** Inserts a session; the token hash is unique. */
export async function createSession(db: Db, session: Session): Promise<void> {
  await guarded(() =>
    db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        kind: session.kind,
        name: session.name,
        token_hash: session.tokenHash,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        last_used_at: session.lastUsedAt,
      })
      .execute(),
  );
}

/** Reads a session by the hash of its token. */
export async function getSessionByTokenHash(db: Db, tokenHash: string): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && toSession(row);
}

/** Records when a session was last used. */
export async function touchSession(db: Db, id: SessionId, at: EpochMs): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Deletes a session; deleting an unknown one does nothing. */
export async function deleteSession(db: Db, id: SessionId): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Lists a user's sessions, oldest first. */
export async function listSessions(db: Db, userId: UserId): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSession);
}

/** Reads a setting. */
export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Inserts or replaces a setting. */
export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Deletes a setting. */
export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/** Inserts an organisation; names are unique. */
export async function createOrganisation(db: Db, org: Organisation): Promise<void> {
  await guarded(
    () =>
      db
        .insertInto('organisations')
        .values({ id: org.id, name: org.name, kind: org.kind, created_at: org.createdAt })
        .execute(),
    'An organisation with this name already exists.',
    'name',
  );
}

/** Reads an organisation. */
export async function getOrganisation(db: Db, id: OrganisationId): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

/** Lists organisations by name. */
export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  return rows.map(toOrganisation);
}

/** Inserts or replaces a person's standing in an organisation. */
export async function putOrganisationMember(db: Db, member: OrganisationMember): Promise<void> {
  const row = fromOrganisationMember(member);
  await guarded(() =>
    db
      .insertInto('organisation_members')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'user_id']).doUpdateSet({
          affiliation: row.affiliation,
          is_admin: row.is_admin,
          verified_by: row.verified_by,
          verified_at: row.verified_at,
        }),
      )
      .execute(),
  );
}

/** Removes a person from an organisation. */
export async function removeOrganisationMember(
  db: Db,
  organisationId: OrganisationId,
  userId: UserId,
): Promise<void> {
  await db
    .deleteFrom('organisation_members')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

/** Lists an organisation's people in the order they were verified. */
export async function listOrganisationMembers(
  db: Db,
  organisationId: OrganisationId,
): Promise<OrganisationMember[]> {
  const rows = await db
    .selectFrom('organisation_members')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('verified_at')
    .orderBy('user_id')
    .execute();
  return rows.map(toOrganisationMember);
}

/** Lists the organisations a person belongs to. */
export async function listAffiliationsOfUser(db: Db, userId: UserId): Promise<OrganisationMember[]> {
  const rows = await db
    .selectFrom('organisation_members')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('verified_at')
    .orderBy('organisation_id')
    .execute();
  return rows.map(toOrganisationMember);
}
