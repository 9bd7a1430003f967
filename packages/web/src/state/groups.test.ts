// Tests unread counting on the group list as events and reads arrive.
import { describe, expect, it } from 'vitest';
import type { MyGroup } from '../api/types.js';
import { applyEventToGroups, markGroupRead, sortGroups, splitGroups } from './groups.js';
import { FakeGroupStream, GROUP, ME } from './test-fixtures.js';

function group(overrides: Partial<MyGroup> = {}): MyGroup {
  return {
    id: GROUP,
    organisationId: '01HZX000000000000000000ORG',
    organisationName: 'Durham Constabulary',
    name: 'Weardale Farm Watch',
    description: '',
    rules: '',
    area: null,
    vettingQuestions: [],
    externalAlerts: 'review',
    lastSeq: 0,
    createdAt: 0,
    myRole: 'member',
    myStatus: 'active',
    lastReadSeq: 0,
    unread: 0,
    ...overrides,
  };
}

describe('applyEventToGroups', () => {
  it("counts others' new posts once, even when the stream replays them", () => {
    const s = new FakeGroupStream();
    const a = s.post('from Ruth');
    s.post('from me', ME);
    s.edit(a.id, 'edited');
    s.post('from Ruth again');
    let groups = [group()];
    for (const e of [...s.events, ...s.events]) groups = applyEventToGroups(groups, e, ME);
    expect(groups[0]).toMatchObject({ unread: 2, lastSeq: 4 });
  });

  it('does not count messages the list already included', () => {
    const s = new FakeGroupStream();
    s.post('one');
    s.post('two');
    const groups = s.events.reduce(
      (g, e) => applyEventToGroups(g, e, ME),
      [group({ lastSeq: 1, unread: 1 })],
    );
    expect(groups[0]?.unread).toBe(2);
  });
});

describe('markGroupRead', () => {
  it('clears the count and never moves the read mark backwards', () => {
    const read = markGroupRead([group({ lastSeq: 5, unread: 3 })], GROUP, 5);
    expect(read[0]).toMatchObject({ unread: 0, lastReadSeq: 5 });
    expect(markGroupRead(read, GROUP, 2)[0]?.lastReadSeq).toBe(5);
  });
});

describe('sortGroups', () => {
  it('lists active groups before pending ones, each by name', () => {
    const sorted = sortGroups([
      group({ id: 'b', name: 'Bravo', myStatus: 'pending' }),
      group({ id: 'c', name: 'Charlie' }),
      group({ id: 'a', name: 'Alpha' }),
    ]);
    expect(sorted.map((g) => g.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('splitGroups', () => {
  it('puts groups I only manage (no role, no status) apart from the ones I am in, each by name', () => {
    const groups = [
      group({ id: 'm2', name: 'Teesdale', myRole: null, myStatus: null }),
      group({ id: 'a', name: 'Weardale' }),
      group({ id: 'p', name: 'Allendale', myStatus: 'pending' }),
      group({ id: 'm1', name: 'Baldersdale', myRole: null, myStatus: null }),
    ];
    const { mine, managed } = splitGroups(groups);
    expect(mine.map((g) => g.id)).toEqual(['a', 'p']);
    expect(managed.map((g) => g.id)).toEqual(['m1', 'm2']);
  });
});
