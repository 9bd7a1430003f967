// Integration tests of the risk check on alerts, on both engines: a worrying alert is flagged in the
// queue of the group it was raised in (once, with the same priority notice as a message), a missing
// person always is, an ordinary alert and a police appeal are not, and the poster gets the guidance.
import { AttentionList, RaisedAlertResponse } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { settle } from '../../ws/test-support/stream-harness.js';
import { createSafetyWorld, openStream, type SafetyWorld } from './test-support/world.js';

/** Words no reasonable reading could take as anything but a crime happening now. */
const IN_THE_YARD = 'They are breaking into the farmhouse right now and have a knife';

describeEngines('the risk check on alerts', (engine) => {
  let server: TestServer;
  let world: SafetyWorld;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await createSafetyWorld(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const clientId = () => `alert-risk-${Date.now().toString(36)}-${++counter}`;

  async function raise(as: TestUser, body: Record<string, unknown>, status = 201) {
    const response = await as.request('POST', `/api/v1/groups/${world.groupId}/alerts`, {
      clientId: clientId(),
      reach: { mode: 'group' },
      ...body,
    });
    expect(response.status, response.text).toBe(status);
    return RaisedAlertResponse.parse(response.body);
  }

  /** The open queue items whose message is the placement of this alert. */
  async function flagsOf(alertId: string) {
    const response = await world.admin.request('GET', `/api/v1/groups/${world.groupId}/attention?state=all`);
    expect(response.status, response.text).toBe(200);
    return AttentionList.parse(response.body).items.filter((i) => i.message?.alert?.id === alertId);
  }

  it('flags a suspicious-activity alert whose words say it is happening now, and tells the poster whom to call', async () => {
    const [admin, officer, poster] = await Promise.all([
      openStream(server, world.admin, [world.groupId]),
      openStream(server, world.officer, [world.groupId]),
      openStream(server, world.member, [world.groupId]),
    ]);
    try {
      const raised = await raise(world.member, {
        details: { kind: 'suspicious', activity: 'other', people: 'Two men in balaclavas' },
        summary: IN_THE_YARD,
      });
      expect(raised.risk).toMatchObject({ watchedNow: false, guidance: { emergencyNumber: '999' } });
      expect(raised.risk?.categories).toContain('crime_in_progress');

      const [flag] = await flagsOf(raised.alert.id);
      expect(flag).toMatchObject({ groupId: world.groupId, text: IN_THE_YARD, state: 'open' });
      expect(flag?.categories).toContain('crime_in_progress');
      expect(flag?.message?.author.id).toBe(world.member.user.id);

      const notice = await admin.next('attention', (m) => m.messageId === flag?.message?.id);
      expect(notice).toMatchObject({ groupId: world.groupId, state: 'open' });
      await officer.next('attention', (m) => m.messageId === flag?.message?.id);
      await poster.next('message.posted', (m) => m.message.alert?.id === raised.alert.id);
      await settle();
      expect(poster.messages.some((m) => m.type === 'attention')).toBe(false);
    } finally {
      for (const client of [admin, officer, poster]) client.close();
    }
  });

  it('flags a repeated raise once, and still answers the repeat with the guidance', async () => {
    const body = {
      clientId: clientId(),
      reach: { mode: 'group' },
      details: { kind: 'stolen', category: 'quad', marks: 'Black top box' },
      summary: `Taking the quad from our yard now. ${IN_THE_YARD}`,
    };
    const first = await world.member.request('POST', `/api/v1/groups/${world.groupId}/alerts`, body);
    expect(first.status, first.text).toBe(201);
    const again = await world.member.request('POST', `/api/v1/groups/${world.groupId}/alerts`, body);
    expect(again.status, again.text).toBe(200);
    expect(again.body.risk).toEqual(first.body.risk);
    expect(again.body.risk).toBeDefined();
    expect(await flagsOf(first.body.alert.id)).toHaveLength(1);
  });

  it('flags nothing for an ordinary alert, nor for a police appeal whatever its words', async () => {
    const stolen = await raise(world.member, {
      details: { kind: 'stolen', category: 'trailer', colour: 'green' },
      summary: 'Taken from the field gate overnight.',
    });
    expect(stolen.risk).toBeUndefined();
    expect(await flagsOf(stolen.alert.id)).toEqual([]);

    const appeal = await raise(world.officer, {
      details: {
        kind: 'appeal',
        request: `Witnesses wanted: ${IN_THE_YARD}`,
        policeReference: 'DUR-1234',
        howToRespond: 'Call 101',
      },
      summary: IN_THE_YARD,
    });
    expect(appeal.risk).toBeUndefined();
    expect(await flagsOf(appeal.alert.id)).toEqual([]);
  });

  it('always puts a missing-person alert in the queue, naming the kind and nothing personal', async () => {
    const moderatorStream = await openStream(server, world.moderator, [world.groupId]);
    try {
      const raised = await raise(world.admin, {
        details: {
          kind: 'missing',
          name: 'Margaret Dowson',
          age: 81,
          description: 'Small, grey hair, walks with a stick',
          lastSeenAt: Date.now() - 3_600_000,
          vulnerabilities: ['dementia'],
        },
        summary: 'Please look in your outbuildings.',
      });
      expect(raised.risk?.categories).toEqual(['missing_person']);
      const [flag] = await flagsOf(raised.alert.id);
      expect(flag).toMatchObject({ categories: ['missing_person'], cues: ['missing-person alert'] });
      expect(JSON.stringify(flag?.cues)).not.toMatch(/Margaret|stick/);
      // The poster is an admin: the others who see the queue are told, not the poster.
      await moderatorStream.next('attention', (m) => m.messageId === flag?.message?.id);
    } finally {
      moderatorStream.close();
    }
  });
});
