// Tests the stream client against a fake socket: resume with cursors, no duplicates, backoff, sign-out.
import { describe, expect, it } from 'vitest';
import { FakeGroupStream, GROUP } from '../state/test-fixtures.js';
import { type CursorStore, type SocketLike, StreamClient } from './stream.js';
import type { ServerMessage } from './types.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(messages: ServerMessage[]) {
    this.onmessage?.({ data: JSON.stringify(messages) });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function setup(initial: Record<string, number> = {}) {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  let saved = { ...initial };
  const store: CursorStore = { load: () => ({ ...saved }), save: (c) => (saved = { ...c }) };
  let online = true;
  const client = new StreamClient({
    url: 'ws://test/api/v1/stream',
    cursors: store,
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    isOnline: () => online,
    random: () => 0.5,
    schedule: (run, ms) => {
      const t = { run, ms, cancelled: false };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    },
  });
  const received: ServerMessage[] = [];
  client.onMessage((m) => received.push(m));
  const pendingReconnects = () => timers.filter((t) => !t.cancelled && t.ms < 25_000);
  return {
    client,
    sockets,
    timers,
    received,
    saved: () => saved,
    setOnline: (v: boolean) => (online = v),
    pendingReconnects,
    last: () => sockets.at(-1) as FakeSocket,
  };
}

describe('StreamClient', () => {
  it('says hello with its saved cursors and delivers each event once, in order', () => {
    const s = new FakeGroupStream();
    for (let i = 0; i < 4; i++) s.post(`m${i}`);
    const t = setup({ [GROUP]: 1 });
    t.client.start();
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'hello', resume: { [GROUP]: 1 } });
    expect(t.client.getStatus()).toBe('live');

    // The server replays 2..4; a duplicate of 1 and a repeat of 3 must be dropped.
    const [e1, e2, e3, e4] = s.events;
    t.last().frame([e1!, e2!, e3!]);
    t.last().frame([e3!, e4!, { type: 'caught_up', groupId: GROUP, seq: 4 }]);
    const seqs = t.received
      .filter((m) => 'seq' in m && m.type !== 'caught_up')
      .map((m) => (m as { seq: number }).seq);
    expect(seqs).toEqual([2, 3, 4]);
    expect(t.saved()).toEqual({ [GROUP]: 4 });
  });

  it('reconnects with backoff after a slow-consumer close and resumes from where it was', () => {
    const s = new FakeGroupStream();
    s.post('a');
    s.post('b');
    const t = setup();
    t.client.start();
    t.last().open();
    t.last().frame([s.events[0]!]);
    t.last().serverClose(4000);
    expect(t.client.getStatus()).toBe('connecting');
    const [retry] = t.pendingReconnects();
    expect(retry).toBeDefined();
    retry!.run();
    expect(t.sockets).toHaveLength(2);
    t.last().open();
    expect(t.last().sent[0]).toEqual({ type: 'hello', resume: { [GROUP]: 1 } });
  });

  it('backs off further on repeated failures', () => {
    const t = setup();
    t.client.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.last().serverClose(1006);
      const pending = t.pendingReconnects().at(-1)!;
      delays.push(pending.ms);
      pending.run();
    }
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[3]).toBeGreaterThan(delays[0]!);
  });

  it('stops for good when the session is revoked (4401)', () => {
    const t = setup();
    t.client.start();
    t.last().open();
    t.last().serverClose(4401);
    expect(t.client.getStatus()).toBe('signed_out');
    expect(t.pendingReconnects()).toHaveLength(0);
  });

  it('does not retry when the server refuses the page origin (4403), and says so', () => {
    const t = setup();
    const statuses: string[] = [];
    t.client.onStatus((s) => statuses.push(s));
    t.client.start();
    t.last().open();
    t.last().serverClose(4403);
    expect(t.client.getStatus()).toBe('refused');
    expect(statuses.at(-1)).toBe('refused');
    expect(t.pendingReconnects()).toHaveLength(0);
  });

  it.each([
    [4401, 'signed_out'],
    [4403, 'refused'],
  ])('stays closed after %i when the signal comes and goes', (code, status) => {
    const t = setup();
    t.client.start();
    t.last().open();
    t.last().serverClose(code);
    t.client.handleOffline();
    t.client.handleOnline();
    t.client.reconnect();
    expect(t.client.getStatus()).toBe(status);
    expect(t.sockets).toHaveLength(1);
    expect(t.pendingReconnects()).toHaveLength(0);
    // Only an explicit start (a new session) opens the stream again.
    t.client.start();
    expect(t.sockets).toHaveLength(2);
  });

  it('waits while offline and reconnects at once when the signal returns', () => {
    const t = setup();
    t.client.start();
    t.last().open();
    t.setOnline(false);
    t.client.handleOffline();
    expect(t.client.getStatus()).toBe('offline');
    expect(t.sockets[0]!.closedWith).toBe(1000);
    t.setOnline(true);
    t.client.handleOnline();
    expect(t.sockets).toHaveLength(2);
  });

  it('turns a gap in the sequence into a resync instead of skipping events silently', () => {
    const s = new FakeGroupStream();
    for (let i = 0; i < 5; i++) s.post(`m${i}`);
    const t = setup({ [GROUP]: 1 });
    t.client.start();
    t.last().open();
    t.last().frame([s.events[1]!, s.events[4]!]);
    expect(t.received.map((m) => m.type)).toEqual(['message.posted', 'resync']);
    expect(t.client.cursor(GROUP)).toBe(5);
  });

  it('forgets a group after removal', () => {
    const t = setup({ [GROUP]: 3 });
    t.client.start();
    t.last().open();
    t.last().frame([{ type: 'membership', groupId: GROUP, status: 'removed' }]);
    expect(t.saved()).toEqual({});
    expect(t.received.at(-1)).toMatchObject({ type: 'membership', status: 'removed' });
  });
});

describe('StreamClient after a resync', () => {
  it('forgets the cursor, so live events below it (a server restored from backup) still arrive', () => {
    const t = setup({ [GROUP]: 50 });
    t.client.start();
    t.last().open();
    const s = new FakeGroupStream();
    for (let i = 0; i < 11; i++) s.post(`m${i}`);
    t.last().frame([{ type: 'resync', groupId: GROUP, reason: 'ahead of the server' }, s.events[10]!]);
    expect(t.received.map((m) => m.type)).toEqual(['resync', 'message.posted']);
    expect(t.client.cursor(GROUP)).toBe(11);
  });

  it('starts a cursor at caught_up for a group it had none for', () => {
    const t = setup();
    t.client.start();
    t.last().open();
    t.last().frame([{ type: 'caught_up', groupId: GROUP, seq: 12 }]);
    expect(t.saved()).toEqual({ [GROUP]: 12 });
  });

  it('counts alert.updated in the sequence: the event after it is no gap, and a repeat is dropped', () => {
    const s = new FakeGroupStream();
    const card = s.raiseAlert();
    s.updateAlert(card.id, { status: 'confirmed' });
    s.post('Seen heading north');
    const t = setup({ [GROUP]: 1 });
    t.client.start();
    t.last().open();
    const [, updated, after] = s.events;
    t.last().frame([updated!, after!, updated!]);
    expect(t.received.map((m) => m.type)).toEqual(['alert.updated', 'message.posted']);
    expect(t.saved()).toEqual({ [GROUP]: 3 });
  });
});
