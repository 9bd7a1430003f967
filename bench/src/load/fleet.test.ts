// Tests of the cheap frame scans the receivers use instead of parsing JSON.
import { describe, expect, it } from 'vitest';
import { countOccurrences, lastSeqOf } from './fleet.js';

const posted = (seq: number, body: string) =>
  JSON.stringify({ type: 'message.posted', groupId: 'G', seq, message: { seq, body, author: { id: 'A' } } });

describe('frame scans', () => {
  it('counts posted events in a merged frame', () => {
    const frame = Buffer.from(
      `[${posted(1, 'a')},${posted(2, 'b')},{"type":"caught_up","groupId":"G","seq":2}]`,
    );
    expect(countOccurrences(frame, Buffer.from('{"type":"message.posted"'))).toBe(2);
  });

  it('reads the sequence of the last element, even when a body mentions "seq"', () => {
    const frame = Buffer.from(`[${posted(41, 'x')},${posted(42, '{"seq":99}')}]`);
    expect(lastSeqOf(frame)).toBe(42);
    expect(lastSeqOf(Buffer.from('[{"type":"caught_up","groupId":"G","seq":7}]'))).toBe(7);
    expect(lastSeqOf(Buffer.from('[{"type":"pong"}]'))).toBe(-1);
  });
});
