// Tests the profile and release forms' checks and the bodies they send.
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../api/profiles.js';
import {
  buildProfileFields,
  buildRelease,
  draftFromProfile,
  emptyContact,
  emptyDraft,
  emptyPlace,
  emptyRelease,
  localDateTime,
  type ProfileDraft,
} from './profile-draft.js';

const TODAY = '2026-06-15';

function filled(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    ...emptyDraft(),
    name: ' Margaret Ellis ',
    dateOfBirth: '1941-03-14',
    hair: 'short and white',
    contacts: [{ ...emptyContact(), name: 'Susan', phone: '07700 900456' }],
    ...overrides,
  };
}

describe('the profile form', () => {
  it('starts with dementia ticked and one empty contact', () => {
    const draft = emptyDraft();
    expect(draft.vulnerabilities).toEqual(['dementia']);
    expect(draft.contacts).toHaveLength(1);
  });

  it('sends trimmed fields, blank ones as null, and drops rows left empty', () => {
    const built = buildProfileFields(
      filled({
        places: [emptyPlace(), { ...emptyPlace(), place: ' Eggleston chapel ' }],
        contacts: [
          { ...emptyContact(), name: 'Susan', relationship: '', phone: '07700 900456' },
          emptyContact(),
        ],
      }),
      ['P1'],
      TODAY,
    );
    expect(built).toEqual({
      fields: {
        name: 'Margaret Ellis',
        preferredName: null,
        dateOfBirth: '1941-03-14',
        age: null,
        description: { height: null, build: null, hair: 'short and white', features: null },
        vulnerabilities: ['dementia'],
        medicalNeeds: null,
        routines: null,
        places: [{ place: 'Eggleston chapel', point: null }],
        contacts: [{ name: 'Susan', relationship: null, phone: '07700 900456' }],
        photoIds: ['P1'],
      },
    });
  });

  it('names each problem by the field the server would name', () => {
    const built = buildProfileFields(
      {
        ...emptyDraft(),
        age: '12.5',
        features: 'x'.repeat(1001),
        places: [{ ...emptyPlace(), point: { lat: 54, lng: -2 } }],
        contacts: [{ ...emptyContact(), relationship: 'son', phone: 'ring me' }],
      },
      [],
      TODAY,
    );
    expect('errors' in built && Object.keys(built.errors).sort()).toEqual([
      'age',
      'contacts.0.name',
      'contacts.0.phone',
      'description.features',
      'name',
      'places.0.place',
    ]);
    const none = buildProfileFields(filled({ hair: '', contacts: [emptyContact()] }), [], TODAY);
    expect('errors' in none && none.errors).toMatchObject({
      description: expect.stringContaining('Describe them'),
      contacts: expect.stringContaining('at least one'),
    });
    const future = buildProfileFields(filled({ dateOfBirth: '2027-01-01' }), [], TODAY);
    expect('errors' in future && future.errors.dateOfBirth).toMatch(/future/);
  });

  it('takes an age when the date of birth is not known, and ignores it when it is', () => {
    const byAge = buildProfileFields(filled({ dateOfBirth: '', age: '84' }), [], TODAY);
    expect('fields' in byAge && [byAge.fields.dateOfBirth, byAge.fields.age]).toEqual([null, 84]);
    const both = buildProfileFields(filled({ age: '80' }), [], TODAY);
    expect('fields' in both && both.fields.age).toBeNull();
  });

  it('round-trips a saved profile through the form', () => {
    const saved = {
      name: 'Margaret Ellis',
      preferredName: 'Peggy',
      dateOfBirth: null,
      age: 84,
      description: { height: '5 ft 2', build: null, hair: null, features: 'Glasses' },
      vulnerabilities: ['dementia', 'medical'],
      medicalNeeds: 'Insulin',
      routines: null,
      places: [{ place: 'Chapel', point: { lat: 54.6, lng: -2 } }],
      contacts: [{ name: 'Susan', relationship: 'daughter', phone: '07700 900456' }],
    } as unknown as ProfileView;
    const built = buildProfileFields(draftFromProfile(saved), ['P1'], TODAY);
    expect('fields' in built && built.fields).toMatchObject({
      preferredName: 'Peggy',
      age: 84,
      description: { height: '5 ft 2', features: 'Glasses', build: null },
      places: [{ place: 'Chapel', point: { lat: 54.6, lng: -2 } }],
      contacts: [{ relationship: 'daughter' }],
    });
  });
});

describe('the release form', () => {
  const now = new Date(2026, 5, 15, 14, 30).getTime();
  const place = { location: { lat: 54.62, lng: -2.08 }, typed: 'Middleton market place' };

  it('starts at this minute, in local time', () => {
    expect(localDateTime(now)).toBe('2026-06-15T14:30');
    expect(emptyRelease('G1', now)).toMatchObject({ groupId: 'G1', lastSeen: '2026-06-15T14:30' });
  });

  it('sends the last-seen time, place and what they wore', () => {
    const draft = { ...emptyRelease('G1', now), lastSeen: '2026-06-15T13:45', clothing: ' Blue coat ' };
    expect(buildRelease(draft, place, 'client-12345', now)).toEqual({
      body: {
        clientId: 'client-12345',
        groupId: 'G1',
        lastSeenAt: new Date(2026, 5, 15, 13, 45).getTime(),
        location: { lat: 54.62, lng: -2.08 },
        placeText: 'Middleton market place',
        clothing: 'Blue coat',
      },
    });
  });

  it('needs a group, a time not in the future and a point', () => {
    const draft = { ...emptyRelease('', now), lastSeen: '2026-06-15T16:00' };
    const built = buildRelease(draft, { location: null, typed: '///filled.count.soap' }, 'client-12345', now);
    expect('errors' in built && Object.keys(built.errors).sort()).toEqual([
      'groupId',
      'lastSeenAt',
      'location',
    ]);
  });

  it('for an officer, needs the reference in its shape and sends it tidied', () => {
    const draft = { ...emptyRelease('G1', now), reference: 'hp 7k3q 92xd' };
    const built = buildRelease(draft, place, 'client-12345', now, true);
    expect('body' in built && built.body.reference).toBe('HP-7K3Q-92XD');
    const wrong = buildRelease({ ...draft, reference: 'HP-12' }, place, 'client-12345', now, true);
    expect('errors' in wrong && wrong.errors.reference).toMatch(/HP-7K3Q-92XD/);
    const none = buildRelease({ ...draft, reference: ' ' }, place, 'client-12345', now, true);
    expect('errors' in none && none.errors.reference).toMatch(/Type the reference/);
  });
});
