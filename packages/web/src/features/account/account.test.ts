// Tests the account page's words about my organisations, badges and API tokens.
import { describe, expect, it } from 'vitest';
import type { ApiTokenView, Me } from '../../api/types.js';
import { lastUsedText, myBadges, myOrganisations, sortTokens, tokenNameProblem } from './account.js';

const me: Me = {
  id: '01HZX00000000000000000000M',
  displayName: 'Ann Hodgson',
  email: 'ann@example.org',
  phone: null,
  isPlatformAdmin: false,
  organisations: [
    { organisationId: 'O2', organisationName: 'Weardale Farmwatch', affiliation: null, isAdmin: true },
    { organisationId: 'O1', organisationName: 'Durham Constabulary', affiliation: 'officer', isAdmin: false },
    { organisationId: 'O3', organisationName: 'Teesdale Partners', affiliation: 'partner', isAdmin: false },
  ],
};

describe('myOrganisations and myBadges', () => {
  it('lists organisations by name with the badge each gives, whether I run it and see its escalations', () => {
    expect(myOrganisations(me)).toEqual([
      {
        id: 'O1',
        name: 'Durham Constabulary',
        badge: { organisationId: 'O1', organisationName: 'Durham Constabulary', affiliation: 'officer' },
        isAdmin: false,
        seesEscalations: true,
        roles: ['Officer'],
      },
      {
        id: 'O3',
        name: 'Teesdale Partners',
        badge: { organisationId: 'O3', organisationName: 'Teesdale Partners', affiliation: 'partner' },
        isAdmin: false,
        seesEscalations: false,
        roles: ['Partner'],
      },
      {
        id: 'O2',
        name: 'Weardale Farmwatch',
        badge: null,
        isAdmin: true,
        seesEscalations: true,
        roles: ['Organisation admin'],
      },
    ]);
  });

  it('gives only verified affiliations as badges', () => {
    expect(myBadges(me)).toEqual([
      { organisationId: 'O1', organisationName: 'Durham Constabulary', affiliation: 'officer' },
      { organisationId: 'O3', organisationName: 'Teesdale Partners', affiliation: 'partner' },
    ]);
    expect(myBadges({ ...me, organisations: [] })).toEqual([]);
  });
});

describe('tokens', () => {
  const token = (id: string, createdAt: number, lastUsedAt: number | null = null): ApiTokenView => ({
    id,
    name: id,
    createdAt,
    lastUsedAt,
  });

  it('sorts newest first', () => {
    expect(sortTokens([token('a', 1), token('c', 3), token('b', 2)]).map((t) => t.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('says when a token was last used in plain words', () => {
    const now = new Date(2025, 2, 5, 12, 0).getTime();
    expect(lastUsedText(null, now)).toBe('Never used');
    expect(lastUsedText(new Date(2025, 2, 5, 0, 30).getTime(), now)).toBe('Last used today');
    expect(lastUsedText(new Date(2025, 2, 4, 23, 59).getTime(), now)).toBe('Last used yesterday');
    expect(lastUsedText(new Date(2025, 2, 3, 9, 0).getTime(), now)).toBe('Last used 3 Mar 2025');
  });

  it('asks for a name of sensible length', () => {
    expect(tokenNameProblem('   ')).toMatch(/name/);
    expect(tokenNameProblem('x'.repeat(81))).toMatch(/at most 80/);
    expect(tokenNameProblem(' backup script ')).toBeNull();
  });
});
