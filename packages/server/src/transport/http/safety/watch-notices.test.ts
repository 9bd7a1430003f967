// Integration tests of the `watch` notice on both engines: when someone goes on or off watch now (a
// shift, or a weekly watch running now), the group's members are told to ask again who is watching;
// a shift booked for later, and people outside the group, hear nothing.
import { PatternResponse, ShiftResponse } from '@fellwatch/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { type StreamClient, settle, until } from '../../ws/test-support/stream-harness.js';
import { addToGroup, createGroup } from '../groups/test-support/world.js';
import { createSafetyWorld, openStream, type SafetyWorld, ukClock } from './test-support/world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describeEngines('watch notices on the live stream', (engine) => {
  let server: TestServer;
  let world: SafetyWorld;
  let outsider: TestUser;
  let member: StreamClient;
  let elsewhere: StreamClient;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await createSafetyWorld(server);
    const otherGroup = await createGroup(world.platformAdmin, world.organisation.id);
    outsider = await server.createUser({ displayName: 'Member elsewhere' });
    await addToGroup(world.platformAdmin, otherGroup, outsider, 'member');
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    member = await openStream(server, world.member, [world.groupId]);
    elsewhere = await openStream(server, outsider, []);
  });
  afterEach(() => {
    member.close();
    elsewhere.close();
  });

  const notices = (client: StreamClient) => client.messages.filter((m) => m.type === 'watch');
  const expectNotices = async (count: number) => {
    await until(() => notices(member).length >= count);
    await settle();
    expect(notices(member)).toEqual(
      Array.from({ length: count }, () => ({ type: 'watch', groupId: world.groupId })),
    );
    expect(notices(elsewhere)).toEqual([]);
  };

  it('tells the members when an officer goes on watch now and when the shift ends early', async () => {
    const started = await world.officer.request('POST', '/api/v1/watch/shifts', {
      groupIds: [world.groupId],
      endsAt: Date.now() + HOUR,
    });
    expect(started.status, started.text).toBe(201);
    await expectNotices(1);
    const { shift } = ShiftResponse.parse(started.body);
    const ended = await world.officer.request('POST', `/api/v1/watch/shifts/${shift.id}/end`);
    expect(ended.status, ended.text).toBe(200);
    await expectNotices(2);
  });

  it('says nothing of a shift booked for later, nor of cancelling it', async () => {
    const booked = await world.officer.request('POST', '/api/v1/watch/shifts', {
      groupIds: [world.groupId],
      startsAt: Date.now() + HOUR,
      endsAt: Date.now() + 2 * HOUR,
    });
    expect(booked.status, booked.text).toBe(201);
    const { shift } = ShiftResponse.parse(booked.body);
    const cancelled = await world.officer.request('POST', `/api/v1/watch/shifts/${shift.id}/end`);
    expect(cancelled.status, cancelled.text).toBe(200);
    await settle(300);
    expect(notices(member)).toEqual([]);
  });

  it('tells the members when a weekly watch running now is added and stopped, and not for another day', async () => {
    const { weekday, time } = ukClock(Date.now() - 10 * MINUTE);
    const added = await world.admin.request('POST', '/api/v1/watch/patterns', {
      groupIds: [world.groupId],
      days: [weekday],
      startTime: time,
      durationMinutes: 60,
    });
    expect(added.status, added.text).toBe(201);
    await expectNotices(1);
    const { pattern } = PatternResponse.parse(added.body);
    const stopped = await world.admin.request('POST', `/api/v1/watch/patterns/${pattern.id}/end`);
    expect(stopped.status, stopped.text).toBe(200);
    await expectNotices(2);

    const otherDay = (weekday % 7) + 1;
    const later = await world.admin.request('POST', '/api/v1/watch/patterns', {
      groupIds: [world.groupId],
      days: [otherDay],
      startTime: time,
      durationMinutes: 60,
    });
    expect(later.status, later.text).toBe(201);
    await settle(300);
    expect(notices(member)).toHaveLength(2);
    const laterId = PatternResponse.parse(later.body).pattern.id;
    await world.admin.request('POST', `/api/v1/watch/patterns/${laterId}/end`);
  });
});
