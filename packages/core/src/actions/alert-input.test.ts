// The rules an alert's input follows: required fields per kind, the place as typed, reach defaults.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/errors.js';
import { checkAlertDetails, checkPlaceText, checkReach, tidyMissingDetails } from './alert-input.js';

const MIDDLETON = { lat: 54.625, lng: -2.081 };

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  return 'no error';
}

describe('checkAlertDetails', () => {
  it('names the field each kind is missing', () => {
    expect(fieldOf(() => checkAlertDetails({ kind: 'ufo' }))).toBe('details.kind');
    expect(fieldOf(() => checkAlertDetails({ kind: 'stolen' }))).toBe('details.category');
    expect(fieldOf(() => checkAlertDetails({ kind: 'found', category: 'boat' }))).toBe('details.category');
    expect(fieldOf(() => checkAlertDetails({ kind: 'animal', situation: 'loose', species: ' ' }))).toBe(
      'details.species',
    );
    expect(fieldOf(() => checkAlertDetails({ kind: 'suspicious', activity: 'picnic' }))).toBe(
      'details.activity',
    );
    expect(fieldOf(() => checkAlertDetails({ kind: 'appeal', request: 'Sightings' }))).toBe(
      'details.policeReference',
    );
  });

  it('accepts each kind with its required fields', () => {
    expect(checkAlertDetails({ kind: 'stolen', category: 'quad' })).toBe('stolen');
    expect(checkAlertDetails({ kind: 'animal', situation: 'found', species: 'sheep' })).toBe('animal');
    expect(checkAlertDetails({ kind: 'suspicious', activity: 'lamping' })).toBe('suspicious');
  });
});

describe('checkReach', () => {
  it('fills in the radius for the kind: vehicles and plant 80 km, animals 10 km', () => {
    expect(checkReach({ mode: 'radius' }, { kind: 'stolen', category: 'quad' }, MIDDLETON).stored).toEqual({
      mode: 'radius',
      radiusKm: 80,
    });
    expect(checkReach({ mode: 'radius' }, { kind: 'animal' }, MIDDLETON).stored).toEqual({
      mode: 'radius',
      radiusKm: 10,
    });
    expect(checkReach({ mode: 'organisation' }, { kind: 'animal' }, null).stored).toEqual({
      mode: 'organisation',
    });
  });

  it('refuses a radius over 200 km, a radius without a location, and unknown modes', () => {
    const stolen = { kind: 'stolen', category: 'quad' };
    expect(fieldOf(() => checkReach({ mode: 'radius', radiusKm: 10_000 }, stolen, MIDDLETON))).toBe(
      'reach.radiusKm',
    );
    expect(fieldOf(() => checkReach({ mode: 'radius', radiusKm: 0 }, stolen, MIDDLETON))).toBe(
      'reach.radiusKm',
    );
    expect(fieldOf(() => checkReach({ mode: 'radius' }, stolen, null))).toBe('location');
    expect(fieldOf(() => checkReach({ mode: 'world' } as never, stolen, MIDDLETON))).toBe('reach.mode');
  });
});

describe('checkPlaceText', () => {
  it('keeps the place as typed, trimmed; empty is none; over 120 characters is refused', () => {
    expect(checkPlaceText('  ///filled.count.soap ')).toBe('///filled.count.soap');
    expect(checkPlaceText('   ')).toBeNull();
    expect(checkPlaceText(undefined)).toBeNull();
    expect(fieldOf(() => checkPlaceText('x'.repeat(121)))).toBe('placeText');
  });
});

describe('a missing person’s details', () => {
  const margaret = {
    kind: 'missing',
    name: ' Margaret Dowson ',
    age: 81,
    description: 'Small, white hair, walks with a stick.',
    lastSeenAt: 1_767_225_600_000,
    vulnerabilities: ['dementia', 'dementia', 'medical'],
    clothing: '  ',
  };

  it('needs a name, a description and when they were last seen', () => {
    expect(checkAlertDetails(margaret)).toBe('missing');
    expect(fieldOf(() => checkAlertDetails({ ...margaret, name: ' ' }))).toBe('details.name');
    expect(fieldOf(() => checkAlertDetails({ ...margaret, description: undefined }))).toBe(
      'details.description',
    );
    expect(fieldOf(() => checkAlertDetails({ ...margaret, lastSeenAt: undefined }))).toBe(
      'details.lastSeenAt',
    );
    expect(fieldOf(() => checkAlertDetails({ ...margaret, lastSeenAt: 'yesterday' }))).toBe(
      'details.lastSeenAt',
    );
  });

  it('takes an age from 0 to 120, known vulnerabilities, and text within the limits', () => {
    expect(checkAlertDetails({ ...margaret, age: 0 })).toBe('missing');
    expect(checkAlertDetails({ ...margaret, age: 120 })).toBe('missing');
    for (const age of [-1, 121, 8.5, '81']) {
      expect(fieldOf(() => checkAlertDetails({ ...margaret, age }))).toBe('details.age');
    }
    expect(fieldOf(() => checkAlertDetails({ ...margaret, vulnerabilities: ['lonely'] }))).toBe(
      'details.vulnerabilities',
    );
    expect(fieldOf(() => checkAlertDetails({ ...margaret, vulnerabilities: 'dementia' }))).toBe(
      'details.vulnerabilities',
    );
    expect(fieldOf(() => checkAlertDetails({ ...margaret, name: 'x'.repeat(81) }))).toBe('details.name');
    expect(fieldOf(() => checkAlertDetails({ ...margaret, mayGoTo: 7 }))).toBe('details.mayGoTo');
  });

  it('is stored trimmed, without empty fields, each vulnerability once, and a profile only when released', () => {
    const stored = tidyMissingDetails({ ...margaret, profileId: '01J0000000000000000000PROF' }, undefined);
    expect(stored).toEqual({
      kind: 'missing',
      name: 'Margaret Dowson',
      age: 81,
      description: 'Small, white hair, walks with a stick.',
      lastSeenAt: 1_767_225_600_000,
      vulnerabilities: ['dementia', 'medical'],
    });
    expect(tidyMissingDetails(margaret, '01J0000000000000000000PROF').profileId).toBe(
      '01J0000000000000000000PROF',
    );
  });

  it('reaches 25 km from where they were last seen by default', () => {
    expect(checkReach({ mode: 'radius' }, margaret, MIDDLETON).stored).toEqual({
      mode: 'radius',
      radiusKm: 25,
    });
  });
});
