// The live stream over real sockets: who gets what, resume, resync, membership changes, posts and sign-in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, openTestStore, type TestStore } from '../../storage/test-support/test-stores.js';
import {
  connect,
  connectAndHello,
  randomClientId,
  type StreamServer,
  settle,
  startStreamServer,
  TEST_ORIGIN,
  until,
} from './test-support/stream-harness.js';

describeEngines('live stream', (engine) => {
  let testStore: TestStore;
  let server: StreamServer;
  beforeAll(async () => {
    testStore = await openTestStore(engine);
    server = await startStreamServer(testStore.store, { resyncAfter: 20 });
  });
  afterAll(async () => {
    await server?.close();
    await testStore?.cleanup();
  });

  it('delivers a post live to every active member, and to no one else', async () => {
    const [ann, bob, pat, eve] = await Promise.all(['Ann', 'Bob', 'Pat', 'Eve'].map((n) => server.person(n)));
    const groupId = await server.group(ann!, bob!);
    await server.setStatus(groupId, pat!, 'pending');
    const elsewhere = await server.group(eve!);
    const clients = await Promise.all([ann!, bob!, pat!, eve!].map((p) => connectAndHello(server, p)));
    await until(() => server.hub.subscriberCount(groupId) === 2);
    expect(await clients[0]!.next('caught_up', (m) => m.groupId === groupId)).toEqual({
      type: 'caught_up',
      groupId,
      seq: 0,
    });

    const posted = await server.post(groupId, ann!, 'Two men in a white van at the top gate.');
    const [atAnn, atBob] = await Promise.all(
      clients.slice(0, 2).map((c) => c.next('message.posted', (m) => m.groupId === groupId)),
    );
    expect(atBob).toEqual(atAnn);
    expect(atBob).toMatchObject({
      type: 'message.posted',
      groupId,
      seq: 1,
      message: {
        id: posted.id,
        body: 'Two men in a white van at the top gate.',
        author: { id: ann!.user.id, displayName: 'Ann', badges: [] },
        deleted: false,
      },
    });
    await settle();
    expect(clients[2]!.events(groupId)).toEqual([]);
    expect(clients[3]!.events(groupId)).toEqual([]);
    expect(clients[3]!.messages.some((m) => m.type === 'caught_up' && m.groupId === elsewhere)).toBe(true);
    for (const c of clients) c.close();
  });

  it('replays exactly the missed events, in order, once, then continues live', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann!, bob!);
    for (let i = 1; i <= 3; i++) await server.post(groupId, ann!, `seen ${i}`);
    // Bob went offline after seq 3; six more were posted (more than one replay frame's worth of nothing).
    for (let i = 4; i <= 9; i++) await server.post(groupId, ann!, `missed ${i}`);
    const bobClient = await connectAndHello(server, bob!, { [groupId]: 3 }, [groupId]);
    const caughtUp = await bobClient.next('caught_up', (m) => m.groupId === groupId);
    expect(caughtUp.seq).toBe(9);
    await server.post(groupId, ann!, 'live 10');
    await until(() => bobClient.events(groupId).length === 7);
    await settle();
    expect(bobClient.events(groupId)).toEqual([4, 5, 6, 7, 8, 9, 10].map((s) => ['message.posted', s]));
    const order = bobClient.messages.filter((m) => m.type === 'caught_up' || 'seq' in m).map((m) => m.type);
    expect(order.indexOf('caught_up')).toBe(6);
    bobClient.close();
  });

  it('replays while posts keep arriving, without a gap or a duplicate at the handover', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann!, bob!);
    for (let i = 1; i <= 15; i++) await server.post(groupId, ann!, `before ${i}`);
    const posting = (async () => {
      for (let i = 16; i <= 40; i++) await server.post(groupId, ann!, `during ${i}`);
    })();
    const bobClient = await connectAndHello(server, bob!, { [groupId]: 0 });
    await posting;
    await until(() => bobClient.events(groupId).length >= 40);
    await settle();
    expect(bobClient.events(groupId).map(([, s]) => s)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    bobClient.close();
  });

  it('tells a client too far behind (or ahead) to resync, then streams live', async () => {
    const [ann, bob, cat] = await Promise.all([server.person(), server.person(), server.person()]);
    const groupId = await server.group(ann!, bob!, cat!);
    for (let i = 1; i <= 25; i++) await server.post(groupId, ann!, `${i}`);
    const far = await connectAndHello(server, bob!, { [groupId]: 4 }, [groupId]);
    const ahead = await connectAndHello(server, cat!, { [groupId]: 99 }, [groupId]);
    const near = await connectAndHello(server, ann!, { [groupId]: 5 }, [groupId]);
    expect(await far.next('resync')).toMatchObject({ groupId, reason: 'too far behind' });
    expect(await ahead.next('resync')).toMatchObject({ groupId, reason: 'ahead of the server' });
    expect(far.events(groupId)).toEqual([]);
    // Exactly at the limit (20 behind) still replays.
    await near.next('caught_up', (m) => m.groupId === groupId);
    expect(near.events(groupId)).toHaveLength(20);
    await server.post(groupId, ann!, 'after');
    await far.next('message.posted', (m) => m.seq === 26);
    expect(far.events(groupId)).toEqual([['message.posted', 26]]);
    for (const c of [far, ahead, near]) c.close();
  });

  it('ignores a resume for a group the person is not an active member of', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann!);
    await server.post(groupId, ann!, 'members only');
    const bobClient = await connectAndHello(server, bob!, { [groupId]: 0 });
    await settle();
    expect(bobClient.messages).toEqual([]);
    bobClient.close();
  });

  it('stops a removed member’s stream at once, and starts an approved one’s', async () => {
    const [ann, bob, dan] = await Promise.all([server.person(), server.person(), server.person()]);
    const groupId = await server.group(ann!, bob!);
    await server.setStatus(groupId, dan!, 'pending');
    const annClient = await connectAndHello(server, ann!, {}, [groupId]);
    const bobClient = await connectAndHello(server, bob!, {}, [groupId]);
    const danClient = await connectAndHello(server, dan!);
    await server.post(groupId, ann!, 'one');
    await bobClient.next('message.posted', (m) => m.seq === 1);

    await server.setStatus(groupId, bob!, 'removed');
    await server.setStatus(groupId, dan!, 'active');
    await server.fanout.publish({ kind: 'membership', groupId, userId: bob!.user.id, status: 'removed' });
    await server.post(groupId, ann!, 'two');
    await server.fanout.publish({ kind: 'membership', groupId, userId: dan!.user.id, status: 'active' });
    await danClient.next('caught_up', (m) => m.groupId === groupId);
    await server.post(groupId, ann!, 'three');
    await annClient.next('message.posted', (m) => m.seq === 3);
    await danClient.next('message.posted', (m) => m.seq === 3);
    await settle();
    expect(bobClient.events(groupId)).toEqual([['message.posted', 1]]);
    expect(await bobClient.next('membership')).toEqual({ type: 'membership', groupId, status: 'removed' });
    expect(danClient.messages[0]).toEqual({ type: 'membership', groupId, status: 'active' });
    expect(danClient.events(groupId)).toEqual([['message.posted', 3]]);
    expect(server.hub.subscriberCount(groupId)).toBe(2);
    for (const c of [annClient, bobClient, danClient]) c.close();
  });

  it('acknowledges posts over the socket, once per clientId however often they are sent', async () => {
    const [ann, bob] = await Promise.all([server.person(), server.person()]);
    const groupId = await server.group(ann!, bob!);
    const annClient = await connectAndHello(server, ann!, {}, [groupId]);
    const bobClient = await connectAndHello(server, bob!, {}, [groupId]);
    const clientId = randomClientId();
    const post = { type: 'post', groupId, message: { clientId, body: 'Sheep loose on the B6277.' } };
    annClient.send(post);
    const first = await annClient.next('ack');
    annClient.send(post);
    await until(() => annClient.messages.filter((m) => m.type === 'ack').length === 2);
    const acks = annClient.messages.filter((m) => m.type === 'ack');
    expect(acks[1]).toEqual(first);
    expect(first).toMatchObject({ clientId, groupId, seq: 1 });
    await bobClient.next('message.posted');
    await settle();
    expect(bobClient.events(groupId)).toEqual([['message.posted', 1]]);

    const outsider = await server.person();
    const outsiderClient = await connectAndHello(server, outsider);
    outsiderClient.send({ ...post, message: { clientId: randomClientId(), body: 'let me in' } });
    expect((await outsiderClient.next('nack')).error).toEqual({
      code: 'not_found',
      message: 'Group not found.',
    });
    for (const c of [annClient, bobClient, outsiderClient]) c.close();
  });

  it('answers an invalid frame with an error and keeps the socket open', async () => {
    const ann = await server.person();
    const client = await connect(server, ann);
    client.send('not json');
    client.send({ type: 'post', groupId: 'nope', message: {} });
    client.send({ type: 'dance' });
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    client.send({ type: 'ping' });
    await client.next('pong');
    const errors = client.messages.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(4);
    expect(errors.every((e) => e.code === 'invalid' && e.message.length > 0)).toBe(true);
    client.send({ type: 'hello' });
    client.send({ type: 'hello' });
    await until(() => client.messages.filter((m) => m.type === 'error').length === 5);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    client.send({ type: 'read', groupId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', seq: 1 });
    client.close();
  });

  it('closes with 4401 without a valid session, and when the session is revoked', async () => {
    const anonymous = await connect(server, undefined);
    expect((await anonymous.closed).code).toBe(4401);
    const ann = await server.person();
    const forged = await connect(server, { ...ann, token: 'not-a-token' });
    expect((await forged.closed).code).toBe(4401);

    const groupId = await server.group(ann);
    const other = await server.person();
    const client = await connectAndHello(server, ann, {}, [groupId]);
    const bystander = await connectAndHello(server, other);
    await server.fanout.publish({
      kind: 'sessions.revoked',
      userId: ann.user.id,
      sessionIds: [ann.sessionId],
    });
    expect((await client.closed).code).toBe(4401);
    await settle(50);
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    bystander.close();
  });

  it('accepts a cookie only from an allowed Origin; bearer tokens need none', async () => {
    const ann = await server.person();
    const cross = await connect(server, ann, { cookie: true, origin: 'https://evil.example' });
    expect((await cross.closed).code).toBe(4403);
    const noOrigin = await connect(server, ann, { cookie: true });
    expect((await noOrigin.closed).code).toBe(4403);
    const same = await connect(server, ann, { cookie: true, origin: TEST_ORIGIN });
    same.send({ type: 'ping' });
    await same.next('pong');
    const bearer = await connect(server, ann, { origin: 'https://anywhere.example' });
    bearer.send({ type: 'ping' });
    await bearer.next('pong');
    same.close();
    bearer.close();
  });

  it('handles frames sent before sign-in completes, in order', async () => {
    const ann = await server.person();
    const groupId = await server.group(ann);
    const client = await connect(server, ann, { waitOpen: false });
    client.ws.on('open', () => {
      client.send({ type: 'ping' });
      client.send({ type: 'hello' });
    });
    await client.next('caught_up', (m) => m.groupId === groupId);
    expect(client.messages[0]).toEqual({ type: 'pong' });
    client.close();
  });
});
