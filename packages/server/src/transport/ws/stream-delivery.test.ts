// The stream's delivery machinery over real sockets: merged writes, ordering across gaps, slow consumers,
// heartbeats, shutdown, and Zulip's rule (events applied to an old snapshot equal a fresh fetch).
import type { GroupId, Message, MessageChange, UserId } from '@fellwatch/core';
import { type MessageView, ServerFrame } from '@fellwatch/protocol';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadMessageViews } from '../../presenters/message.js';
import { aMessage } from '../../storage/test-support/fixtures.js';
import { describeEngines, openTestStore, type TestStore } from '../../storage/test-support/test-stores.js';
import {
  connect,
  connectAndHello,
  isEvent,
  StreamClient,
  type StreamServer,
  settle,
  startStreamServer,
  until,
} from './test-support/stream-harness.js';

describeEngines('live stream delivery', (engine) => {
  let testStore: TestStore;
  let server: StreamServer;
  const extraServers: StreamServer[] = [];
  beforeAll(async () => {
    testStore = await openTestStore(engine);
    server = await startStreamServer(testStore.store);
  });
  afterEach(async () => {
    await Promise.all(extraServers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await server?.close();
    await testStore?.cleanup();
  });

  /**
   * Appends without publishing, so a test decides when and in what order the events go out. All in one
   * turn: they commit together, in the order given.
   */
  async function appendQuietly(groupId: GroupId, authorId: UserId, bodies: string[]) {
    const appended = await Promise.all(
      bodies.map((body) =>
        testStore.store.appendMessage(aMessage(groupId, authorId, { body, createdAt: Date.now() })),
      ),
    );
    return appended.sort((x, y) => x.event.seq - y.event.seq);
  }

  it('merges the frames due to one socket in one turn into one write, the same for every socket', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann, bob);
    const clients = [
      await connectAndHello(server, ann, {}, [groupId]),
      await connectAndHello(server, bob, {}, [groupId]),
    ];
    const appended = await appendQuietly(groupId, ann.user.id, ['one', 'two', 'three']);
    for (const a of appended) server.publisher.publish({ kind: 'group', event: a.event, message: a.message });
    await until(() => clients.every((c) => c.events(groupId).length === 3));
    for (const client of clients) {
      const frame = client.frames.at(-1)!;
      expect(ServerFrame.safeParse(frame).success).toBe(true);
      expect(frame.map((m) => ('seq' in m ? m.seq : 0))).toEqual([1, 2, 3]);
    }
    for (const c of clients) c.close();
  });

  it('puts events that arrive out of order back in order, and fills a lost one from the store', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann, bob);
    const bobClient = await connectAndHello(server, bob, {}, [groupId]);
    const a = await appendQuietly(groupId, ann.user.id, ['m1', 'm2', 'm3', 'm4', 'm5']);
    const publish = (i: number) =>
      server.publisher.publish({ kind: 'group', event: a[i]!.event, message: a[i]!.message });
    publish(2);
    await server.publisher.flush();
    publish(0);
    await server.publisher.flush();
    publish(1);
    await until(() => bobClient.events(groupId).length === 3);
    // Seq 4 is never published (its node died after commit); seq 5 reveals the gap.
    publish(4);
    await until(() => bobClient.events(groupId).length === 5);
    publish(3);
    await settle();
    expect(bobClient.events(groupId).map(([, s]) => s)).toEqual([1, 2, 3, 4, 5]);
    bobClient.close();
  });

  it('replays up to 5,000 missed events across pages and frames; one more means resync', async () => {
    const [ann, bob, cat] = await Promise.all([server.person(), server.person(), server.person()]);
    const groupId = await server.group(ann, bob, cat);
    const bodies = Array.from({ length: 5_010 }, (_, i) => `event ${i + 1}`);
    await appendQuietly(groupId, ann.user.id, bodies);
    const replayed = await connectAndHello(server, bob, { [groupId]: 10 }, [groupId]);
    const tooFar = await connectAndHello(server, cat, { [groupId]: 9 }, [groupId]);
    expect(await replayed.next('caught_up')).toEqual({ type: 'caught_up', groupId, seq: 5_010 });
    const seqs = replayed.events(groupId).map(([, s]) => s);
    expect(seqs).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 11));
    // Sent in several frames, none of them huge.
    expect(replayed.frames.length).toBeGreaterThan(10);
    expect(await tooFar.next('resync')).toEqual({ type: 'resync', groupId, reason: 'too far behind' });
    expect(tooFar.events(groupId)).toEqual([]);
    replayed.close();
    tooFar.close();
  });

  it('closes a slow consumer with 4000 and keeps serving the others', async () => {
    const slowServer = await startStreamServer(testStore.store, { maxBufferedBytes: 64 * 1024 });
    extraServers.push(slowServer);
    const [ann, bob] = await Promise.all([slowServer.person(), slowServer.person()]);
    const groupId = await slowServer.group(ann, bob);
    const slow = await connectAndHello(slowServer, ann, {}, [groupId]);
    const fast = await connectAndHello(slowServer, bob, {}, [groupId]);
    // The slow client stops reading: its kernel buffers fill, then the server's send buffer.
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const body = 'x'.repeat(200_000);
    for (let seq = 1; seq <= 100; seq++) {
      const frame = JSON.stringify([{ type: 'message.posted', groupId, seq, message: { body } }]);
      await slowServer.fanout.publish({ kind: 'group', groupId, seq, frame });
      await new Promise((r) => setImmediate(r));
    }
    await until(() => slowServer.hub.connectionCount === 1);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed).toEqual({ code: 4000, reason: 'slow consumer' });
    await until(() => fast.events(groupId).length === 100, 15_000);
    expect(fast.ws.readyState).toBe(WebSocket.OPEN);
    fast.close();
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const beatServer = await startStreamServer(testStore.store, { heartbeatMs: 60 });
    extraServers.push(beatServer);
    const ann = await beatServer.person();
    const silent = new StreamClient(
      new WebSocket(beatServer.url, { headers: { authorization: `Bearer ${ann.token}` }, autoPong: false }),
    );
    await silent.opened;
    const alive = await connect(beatServer, ann);
    await until(() => beatServer.hub.connectionCount === 2);
    const closed = await silent.closed;
    expect(closed.code).toBe(1006);
    await settle(200);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    expect(beatServer.hub.connectionCount).toBe(1);
    alive.close();
  });

  it('closes every socket with 1001 when the server shuts down', async () => {
    const closingServer = await startStreamServer(testStore.store);
    const ann = await closingServer.person();
    const client = await connectAndHello(closingServer, ann);
    await until(() => closingServer.hub.connectionCount === 1);
    await closingServer.close();
    expect((await client.closed).code).toBe(1001);
  });

  it('Zulip’s rule: events applied to an old snapshot equal a fresh fetch', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann, bob);
    const { store, publisher } = server;
    const fetchAll = async () => {
      const messages = await store.listMessages(groupId, undefined, 200);
      return new Map((await loadMessageViews(store, messages)).map((v) => [v.id, v]));
    };
    const change = async (done: Promise<MessageChange>) => {
      const { message, event } = await done;
      publisher.publish({ kind: 'group', event, message });
    };
    const posted: Message[] = [];
    for (let i = 1; i <= 3; i++) posted.push(await server.post(groupId, ann, `first ${i}`));
    const snapshot = await fetchAll();
    const snapshotSeq = (await store.getGroup(groupId))!.lastSeq;

    // Offline changes (replayed), then live ones while Bob is connected.
    posted.push(await server.post(groupId, ann, 'fourth'));
    await change(store.editMessage(posted[1]!.id, 'first 2, corrected', ann.user.id, Date.now()));
    await change(store.deleteMessage(posted[3]!.id, ann.user.id, Date.now()));
    const bobClient = await connectAndHello(server, bob, { [groupId]: snapshotSeq }, [groupId]);
    posted.push(await server.post(groupId, bob, 'fifth'));
    await change(store.editMessage(posted[4]!.id, 'fifth, edited', bob.user.id, Date.now()));
    await change(store.deleteMessage(posted[0]!.id, ann.user.id, Date.now()));
    await server.post(groupId, ann, 'sixth');
    const lastSeq = (await store.getGroup(groupId))!.lastSeq;
    await until(() => bobClient.events(groupId).at(-1)?.[1] === lastSeq);

    const applied = new Map<string, MessageView>(snapshot);
    for (const m of bobClient.messages.filter(isEvent))
      if (m.groupId === groupId) applied.set(m.message.id, m.message);
    const fresh = await fetchAll();
    const bySeq = (map: Map<string, MessageView>) => [...map.values()].sort((x, y) => x.seq - y.seq);
    expect(bySeq(applied)).toEqual(bySeq(fresh));
    expect(fresh.get(posted[0]!.id)).toMatchObject({ deleted: true, body: '' });
    bobClient.close();
  });
});
