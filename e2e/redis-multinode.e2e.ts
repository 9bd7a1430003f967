// Two app nodes on one PostgreSQL database with Redis fan-out: a post on either node reaches members on both, in order, once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrapWatchGroup, type Person, type WatchGroup } from './support/bootstrap.js';
import { describeIf, redisAvailable, testRedisUrl } from './support/engines.js';
import { expectStatus } from './support/http.js';
import { postgresAvailable, testDatabaseUrl } from './support/postgres.js';
import { type RunningServer, startServer } from './support/server.js';
import { StreamClient } from './support/stream.js';

const services = (await postgresAvailable()) && (await redisAvailable());

describeIf(
  services,
  'two nodes sharing PostgreSQL with Redis fan-out',
  `needs PostgreSQL at ${testDatabaseUrl} and Redis at ${testRedisUrl}`,
  () => {
    let nodeA: RunningServer;
    let nodeB: RunningServer;
    let world: WatchGroup;

    beforeAll(async () => {
      // One deployment: one database, one Redis, one secret key (token hashes must agree across nodes).
      // The server reads no variable for the Redis channel, so both nodes use its default channel.
      const env = { REDIS_URL: testRedisUrl, SECRET_KEY: randomBytes(32).toString('hex') };
      nodeA = await startServer({ engine: 'postgres', env });
      world = await bootstrapWatchGroup(nodeA, { members: 2, names: ['Fay Nook', 'Gus Scar'] });
      nodeB = await startServer({ engine: 'postgres', databaseUrl: nodeA.databaseUrl!, env });
    });

    afterAll(async () => {
      await nodeB?.stop();
      await nodeA?.stop();
    });

    it('delivers a message posted on node B to a member connected to node A, once', async () => {
      const [fay, gus] = world.members as [Person, Person];
      const groupId = world.group.id;
      const onA = await StreamClient.connect(nodeA.url, fay.token);
      await onA.hello({}, [groupId]);

      const clientId = `node-b-${Date.now().toString(36)}`;
      const path = `/api/v1/groups/${groupId}/messages`;
      const response = await gus.api
        .at(nodeB.url)
        .request('POST', path, { clientId, body: 'Posted on node B' });
      const posted = expectStatus('POST', path, response, 201).body.message as { id: string; seq: number };

      const seen = await onA.waitForPosted(clientId);
      expect(seen).toMatchObject({ groupId, seq: posted.seq, message: { id: posted.id } });
      await new Promise((r) => setTimeout(r, 300));
      expect(onA.posted(groupId).filter((m) => m.message.clientId === clientId)).toHaveLength(1);
      expect(onA.invalid).toEqual([]);
      await onA.close();
    });

    it('keeps concurrent posts on both nodes in sequence order, once each, on both nodes', async () => {
      const [fay, gus] = world.members as [Person, Person];
      const groupId = world.group.id;
      const onA = await StreamClient.connect(nodeA.url, fay.token);
      const onB = await StreamClient.connect(nodeB.url, gus.token);
      await onA.hello({}, [groupId]);
      await onB.hello({}, [groupId]);
      const start = onA.received.find((m) => m.type === 'caught_up' && m.groupId === groupId) as {
        seq: number;
      };

      const path = `/api/v1/groups/${groupId}/messages`;
      const perNode = 15;
      // Fay posts through node B and Gus through node A, at the same time.
      async function postMany(person: Person, node: RunningServer, label: string): Promise<string[]> {
        const ids: string[] = [];
        for (let i = 0; i < perNode; i++) {
          const clientId = `${label}-${i}-${Date.now().toString(36)}`;
          const response = await person.api
            .at(node.url)
            .request('POST', path, { clientId, body: `${label} ${i}` });
          expectStatus('POST', path, response, 201);
          ids.push(clientId);
        }
        return ids;
      }
      const [viaB, viaA] = await Promise.all([
        postMany(fay, nodeB, 'fay-via-b'),
        postMany(gus, nodeA, 'gus-via-a'),
      ]);
      const all = [...viaA, ...viaB];

      for (const stream of [onA, onB]) {
        for (const clientId of all) await stream.waitForPosted(clientId);
      }
      await new Promise((r) => setTimeout(r, 300));
      const expectedSeqs = Array.from({ length: all.length }, (_, i) => start.seq + i + 1);
      for (const stream of [onA, onB]) {
        const events = stream.posted(groupId);
        expect(events.map((m) => m.seq)).toEqual(expectedSeqs);
        expect(new Set(events.map((m) => m.message.clientId))).toEqual(new Set(all));
        expect(stream.invalid).toEqual([]);
        await stream.close();
      }
    });
  },
);
