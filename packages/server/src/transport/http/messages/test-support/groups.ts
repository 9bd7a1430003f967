// Shared setup for the message and photo route tests: an organisation, groups and members made in the store.
import type { Affiliation, GroupId, GroupRole, MembershipStatus, OrganisationId } from '@fellwatch/core';
import { aGroup, aMembership, anOrganisation } from '../../../../storage/test-support/fixtures.js';
import type { TestServer, TestUser } from '../../../../test-support/harness.js';

/** A watch group in a fresh organisation, and ways to put people in it. */
export interface TestGroup {
  id: GroupId;
  organisationId: OrganisationId;
  /** Creates a person with this role in the group (active unless stated). */
  member(role?: GroupRole, status?: MembershipStatus): Promise<TestUser>;
  /** Changes a person's standing, as a moderator's decision would. */
  setStatus(user: TestUser, status: MembershipStatus, role?: GroupRole): Promise<void>;
}

/** Makes a group straight in the store, so these tests depend only on the routes under test. */
export async function makeGroup(server: TestServer, name = 'Upper Dale Farm Watch'): Promise<TestGroup> {
  const { store } = server.ctx.ports;
  const organisation = anOrganisation();
  await store.createOrganisation(organisation);
  const group = aGroup(organisation.id, { name });
  await store.createGroup(group);
  const setStatus = async (user: TestUser, status: MembershipStatus, role: GroupRole = 'member') => {
    await store.putMembership(aMembership(group.id, user.user.id, { role, status }));
  };
  return {
    id: group.id,
    organisationId: organisation.id,
    async member(role: GroupRole = 'member', status: MembershipStatus = 'active') {
      const user = await server.createUser();
      await setStatus(user, status, role);
      return user;
    },
    setStatus,
  };
}

/** Verifies a person as `affiliation` of an organisation. */
export async function affiliate(
  server: TestServer,
  organisationId: OrganisationId,
  user: TestUser,
  affiliation: Affiliation,
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

let clientCounter = 0;

/** A fresh client id in the protocol's format. */
export function newClientId(): string {
  clientCounter += 1;
  return `c-${Date.now().toString(36)}-${clientCounter}`.padEnd(12, 'x');
}

/** A valid id that names nothing. */
export const UNKNOWN_ID = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
