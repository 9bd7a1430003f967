// Integration tests of organisations and affiliations: who may create, list and verify people, on both engines.
import type { OrganisationId, UserId } from '@fellwatch/core';
import { ErrorBody, OrganisationList, OrganisationPeople, OrganisationResponse } from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import {
  startTestServer,
  type TestClient,
  type TestServer,
  type TestUser,
} from '../../../test-support/harness.js';

const MISSING_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describeEngines('organisation routes', (engine) => {
  let server: TestServer;
  let platform: TestUser;
  let adminA: TestUser;
  let staffA: TestUser;
  let adminB: TestUser;
  let outsider: TestUser;
  let forceA: OrganisationId;
  let forceB: OrganisationId;
  // Every response body seen in this file, to check that no secret hash ever leaves the server.
  const seen: string[] = [];

  /** Sends a request as `client` and keeps the body for the leak check. */
  async function send(client: TestClient, method: string, path: string, body?: unknown) {
    const response = await client.request(method, path, body);
    seen.push(response.text);
    return response;
  }

  async function createOrganisation(name: string, kind = 'police'): Promise<OrganisationId> {
    const response = await send(platform, 'POST', '/api/v1/organisations', { name, kind });
    expect(response.status).toBe(201);
    return OrganisationResponse.parse(response.body).organisation.id as OrganisationId;
  }

  async function affiliate(
    by: TestClient,
    organisationId: OrganisationId,
    who: TestUser,
    affiliation: string | null,
    isAdmin: boolean,
  ) {
    return send(by, 'POST', `/api/v1/organisations/${organisationId}/people`, {
      email: who.user.email.toUpperCase(),
      affiliation,
      isAdmin,
    });
  }

  beforeAll(async () => {
    server = await startTestServer(engine);
    platform = await server.createUser({ isPlatformAdmin: true });
    [adminA, staffA, adminB, outsider] = await Promise.all([
      server.createUser({ displayName: 'Sergeant A' }),
      server.createUser({ displayName: 'Staff A' }),
      server.createUser({ displayName: 'Sergeant B' }),
      server.createUser({ displayName: 'Farmer' }),
    ]);
    forceA = await createOrganisation('Fellshire Constabulary');
    forceB = await createOrganisation('Dalesmoor Police');
    expect((await affiliate(platform, forceA, adminA, 'officer', true)).status).toBe(200);
    expect((await affiliate(platform, forceB, adminB, 'officer', true)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets only platform admins create organisations; names are unique', async () => {
    const refused = await send(adminA, 'POST', '/api/v1/organisations', {
      name: 'Rogue Watch',
      kind: 'other',
    });
    expect(refused.status).toBe(403);
    expect(ErrorBody.parse(refused.body).error.code).toBe('forbidden');

    const duplicate = await send(platform, 'POST', '/api/v1/organisations', {
      name: 'Fellshire Constabulary',
      kind: 'police',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.field).toBe('name');

    const badKind = await send(platform, 'POST', '/api/v1/organisations', { name: 'Parish', kind: 'club' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.field).toBe('kind');

    const audit = await server.ctx.ports.store.listAudit({ subjectId: forceA, limit: 10 });
    expect(audit.map((e) => e.action)).toContain('organisation.created');
  });

  it('lists every organisation for platform admins and only their own for others', async () => {
    const all = OrganisationList.parse((await send(platform, 'GET', '/api/v1/organisations')).body);
    expect(all.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([forceA, forceB]));
    const own = OrganisationList.parse((await send(adminA, 'GET', '/api/v1/organisations')).body);
    expect(own.organisations.map((o) => o.name)).toEqual(['Fellshire Constabulary']);
    const none = OrganisationList.parse((await send(outsider, 'GET', '/api/v1/organisations')).body);
    expect(none.organisations).toEqual([]);
  });

  it('lets an organisation admin verify people, who then carry a badge', async () => {
    const response = await affiliate(adminA, forceA, staffA, 'staff', false);
    expect(response.status).toBe(200);
    const people = OrganisationPeople.parse(response.body).people;
    expect(people).toContainEqual(
      expect.objectContaining({
        userId: staffA.user.id,
        email: staffA.user.email,
        affiliation: 'staff',
        isAdmin: false,
      }),
    );

    const profiles = await server.ctx.ports.store.getPublicProfiles([
      staffA.user.id,
      adminA.user.id,
    ] as UserId[]);
    expect(profiles.get(staffA.user.id)?.badges).toEqual([
      { organisationId: forceA, organisationName: 'Fellshire Constabulary', affiliation: 'staff' },
    ]);
    expect(profiles.get(adminA.user.id)?.badges).toEqual([
      { organisationId: forceA, organisationName: 'Fellshire Constabulary', affiliation: 'officer' },
    ]);

    const me = await send(staffA, 'GET', '/api/v1/me');
    expect(me.body.me).toMatchObject({
      email: staffA.user.email,
      organisations: [
        {
          organisationId: forceA,
          organisationName: 'Fellshire Constabulary',
          affiliation: 'staff',
          isAdmin: false,
        },
      ],
    });

    const audit = await server.ctx.ports.store.listAudit({ subjectId: forceA, limit: 10 });
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'organisation.affiliation_set',
        actorId: adminA.user.id,
        detail: expect.objectContaining({ userId: staffA.user.id, affiliation: 'staff' }),
      }),
    );
  });

  it('shows the people list only to admins: 403 for a plain member, 404 for anyone else', async () => {
    expect((await send(adminA, 'GET', `/api/v1/organisations/${forceA}/people`)).status).toBe(200);
    expect((await send(platform, 'GET', `/api/v1/organisations/${forceA}/people`)).status).toBe(200);

    const member = await send(staffA, 'GET', `/api/v1/organisations/${forceA}/people`);
    expect(member.status).toBe(403);
    expect((await affiliate(staffA, forceA, outsider, 'partner', false)).status).toBe(403);

    const stranger = await send(outsider, 'GET', `/api/v1/organisations/${forceA}/people`);
    expect(stranger.status).toBe(404);
    expect((await send(outsider, 'GET', `/api/v1/organisations/${MISSING_ID}/people`)).status).toBe(404);
    // The same answer for a force that exists and one that does not: nothing to probe.
    expect(stranger.body).toEqual(
      (await send(outsider, 'GET', `/api/v1/organisations/${MISSING_ID}/people`)).body,
    );
    expect((await send(outsider, 'GET', '/api/v1/organisations/nonsense/people')).status).toBe(400);
  });

  it("keeps an admin of force A out of force B's people", async () => {
    expect((await send(adminA, 'GET', `/api/v1/organisations/${forceB}/people`)).status).toBe(404);
    const write = await affiliate(adminA, forceB, outsider, 'officer', true);
    expect(write.status).toBe(404);
    const people = OrganisationPeople.parse(
      (await send(adminB, 'GET', `/api/v1/organisations/${forceB}/people`)).body,
    );
    expect(people.people.map((p) => p.userId)).toEqual([adminB.user.id]);
  });

  it('finds accounts by exact email only, and names bad fields', async () => {
    const unknown = await send(adminA, 'POST', `/api/v1/organisations/${forceA}/people`, {
      email: 'nobody-at-all@example.org',
      affiliation: 'officer',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/No account with that email/);

    const badEmail = await send(adminA, 'POST', `/api/v1/organisations/${forceA}/people`, {
      email: 'not an email',
      affiliation: 'officer',
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.field).toBe('email');

    const badAffiliation = await send(adminA, 'POST', `/api/v1/organisations/${forceA}/people`, {
      email: outsider.user.email,
      affiliation: 'sheriff',
    });
    expect(badAffiliation.status).toBe(400);
    expect(badAffiliation.body.error.field).toBe('affiliation');
  });

  it('keeps at least one admin: the last admin cannot step down, but can after appointing another', async () => {
    const stepDown = await affiliate(adminA, forceA, adminA, 'officer', false);
    expect(stepDown.status).toBe(409);
    expect(stepDown.body.error.code).toBe('conflict');

    expect((await affiliate(adminA, forceA, staffA, 'staff', true)).status).toBe(200);
    const after = await affiliate(adminA, forceA, adminA, 'officer', false);
    expect(after.status).toBe(200);
    const people = OrganisationPeople.parse(after.body).people;
    expect(people.find((p) => p.userId === adminA.user.id)?.isAdmin).toBe(false);

    // No longer an admin: the next request is refused.
    expect((await send(adminA, 'GET', `/api/v1/organisations/${forceA}/people`)).status).toBe(403);
  });

  it('removes a person when they are given no affiliation and no admin flag', async () => {
    expect((await affiliate(staffA, forceA, outsider, 'partner', false)).status).toBe(200);
    const removed = await affiliate(staffA, forceA, outsider, null, false);
    expect(removed.status).toBe(200);
    const people = OrganisationPeople.parse(removed.body).people;
    expect(people.map((p) => p.userId)).not.toContain(outsider.user.id);
    const profile = (await server.ctx.ports.store.getPublicProfiles([outsider.user.id])).get(
      outsider.user.id,
    );
    expect(profile?.badges).toEqual([]);
  });

  it('never sends a password hash or a token hash', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const text of seen) {
      expect(text).not.toMatch(/passwordHash|tokenHash|password_hash|token_hash|\$argon2/);
    }
  });
});
