// Tests which newly arrived message the conversation shows from its top: a new alert card at the end only.
import { describe, expect, it } from 'vitest';
import { FakeGroupStream } from '../../state/test-fixtures.js';
import { arrivedAlertId } from './scroll.js';

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
