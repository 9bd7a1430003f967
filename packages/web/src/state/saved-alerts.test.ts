// Tests that a changed alert replaces its card in conversations saved on the phone, not only in open ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alertView, FakeGroupStream, GROUP } from './test-fixtures.js';
import { applyEvents, timelineFromPage } from './timeline.js';
import { TimelineStore } from './timeline-store.js';

const KEY = `fellwatch.timeline.user.${GROUP}`;

/** localStorage as a Map, since tests run outside a browser. */
function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    key: (i: number) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A group where a missing person's alert was placed, then withdrawn when she was found. */
function foundStory() {
  const s = new FakeGroupStream();
  s.post('Morning all');
  const card = s.raiseAlert(
    alertView({
      details: {
        kind: 'missing',
        name: 'Margaret Dowson',
        description: 'White hair, walks with a stick',
        lastSeenAt: 1_700_000_000_000,
        vulnerabilities: ['dementia'],
      },
      summary: 'Please check outbuildings',
    }),
  );
  const saved = applyEvents(timelineFromPage(GROUP, { messages: [], lastSeq: 0, hasMore: false }), s.events);
  storage.setItem(KEY, JSON.stringify(saved));
  s.updateAlert(card.id, {
    details: { kind: 'missing', withdrawn: true },
    summary: 'Found safe, thank you',
    status: 'resolved',
    outcome: 'found',
  });
  return { s, card, saved };
}

describe('saved conversations and alert.updated', () => {
  it('replace the card in a copy saved on the phone, without moving its cursor', () => {
    const { s, saved } = foundStory();
    const store = new TimelineStore('user', () => undefined);
    store.applyEvent(s.events.at(-1)!);
    const text = storage.getItem(KEY) ?? '';
    expect(text).not.toContain('Margaret');
    expect(text).toContain('Found safe, thank you');
    expect(JSON.parse(text).cursor).toBe(saved.cursor);
    expect(store.entry(GROUP).timeline).toBeNull();
  });

  it('leave a saved copy alone when it does not hold the card', () => {
    const { s } = foundStory();
    const other = new FakeGroupStream();
    other.post('Nothing to see');
    const before = JSON.stringify(timelineFromPage(GROUP, other.page()));
    storage.setItem(KEY, before);
    new TimelineStore('user', () => undefined).applyEvent(s.events.at(-1)!);
    expect(storage.getItem(KEY)).toBe(before);
  });
});
