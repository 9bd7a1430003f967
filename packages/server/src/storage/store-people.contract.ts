// Store contract, part one: users, public profiles, sessions, settings and organisations.
import type { SessionId, Store, UserId } from '@fellwatch/core';
import { expect, it } from 'vitest';
import { anOrganisation, aUser, fixtureEpoch, newId } from './test-support/fixtures.js';

/** Behaviour of the people-related repositories; `store` returns the store under test. */
export function peopleContract(store: () => Store) {
  it('creates a user and reads it back by id and by email in any letter case', async () => {
    const user = aUser({ email: 'Jo.Shepherd@Example.org', phone: null, isPlatformAdmin: true });
    await store().createUser(user);
    expect(await store().getUser(user.id)).toEqual(user);
    expect(await store().getUserByEmail('jo.shepherd@example.ORG')).toEqual(user);
    expect(await store().getUser(newId<UserId>())).toBeUndefined();
    expect(await store().getUserByEmail('nobody@example.org')).toBeUndefined();
  });

  it('refuses a second account with the same email, compared case-insensitively', async () => {
    const first = aUser({ email: 'dup-check@example.org' });
    await store().createUser(first);
    await expect(store().createUser(aUser({ email: 'DUP-Check@Example.org' }))).rejects.toMatchObject({
      name: 'DomainError',
      code: 'conflict',
      field: 'email',
    });
    await expect(store().createUser({ ...aUser(), id: first.id })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('counts platform admins', async () => {
    const before = await store().countPlatformAdmins();
    await store().createUser(aUser({ isPlatformAdmin: true }));
    await store().createUser(aUser({ isPlatformAdmin: false }));
    expect(await store().countPlatformAdmins()).toBe(before + 1);
  });

  it('gives public profiles with badges and organisation names, never email or phone', async () => {
    const force = anOrganisation({ name: `Cumbria Constabulary ${newId()}` });
    const charity = anOrganisation({ name: `Farm Crime Trust ${newId()}`, kind: 'charity' });
    await store().createOrganisation(force);
    await store().createOrganisation(charity);
    const officer = aUser({ displayName: 'PC Dawson' });
    const farmer = aUser({ displayName: 'Ann Birkett' });
    const orgAdmin = aUser({ displayName: 'Org Admin' });
    for (const u of [officer, farmer, orgAdmin]) await store().createUser(u);
    const verified = { verifiedBy: orgAdmin.id, verifiedAt: fixtureEpoch, isAdmin: false };
    await store().putOrganisationMember({
      organisationId: force.id,
      userId: officer.id,
      affiliation: 'officer',
      ...verified,
    });
    await store().putOrganisationMember({
      organisationId: charity.id,
      userId: officer.id,
      affiliation: 'partner',
      ...verified,
    });
    // An organisation admin without an affiliation has no public badge.
    await store().putOrganisationMember({
      organisationId: force.id,
      userId: orgAdmin.id,
      affiliation: null,
      ...verified,
      isAdmin: true,
    });

    const unknown = newId<UserId>();
    const profiles = await store().getPublicProfiles([
      officer.id,
      farmer.id,
      orgAdmin.id,
      unknown,
      farmer.id,
    ]);
    expect(profiles.size).toBe(3);
    expect(profiles.has(unknown)).toBe(false);
    const officerProfile = profiles.get(officer.id);
    expect(officerProfile?.displayName).toBe('PC Dawson');
    expect(officerProfile?.badges).toHaveLength(2);
    expect(officerProfile?.badges).toEqual(
      expect.arrayContaining([
        { organisationId: force.id, organisationName: force.name, affiliation: 'officer' },
        { organisationId: charity.id, organisationName: charity.name, affiliation: 'partner' },
      ]),
    );
    expect(profiles.get(farmer.id)).toEqual({ id: farmer.id, displayName: 'Ann Birkett', badges: [] });
    expect(profiles.get(orgAdmin.id)?.badges).toEqual([]);
    for (const profile of profiles.values()) {
      expect(Object.keys(profile).sort()).toEqual(['badges', 'displayName', 'id']);
      expect(JSON.stringify(profile)).not.toMatch(/@example\.org|7700/);
    }
    expect((await store().getPublicProfiles([])).size).toBe(0);
  });

  it('looks up many profiles at once', async () => {
    const users = Array.from({ length: 620 }, () => aUser());
    await store().transaction(async (tx) => {
      for (const u of users) await tx.createUser(u);
    });
    const profiles = await store().getPublicProfiles(users.map((u) => u.id));
    expect(profiles.size).toBe(620);
    expect(profiles.get(users[619]!.id)?.displayName).toBe(users[619]!.displayName);
  });

  it('keeps sessions by token hash, touches, lists and deletes them', async () => {
    const user = aUser();
    await store().createUser(user);
    const browser = {
      id: newId<SessionId>(),
      userId: user.id,
      kind: 'browser' as const,
      name: '',
      tokenHash: `tok-${newId()}`,
      createdAt: fixtureEpoch,
      expiresAt: fixtureEpoch + 86_400_000,
      lastUsedAt: null,
    };
    const token = {
      ...browser,
      id: newId<SessionId>(),
      kind: 'api_token' as const,
      name: 'backup script',
      tokenHash: `tok-${newId()}`,
      createdAt: fixtureEpoch + 1,
      expiresAt: null,
    };
    await store().createSession(browser);
    await store().createSession(token);
    expect(await store().getSessionByTokenHash(browser.tokenHash)).toEqual(browser);
    await store().touchSession(browser.id, fixtureEpoch + 5000);
    expect((await store().getSessionByTokenHash(browser.tokenHash))?.lastUsedAt).toBe(fixtureEpoch + 5000);
    expect((await store().listSessions(user.id)).map((s) => s.id)).toEqual([browser.id, token.id]);
    await expect(store().createSession({ ...token, id: newId<SessionId>() })).rejects.toMatchObject({
      code: 'conflict',
    });
    await store().deleteSession(browser.id);
    expect(await store().getSessionByTokenHash(browser.tokenHash)).toBeUndefined();
    expect(await store().listSessions(user.id)).toEqual([token]);
    await store().deleteSession(browser.id);
  });

  it('stores, replaces and deletes settings', async () => {
    const key = `setting-${newId()}`;
    expect(await store().getSetting(key)).toBeUndefined();
    await store().putSetting(key, 'one');
    await store().putSetting(key, 'two');
    expect(await store().getSetting(key)).toBe('two');
    await store().deleteSetting(key);
    expect(await store().getSetting(key)).toBeUndefined();
  });

  it('creates organisations with unique names and keeps their members', async () => {
    const org = anOrganisation();
    await store().createOrganisation(org);
    expect(await store().getOrganisation(org.id)).toEqual(org);
    expect(await store().listOrganisations()).toContainEqual(org);
    await expect(store().createOrganisation(anOrganisation({ name: org.name }))).rejects.toMatchObject({
      code: 'conflict',
    });

    const a = aUser();
    const b = aUser();
    await store().createUser(a);
    await store().createUser(b);
    const member = {
      organisationId: org.id,
      userId: a.id,
      affiliation: 'staff' as const,
      isAdmin: false,
      verifiedBy: b.id,
      verifiedAt: fixtureEpoch,
    };
    await store().putOrganisationMember(member);
    await store().putOrganisationMember({
      ...member,
      affiliation: 'officer',
      isAdmin: true,
      verifiedAt: fixtureEpoch + 1,
    });
    await store().putOrganisationMember({ ...member, userId: b.id, verifiedAt: fixtureEpoch + 2 });
    const members = await store().listOrganisationMembers(org.id);
    expect(members).toEqual([
      { ...member, affiliation: 'officer', isAdmin: true, verifiedAt: fixtureEpoch + 1 },
      { ...member, userId: b.id, verifiedAt: fixtureEpoch + 2 },
    ]);
    expect(await store().listAffiliationsOfUser(a.id)).toEqual([members[0]]);
    await store().removeOrganisationMember(org.id, a.id);
    expect(await store().listAffiliationsOfUser(a.id)).toEqual([]);
    expect(await store().listOrganisationMembers(org.id)).toHaveLength(1);
  });
}
