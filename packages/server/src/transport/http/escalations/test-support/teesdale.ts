// Fixtures for the escalation route tests: a watch group in the Dales with everyone who may (or may not)
// hand things to the police, a neighbouring group, another organisation, and helpers to post and escalate.
import type { Affiliation, GroupRole, MembershipStatus, OrganisationId } from '@fellwatch/core';
import { expect } from 'vitest';
import { aGroup, aMembership, anOrganisation } from '../../../../storage/test-support/fixtures.js';
import type { TestServer, TestUser } from '../../../../test-support/harness.js';
import { newClientId } from '../../messages/test-support/groups.js';

/** Middleton-in-Teesdale. */
export const MIDDLETON = { lat: 54.625, lng: -2.081 };

/** Everyone the tests need, each with a known standing. */
export interface Teesdale {
  organisationId: OrganisationId;
  otherOrganisationId: OrganisationId;
  groupId: string;
  neighbourGroupId: string;
  /** A plain member with a phone number, who posts what gets escalated. */
  reporter: TestUser;
  member: TestUser;
  admin: TestUser;
  moderator: TestUser;
  /** A police officer (of another organisation) who is an active member of the group. */
  officer: TestUser;
  /** An officer of the owning organisation who is not in the group. */
  orgOfficer: TestUser;
  /** Staff (no badge of an officer) of the owning organisation, not in the group. */
  orgStaff: TestUser;
  orgAdmin: TestUser;
  /** An admin of another organisation. */
  otherOrgAdmin: TestUser;
  /** An admin who has been removed from the group. */
  removedAdmin: TestUser;
  /** A member of the neighbouring group only. */
  outsider: TestUser;
  /** An admin of the neighbouring group only. */
  neighbourAdmin: TestUser;
}

async function standing(
  server: TestServer,
  organisationId: OrganisationId,
  user: TestUser,
  affiliation: Affiliation | null,
  isAdmin = false,
): Promise<void> {
  await server.ctx.ports.store.putOrganisationMember({
    organisationId,
    userId: user.user.id,
    affiliation,
    isAdmin,
    verifiedBy: user.user.id,
    verifiedAt: Date.now(),
  });
}

/** Makes the organisations, the two groups and the people, straight in the store. */
export async function makeTeesdale(server: TestServer): Promise<Teesdale> {
  const { store } = server.ctx.ports;
  const dales = anOrganisation({ name: `Durham Dales Watch ${newClientId()}`, kind: 'charity' });
  const force = anOrganisation({ name: `Cumbria Constabulary ${newClientId()}` });
  await store.createOrganisation(dales);
  await store.createOrganisation(force);
  const group = aGroup(dales.id, { name: 'Upper Teesdale' });
  const neighbour = aGroup(dales.id, { name: 'Weardale' });
  await store.createGroup(group);
  await store.createGroup(neighbour);
  const person = async (
    displayName: string,
    role: GroupRole | null,
    status: MembershipStatus = 'active',
    groupId = group.id,
    phone?: string,
  ) => {
    const user = await server.createUser({ displayName, ...(phone ? { phone } : {}) });
    if (role) await store.putMembership(aMembership(groupId, user.user.id, { role, status }));
    return user;
  };
  const world: Teesdale = {
    organisationId: dales.id,
    otherOrganisationId: force.id,
    groupId: group.id,
    neighbourGroupId: neighbour.id,
    reporter: await person('Tom Hird', 'member', 'active', group.id, '+44 7700 900123'),
    member: await person('Ann Lowes', 'member'),
    admin: await person('Jane Admin', 'admin'),
    moderator: await person('Moss Moderator', 'moderator'),
    officer: await person('PC Dodd', 'member'),
    orgOfficer: await person('PC Raine', null),
    orgStaff: await person('Sam Staff', null),
    orgAdmin: await person('Olive Organiser', null),
    otherOrgAdmin: await person('Frank Force', null),
    removedAdmin: await person('Rex Removed', 'admin', 'removed'),
    outsider: await person('Wendy Weardale', 'member', 'active', neighbour.id),
    neighbourAdmin: await person('Will Weardale', 'admin', 'active', neighbour.id),
  };
  await standing(server, force.id, world.officer, 'officer');
  await standing(server, dales.id, world.orgOfficer, 'officer');
  await standing(server, dales.id, world.orgStaff, 'staff');
  await standing(server, dales.id, world.orgAdmin, null, true);
  await standing(server, force.id, world.otherOrgAdmin, null, true);
  return world;
}

/** Posts a message as `user` and returns it. */
export async function post(
  user: TestUser,
  groupId: string,
  body: Record<string, unknown>,
): Promise<{ id: string; seq: number; [key: string]: unknown }> {
  const response = await user.request('POST', `/api/v1/groups/${groupId}/messages`, {
    clientId: newClientId(),
    ...body,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.message;
}

/** Escalates a message (or alert) and expects it to be created. */
export async function escalate(
  user: TestUser,
  groupId: string,
  subject: { messageId: string } | { alertId: string },
  channel: '999' | '101' | 'online' = '101',
  clientId: string = newClientId(),
): Promise<{ escalation: { id: string; [key: string]: unknown }; history: { action: string }[] }> {
  const response = await user.request('POST', `/api/v1/groups/${groupId}/escalations`, {
    clientId,
    channel,
    ...subject,
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** The ids of a group's escalations, as `user` lists them (expecting 200). */
export async function listed(user: TestUser, path: string): Promise<string[]> {
  const response = await user.request('GET', path);
  expect(response.status, response.text).toBe(200);
  return response.body.escalations.map((e: { id: string }) => e.id);
}

/** Asserts an error response: status, code and (when given) the field it names. */
export function expectRefused(
  response: { status: number; body: unknown; text: string },
  status: number,
  code: string,
  field?: string,
): void {
  expect(response.status, response.text).toBe(status);
  expect(response.body).toMatchObject({
    error: { code, message: expect.any(String), ...(field ? { field } : {}) },
  });
}
