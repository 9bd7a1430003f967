// Tests alerts in the message-list reducer: alert.updated replaces the card in place, like an edit.
import { describe, expect, it } from 'vitest';
import { alertView, FakeGroupStream, GROUP } from './test-fixtures.js';
import { applyEvent, applyEvents, timelineFromPage, updateAlert, upsertMessage } from './timeline.js';

const empty = () => timelineFromPage(GROUP, { messages: [], lastSeq: 0, hasMore: false });

describe('alert.updated', () => {
  it('brings any old snapshot to exactly what a fresh fetch returns', () => {
    const s = new FakeGroupStream();
    const snapshots = [s.page()];
    s.post('Anyone seen a red quad?');
    snapshots.push(s.page());
    const card = s.raiseAlert();
    snapshots.push(s.page());
    s.post('Will keep an eye out');
    snapshots.push(s.page());
    s.updateAlert(card.id, { status: 'confirmed' });
    snapshots.push(s.page());
    s.updateAlert(card.id, { status: 'resolved', outcome: 'recovered', outcomeNote: 'Found in Weardale' });
    snapshots.push(s.page());

    const fresh = timelineFromPage(GROUP, s.page());
    for (const [i, page] of snapshots.entries()) {
      expect(applyEvents(timelineFromPage(GROUP, page), s.events), `snapshot ${i}`).toEqual(fresh);
    }
    expect(fresh.messages[1]?.alert).toMatchObject({ status: 'resolved', outcome: 'recovered' });
  });

  it('replaces the placement in place, keeps its sequence and moves the cursor', () => {
    const s = new FakeGroupStream();
    const card = s.raiseAlert();
    s.post('after');
    const before = applyEvents(empty(), s.events);
    s.updateAlert(card.id, { status: 'retracted' });
    const after = applyEvent(before, s.events.at(-1)!);
    expect(after.messages.map((m) => m.id)).toEqual(before.messages.map((m) => m.id));
    expect(after.messages[0]).toMatchObject({ id: card.id, seq: 1, alert: { status: 'retracted' } });
    expect(after.cursor).toBe(3);
    expect(applyEvent(after, s.events.at(-1)!)).toBe(after);
  });
});

describe('updateAlert', () => {
  it('shows the answer of a status change on the card before its event arrives; the event is harmless', () => {
    const s = new FakeGroupStream();
    s.raiseAlert();
    const shown = applyEvents(empty(), s.events);
    const card = shown.messages[0]!;
    const confirmed = s.updateAlert(card.id, { status: 'confirmed' });
    const answered = updateAlert(shown, confirmed.alert!);
    expect(answered.messages[0]?.alert?.status).toBe('confirmed');
    expect(applyEvents(answered, s.events)).toEqual(timelineFromPage(GROUP, s.page()));
  });

  it('never lets a late answer undo a later change', () => {
    const s = new FakeGroupStream();
    const card = s.raiseAlert();
    const confirmed = s.updateAlert(card.id, { status: 'confirmed' });
    s.updateAlert(card.id, { status: 'resolved', outcome: 'owner_found' });
    const t = applyEvents(empty(), s.events);
    expect(updateAlert(t, confirmed.alert!)).toBe(t);
    expect(upsertMessage(t, confirmed)).toBe(t);
    expect(t.messages[0]?.alert).toMatchObject({ status: 'resolved', outcome: 'owner_found' });
  });

  it('leaves timelines that do not show the alert untouched', () => {
    const s = new FakeGroupStream();
    s.post('no alerts here');
    const t = applyEvents(empty(), s.events);
    expect(updateAlert(t, alertView({ status: 'confirmed', updatedAt: Date.now() }))).toBe(t);
  });
});
