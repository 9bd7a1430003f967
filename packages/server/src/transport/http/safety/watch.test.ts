// Integration tests of emergency guidance and the duty roster on both engines: who may set and read the
// numbers, going on watch, the group header's "watched now by", ending early, and every refusal.
import {
  ErrorBody,
  GuidanceResponse,
  MyWatch,
  PatternResponse,
  ShiftResponse,
  WatchStatus,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { createGroup, expectError } from '../groups/test-support/world.js';
import { createSafetyWorld, type SafetyWorld, ukClock } from './test-support/world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UNKNOWN_ID = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

describeEngines('safety routes: guidance and who is watching', (engine) => {
  let server: TestServer;
  let world: SafetyWorld;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await createSafetyWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const guidanceUrl = () => `/api/v1/organisations/${world.organisation.id}/guidance`;
  const status = async (as: TestUser, groupId = world.groupId) => {
    const response = await as.request('GET', `/api/v1/groups/${groupId}/watch`);
    expect(response.status, response.text).toBe(200);
    return WatchStatus.parse(response.body);
  };
  const goOnWatch = (as: TestUser, body: Record<string, unknown>) =>
    as.request('POST', '/api/v1/watch/shifts', body);
  const endShift = (as: TestUser, shiftId: string) =>
    as.request('POST', `/api/v1/watch/shifts/${shiftId}/end`);
  const myShifts = async (as: TestUser) =>
    MyWatch.parse((await as.request('GET', '/api/v1/watch')).body).shifts;

  function expectField(
    response: { status: number; body: unknown; text: string },
    status: number,
    field: string,
  ) {
    expect(response.status, response.text).toBe(status);
    expect(ErrorBody.parse(response.body).error.field).toBe(field);
  }

  describe('emergency guidance', () => {
    it('is 999 and 101 with no online form until the organisation sets its own', async () => {
      const shown = await status(world.member);
      expect(shown.guidance).toEqual({
        organisationId: world.organisation.id,
        emergencyNumber: '999',
        nonEmergencyNumber: '101',
        onlineReportUrl: null,
        forceName: null,
        recordRetentionDays: 365,
        updatedAt: null,
      });
    });

    it('is set by an organisation admin and read by members of its groups in the header and directly', async () => {
      const set = await world.orgAdmin.request('PUT', guidanceUrl(), {
        emergencyNumber: '999',
        nonEmergencyNumber: '0345 60 60 365',
        onlineReportUrl: 'https://www.durham.police.uk/ro/report/ocr/af/how-to-report-a-crime/',
        forceName: 'Durham Constabulary',
      });
      expect(set.status, set.text).toBe(200);
      const { guidance } = GuidanceResponse.parse(set.body);
      expect(guidance).toMatchObject({
        nonEmergencyNumber: '0345 60 60 365',
        forceName: 'Durham Constabulary',
      });
      expect(guidance.updatedAt).toEqual(expect.any(Number));

      expect((await status(world.member)).guidance).toEqual(guidance);
      const read = await world.member.request('GET', guidanceUrl());
      expect(read.status, read.text).toBe(200);
      expect(GuidanceResponse.parse(read.body).guidance).toEqual(guidance);
    });

    it('refuses numbers that are not digits and an online form that is not https, naming the field, changing nothing', async () => {
      const before = (await status(world.member)).guidance;
      const valid = { emergencyNumber: '999', nonEmergencyNumber: '101', onlineReportUrl: null };
      expectField(
        await world.orgAdmin.request('PUT', guidanceUrl(), { ...valid, emergencyNumber: '99a' }),
        400,
        'emergencyNumber',
      );
      expectField(
        await world.orgAdmin.request('PUT', guidanceUrl(), { ...valid, emergencyNumber: '9' }),
        400,
        'emergencyNumber',
      );
      expectField(
        await world.orgAdmin.request('PUT', guidanceUrl(), {
          ...valid,
          nonEmergencyNumber: 'ring the station',
        }),
        400,
        'nonEmergencyNumber',
      );
      expectField(
        await world.orgAdmin.request('PUT', guidanceUrl(), {
          ...valid,
          onlineReportUrl: 'http://police.example/report',
        }),
        400,
        'onlineReportUrl',
      );
      expectField(
        await world.orgAdmin.request('PUT', guidanceUrl(), {
          ...valid,
          onlineReportUrl: 'javascript:alert(1)',
        }),
        400,
        'onlineReportUrl',
      );
      expect((await status(world.member)).guidance).toEqual(before);
    });

    it('is set only by the organisation’s admins: a group admin is not told it exists, an officer is refused', async () => {
      const body = { emergencyNumber: '112', nonEmergencyNumber: '101', onlineReportUrl: null };
      expectError(await world.admin.request('PUT', guidanceUrl(), body), 404, 'not_found');
      expectError(await world.officer.request('PUT', guidanceUrl(), body), 403, 'forbidden');
      expectError(await world.member.request('PUT', guidanceUrl(), body), 404, 'not_found');
      const outsider = await server.createUser();
      expectError(await outsider.request('GET', guidanceUrl()), 404, 'not_found');
      expect((await status(world.member)).guidance.emergencyNumber).toBe('999');
    });
  });

  describe('on watch', () => {
    it('shows nobody watching at first, and tells each member whether they may go on watch', async () => {
      const shown = await status(world.member);
      expect(shown.watchers).toEqual([]);
      expect(shown).toMatchObject({ canWatch: false, canSeeAttention: false, openAttention: null });
      expect(await status(world.admin)).toMatchObject({
        canWatch: true,
        canSeeAttention: true,
        openAttention: 0,
      });
      expect(await status(world.officer)).toMatchObject({ canWatch: true, canSeeAttention: true });
    });

    it('puts an officer on watch for their groups; members see their name and badge, and nothing private', async () => {
      const now = Date.now();
      const started = await goOnWatch(world.officer, { endsAt: now + 4 * HOUR });
      expect(started.status, started.text).toBe(201);
      const { shift } = ShiftResponse.parse(started.body);
      expect(shift.groups.map((g) => g.id)).toEqual([world.groupId]);
      expect(shift.groups[0]?.organisationName).toBe(world.organisation.name);
      expect(shift).toMatchObject({ endsAt: now + 4 * HOUR, endedEarly: false });

      const seen = await world.member.request('GET', `/api/v1/groups/${world.groupId}/watch`);
      const { watchers } = WatchStatus.parse(seen.body);
      expect(watchers).toEqual([
        {
          person: {
            id: world.officer.user.id,
            displayName: 'PC Jane Smith',
            badges: [
              {
                organisationId: world.organisation.id,
                organisationName: world.organisation.name,
                affiliation: 'officer',
              },
            ],
          },
          until: now + 4 * HOUR,
        },
      ]);
      expect(seen.text).not.toContain(world.officer.user.email);

      expect((await myShifts(world.officer)).map((s) => s.id)).toEqual([shift.id]);
      const ended = await endShift(world.officer, shift.id);
      expect(ended.status, ended.text).toBe(200);
      expect(ShiftResponse.parse(ended.body).shift.endedEarly).toBe(true);
      expect((await status(world.member)).watchers).toEqual([]);
      expect(await myShifts(world.officer)).toEqual([]);
    });

    it('lets an admin watch chosen groups, and lists only the groups one may watch', async () => {
      const second = await createGroup(world.platformAdmin, world.organisation.id);
      await world.platformAdmin.request('POST', `/api/v1/groups/${second}/members`, {
        email: world.admin.user.email,
        role: 'moderator',
      });
      const watch = MyWatch.parse((await world.admin.request('GET', '/api/v1/watch')).body);
      expect(watch.groups.map((g) => g.id).sort()).toEqual([world.groupId, second].sort());
      expect(MyWatch.parse((await world.member.request('GET', '/api/v1/watch')).body)).toEqual({
        shifts: [],
        patterns: [],
        groups: [],
      });

      const started = await goOnWatch(world.admin, { groupIds: [second], endsAt: Date.now() + HOUR });
      expect(started.status, started.text).toBe(201);
      const { shift } = ShiftResponse.parse(started.body);
      expect((await status(world.admin, second)).watchers.map((w) => w.person.id)).toEqual([
        world.admin.user.id,
      ]);
      expect((await status(world.member)).watchers).toEqual([]);
      await endShift(world.admin, shift.id);
    });

    it('shows a shift once it starts and no longer once it has run out', async () => {
      const now = Date.now();
      const soon = await goOnWatch(world.moderator, { startsAt: now + 1500, endsAt: now + 2500 });
      expect(soon.status, soon.text).toBe(201);
      expect((await status(world.member)).watchers).toEqual([]);
      await new Promise((r) => setTimeout(r, Math.max(0, now + 1600 - Date.now())));
      expect((await status(world.member)).watchers.map((w) => w.person.displayName)).toEqual(['Moderator']);
      await new Promise((r) => setTimeout(r, Math.max(0, now + 2600 - Date.now())));
      expect((await status(world.member)).watchers).toEqual([]);
      expect(await myShifts(world.moderator)).toEqual([]);
    });

    it('refuses bad times, naming the field, and writes nothing', async () => {
      const now = Date.now();
      expectField(
        await goOnWatch(world.admin, { startsAt: now + HOUR, endsAt: now + HOUR - 1 }),
        400,
        'endsAt',
      );
      expectField(await goOnWatch(world.admin, { endsAt: now - MINUTE }), 400, 'endsAt');
      expectField(await goOnWatch(world.admin, { endsAt: now + 25 * HOUR }), 400, 'endsAt');
      expectField(
        await goOnWatch(world.admin, { startsAt: now - HOUR, endsAt: now + HOUR }),
        400,
        'startsAt',
      );
      expectField(
        await goOnWatch(world.admin, { startsAt: now + 90 * 24 * HOUR, endsAt: now + 91 * 24 * HOUR }),
        400,
        'startsAt',
      );
      expectField(await goOnWatch(world.admin, { endsAt: 'tonight' }), 400, 'endsAt');
      expectField(await goOnWatch(world.admin, { groupIds: [], endsAt: now + HOUR }), 400, 'groupIds');
      expect(await myShifts(world.admin)).toEqual([]);
    });

    it('refuses groups one may not watch: a plain member, an unknown group, another group, all naming groupIds', async () => {
      const endsAt = Date.now() + HOUR;
      expectField(await goOnWatch(world.member, { endsAt }), 403, 'groupIds');
      expectField(await goOnWatch(world.member, { groupIds: [world.groupId], endsAt }), 403, 'groupIds');
      expectField(await goOnWatch(world.admin, { groupIds: [UNKNOWN_ID], endsAt }), 404, 'groupIds');
      const elsewhere = await createGroup(world.platformAdmin, world.organisation.id);
      expectField(
        await goOnWatch(world.admin, { groupIds: [world.groupId, elsewhere], endsAt }),
        404,
        'groupIds',
      );
      // An organisation admin manages the group but is not in it: watching means reading it.
      expectField(await goOnWatch(world.orgAdmin, { groupIds: [world.groupId], endsAt }), 403, 'groupIds');
      expect(await myShifts(world.admin)).toEqual([]);
      expect(await myShifts(world.member)).toEqual([]);
      expect((await status(world.member)).watchers).toEqual([]);
    });

    it('ends only one’s own shift: another person’s is not found', async () => {
      const started = await goOnWatch(world.admin, { endsAt: Date.now() + HOUR });
      const { shift } = ShiftResponse.parse(started.body);
      expectError(await endShift(world.moderator, shift.id), 404, 'not_found');
      expectError(await endShift(world.admin, UNKNOWN_ID), 404, 'not_found');
      expect((await status(world.member)).watchers.map((w) => w.person.id)).toEqual([world.admin.user.id]);
      await endShift(world.admin, shift.id);
    });

    it('stops showing an admin removed from the group, and tells them nothing of it any more', async () => {
      const removed = await server.createUser({ displayName: 'Former admin' });
      await world.platformAdmin.request('POST', `/api/v1/groups/${world.groupId}/members`, {
        email: removed.user.email,
        role: 'admin',
      });
      const started = await goOnWatch(removed, { endsAt: Date.now() + HOUR });
      expect(started.status, started.text).toBe(201);
      expect((await status(world.member)).watchers.map((w) => w.person.id)).toEqual([removed.user.id]);

      const decided = await world.platformAdmin.request(
        'POST',
        `/api/v1/groups/${world.groupId}/members/${removed.user.id}/decision`,
        { decision: 'remove' },
      );
      expect(decided.status, decided.text).toBe(200);
      expect((await status(world.member)).watchers).toEqual([]);
      expectError(await removed.request('GET', `/api/v1/groups/${world.groupId}/watch`), 404, 'not_found');
      expectError(
        await removed.request('GET', `/api/v1/groups/${world.groupId}/attention`),
        404,
        'not_found',
      );
    });

    it('puts an admin on watch every week: shown while an occurrence runs, gone once stopped', async () => {
      // A weekly watch that started ten minutes ago by the UK clock, on today's (UK) weekday.
      const { weekday, time } = ukClock(Date.now() - 10 * MINUTE);
      const added = await world.admin.request('POST', '/api/v1/watch/patterns', {
        days: [weekday],
        startTime: time,
        durationMinutes: 60,
      });
      expect(added.status, added.text).toBe(201);
      const { pattern } = PatternResponse.parse(added.body);
      expect(pattern).toMatchObject({
        days: [weekday],
        startTime: time,
        durationMinutes: 60,
        stopped: false,
      });
      expect(pattern.groups.map((g) => g.id)).toContain(world.groupId);
      expect(pattern.next?.startsAt).toBeLessThanOrEqual(Date.now());
      expect(pattern.next?.endsAt).toBeGreaterThan(Date.now());

      const shown = await status(world.member);
      expect(shown.watchers.map((w) => w.person.displayName)).toEqual(['Group admin']);
      expect(shown.watchers[0]?.until).toBe(pattern.next?.endsAt);
      const mine = MyWatch.parse((await world.admin.request('GET', '/api/v1/watch')).body);
      expect(mine.patterns.map((p) => p.id)).toEqual([pattern.id]);

      expectError(
        await world.moderator.request('POST', `/api/v1/watch/patterns/${pattern.id}/end`),
        404,
        'not_found',
      );
      const stopped = await world.admin.request('POST', `/api/v1/watch/patterns/${pattern.id}/end`);
      expect(stopped.status, stopped.text).toBe(200);
      expect(PatternResponse.parse(stopped.body).pattern).toMatchObject({ stopped: true, next: null });
      expect((await status(world.member)).watchers).toEqual([]);
      expect(MyWatch.parse((await world.admin.request('GET', '/api/v1/watch')).body).patterns).toEqual([]);
    });

    it('refuses a weekly watch with bad days, times or length, or for a plain member, writing nothing', async () => {
      const valid = { days: [1, 3], startTime: '18:00', durationMinutes: 480 };
      const add = (as: TestUser, body: Record<string, unknown>) =>
        as.request('POST', '/api/v1/watch/patterns', body);
      expectField(await add(world.admin, { ...valid, days: [] }), 400, 'days');
      expectField(await add(world.admin, { ...valid, days: [0] }), 400, 'days');
      expectField(await add(world.admin, { ...valid, days: [2, 2] }), 400, 'days');
      expectField(await add(world.admin, { ...valid, startTime: '25:00' }), 400, 'startTime');
      expectField(await add(world.admin, { ...valid, startTime: 'teatime' }), 400, 'startTime');
      expectField(await add(world.admin, { ...valid, durationMinutes: 10 }), 400, 'durationMinutes');
      expectField(await add(world.admin, { ...valid, durationMinutes: 24 * 60 + 1 }), 400, 'durationMinutes');
      expectField(await add(world.member, valid), 403, 'groupIds');
      expectField(await add(world.admin, { ...valid, groupIds: [UNKNOWN_ID] }), 404, 'groupIds');
      expect(MyWatch.parse((await world.admin.request('GET', '/api/v1/watch')).body).patterns).toEqual([]);
    });

    it('documents every safety route in the OpenAPI document', async () => {
      const doc = await server.anon.request('GET', '/api/v1/openapi.json');
      expect(doc.status, doc.text).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/organisations/{id}/guidance',
          '/api/v1/groups/{groupId}/watch',
          '/api/v1/watch',
          '/api/v1/watch/shifts',
          '/api/v1/watch/shifts/{shiftId}/end',
          '/api/v1/watch/patterns',
          '/api/v1/watch/patterns/{patternId}/end',
          '/api/v1/attention',
          '/api/v1/groups/{groupId}/attention',
          '/api/v1/groups/{groupId}/attention/{flagId}/handled',
        ]),
      );
    });

    it('shows the header only to active members', async () => {
      const outsider = await server.createUser();
      expectError(await outsider.request('GET', `/api/v1/groups/${world.groupId}/watch`), 404, 'not_found');
      expectError(
        await world.orgAdmin.request('GET', `/api/v1/groups/${world.groupId}/watch`),
        403,
        'forbidden',
      );
      expectError(
        await server.anon.request('GET', `/api/v1/groups/${world.groupId}/watch`),
        401,
        'unauthenticated',
      );
    });
  });
});
