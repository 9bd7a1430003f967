// Merging server frames: JSON arrays joined without parsing, whatever their text contains.
import { describe, expect, it } from 'vitest';
import { encodeTextFrame, mergeFrames } from './outbox.js';

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

describe('encodeTextFrame', () => {
  it.each([
    [5, 2],
    [125, 2],
    [126, 4],
    [65_535, 4],
    [65_536, 10],
  ])('frames a %i-byte payload behind a %i-byte header, unmasked, final, text', (size, header) => {
    const payload = Buffer.alloc(size, 0x61);
    const frame = encodeTextFrame(payload);
    expect(frame.length).toBe(header + size);
    expect(frame[0]).toBe(0x81);
    if (header === 2) expect(frame[1]).toBe(size);
    if (header === 4) expect([frame[1], frame.readUInt16BE(2)]).toEqual([126, size]);
    if (header === 10) expect([frame[1], frame.readBigUInt64BE(2)]).toEqual([127, BigInt(size)]);
    expect(frame.subarray(header).equals(payload)).toBe(true);
  });
});
