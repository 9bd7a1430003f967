// Fixtures for the alert route tests: dales with watch groups around real places, forces, people, alert bodies.
import type {
  Affiliation,
  ExternalAlertPolicy,
  GeoPoint,
  GroupArea,
  GroupId,
  GroupRole,
  OrganisationId,
} from '@fellwatch/core';
import type { EventMessage, ServerMessage } from '@fellwatch/protocol';
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { aGroup, aMembership, anOrganisation } from '../../../../storage/test-support/fixtures.js';
import type { TestServer, TestUser } from '../../../../test-support/harness.js';
import { StreamClient, until } from '../../../ws/test-support/stream-harness.js';
import { newClientId } from '../../messages/test-support/groups.js';

/** Middleton-in-Teesdale. */
export const MIDDLETON: GeoPoint = { lat: 54.625, lng: -2.081 };
/** Stanhope in Weardale, about 14 km north of Middleton. */
export const STANHOPE: GeoPoint = { lat: 54.748, lng: -2.006 };
/** Alston, over the county line, about 31 km north-west of Middleton. */
export const ALSTON: GeoPoint = { lat: 54.811, lng: -2.439 };
/** Appleby-in-Westmorland, about 27 km west of Middleton. */
export const APPLEBY: GeoPoint = { lat: 54.577, lng: -2.489 };
/** Nottingham, about 195 km south-east of Middleton. */
export const NOTTINGHAM: GeoPoint = { lat: 52.954, lng: -1.155 };

/** A circle of `radiusKm` around a place. */
export function around(centre: GeoPoint, radiusKm = 10): GroupArea {
  return { kind: 'circle', centre, radiusKm };
}

/** An organisation (a force, a charity) made in the store. */
export async function makeOrganisation(server: TestServer, name: string): Promise<OrganisationId> {
  const organisation = anOrganisation({ name: `${name} ${newClientId()}` });
  await server.ctx.ports.store.createOrganisation(organisation);
  return organisation.id;
}

/** A watch group made in the store, and ways to put people in it. */
export interface AreaGroup {
  id: GroupId;
  organisationId: OrganisationId;
  /** Creates a person with this role in the group. */
  member(role?: GroupRole): Promise<TestUser>;
  /** Makes an existing person an active member in this role. */
  join(user: TestUser, role?: GroupRole): Promise<void>;
}

/** Makes a group with an area (or none) and a policy for alerts from other organisations. */
export async function makeAreaGroup(
  server: TestServer,
  organisationId: OrganisationId,
  options: { name: string; area: GroupArea | null; externalAlerts?: ExternalAlertPolicy },
): Promise<AreaGroup> {
  const { store } = server.ctx.ports;
  const group = aGroup(organisationId, {
    name: options.name,
    area: options.area,
    externalAlerts: options.externalAlerts ?? 'review',
  });
  await store.createGroup(group);
  const join = async (user: TestUser, role: GroupRole = 'member') => {
    await store.putMembership(aMembership(group.id, user.user.id, { role }));
  };
  return {
    id: group.id,
    organisationId,
    join,
    async member(role: GroupRole = 'member') {
      const user = await server.createUser();
      await join(user, role);
      return user;
    },
  };
}

/** Verifies a person as `affiliation` of an organisation. */
export async function affiliate(
  server: TestServer,
  organisationId: OrganisationId,
  user: TestUser,
  affiliation: Affiliation = 'officer',
): Promise<void> {
  await server.ctx.ports.store.putOrganisationMember({
    organisationId,
    userId: user.user.id,
    affiliation,
    isAdmin: false,
    verifiedBy: user.user.id,
    verifiedAt: Date.now(),
  });
}

/** The body of a stolen quad alert at Middleton, reaching 80 km by default. */
export function stolenQuad(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientId: newClientId(),
    details: {
      kind: 'stolen',
      category: 'quad',
      make: 'Honda',
      model: 'TRX420',
      colour: 'red',
      registration: 'AB12 CDE',
    },
    summary: 'Taken from the yard at High Side overnight.',
    location: MIDDLETON,
    reach: { mode: 'radius' },
    ...overrides,
  };
}

/** Raises an alert as `user` in a group and expects it to be created. */
export async function raise(
  user: TestUser,
  groupId: string,
  body: Record<string, unknown> = stolenQuad(),
): Promise<{ alert: { id: string; [key: string]: unknown }; matches: unknown[] }> {
  const response = await user.request('POST', `/api/v1/groups/${groupId}/alerts`, body);
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** The group's newest sequence number, as its member reads it. */
export async function lastSeqOf(user: TestUser, groupId: string): Promise<number> {
  const response = await user.request('GET', `/api/v1/groups/${groupId}`);
  expect(response.status, response.text).toBe(200);
  return response.body.group.lastSeq as number;
}

/** The placement of an alert in a group's messages, if the group shows it. */
export async function placementIn(
  user: TestUser,
  groupId: string,
  alertId: string,
): Promise<{ seq: number; alert: Record<string, unknown> } | undefined> {
  const response = await user.request('GET', `/api/v1/groups/${groupId}/messages?limit=200`);
  expect(response.status, response.text).toBe(200);
  return response.body.messages.find((m: { alert: { id: string } | null }) => m.alert?.id === alertId);
}

/** Opens the live stream as a person and says hello; resolves once every group in `resume` caught up. */
export async function openStream(
  server: TestServer,
  user: TestUser,
  resume: Record<string, number>,
): Promise<StreamClient> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/stream`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  const client = new StreamClient(ws);
  await client.opened;
  client.send({ type: 'hello', resume });
  await until(() =>
    Object.keys(resume).every((groupId) =>
      client.messages.some((m) => m.type === 'caught_up' && m.groupId === groupId),
    ),
  );
  return client;
}

/** The `alert.updated` events a client received for a group. */
export function alertUpdates(client: StreamClient, groupId: string): EventMessage[] {
  return client.messages.filter(
    (m: ServerMessage): m is EventMessage => m.type === 'alert.updated' && m.groupId === groupId,
  );
}
