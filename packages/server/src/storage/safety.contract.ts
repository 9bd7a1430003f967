// Store contract, safety: each organisation's emergency numbers, who is on watch, and messages flagged by the risk check.
import {
  DomainError,
  type EpochMs,
  type FlagId,
  type GroupId,
  type PatternId,
  type RiskFlag,
  type ShiftId,
  type Store,
  type UserId,
  type WatchPattern,
  type WatchShift,
} from '@fellwatch/core';
import { expect, it } from 'vitest';
import { aGroupWithMemberAndMore, aMessage, aUser, fixtureEpoch, newId } from './test-support/fixtures.js';

const HOUR = 3_600_000;

/** Behaviour of the safety repository; `store` returns the store under test. */
export function safetyContract(store: () => Store): void {
  const safety = () => store().safety;

  function aShift(userId: UserId, groupIds: GroupId[], overrides: Partial<WatchShift> = {}): WatchShift {
    return {
      id: newId<ShiftId>(),
      userId,
      groupIds,
      startsAt: fixtureEpoch + HOUR,
      endsAt: fixtureEpoch + 5 * HOUR,
      endedEarly: false,
      createdAt: fixtureEpoch,
      ...overrides,
    };
  }

  async function aPostedMessage(body = 'Smoke coming from the barn at Low Moor, call 999') {
    const world = await aGroupWithMemberAndMore(store(), 1);
    const { message } = await store().appendMessage(aMessage(world.group.id, world.user.id, { body }));
    return { ...world, message };
  }

  function aFlag(
    message: { id: RiskFlag['messageId']; groupId: GroupId; authorId: UserId },
    overrides: Partial<RiskFlag> = {},
  ): RiskFlag {
    return {
      id: newId<FlagId>(),
      messageId: message.id,
      groupId: message.groupId,
      authorId: message.authorId,
      categories: ['fire'],
      cues: ['smoke coming from the barn'],
      score: 0.92,
      createdAt: fixtureEpoch + 2 * HOUR,
      state: 'open',
      handledBy: null,
      handledAt: null,
      ...overrides,
    };
  }

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    try {
      await work;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  // ---- guidance ----

  it('has no guidance for an organisation until its admins set some, then keeps the latest, with its record rule', async () => {
    const { organisation, user } = await aGroupWithMemberAndMore(store(), 0);
    expect(await safety().getGuidance(organisation.id)).toBeUndefined();
    const first = {
      organisationId: organisation.id,
      emergencyNumber: '999',
      nonEmergencyNumber: '101',
      onlineReportUrl: 'https://www.durham.police.uk/ro/report',
      forceName: 'Durham Constabulary',
      recordRetentionDays: 365,
      updatedBy: user.id,
      updatedAt: fixtureEpoch + 1,
    };
    await safety().putGuidance(first);
    expect(await safety().getGuidance(organisation.id)).toEqual(first);
    const second = {
      ...first,
      nonEmergencyNumber: '0345 60 60 365',
      onlineReportUrl: null,
      forceName: null,
      recordRetentionDays: 3650,
    };
    await safety().putGuidance({ ...second, updatedAt: fixtureEpoch + 2 });
    expect(await safety().getGuidance(organisation.id)).toEqual({ ...second, updatedAt: fixtureEpoch + 2 });
  });

  // ---- shifts ----

  it('stores a shift with its groups and finds it covering each of them only while it runs', async () => {
    const { user, group, more } = await aGroupWithMemberAndMore(store(), 2);
    const [second, third] = more as [typeof group, typeof group];
    const shift = aShift(user.id, [group.id, second.id]);
    await safety().createShift(shift);

    const stored = await safety().getShift(shift.id);
    expect(stored).toEqual({ ...shift, groupIds: [...shift.groupIds].sort() });

    const covering = async (g: GroupId, at: EpochMs) =>
      (await safety().listShiftsCovering(g, at)).map((s) => s.id);
    expect(await covering(group.id, shift.startsAt - 1)).toEqual([]);
    expect(await covering(group.id, shift.startsAt)).toEqual([shift.id]);
    expect(await covering(second.id, shift.endsAt - 1)).toEqual([shift.id]);
    // The end is the first moment the shift no longer covers.
    expect(await covering(group.id, shift.endsAt)).toEqual([]);
    expect(await covering(third.id, shift.startsAt + 1)).toEqual([]);
  });

  it("lists a person's shifts that end after a time, soonest first, and nobody else's", async () => {
    const { user, group } = await aGroupWithMemberAndMore(store(), 0);
    const other = aUser();
    await store().createUser(other);
    const later = aShift(user.id, [group.id], {
      startsAt: fixtureEpoch + 10 * HOUR,
      endsAt: fixtureEpoch + 12 * HOUR,
    });
    const sooner = aShift(user.id, [group.id]);
    const over = aShift(user.id, [group.id], { startsAt: fixtureEpoch, endsAt: fixtureEpoch + HOUR / 2 });
    const theirs = aShift(other.id, [group.id]);
    for (const s of [later, sooner, over, theirs]) await safety().createShift(s);

    const listed = await safety().listShiftsOfUser(user.id, fixtureEpoch + HOUR);
    expect(listed.map((s) => s.id)).toEqual([sooner.id, later.id]);
    expect(listed[0]?.groupIds).toEqual([group.id]);
  });

  it('ends a running shift early at the given moment, after which it covers nothing', async () => {
    const { user, group } = await aGroupWithMemberAndMore(store(), 0);
    const shift = aShift(user.id, [group.id]);
    await safety().createShift(shift);
    const at = shift.startsAt + HOUR;

    const ended = await safety().endShift(shift.id, at);
    expect(ended).toEqual({ ...shift, endsAt: at, endedEarly: true });
    expect(await safety().getShift(shift.id)).toEqual(ended);
    expect(await safety().listShiftsCovering(group.id, at)).toEqual([]);
    expect(await safety().listShiftsCovering(group.id, at - 1)).toHaveLength(1);
    // Ending again changes nothing.
    expect(await safety().endShift(shift.id, at + HOUR)).toEqual(ended);
  });

  it('cancels a shift not yet started by ending it at its start, and leaves a finished one alone', async () => {
    const { user, group } = await aGroupWithMemberAndMore(store(), 0);
    const future = aShift(user.id, [group.id]);
    const finished = aShift(user.id, [group.id], { startsAt: fixtureEpoch, endsAt: fixtureEpoch + HOUR / 2 });
    await safety().createShift(future);
    await safety().createShift(finished);

    const cancelled = await safety().endShift(future.id, fixtureEpoch);
    expect(cancelled).toMatchObject({ startsAt: future.startsAt, endsAt: future.startsAt, endedEarly: true });
    expect(await safety().listShiftsCovering(group.id, future.startsAt)).toEqual([]);
    expect(await safety().endShift(finished.id, fixtureEpoch + HOUR)).toEqual(finished);
  });

  it('answers not_found when ending an unknown shift', async () => {
    const error = await refusal(safety().endShift(newId<ShiftId>(), fixtureEpoch));
    expect(error.code).toBe('not_found');
  });

  it('writes nothing of a shift naming a group that does not exist', async () => {
    const { user, group } = await aGroupWithMemberAndMore(store(), 0);
    const shift = aShift(user.id, [group.id, newId<GroupId>()]);
    await expect(safety().createShift(shift)).rejects.toThrow();
    expect(await safety().getShift(shift.id)).toBeUndefined();
    expect(await safety().listShiftsCovering(group.id, shift.startsAt)).toEqual([]);
  });

  // ---- weekly patterns ----

  function aPattern(
    userId: UserId,
    groupIds: GroupId[],
    overrides: Partial<WatchPattern> = {},
  ): WatchPattern {
    return {
      id: newId<PatternId>(),
      userId,
      groupIds,
      days: [2, 5],
      startMinute: 18 * 60,
      durationMinutes: 8 * 60,
      createdAt: fixtureEpoch,
      endedAt: null,
      ...overrides,
    };
  }

  it('stores a weekly pattern with its groups and lists it for its owner and for each group', async () => {
    const { user, group, more } = await aGroupWithMemberAndMore(store(), 2);
    const [second, third] = more as [typeof group, typeof group];
    const pattern = aPattern(user.id, [group.id, second.id]);
    const older = aPattern(user.id, [third.id], { createdAt: fixtureEpoch - 1, days: [7] });
    await safety().createPattern(pattern);
    await safety().createPattern(older);

    const sorted = { ...pattern, groupIds: [...pattern.groupIds].sort() };
    expect(await safety().getPattern(pattern.id)).toEqual(sorted);
    expect(await safety().listPatternsOfUser(user.id)).toEqual([older, sorted]);
    expect((await safety().listPatternsOfGroup(second.id)).map((p) => p.id)).toEqual([pattern.id]);
    expect((await safety().listPatternsOfGroup(third.id)).map((p) => p.id)).toEqual([older.id]);
  });

  it('stops a pattern, after which it is listed for nobody; stopping again changes nothing', async () => {
    const { user, group } = await aGroupWithMemberAndMore(store(), 0);
    const pattern = aPattern(user.id, [group.id]);
    await safety().createPattern(pattern);
    const stopped = await safety().endPattern(pattern.id, fixtureEpoch + 5);
    expect(stopped).toEqual({ ...pattern, endedAt: fixtureEpoch + 5 });
    expect(await safety().endPattern(pattern.id, fixtureEpoch + 9)).toEqual(stopped);
    expect(await safety().listPatternsOfUser(user.id)).toEqual([]);
    expect(await safety().listPatternsOfGroup(group.id)).toEqual([]);
    expect((await refusal(safety().endPattern(newId<PatternId>(), fixtureEpoch))).code).toBe('not_found');
  });

  // ---- flags ----

  it('flags a message once: a second flag for it returns the first and changes nothing', async () => {
    const { message } = await aPostedMessage();
    const flag = aFlag(message);
    expect(await safety().flagMessage(flag)).toEqual({ flag, created: true });
    expect(await safety().getFlag(flag.id)).toEqual(flag);

    const again = await safety().flagMessage(aFlag(message, { categories: ['crash'], cues: ['crash'] }));
    expect(again).toEqual({ flag, created: false });
    expect(await safety().listFlags(message.groupId, { limit: 10 })).toEqual([flag]);
  });

  it('keeps one flag when the same message is flagged twice at once', async () => {
    const { message } = await aPostedMessage();
    const results = await Promise.all([
      safety().flagMessage(aFlag(message)),
      safety().flagMessage(aFlag(message)),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]?.flag).toEqual(results[1]?.flag);
    expect(await safety().listFlags(message.groupId, { limit: 10 })).toHaveLength(1);
  });

  it('flags a message in the same transaction as other writes: a rollback leaves no flag', async () => {
    const { message } = await aPostedMessage();
    const flag = aFlag(message);
    await expect(
      store().transaction(async (tx) => {
        await tx.safety.flagMessage(flag);
        throw new Error('something later failed');
      }),
    ).rejects.toThrow('something later failed');
    expect(await safety().getFlag(flag.id)).toBeUndefined();
    await store().transaction((tx) => tx.safety.flagMessage(flag));
    expect(await safety().getFlag(flag.id)).toEqual(flag);
  });

  it("lists a group's flags newest first, open or handled, and counts the open ones per group", async () => {
    const { group, user, more } = await aGroupWithMemberAndMore(store(), 1);
    const other = more[0] as typeof group;
    const post = async (groupId: GroupId) =>
      (await store().appendMessage(aMessage(groupId, user.id, { body: 'Someone is missing' }))).message;
    const older = aFlag(await post(group.id), { createdAt: fixtureEpoch + 1 });
    const newer = aFlag(await post(group.id), { createdAt: fixtureEpoch + 2 });
    const elsewhere = aFlag(await post(other.id), { createdAt: fixtureEpoch + 3 });
    for (const f of [older, newer, elsewhere]) await safety().flagMessage(f);

    expect((await safety().listFlags(group.id, { limit: 10 })).map((f) => f.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect((await safety().listFlags(group.id, { limit: 1 })).map((f) => f.id)).toEqual([newer.id]);

    const handled = await safety().handleFlag(older.id, user.id, fixtureEpoch + 10);
    expect(handled).toEqual({ ...older, state: 'handled', handledBy: user.id, handledAt: fixtureEpoch + 10 });
    expect((await safety().listFlags(group.id, { state: 'open', limit: 10 })).map((f) => f.id)).toEqual([
      newer.id,
    ]);
    expect((await safety().listFlags(group.id, { state: 'handled', limit: 10 })).map((f) => f.id)).toEqual([
      older.id,
    ]);

    const counts = await safety().countOpenFlags([group.id, other.id, newId<GroupId>()]);
    expect([...counts.entries()].sort()).toEqual(
      [
        [group.id, 1],
        [other.id, 1],
      ].sort(),
    );
    expect((await safety().countOpenFlags([])).size).toBe(0);
  });

  it('keeps the first person who handled a flag; an unknown flag is not_found', async () => {
    const { message, user } = await aPostedMessage();
    const flag = aFlag(message);
    await safety().flagMessage(flag);
    const second = aUser();
    await store().createUser(second);
    const first = await safety().handleFlag(flag.id, user.id, fixtureEpoch + 5);
    expect(await safety().handleFlag(flag.id, second.id, fixtureEpoch + 9)).toEqual(first);
    expect(await safety().getFlag(flag.id)).toEqual(first);
    expect((await refusal(safety().handleFlag(newId<FlagId>(), user.id, fixtureEpoch))).code).toBe(
      'not_found',
    );
  });
}
