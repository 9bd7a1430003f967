// Tests the outbox: queued while offline, sent once with a stable clientId, photos never uploaded twice.
import { describe, expect, it } from 'vitest';
import { FakeGroupStream, GROUP, ME } from '../state/test-fixtures.js';
import { ApiError, networkError } from './errors.js';
import {
  Outbox,
  type OutboxEntry,
  type OutboxStorage,
  type OutboxTransport,
  pendingForGroup,
} from './outbox.js';
import type { MessageView, PostMessage } from './types.js';

function memoryStorage(initial: OutboxEntry[] = []): OutboxStorage & { rows: Map<string, OutboxEntry> } {
  const rows = new Map(initial.map((e) => [e.clientId, structuredClone(e)]));
  return {
    rows,
    all: async () => [...rows.values()].map((e) => structuredClone(e)),
    put: async (e) => void rows.set(e.clientId, structuredClone(e)),
    delete: async (id) => void rows.delete(id),
  };
}

/** A server that is idempotent on clientId, like the real one, and can be told to fail. */
class FakeServer implements OutboxTransport {
  readonly stream = new FakeGroupStream();
  readonly posts: PostMessage[] = [];
  readonly uploads: string[] = [];
  failNext: (ApiError | null)[] = [];
  private byClientId = new Map<string, MessageView>();

  async uploadPhoto(_groupId: string, _blob: Blob, name: string, onProgress: (f: number) => void) {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    onProgress(0.5);
    this.uploads.push(name);
    return `01HZXPHOTO${String(this.uploads.length).padStart(16, '0')}`;
  }

  async postMessage(_groupId: string, body: PostMessage) {
    this.posts.push(body);
    const failure = this.failNext.shift();
    if (failure) throw failure;
    const existing = this.byClientId.get(body.clientId);
    if (existing) return existing;
    const message = this.stream.post(body.body ?? '', ME, body.clientId);
    this.byClientId.set(body.clientId, message);
    return message;
  }
}

function setup(opts: { online?: boolean; storage?: ReturnType<typeof memoryStorage> } = {}) {
  let online = opts.online ?? true;
  const storage = opts.storage ?? memoryStorage();
  const server = new FakeServer();
  const sent: MessageView[] = [];
  const timers: (() => void)[] = [];
  const outbox = new Outbox({
    userId: ME,
    storage,
    transport: server,
    isOnline: () => online,
    onSent: (m) => sent.push(m),
    schedule: (run) => {
      timers.push(run);
      return () => undefined;
    },
  });
  return { outbox, storage, server, sent, timers, setOnline: (v: boolean) => (online = v) };
}

describe('Outbox', () => {
  it('keeps a message written offline and sends it when the signal returns', async () => {
    const { outbox, storage, server, sent, setOnline } = setup({ online: false });
    const entry = await outbox.add({ groupId: GROUP, body: 'Sheep out on the lane' });
    await outbox.flush();
    expect(server.posts).toHaveLength(0);
    expect(outbox.getSnapshot().entries.map((e) => e.clientId)).toEqual([entry.clientId]);
    expect(storage.rows.size).toBe(1);

    setOnline(true);
    await outbox.flush();
    expect(server.posts.map((p) => p.clientId)).toEqual([entry.clientId]);
    expect(sent.map((m) => m.clientId)).toEqual([entry.clientId]);
    expect(outbox.getSnapshot().entries).toHaveLength(0);
    expect(storage.rows.size).toBe(0);
  });

  it('retries with the same clientId, so a lost answer never makes a second copy', async () => {
    const { outbox, server, timers } = setup();
    server.failNext = [networkError(), networkError()];
    const entry = await outbox.add({ groupId: GROUP, body: 'Red van, no plates' });
    await outbox.flush();
    expect(timers.length).toBeGreaterThan(0);
    timers.shift()?.();
    await outbox.flush();
    expect(server.posts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(server.posts.map((p) => p.clientId))).toEqual(new Set([entry.clientId]));
    expect(server.stream.events).toHaveLength(1);
    expect(outbox.getSnapshot().entries).toHaveLength(0);
  });

  it('survives a restart: a new outbox over the same storage sends the stored entry with its clientId', async () => {
    const first = setup({ online: false });
    const entry = await first.outbox.add({ groupId: GROUP, body: 'Written before the app closed' });
    first.outbox.dispose();
    const second = setup({ storage: first.storage });
    await second.outbox.flush();
    expect(second.server.posts.map((p) => p.clientId)).toEqual([entry.clientId]);
  });

  it('does not upload a photo twice when the post fails after the upload', async () => {
    const { outbox, server } = setup();
    server.failNext = [null, null, networkError()];
    await outbox.add({
      groupId: GROUP,
      body: '',
      photos: [
        { name: 'gate.jpg', blob: new Blob(['a']) },
        { name: 'tracks.jpg', blob: new Blob(['b']) },
      ],
    });
    await outbox.flush();
    await outbox.flush();
    expect(server.uploads).toEqual(['gate.jpg', 'tracks.jpg']);
    expect(server.posts.at(-1)?.photoIds).toHaveLength(2);
    expect(outbox.getSnapshot().entries).toHaveLength(0);
  });

  it('marks a refused message with the reason and sends the rest', async () => {
    const { outbox, server, setOnline } = setup({ online: false });
    const refused = await outbox.add({ groupId: GROUP, body: 'first' });
    await outbox.add({ groupId: GROUP, body: 'second' });
    server.failNext = [new ApiError(403, 'forbidden', 'You are no longer a member of this group.')];
    setOnline(true);
    await outbox.flush();
    const left = outbox.getSnapshot().entries;
    expect(left.map((e) => [e.clientId, e.error])).toEqual([
      [refused.clientId, 'You are no longer a member of this group.'],
    ]);
    expect(server.stream.events.map((e) => e.message.body)).toEqual(['second']);
    await outbox.discard(refused.clientId);
    expect(outbox.getSnapshot().entries).toHaveLength(0);
  });
});

describe('pendingForGroup', () => {
  it("hides an entry once the server's copy with its clientId is in the list", () => {
    const s = new FakeGroupStream();
    const delivered = s.post('arrived', ME, 'clientAAAA1');
    const entry = (clientId: string): OutboxEntry => ({
      clientId,
      userId: ME,
      groupId: GROUP,
      body: 'x',
      replyToId: null,
      location: null,
      photos: [],
      createdAt: 0,
      error: null,
    });
    const shown = pendingForGroup([entry('clientAAAA1'), entry('clientBBBB2')], GROUP, [delivered], ME);
    expect(shown.map((e) => e.clientId)).toEqual(['clientBBBB2']);
    expect(pendingForGroup([entry('clientBBBB2')], 'other-group', [], ME)).toEqual([]);
  });
});
