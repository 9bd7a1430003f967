// Integration tests of the group routes: creating and changing groups, who may see them, my groups, read cursors.
import type { GroupId, OrganisationId, UserId } from '@fellwatch/core';
import { GroupList, GroupResponse } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer } from '../../../test-support/harness.js';
import {
  addToGroup,
  createGroup,
  createGroupWorld,
  createOrganisation,
  expectError,
  type GroupWorld,
} from './test-support/world.js';

const square = [
  [-2.1, 54.6],
  [-2.0, 54.6],
  [-2.0, 54.7],
  [-2.1, 54.7],
  [-2.1, 54.6],
];

describeEngines('group routes', (engine) => {
  let server: TestServer;
  let world: GroupWorld;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await createGroupWorld(server, { vettingQuestions: ['Which farm are you at?'] });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets a platform admin create a group with a polygon area, and audits it', async () => {
    const organisation = await createOrganisation(server);
    const response = await world.platformAdmin.request('POST', '/api/v1/groups', {
      organisationId: organisation.id,
      name: '  Baldersdale Watch ',
      description: 'Farms above the reservoir',
      area: { kind: 'polygon', coordinates: [square] },
      vettingQuestions: ['Which farm are you at?', 'Who can vouch for you?'],
    });
    expect(response.status, response.text).toBe(201);
    const { group } = GroupResponse.parse(response.body);
    expect(group).toMatchObject({
      name: 'Baldersdale Watch',
      organisationId: organisation.id,
      organisationName: organisation.name,
      area: { kind: 'polygon', coordinates: [square] },
      vettingQuestions: ['Which farm are you at?', 'Who can vouch for you?'],
      lastSeq: 0,
      // The creator manages the group through the platform without being in it.
      myRole: null,
      myStatus: null,
    });
    const audit = await server.ctx.ports.store.listAudit({ subjectId: group.id, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('group.created');
  });

  it('lets an organisation admin create a group in their own organisation only', async () => {
    const own = await createOrganisation(server);
    const other = await createOrganisation(server);
    const orgAdmin = await server.createUser();
    await server.ctx.ports.store.putOrganisationMember({
      organisationId: own.id,
      userId: orgAdmin.user.id,
      affiliation: null,
      isAdmin: true,
      verifiedBy: world.platformAdmin.user.id,
      verifiedAt: server.ctx.ports.clock.now(),
    });
    await createGroup(orgAdmin, own.id);
    const refused = await orgAdmin.request('POST', '/api/v1/groups', {
      organisationId: other.id,
      name: 'Not mine',
    });
    expectError(refused, 403, 'forbidden');
  });

  it('refuses group creation by a plain user, and for an unknown organisation', async () => {
    const organisation = await createOrganisation(server);
    expectError(
      await world.member.request('POST', '/api/v1/groups', {
        organisationId: organisation.id,
        name: 'Mine now',
      }),
      403,
      'forbidden',
    );
    const unknown = server.ctx.ports.ids.next() as OrganisationId;
    expectError(
      await world.platformAdmin.request('POST', '/api/v1/groups', {
        organisationId: unknown,
        name: 'Nowhere',
      }),
      404,
      'not_found',
    );
  });

  it('refuses an open polygon ring and a ring of three points, naming the field', async () => {
    const organisation = await createOrganisation(server);
    const open = await world.platformAdmin.request('POST', '/api/v1/groups', {
      organisationId: organisation.id,
      name: 'Open ring',
      area: { kind: 'polygon', coordinates: [square.slice(0, 4)] },
    });
    expectError(open, 400, 'invalid');
    expect(open.body.error.field).toBe('area.coordinates.0');
    const short = await world.platformAdmin.request('POST', '/api/v1/groups', {
      organisationId: organisation.id,
      name: 'Short ring',
      area: {
        kind: 'polygon',
        coordinates: [
          [
            [-2.1, 54.6],
            [-2.0, 54.6],
            [-2.1, 54.6],
          ],
        ],
      },
    });
    expectError(short, 400, 'invalid');
    expectError(
      await world.platformAdmin.request('POST', '/api/v1/groups', { organisationId: organisation.id }),
      400,
      'invalid',
    );
  });

  it('shows a group to its members with their role and status', async () => {
    const asAdmin = await world.admin.request('GET', `/api/v1/groups/${world.groupId}`);
    expect(asAdmin.status, asAdmin.text).toBe(200);
    expect(GroupResponse.parse(asAdmin.body).group).toMatchObject({
      id: world.groupId,
      organisationName: world.organisation.name,
      myRole: 'admin',
      myStatus: 'active',
    });
    const asMember = await world.member.request('GET', `/api/v1/groups/${world.groupId}`);
    expect(asMember.body.group).toMatchObject({ myRole: 'member', myStatus: 'active' });
  });

  it('answers 404, never 403, to someone outside the group, and to a bad id 400', async () => {
    const other = await createGroupWorld(server);
    for (const path of [
      `/api/v1/groups/${other.groupId}`,
      `/api/v1/groups/${other.groupId}/members`,
      `/api/v1/groups/${other.groupId}/invites`,
    ]) {
      expectError(await world.member.request('GET', path), 404, 'not_found');
    }
    expectError(
      await world.admin.request('PATCH', `/api/v1/groups/${other.groupId}`, { name: 'Taken over' }),
      404,
      'not_found',
    );
    expectError(
      await world.admin.request('POST', `/api/v1/groups/${other.groupId}/read`, { seq: 1 }),
      404,
      'not_found',
    );
    expectError(await world.member.request('GET', '/api/v1/groups/not-an-id'), 400, 'invalid');
    expectError(await server.anon.request('GET', `/api/v1/groups/${world.groupId}`), 401, 'unauthenticated');
  });

  it('lets group admins change the group and refuses plain members with 403', async () => {
    const changed = await world.admin.request('PATCH', `/api/v1/groups/${world.groupId}`, {
      rules: 'No selling. Report to 101 first.',
      area: { kind: 'circle', centre: { lat: 54.62, lng: -2.05 }, radiusKm: 8 },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.group).toMatchObject({
      rules: 'No selling. Report to 101 first.',
      area: { kind: 'circle', radiusKm: 8 },
      vettingQuestions: ['Which farm are you at?'],
    });
    expectError(
      await world.member.request('PATCH', `/api/v1/groups/${world.groupId}`, { name: 'Mine' }),
      403,
      'forbidden',
    );
    expectError(
      await world.moderator.request('PATCH', `/api/v1/groups/${world.groupId}`, { name: 'Mine' }),
      403,
      'forbidden',
    );
    const open = await world.admin.request('PATCH', `/api/v1/groups/${world.groupId}`, {
      area: { kind: 'polygon', coordinates: [square.slice(0, 4)] },
    });
    expectError(open, 400, 'invalid');
  });

  it('lists my groups with organisation names, and not groups I left or was removed from', async () => {
    const person = await server.createUser();
    const second = await createGroupWorld(server);
    await addToGroup(world.platformAdmin, world.groupId, person);
    await addToGroup(second.platformAdmin, second.groupId, person);
    let mine = GroupList.parse((await person.request('GET', '/api/v1/groups')).body);
    expect(mine.groups.map((g) => g.id).sort()).toEqual([world.groupId, second.groupId].sort());
    const first = mine.groups.find((g) => g.id === world.groupId);
    expect(first).toMatchObject({
      organisationName: world.organisation.name,
      myRole: 'member',
      myStatus: 'active',
    });

    await world.admin.request('POST', `/api/v1/groups/${world.groupId}/members/${person.user.id}/decision`, {
      decision: 'remove',
    });
    mine = GroupList.parse((await person.request('GET', '/api/v1/groups')).body);
    expect(mine.groups.map((g) => g.id)).toEqual([second.groupId]);
  });

  it('lists the groups a platform admin manages without being in them, with no role or status', async () => {
    const organisation = await createOrganisation(server);
    const created = await world.platformAdmin.request('POST', '/api/v1/groups', {
      organisationId: organisation.id,
      name: 'Cotherstone Watch',
    });
    expect(created.status, created.text).toBe(201);
    const { group } = GroupResponse.parse(created.body);
    const mine = GroupList.parse((await world.platformAdmin.request('GET', '/api/v1/groups')).body);
    expect(mine.groups.find((g) => g.id === group.id)).toMatchObject({
      myRole: null,
      myStatus: null,
      unread: 0,
    });
    // A plain person does not see groups they are not in.
    const stranger = await server.createUser();
    const theirs = GroupList.parse((await stranger.request('GET', '/api/v1/groups')).body);
    expect(theirs.groups.map((g) => g.id)).not.toContain(group.id);
  });

  it('counts unread messages and marks them read, never past the newest sequence', async () => {
    const reader = await server.createUser();
    await addToGroup(world.platformAdmin, world.groupId, reader);
    for (const body of ['Gate left open at the top field', 'Quad bike seen on the fell road']) {
      const posted = await world.member.request('POST', `/api/v1/groups/${world.groupId}/messages`, {
        clientId: `read-test-${body.length}-${Date.now()}`,
        body,
      });
      expect(posted.status, posted.text).toBe(201);
    }
    const group = (await reader.request('GET', `/api/v1/groups/${world.groupId}`)).body.group;
    expect(group.unread).toBe(2);
    const read = await reader.request('POST', `/api/v1/groups/${world.groupId}/read`, {
      seq: group.lastSeq + 100,
    });
    expect(read.status, read.text).toBe(204);
    const after = (await reader.request('GET', `/api/v1/groups/${world.groupId}`)).body.group;
    expect(after.unread).toBe(0);
    expect(after.lastReadSeq).toBe(group.lastSeq);
    const membership = await server.ctx.ports.store.getMembership(
      group.id as GroupId,
      reader.user.id as UserId,
    );
    expect(membership?.lastReadSeq).toBe(group.lastSeq);
    expectError(
      await reader.request('POST', `/api/v1/groups/${world.groupId}/read`, { seq: -1 }),
      400,
      'invalid',
    );
  });

  it('refuses marking read to a pending member (403) and a stranger (404)', async () => {
    const pending = await server.createUser();
    await server.ctx.ports.store.putMembership({
      groupId: world.groupId as GroupId,
      userId: pending.user.id,
      role: 'member',
      status: 'pending',
      answers: ['Low Force'],
      inviteId: null,
      decidedBy: null,
      decidedAt: null,
      lastReadSeq: 0,
      createdAt: server.ctx.ports.clock.now(),
    });
    expectError(
      await pending.request('POST', `/api/v1/groups/${world.groupId}/read`, { seq: 1 }),
      403,
      'forbidden',
    );
    const stranger = await server.createUser();
    expectError(
      await stranger.request('POST', `/api/v1/groups/${world.groupId}/read`, { seq: 1 }),
      404,
      'not_found',
    );
  });
});
