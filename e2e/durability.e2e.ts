// An acknowledged post survives kill -9 of the server at any instant: members post while the server is killed and restarted.
import type { MessageView } from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapWatchGroup, type Person, type WatchGroup } from './support/bootstrap.js';
import { CrashLoop, isConnectionError, sleep } from './support/crash-loop.js';
import { fetchHistory } from './support/history.js';
import { expectStatus } from './support/http.js';
import { type RunningServer, startServer } from './support/server.js';
import { StreamClient } from './support/stream.js';

const MEMBERS = 5;
const KILLS = 5;
const MIN_INTERVAL_MS = 150;
const MAX_INTERVAL_MS = 600;

/** What the server acknowledged for one clientId. */
interface Ack {
  clientId: string;
  authorId: string;
  id: string;
  seq: number;
  /** 201 first copy, 200 a retry that found the first copy; 'ws' for an ack frame. */
  status: number | 'ws';
}

/** How a run went, for the assertions and for the log. */
interface RunLog {
  acks: Map<string, Ack>;
  attempted: Set<string>;
  interrupted: number;
  duplicatesFound: number;
  unexpected: string[];
}

function newRunLog(): RunLog {
  return { acks: new Map(), attempted: new Set(), interrupted: 0, duplicatesFound: 0, unexpected: [] };
}

/**
 * Checks the group's history against the acknowledgements: every acknowledged clientId exactly once, with the
 * id and sequence number its ack named; sequence numbers 1..N without gaps; no message twice.
 */
function checkHistory(messages: MessageView[], lastSeq: number, run: RunLog): void {
  expect(messages.length).toBe(lastSeq);
  expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
  expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
  const byClientId = new Map<string, MessageView[]>();
  for (const message of messages) {
    const key = `${message.author.id}/${message.clientId}`;
    byClientId.set(key, [...(byClientId.get(key) ?? []), message]);
  }
  const repeated = [...byClientId.entries()].filter(([, copies]) => copies.length > 1).map(([key]) => key);
  expect(repeated, 'clientIds stored more than once').toEqual([]);
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const ack of run.acks.values()) {
    const stored = byClientId.get(`${ack.authorId}/${ack.clientId}`)?.[0];
    if (!stored) missing.push(ack.clientId);
    else if (stored.id !== ack.id || stored.seq !== ack.seq) {
      mismatched.push(`${ack.clientId}: acked ${ack.id}@${ack.seq}, stored ${stored.id}@${stored.seq}`);
    }
  }
  expect(missing, 'acknowledged but lost').toEqual([]);
  expect(mismatched, 'acknowledged as one message, stored as another').toEqual([]);
}

describe('durability under kill -9 [sqlite]', () => {
  let server: RunningServer;
  let world: WatchGroup;

  beforeAll(async () => {
    server = await startServer({ engine: 'sqlite' });
    world = await bootstrapWatchGroup(server, { members: MEMBERS });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('keeps every acknowledged HTTP post exactly once across repeated kill -9 and restart', async () => {
    const loop = new CrashLoop(server);
    const run = newRunLog();
    const groupId = world.group.id;
    const path = `/api/v1/groups/${groupId}/messages`;
    let posting = true;

    // Posts until told to stop; a post interrupted by a kill is retried with the same clientId once the
    // server is back, as the PWA's outbox does, and counts only when acknowledged.
    async function poster(member: Person, index: number): Promise<void> {
      for (let n = 0; posting; n++) {
        const clientId = `http-${index}-${n}-${Date.now().toString(36)}`;
        run.attempted.add(clientId);
        for (let tries = 0; ; tries++) {
          if (tries > 50) throw new Error(`${clientId} was never acknowledged`);
          try {
            const response = await member.api.request(
              'POST',
              path,
              { clientId, body: `Gate left open at field ${index}-${n}` },
              { signal: AbortSignal.timeout(10_000) },
            );
            if (response.status === 201 || response.status === 200) {
              const message = response.body.message as MessageView;
              run.acks.set(clientId, {
                clientId,
                authorId: member.me.id,
                id: message.id,
                seq: message.seq,
                status: response.status,
              });
              if (response.status === 200) run.duplicatesFound++;
              break;
            }
            run.unexpected.push(
              `POST ${path} ${clientId} -> ${response.status} ${response.text.slice(0, 300)}`,
            );
            if (response.status === 429) await sleep(1000);
            else break;
          } catch (error) {
            if (!isConnectionError(error)) throw error;
            run.interrupted++;
            await loop.ready();
          }
        }
        await sleep(10 + Math.random() * 30);
      }
    }

    const posters = world.members.map((member, i) => poster(member, i));
    await loop.run(KILLS, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
    await sleep(300);
    posting = false;
    await Promise.all(posters);

    const { messages, lastSeq } = await fetchHistory(world.members[0]!.api, groupId);
    console.info(
      `durability over HTTP: ${loop.kills} kills, ${run.acks.size} acknowledged posts, ${run.interrupted} ` +
        `interrupted requests, ${run.duplicatesFound} retries answered with the first copy`,
    );
    expect(run.unexpected).toEqual([]);
    expect(loop.kills).toBe(KILLS);
    expect(run.acks.size).toBe(run.attempted.size);
    expect(run.acks.size).toBeGreaterThan(20);
    checkHistory(messages, lastSeq, run);
    // Nothing but the acknowledged posts is in the group.
    expect(messages.map((m) => m.clientId).sort()).toEqual([...run.acks.keys()].sort());
  }, 60_000);

  it('keeps every post acknowledged by an ack frame on the stream exactly once across kill -9', async () => {
    // A second group, so this run's history holds only its own posts.
    const admin = world.admin;
    const created = expectStatus(
      'POST',
      '/api/v1/groups',
      await admin.api.request('POST', '/api/v1/groups', {
        organisationId: world.organisation.id,
        name: 'Stream durability',
      }),
      201,
    ).body.group as { id: string };
    const groupId = created.id;
    for (const member of world.members) {
      const path = `/api/v1/groups/${groupId}/members`;
      expectStatus('POST', path, await admin.api.request('POST', path, { email: member.email }), 200);
    }

    const loop = new CrashLoop(server);
    const run = newRunLog();
    let posting = true;

    async function poster(member: Person, index: number): Promise<void> {
      let stream: StreamClient | undefined;
      for (let n = 0; posting; n++) {
        const clientId = `ws-${index}-${n}-${Date.now().toString(36)}`;
        run.attempted.add(clientId);
        for (let tries = 0; ; tries++) {
          if (tries > 50) throw new Error(`${clientId} was never acknowledged`);
          try {
            stream ??= await StreamClient.connect(server.url, member.token);
            const from = stream.received.length;
            stream.send({
              type: 'post',
              groupId,
              message: { clientId, body: `Quad bike seen ${index}-${n}` },
            });
            const answer = await stream.waitFor(
              (m) => (m.type === 'ack' || m.type === 'nack') && m.clientId === clientId,
              `ack for ${clientId}`,
              10_000,
              from,
            );
            if (answer.type === 'ack') {
              run.acks.set(clientId, {
                clientId,
                authorId: member.me.id,
                id: answer.id,
                seq: answer.seq,
                status: 'ws',
              });
            } else run.unexpected.push(`nack for ${clientId}: ${JSON.stringify(answer)}`);
            break;
          } catch (error) {
            const closed = stream?.closed !== undefined;
            if (!closed && !isConnectionError(error)) throw error;
            run.interrupted++;
            await stream?.close();
            stream = undefined;
            await loop.ready();
          }
        }
        await sleep(10 + Math.random() * 30);
      }
      if (stream) {
        expect(stream.invalid, 'frames outside the protocol').toEqual([]);
        await stream.close();
      }
    }

    const posters = world.members.map((member, i) => poster(member, i));
    await loop.run(KILLS, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
    await sleep(300);
    posting = false;
    await Promise.all(posters);

    const { messages, lastSeq } = await fetchHistory(world.members[0]!.api, groupId);
    console.info(
      `durability over the stream: ${loop.kills} kills, ${run.acks.size} acknowledged posts, ` +
        `${run.interrupted} interrupted posts`,
    );
    expect(run.unexpected).toEqual([]);
    expect(loop.kills).toBe(KILLS);
    expect(run.acks.size).toBe(run.attempted.size);
    expect(run.acks.size).toBeGreaterThan(20);
    checkHistory(messages, lastSeq, run);
    expect(messages.map((m) => m.clientId).sort()).toEqual([...run.acks.keys()].sort());
  }, 60_000);
});
