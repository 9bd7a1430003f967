// `node bench/dist/diagnose/store-costs.js`: times, in-process, the store calls behind a stream sign-in,
// a hello, a replay and a post, to say where the server's time per connection and per post goes.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  authenticate,
  type GroupId,
  type MessageId,
  type NewMessage,
  type Store,
  type UserId,
} from '@fellwatch/core';
import { CryptoSecrets, loadConfig, openConfiguredStore, SystemClock, UlidIds } from '@fellwatch/server';
import { seed } from '../setup/seed.js';
import { repoRoot } from '../setup/server.js';

const MESSAGES = 2_000;
const REPEAT = 1_000;

interface Timing {
  operation: string;
  microseconds: number;
}

async function time(
  operation: string,
  repeat: number,
  work: (i: number) => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < Math.min(100, repeat); i++) await work(i);
  const began = performance.now();
  for (let i = 0; i < repeat; i++) await work(i);
  const microseconds = Math.round(((performance.now() - began) * 1000) / repeat);
  return { operation, microseconds };
}

/** The raw better-sqlite3 connection of the SQLite store, for a comparison without the query builder. */
function rawConnection(store: Store): { prepare(sql: string): { get(...args: unknown[]): unknown } } {
  if (!('connection' in store)) throw new Error('not the SQLite store');
  return store.connection as { prepare(sql: string): { get(...args: unknown[]): unknown } };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'fellwatch-store-costs-'));
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  const secretKey = randomBytes(32).toString('base64url');
  const seeded = await seed(dataDir, secretKey, {
    members: 1_000,
    mainMembers: 1_000,
    burstMembers: 100,
    posters: 1,
  });
  const store = await openConfiguredStore(loadConfig({ DATA_DIR: dataDir }));
  const ports = { store, secrets: new CryptoSecrets(secretKey), clock: new SystemClock() };
  const ids = new UlidIds();
  const group = seeded.groups.main as GroupId;
  const poster = seeded.posters[0]?.userId as UserId;
  const message = (clientId: string): NewMessage => ({
    id: ids.next() as MessageId,
    groupId: group,
    authorId: poster,
    clientId,
    body: `${performance.now().toFixed(3)} a message of ordinary length about a gate left open on the top road`,
    replyToId: null,
    photoIds: [],
    location: null,
    createdAt: Date.now(),
  });
  try {
    for (let i = 0; i < MESSAGES; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, j) => store.appendMessage(message(`seed-${i + j}`))));
    }
    const members = seeded.members;
    const someone = (i: number) => members[i % members.length] as { userId: string; token: string };
    const readAll = members[1]?.userId as UserId;
    await store.markRead(group, readAll, MESSAGES);
    const events = await store.listEvents(group, MESSAGES - 50, 500);
    const session = rawConnection(store).prepare('select * from sessions where token_hash = ?');

    const timings: Timing[] = [
      await time('authenticate a bearer token (core: session, user, affiliations)', REPEAT, (i) =>
        authenticate(ports, someone(i).token),
      ),
      await time('session by token hash, Kysely', REPEAT, (i) =>
        store.getSessionByTokenHash(ports.secrets.hashToken(someone(i).token)),
      ),
      await time('session by token hash, prepared statement', REPEAT, async (i) =>
        session.get(ports.secrets.hashToken(someone(i).token)),
      ),
      await time(`listGroupsOfUser for hello, ${MESSAGES} unread`, 200, (i) =>
        store.listGroupsOfUser(someone(i + 2).userId as UserId),
      ),
      await time('listGroupsOfUser for hello, all read', 200, () => store.listGroupsOfUser(readAll)),
      await time('listEvents: the 50 events a resume replays', REPEAT, () =>
        store.listEvents(group, MESSAGES - 50, 500),
      ),
      await time('getPublicProfiles of their author', REPEAT, () => store.getPublicProfiles([poster])),
      await time('JSON.stringify of those 50 events (as replay serialises them)', REPEAT, async () =>
        events.map((e) => JSON.stringify(e)).join(','),
      ),
      await time('getGroup + getMembership (access check before a post)', REPEAT, async (i) => {
        await store.getGroup(group);
        await store.getMembership(group, someone(i).userId as UserId);
      }),
      await time('appendMessage alone (one commit, synchronous=FULL)', 200, (i) =>
        store.appendMessage(message(`alone-${i}`)),
      ),
    ];
    const batch = 100;
    const burstGroup = seeded.groups.burst as GroupId;
    const batchCost = async (label: string, authorOf: (j: number) => UserId, groupId: GroupId) => {
      const began = performance.now();
      for (let round = 0; round < 20; round++) {
        await Promise.all(
          Array.from({ length: batch }, (_, j) =>
            store.appendMessage({ ...message(`${label}-${round}-${j}`), groupId, authorId: authorOf(j) }),
          ),
        );
      }
      timings.push({
        operation: `appendMessage, ${batch} at once (group commit), ${label}, per message`,
        microseconds: Math.round(((performance.now() - began) * 1000) / (20 * batch)),
      });
    };
    await batchCost('one author', () => poster, group);
    await batchCost('100 authors', (j) => members[j]?.userId as UserId, burstGroup);

    for (const t of timings) console.log(`${String(t.microseconds).padStart(7)} µs  ${t.operation}`);
    const resultsDir = join(repoRoot, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    const path = join(
      resultsDir,
      `store-costs-${new Date().toISOString().slice(0, 16).replace(/:/g, '')}.json`,
    );
    writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), timings }, null, 2)}\n`);
    console.log(`-> ${path}`);
  } finally {
    await store.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
