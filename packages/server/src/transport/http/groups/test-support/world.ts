// Test fixtures for groups, members and invites: an organisation, a group with its admin, and people in roles.
import type { GroupRole, Organisation, OrganisationId } from '@fellwatch/core';
import { expect } from 'vitest';
import type { TestServer, TestUser } from '../../../../test-support/harness.js';

let counter = 0;

/** A unique suffix, so fixtures never collide within one server. */
export function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

/** Creates an organisation directly in the store. */
export async function createOrganisation(
  server: TestServer,
  name = `Dales Watch ${unique()}`,
): Promise<Organisation> {
  const organisation: Organisation = {
    id: server.ctx.ports.ids.next() as OrganisationId,
    name,
    kind: 'charity',
    createdAt: server.ctx.ports.clock.now(),
  };
  await server.ctx.ports.store.createOrganisation(organisation);
  return organisation;
}

/** Creates a group through the API as `creator`; returns its id. */
export async function createGroup(
  creator: TestUser,
  organisationId: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  const response = await creator.request('POST', '/api/v1/groups', {
    organisationId,
    name: `Upper Teesdale ${unique()}`,
    ...details,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.group.id as string;
}

/** Adds `person` to a group as an active member in `role`, through the API, as a group manager. */
export async function addToGroup(
  manager: TestUser,
  groupId: string,
  person: TestUser,
  role: GroupRole = 'member',
): Promise<void> {
  const response = await manager.request('POST', `/api/v1/groups/${groupId}/members`, {
    email: person.user.email,
    role,
  });
  expect(response.status, response.text).toBe(200);
}

/** A group with a platform admin (its creator), a group admin, a moderator and a plain member. */
export interface GroupWorld {
  organisation: Organisation;
  platformAdmin: TestUser;
  groupId: string;
  admin: TestUser;
  moderator: TestUser;
  member: TestUser;
}

/** Builds a GroupWorld; `details` are passed to group creation (e.g. vetting questions). */
export async function createGroupWorld(
  server: TestServer,
  details: Record<string, unknown> = {},
): Promise<GroupWorld> {
  const organisation = await createOrganisation(server);
  const platformAdmin = await server.createUser({ isPlatformAdmin: true, displayName: 'Platform admin' });
  const groupId = await createGroup(platformAdmin, organisation.id, details);
  const admin = await server.createUser({ displayName: 'Group admin' });
  const moderator = await server.createUser({ displayName: 'Moderator' });
  const member = await server.createUser({ displayName: 'Plain member' });
  await addToGroup(platformAdmin, groupId, admin, 'admin');
  await addToGroup(platformAdmin, groupId, moderator, 'moderator');
  await addToGroup(platformAdmin, groupId, member, 'member');
  return { organisation, platformAdmin, groupId, admin, moderator, member };
}

/** Makes an invite through the API as a group admin; returns its token and id. */
export async function createInvite(
  admin: TestUser,
  groupId: string,
  body: Record<string, unknown> = {},
): Promise<{ token: string; id: string; url: string }> {
  const response = await admin.request('POST', `/api/v1/groups/${groupId}/invites`, body);
  expect(response.status, response.text).toBe(201);
  return { token: response.body.token, id: response.body.invite.id, url: response.body.url };
}

/** Asserts an error response: status, stable code and the protocol's error shape. */
export function expectError(
  response: { status: number; body: unknown; text: string },
  status: number,
  code: string,
) {
  expect(response.status, response.text).toBe(status);
  expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
}
