// Merging server frames: JSON arrays joined without parsing, whatever their text contains.
import { describe, expect, it } from 'vitest';
import { mergeFrames } from './outbox.js';

const frame = (...items: unknown[]) => Buffer.from(JSON.stringify(items));

describe('mergeFrames', () => {
  it('joins the items of several frames into one array, in order', () => {
    const merged = mergeFrames([frame({ a: 1 }), frame({ b: '[x],[y]' }, { c: 3 }), frame({ d: 'é🐑' })]);
    expect(JSON.parse(merged.toString())).toEqual([{ a: 1 }, { b: '[x],[y]' }, { c: 3 }, { d: 'é🐑' }]);
  });

  it('returns an equal frame for a single one', () => {
    expect(mergeFrames([frame({ a: 1 })]).toString()).toBe('[{"a":1}]');
  });
});
