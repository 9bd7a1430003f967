// Tests the conversation store: events that arrive while the first page loads are kept, not lost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessagePage } from '../api/types.js';
import { FakeGroupStream, GROUP } from './test-fixtures.js';
import { TimelineStore } from './timeline-store.js';

/** Answers GET .../messages with a page the test releases when it wants. */
function holdPages() {
  const pending: ((page: MessagePage) => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          pending.push((page) => resolve(new Response(JSON.stringify(page), { status: 200 })));
        }),
    ),
  );
  return { release: (page: MessagePage) => pending.shift()?.(page), count: () => pending.length };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TimelineStore', () => {
  it('applies events that arrive while the first page is on its way', async () => {
    const s = new FakeGroupStream();
    s.post('one');
    s.post('two');
    const pages = holdPages();
    const loaded: number[] = [];
    const store = new TimelineStore('user', (_g, seq) => loaded.push(seq));

    const loading = store.load(GROUP);
    expect(store.entry(GROUP).loading).toBe(true);
    const pageAtTwo = s.page();
    // While the page travels, the stream delivers an old event (already in the page) and a new one.
    s.post('three');
    store.applyEvent(s.events[1]!);
    store.applyEvent(s.events[2]!);
    pages.release(pageAtTwo);
    await loading;

    const entry = store.entry(GROUP);
    expect(entry.loading).toBe(false);
    expect(entry.timeline?.messages.map((m) => m.body)).toEqual(['one', 'two', 'three']);
    expect(entry.timeline?.cursor).toBe(3);
    expect(loaded).toEqual([3]);
  });

  it('keeps the error and no timeline when the page cannot be fetched', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const store = new TimelineStore('user', () => undefined);
    await store.load(GROUP);
    const entry = store.entry(GROUP);
    expect(entry.timeline).toBeNull();
    expect(entry.error).toMatchObject({ status: 0, code: 'network' });
  });

  it('ignores events for conversations that are not open', () => {
    const s = new FakeGroupStream();
    s.post('one');
    const store = new TimelineStore('user', () => undefined);
    store.applyEvent(s.events[0]!);
    expect(store.entry(GROUP).timeline).toBeNull();
  });
});
