// Unit tests of the profile rules: release references, ages, and the alert details a release makes.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/errors.js';
import type { ProfileId } from '../ports/profiles.js';
import {
  ageAt,
  checkProfileFields,
  missingDetailsFrom,
  newReleaseReference,
  normaliseReleaseReference,
} from './profiles.js';

const NOW = Date.UTC(2026, 5, 15, 12);

function fields(overrides: Record<string, unknown> = {}) {
  return checkProfileFields(
    {
      name: '  Margaret Ellis ',
      preferredName: '',
      dateOfBirth: '1941-06-16',
      description: { height: '5 ft 2', hair: null },
      contacts: [{ name: 'Susan', phone: '07700 900456' }],
      ...overrides,
    },
    NOW,
  );
}

describe('release references', () => {
  it('are HP and eight symbols easy to read out, drawn from the randomness given', () => {
    let n = 0;
    const tokens = ['ABCDEFGHxyz', '-_0123456789'];
    const ports = { secrets: { randomToken: () => tokens[n++ % 2] as string } };
    expect(newReleaseReference(ports as never)).toBe('HP-0123-4567');
    const second = newReleaseReference(ports as never);
    expect(second).toMatch(/^HP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(second).toBe('HP-YZMN-PQRS');
  });

  it('are read back however they are typed: case, spaces, dashes, the prefix, O for 0 and I or L for 1', () => {
    for (const typed of ['HP-7K3Q-92XD', 'hp 7k3q 92xd', '7K3Q92XD', ' HP7K3Q-92XD ']) {
      expect(normaliseReleaseReference(typed)).toBe('HP-7K3Q-92XD');
    }
    expect(normaliseReleaseReference('HP-O1IL-0000')).toBe('HP-0111-0000');
    for (const wrong of ['', 'HP-12', 'HP-7K3Q-92XDX', 'HP-7K3Q-92XU', '7K3Q/92XD']) {
      expect(normaliseReleaseReference(wrong)).toBeNull();
    }
  });
});

describe('profile fields', () => {
  it('are trimmed, with blank text as null', () => {
    const checked = fields();
    expect(checked).toMatchObject({ name: 'Margaret Ellis', preferredName: null, age: null });
    expect(checked.description).toEqual({ height: '5 ft 2', build: null, hair: null, features: null });
    expect(checked.places).toEqual([]);
    expect(checked.vulnerabilities).toEqual([]);
  });

  it('name the field that is wrong', () => {
    const refusal = (overrides: Record<string, unknown>) => {
      try {
        fields(overrides);
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.field] : error;
      }
      return 'accepted';
    };
    expect(refusal({ name: '   ' })).toEqual(['invalid', 'name']);
    expect(refusal({ dateOfBirth: '2026-06-16' })).toEqual(['invalid', 'dateOfBirth']);
    expect(refusal({ dateOfBirth: '1899-12-31' })).toEqual(['invalid', 'dateOfBirth']);
    expect(refusal({ dateOfBirth: null, age: 12.5 })).toEqual(['invalid', 'age']);
    expect(refusal({ description: { height: ' ' } })).toEqual(['invalid', 'description']);
    expect(refusal({ places: [{ place: 'Chapel', point: { lat: 'north' } }] })).toEqual([
      'invalid',
      'places.0.point',
    ]);
    expect(
      refusal({
        contacts: [
          { name: 'Susan', phone: '07700 900456' },
          { name: '', phone: '999999' },
        ],
      }),
    ).toEqual(['invalid', 'contacts.1.name']);
    expect(refusal({ photoIds: ['a', 'a'] })).toEqual(['invalid', 'photoIds']);
    expect(refusal({ vulnerabilities: 'dementia' })).toEqual(['invalid', 'vulnerabilities']);
  });
});

describe('ages', () => {
  it('count whole years from the date of birth, else use the age given', () => {
    expect(ageAt({ dateOfBirth: '1941-06-16', age: null }, NOW)).toBe(84);
    expect(ageAt({ dateOfBirth: '1941-06-15', age: null }, NOW)).toBe(85);
    expect(ageAt({ dateOfBirth: null, age: 79 }, NOW)).toBe(79);
    expect(ageAt({ dateOfBirth: null, age: null }, NOW)).toBeNull();
  });
});

describe('the alert a release raises', () => {
  const id = '01J00000000000000000000000' as ProfileId;
  const circumstances = {
    lastSeenAt: NOW - 1000,
    lastSeenPlace: 'Middleton',
    clothing: null,
    policeReference: null,
  };

  it('describes them from the profile and leaves medical notes and contacts out', () => {
    const details = missingDetailsFrom(
      id,
      fields({
        preferredName: 'Peggy',
        description: { height: '5 ft 2', build: 'slight', features: 'Walks with a stick' },
        vulnerabilities: ['dementia'],
        medicalNeeds: 'Needs insulin',
        places: [{ place: 'Eggleston chapel' }, { place: 'Low Side' }],
        routines: 'Shop at ten.',
      }),
      circumstances,
      NOW,
    );
    expect(details).toEqual({
      kind: 'missing',
      name: 'Margaret Ellis',
      age: 84,
      description: 'Known as Peggy. Height: 5 ft 2. Build: slight. Walks with a stick.',
      lastSeenAt: NOW - 1000,
      lastSeenPlace: 'Middleton',
      vulnerabilities: ['dementia', 'medical'],
      mayGoTo: 'Places: Eggleston chapel; Low Side. Shop at ten.',
      profileId: id,
    });
  });

  it('keeps long descriptions within the alert’s limits', () => {
    const details = missingDetailsFrom(
      id,
      fields({
        description: { features: 'a'.repeat(1000) },
        preferredName: 'Peggy',
        routines: 'b'.repeat(2000),
      }),
      circumstances,
      NOW,
    );
    expect((details.description as string).length).toBe(1000);
    expect((details.mayGoTo as string).length).toBe(1000);
    expect(details.description as string).toMatch(/…$/);
    expect(details.vulnerabilities).toEqual([]);
  });
});
