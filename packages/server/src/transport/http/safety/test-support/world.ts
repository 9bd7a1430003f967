// Shared setup for the safety route tests: a group with its admin, moderator, member, an officer of the
// owning organisation, an organisation admin, and a stream client for any of them.
import type { Affiliation, OrganisationId, UserId } from '@fellwatch/core';
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import type { TestServer, TestUser } from '../../../../test-support/harness.js';
import { StreamClient, until } from '../../../ws/test-support/stream-harness.js';
import { addToGroup, createGroupWorld, type GroupWorld } from '../../groups/test-support/world.js';

/** A GroupWorld with an officer of the organisation in the group and an organisation admin outside it. */
export interface SafetyWorld extends GroupWorld {
  officer: TestUser;
  orgAdmin: TestUser;
}

/** Verifies a person in an organisation, as its admins would. */
export async function verify(
  server: TestServer,
  organisationId: OrganisationId,
  person: TestUser,
  affiliation: Affiliation | null,
  isAdmin = false,
): Promise<void> {
  await server.ctx.ports.store.putOrganisationMember({
    organisationId,
    userId: person.user.id,
    affiliation,
    isAdmin,
    verifiedBy: person.user.id as UserId,
    verifiedAt: Date.now(),
  });
}

/** Builds a SafetyWorld: the officer is PC Jane Smith, an active plain member of the group. */
export async function createSafetyWorld(server: TestServer): Promise<SafetyWorld> {
  const world = await createGroupWorld(server);
  const officer = await server.createUser({ displayName: 'PC Jane Smith' });
  await verify(server, world.organisation.id, officer, 'officer');
  await addToGroup(world.platformAdmin, world.groupId, officer, 'member');
  const orgAdmin = await server.createUser({ displayName: 'Organisation admin' });
  await verify(server, world.organisation.id, orgAdmin, null, true);
  return { ...world, officer, orgAdmin };
}

/** Opens the live stream as `person` and says hello; resolves once their groups have caught up. */
export async function openStream(
  server: TestServer,
  person: TestUser,
  groupIds: string[],
): Promise<StreamClient> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/stream`, {
    headers: { authorization: `Bearer ${person.token}` },
  });
  const client = new StreamClient(ws);
  await client.opened;
  client.send({ type: 'hello', resume: {} });
  for (const groupId of groupIds) {
    await until(() => client.messages.some((m) => m.type === 'caught_up' && m.groupId === groupId));
  }
  return client;
}

let counter = 0;

/** Posts a message as `person` and expects it stored (201). */
export async function post(person: TestUser, groupId: string, body: string, clientId?: string) {
  counter += 1;
  const response = await person.request('POST', `/api/v1/groups/${groupId}/messages`, {
    clientId: clientId ?? `safety-${Date.now().toString(36)}-${counter}`,
    body,
  });
  expect(response.status, response.text).toBeLessThan(300);
  return response;
}

/** The UK weekday (1 Monday … 7 Sunday) and "HH:MM" at an instant: weekly watches are set in UK time. */
export function ukClock(at: number): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { weekday, time: `${part('hour')}:${part('minute')}` };
}
