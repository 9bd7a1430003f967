// Seeds the benchmark's people, groups, memberships and API tokens straight into the store, in big transactions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Group,
  GroupId,
  Membership,
  Organisation,
  OrganisationId,
  Repositories,
  Session,
  SessionId,
  User,
  UserId,
} from '@fellwatch/core';
import { CryptoSecrets, loadConfig, openConfiguredStore, SqlStore, UlidIds } from '@fellwatch/server';
import type { Person } from '../load/fleet.js';

/** Who and what the load generator plays with; written to a JSON file it reads. */
export interface SeedFile {
  /** Members 0..4,999 are in `main`, 5,000..9,999 in `idle`; 0..99 are also in `burst`. */
  members: Person[];
  /** People who post into `main` and are not among the members above. */
  posters: Person[];
  groups: { main: string; idle: string; burst: string };
}

/** How many of each to seed. */
export interface SeedSize {
  members: number;
  mainMembers: number;
  burstMembers: number;
  posters: number;
}

export const DEFAULT_SIZE: SeedSize = { members: 10_000, mainMembers: 5_000, burstMembers: 100, posters: 16 };

/** Seeded people never sign in with a password: a hash no password can match. */
const NO_PASSWORD = '!benchmark-account-token-only';
const BATCH = 2_000;

/** Opens the SQLite store the server will use in `dataDir` (with its SECRET_KEY) and seeds it. */
export async function seed(
  dataDir: string,
  secretKey: string,
  size: SeedSize = DEFAULT_SIZE,
): Promise<SeedFile> {
  const config = loadConfig({ DATA_DIR: dataDir });
  const store = await openConfiguredStore(config);
  const ids = new UlidIds();
  const secrets = new CryptoSecrets(secretKey);
  const now = Date.now();
  const newId = <T extends string>() => ids.next() as T;
  try {
    const organisation: Organisation = {
      id: newId<OrganisationId>(),
      name: 'Benchmark Dales Police',
      kind: 'police',
      createdAt: now,
    };
    const group = (name: string): Group => ({
      id: newId<GroupId>(),
      organisationId: organisation.id,
      name,
      description: 'A benchmark watch group.',
      rules: '',
      area: null,
      vettingQuestions: [],
      externalAlerts: 'review',
      lastSeq: 0,
      createdAt: now,
    });
    const main = group('Benchmark Main Fell');
    const idle = group('Benchmark Quiet Valley');
    const burst = group('Benchmark Busy Beck');
    await store.transaction(async (tx) => {
      await tx.createOrganisation(organisation);
      for (const g of [main, idle, burst]) await tx.createGroup(g);
    });

    const people = async (count: number, label: string): Promise<Person[]> => {
      const out: Person[] = [];
      for (let start = 0; start < count; start += BATCH) {
        const batch: Person[] = [];
        for (let i = start; i < Math.min(count, start + BATCH); i++) {
          batch.push({ userId: ids.next(), token: secrets.randomToken() });
        }
        await store.transaction(async (tx) => {
          for (const [offset, person] of batch.entries())
            await addPerson(tx, person, `${label} ${start + offset}`);
        });
        out.push(...batch);
      }
      return out;
    };
    const addPerson = async (tx: Repositories, person: Person, displayName: string) => {
      const user: User = {
        id: person.userId as UserId,
        displayName,
        email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@bench.example.org`,
        phone: null,
        passwordHash: NO_PASSWORD,
        isPlatformAdmin: false,
        createdAt: now,
      };
      const session: Session = {
        id: newId<SessionId>(),
        userId: user.id,
        kind: 'api_token',
        name: 'benchmark',
        tokenHash: secrets.hashToken(person.token),
        createdAt: now,
        expiresAt: null,
        lastUsedAt: now,
      };
      await tx.createUser(user);
      await tx.createSession(session);
    };
    const members = await people(size.members, 'Member');
    const posters = await people(size.posters, 'Poster');

    const join = (groupId: GroupId, person: Person): Membership => ({
      groupId,
      userId: person.userId as UserId,
      role: 'member',
      status: 'active',
      answers: [],
      inviteId: null,
      decidedBy: null,
      decidedAt: now,
      lastReadSeq: 0,
      createdAt: now,
    });
    const memberships: Membership[] = [
      ...members.map((p, i) => join(i < size.mainMembers ? main.id : idle.id, p)),
      ...members.slice(0, size.burstMembers).map((p) => join(burst.id, p)),
      ...posters.map((p) => join(main.id, p)),
    ];
    for (let start = 0; start < memberships.length; start += BATCH) {
      const batch = memberships.slice(start, start + BATCH);
      await store.transaction(async (tx) => {
        for (const m of batch) await tx.putMembership(m);
      });
    }
    return { members, posters, groups: { main: main.id, idle: idle.id, burst: burst.id } };
  } finally {
    await store.close();
  }
}

/**
 * Puts the store in the state each workload starts from: every member has read everything so far (as
 * members who use the app have; unless `markRead` is off), and every session was used just now (as for
 * people online within the last minute; a day ago with `staleSessions`: a session last used longer ago is stamped by its next sign-in, one write per connection).
 */
export async function prepareForWorkload(
  dataDir: string,
  options: { markRead: boolean; staleSessions: boolean },
): Promise<void> {
  const store = await openConfiguredStore(loadConfig({ DATA_DIR: dataDir }));
  try {
    if (!(store instanceof SqlStore)) throw new Error('The benchmark runs on the SQL store.');
    // Stale: last used long ago, so every sign-in writes its use down first.
    const lastUsed = options.staleSessions ? Date.now() - 24 * 3600_000 : Date.now();
    await store.db.updateTable('sessions').set({ last_used_at: lastUsed }).execute();
    if (!options.markRead) return;
    await store.db
      .updateTable('memberships')
      .set((eb) => ({
        last_read_seq: eb
          .selectFrom('groups')
          .select('groups.last_seq')
          .whereRef('groups.id', '=', 'memberships.group_id'),
      }))
      .execute();
  } finally {
    await store.close();
  }
}

/** Writes the seed where the load generator will read it. */
export function writeSeed(dir: string, file: SeedFile): string {
  const path = join(dir, 'seed.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}
