// Tests the message-list reducer: replays, duplicates, edits, deletes and paging against a fresh fetch.
import { describe, expect, it } from 'vitest';
import { FakeGroupStream, GROUP, ME } from './test-fixtures.js';
import {
  applyEvent,
  applyEvents,
  firstUnreadIndex,
  prependOlder,
  timelineFromPage,
  upsertMessage,
} from './timeline.js';

/** A realistic mix of posts, edits and deletes; returns the stream and a fresh fetch taken after each step. */
function busyGroup(): { stream: FakeGroupStream; snapshots: ReturnType<FakeGroupStream['page']>[] } {
  const s = new FakeGroupStream();
  const snapshots = [s.page()];
  const step = <T>(v: T): T => {
    snapshots.push(s.page());
    return v;
  };
  const a = step(s.post('Quad bike taken from Low Farm'));
  const b = step(s.post('Silver pickup seen on the fell road', ME));
  step(s.edit(a.id, 'Quad bike taken from Low Farm last night'));
  step(s.post('Police informed, ref 123'));
  step(s.remove(b.id));
  const c = step(s.post('Gate left open at High Side'));
  step(s.edit(c.id, 'Gate left open at High Side, now shut'));
  step(s.post('Thanks all'));
  return { stream: s, snapshots };
}

describe('applyEvent', () => {
  it('brings any old snapshot to exactly what a fresh fetch returns', () => {
    const { stream, snapshots } = busyGroup();
    const fresh = timelineFromPage(GROUP, stream.page());
    for (const [i, page] of snapshots.entries()) {
      // The whole stream is replayed, as after a reconnect: events the snapshot holds must be skipped.
      const caughtUp = applyEvents(timelineFromPage(GROUP, page), stream.events);
      expect(caughtUp, `snapshot ${i}`).toEqual(fresh);
    }
  });

  it('ignores duplicates and replays at or below the cursor', () => {
    const s = busyGroup().stream;
    const once = applyEvents(timelineFromPage(GROUP, { messages: [], lastSeq: 0, hasMore: false }), s.events);
    const twice = applyEvents(once, s.events);
    expect(twice).toBe(once);
    const snapshot = timelineFromPage(GROUP, s.page());
    expect(applyEvents(snapshot, s.events)).toBe(snapshot);
  });

  it('keeps messages in seq order and replaces edited and deleted ones in place', () => {
    const s = new FakeGroupStream();
    const start = timelineFromPage(GROUP, s.page());
    const a = s.post('one');
    s.post('two');
    s.edit(a.id, 'one, corrected');
    s.remove(a.id);
    const t = applyEvents(start, s.events);
    expect(t.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(t.messages[0]).toMatchObject({ id: a.id, deleted: true, body: '' });
    expect(t.cursor).toBe(4);
  });

  it('ignores events of other groups', () => {
    const s = new FakeGroupStream();
    s.post('hello');
    const start = timelineFromPage('01HZX00000000000000000OTHR', {
      messages: [],
      lastSeq: 0,
      hasMore: false,
    });
    expect(applyEvents(start, s.events)).toBe(start);
  });

  it('does not insert an edit of a message older than the loaded window, but moves the cursor', () => {
    const s = new FakeGroupStream();
    const old = s.post('old');
    for (let i = 0; i < 5; i++) s.post(`m${i}`);
    const t = timelineFromPage(GROUP, s.page(3));
    expect(t.hasOlder).toBe(true);
    s.edit(old.id, 'old, edited');
    const after = applyEvent(t, s.events.at(-1) as (typeof s.events)[number]);
    expect(after.messages.map((m) => m.id)).not.toContain(old.id);
    expect(after.cursor).toBe(7);
  });
});

describe('upsertMessage', () => {
  it('inserts a freshly posted message in order before its event arrives, and the event is harmless', () => {
    const s = new FakeGroupStream();
    const start = timelineFromPage(GROUP, s.page());
    const first = s.post('first');
    const mine = s.post('mine', ME);
    const t = upsertMessage(start, mine);
    const t2 = applyEvents(t, s.events);
    expect(t2.messages.map((m) => m.id)).toEqual([first.id, mine.id]);
    expect(t2).toEqual(timelineFromPage(GROUP, s.page()));
  });

  it('never lets a late answer undo a delete or a later edit', () => {
    const s = new FakeGroupStream();
    const a = s.post('text', ME);
    const edited = s.edit(a.id, 'text v2');
    const deleted = s.remove(a.id);
    const t = applyEvents(timelineFromPage(GROUP, { messages: [], lastSeq: 0, hasMore: false }), s.events);
    expect(upsertMessage(t, edited)).toBe(t);
    expect(upsertMessage(t, a)).toBe(t);
    expect(upsertMessage(t, deleted).messages[0]?.deleted).toBe(true);
  });
});

describe('prependOlder', () => {
  it('merges older pages without duplicates until the start is reached', () => {
    const s = new FakeGroupStream();
    for (let i = 0; i < 7; i++) s.post(`m${i}`);
    let t = timelineFromPage(GROUP, s.page(3));
    t = prependOlder(t, s.page(3, t.messages[0]?.seq));
    expect(t.messages.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(t.hasOlder).toBe(true);
    // An overlapping page (the server moved on) still yields one copy of each.
    t = prependOlder(t, s.page(5, 4));
    expect(t.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(t.hasOlder).toBe(false);
  });
});

describe('firstUnreadIndex', () => {
  it('points at the first unread message from someone else', () => {
    const s = new FakeGroupStream();
    s.post('read');
    s.post('mine, after', ME);
    s.post('new from Ruth');
    const { messages } = timelineFromPage(GROUP, s.page());
    expect(firstUnreadIndex(messages, 1, ME)).toBe(2);
    expect(firstUnreadIndex(messages, 3, ME)).toBe(-1);
  });
});
