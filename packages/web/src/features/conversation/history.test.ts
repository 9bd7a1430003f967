// Tests how a message's history becomes versions, the deletion note, and where "History" is offered.
import { describe, expect, it } from 'vitest';
import type { MessageHistory, PublicPerson } from '../../api/types.js';
import { FakeGroupStream, ME } from '../../state/test-fixtures.js';
import { canShowHistory, deletionText, historyVersions } from './history.js';

const moderator: PublicPerson = { id: '01HZX0000000000000000000MD', displayName: 'Moss', badges: [] };

function history(overrides: Partial<MessageHistory['message']>, edits: MessageHistory['edits'] = []) {
  const message = new FakeGroupStream().post('Gate left open at Low Gill', ME);
  return { message: { ...message, originalBody: message.body, ...overrides }, edits } as MessageHistory;
}

describe('historyVersions', () => {
  it('gives a message never edited as one version by its author', () => {
    const h = history({});
    const view = historyVersions(h);
    expect(view.deletion).toBeNull();
    expect(view.versions).toEqual([
      {
        number: 1,
        body: 'Gate left open at Low Gill',
        by: h.message.author,
        at: h.message.createdAt,
        kind: 'posted',
        latest: true,
      },
    ]);
  });

  it('puts each replaced text before the stored one, credited to whoever wrote it and when', () => {
    const h = history({ originalBody: 'third', editedAt: 3000 }, [
      { body: 'first', editedBy: h0().author, replacedAt: 2000 },
      { body: 'second', editedBy: moderator, replacedAt: 3000 },
    ]);
    const { versions } = historyVersions(h);
    expect(versions.map((v) => [v.body, v.by.displayName, v.at, v.kind, v.latest])).toEqual([
      ['first', 'Me', h.message.createdAt, 'posted', false],
      ['second', 'Me', 2000, 'edited', false],
      ['third', 'Moss', 3000, 'edited', true],
    ]);
  });

  it('keeps the text of a deleted message and notes the deletion', () => {
    const h = history({ body: '', deleted: true, originalBody: 'Gate left open at Low Gill' });
    const view = historyVersions(h);
    expect(view.versions.at(-1)?.body).toBe('Gate left open at Low Gill');
    expect(view.deletion).toEqual({ by: null, at: null });
  });

  it('names who deleted and when if the server says', () => {
    const h = history({ deleted: true, ...{ deletedBy: moderator, deletedAt: 5000 } });
    expect(historyVersions(h).deletion).toEqual({ by: moderator, at: 5000 });
  });
});

describe('deletionText', () => {
  const at = (n: number) => `t${n}`;
  it('says as much as is known', () => {
    expect(deletionText({ by: null, at: null }, at)).toBe('Deleted');
    expect(deletionText({ by: null, at: 5 }, at)).toBe('Deleted at t5');
    expect(deletionText({ by: moderator, at: 5 }, at)).toBe('Deleted by Moss at t5');
  });
});

describe('canShowHistory', () => {
  const plain = h0();
  const edited = { ...plain, editedAt: 2000 };
  const deleted = { ...plain, body: '', deleted: true };
  it('offers it to the author and to moderators, for edited or deleted messages', () => {
    expect(canShowHistory(edited, true, false)).toBe(true);
    expect(canShowHistory(deleted, false, true)).toBe(true);
    expect(canShowHistory(deleted, true, false)).toBe(true);
  });
  it('not to other members, and not where there is nothing more to see', () => {
    expect(canShowHistory(edited, false, false)).toBe(false);
    expect(canShowHistory(deleted, false, false)).toBe(false);
    expect(canShowHistory(plain, true, true)).toBe(false);
  });
});

function h0() {
  return new FakeGroupStream().post('Gate left open at Low Gill', ME);
}
