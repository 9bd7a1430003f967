// Tests which newly arrived message the conversation shows from its top (a new alert card at the end only),
// and how it finds a message it was asked to show.
import { describe, expect, it } from 'vitest';
import { FakeGroupStream } from '../../state/test-fixtures.js';
import { arrivedAlertId, jumpStep, jumpTargetOf, MAX_JUMP_PAGES } from './scroll.js';

function conversation() {
  const stream = new FakeGroupStream();
  const note = stream.post('Gate left open at Low Gill');
  const card = stream.raiseAlert();
  return { note, card };
}

describe('arrivedAlertId', () => {
  it('names an alert card that has just arrived at the end', () => {
    const { note, card } = conversation();
    expect(arrivedAlertId([note, card], note.id)).toBe(card.id);
    expect(arrivedAlertId([card], null)).toBe(card.id);
  });

  it('names nothing for an ordinary message, a card already there, or a deleted card', () => {
    const { note, card } = conversation();
    expect(arrivedAlertId([card, note], card.id)).toBeNull();
    expect(arrivedAlertId([note, card], card.id)).toBeNull();
    expect(arrivedAlertId([note, { ...card, deleted: true, alert: null }], note.id)).toBeNull();
    expect(arrivedAlertId([], null)).toBeNull();
  });
});

describe('jumpTargetOf', () => {
  it('reads the message and its sequence from the address', () => {
    expect(jumpTargetOf(new URLSearchParams('message=M1&seq=42'))).toEqual({ id: 'M1', seq: 42 });
    expect(jumpTargetOf(new URLSearchParams('message=M1&seq=soon'))).toEqual({ id: 'M1', seq: null });
    expect(jumpTargetOf(new URLSearchParams('seq=42'))).toBeNull();
  });
});

describe('jumpStep', () => {
  const stream = new FakeGroupStream();
  const messages = Array.from({ length: 5 }, (_, i) => stream.post(`note ${i + 1}`));
  const loaded = { messages: messages.slice(2), hasOlder: true };
  const idle = { pagesFetched: 0, loadingOlder: false, saved: false };
  const third = messages[2] as (typeof messages)[number];
  const first = messages[0] as (typeof messages)[number];

  it('shows a message already loaded', () => {
    expect(jumpStep(loaded, { id: third.id, seq: third.seq }, idle)).toBe('show');
  });

  it('fetches earlier pages while the message is further back, waiting for each', () => {
    expect(jumpStep(loaded, { id: first.id, seq: first.seq }, idle)).toBe('load-older');
    expect(jumpStep(loaded, { id: first.id, seq: null }, idle)).toBe('load-older');
    expect(jumpStep(loaded, { id: first.id, seq: first.seq }, { ...idle, loadingOlder: true })).toBe('wait');
    expect(jumpStep(loaded, { id: first.id, seq: first.seq }, { ...idle, saved: true })).toBe('wait');
  });

  it('gives up when there is nothing earlier, it should be here already, or enough pages were fetched', () => {
    expect(jumpStep({ ...loaded, hasOlder: false }, { id: first.id, seq: first.seq }, idle)).toBe('not-here');
    expect(jumpStep(loaded, { id: 'gone', seq: 4 }, idle)).toBe('not-here');
    expect(
      jumpStep(loaded, { id: first.id, seq: first.seq }, { ...idle, pagesFetched: MAX_JUMP_PAGES }),
    ).toBe('not-here');
  });
});
