// Unit tests of resolvePlace and normaliseUkPostcode, with an in-memory geocoder standing in for the services.
import { describe, expect, it } from 'vitest';
import type { GeoPoint } from '../model/entities.js';
import { DomainError } from '../model/errors.js';
import type { Geocoder, Ports } from '../ports/index.js';
import { normaliseUkPostcode, resolvePlace } from './places.js';

// resolvePlace reads nothing from the ports today.
const ports = {} as Ports;

/** A geocoder answering from fixed tables, recording what it was asked. */
function fakeGeocoder(
  options: {
    configured?: boolean;
    addresses?: Record<string, GeoPoint>;
    postcodes?: Record<string, GeoPoint>;
  } = {},
) {
  const asked: string[] = [];
  const geocoder: Geocoder = {
    what3wordsConfigured: options.configured ?? true,
    async resolveWhat3words(address) {
      asked.push(address);
      return options.addresses?.[address];
    },
    async lookupPostcode(postcode) {
      asked.push(postcode);
      return options.postcodes?.[postcode];
    },
  };
  return { geocoder, asked };
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const STANHOPE = { lat: 54.7487, lng: -2.0066 };

describe('normaliseUkPostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    [' SW1A   1AA ', 'SW1A 1AA'],
    ['dl13 2ab', 'DL13 2AB'],
    ['M11AE', 'M1 1AE'],
    ['b338th', 'B33 8TH'],
    ['W1A 0AX', 'W1A 0AX'],
    ['gir0aa', 'GIR 0AA'],
  ])('normalises %j to %j', (text, expected) => {
    expect(normaliseUkPostcode(text)).toBe(expected);
  });

  it.each(['NY 835 213', 'SW1A 1A', 'SW1A1AAA', '1AB 2CD', 'ABC1 2DE', 'DL13', '54.6, -2.0', ''])(
    'refuses %j',
    (text) => {
      expect(normaliseUkPostcode(text)).toBeNull();
    },
  );
});

describe('resolvePlace', () => {
  it.each([
    ['54.6531, -2.0012', 'decimal'],
    ['54°39\'11.2"N 2°00\'04.3"W', 'dms'],
    ['NZ 000 286', 'osgrid'],
    ['400020, 528666', 'osgrid'],
    ['9C6VMX3X+6G', 'plus-code'],
  ])('works out %j itself, as %s, without the geocoder', async (text, format) => {
    const { geocoder, asked } = fakeGeocoder();
    const resolved = await resolvePlace(ports, geocoder, text);
    expect(resolved).toMatchObject({ format, checked: true });
    // Every input names the same spot (NZ 00020 28666), to within a 100 m square.
    expect(resolved.point?.lat).toBeCloseTo(54.6531, 2);
    expect(resolved.point?.lng).toBeCloseTo(-2.0012, 2);
    expect(asked).toEqual([]);
  });

  it('places a short plus code near the given point, and asks for one without it', async () => {
    const { geocoder } = fakeGeocoder();
    const resolved = await resolvePlace(ports, geocoder, 'MX3X+6G', { lat: 54.6, lng: -2.1 });
    expect(resolved).toMatchObject({ format: 'plus-code', checked: true });
    expect(resolved.point?.lat).toBeCloseTo(54.653, 2);
    const error = await refusal(resolvePlace(ports, geocoder, 'MX3X+6G'));
    expect(error).toMatchObject({ code: 'invalid', field: 'text' });
    expect(error.message).toMatch(/short plus code needs a nearby/);
  });

  it('refuses an impossible nearby point, naming near', async () => {
    const { geocoder } = fakeGeocoder();
    const error = await refusal(resolvePlace(ports, geocoder, 'MX3X+6G', { lat: 91, lng: 0 }));
    expect(error).toMatchObject({ code: 'invalid', field: 'near' });
  });

  it('resolves a what3words address through the geocoder, normalised', async () => {
    const { geocoder, asked } = fakeGeocoder({ addresses: { '///filled.count.soap': STANHOPE } });
    const resolved = await resolvePlace(ports, geocoder, '  ///Filled.Count.SOAP ');
    expect(resolved).toEqual({ point: STANHOPE, format: 'what3words', checked: true });
    expect(asked).toEqual(['///filled.count.soap']);
  });

  it('keeps a what3words address unchecked when no key is configured, without asking', async () => {
    const { geocoder, asked } = fakeGeocoder({
      configured: false,
      addresses: { '///filled.count.soap': STANHOPE },
    });
    const resolved = await resolvePlace(ports, geocoder, '///filled.count.soap');
    expect(resolved).toEqual({
      point: null,
      format: 'what3words',
      checked: false,
      address: '///filled.count.soap',
      reason: 'unconfigured',
    });
    expect(asked).toEqual([]);
  });

  it('keeps an address the service does not confirm unchecked, never placing it', async () => {
    const { geocoder } = fakeGeocoder({ addresses: {} });
    const resolved = await resolvePlace(ports, geocoder, '///index.home.raft');
    expect(resolved).toMatchObject({ point: null, checked: false, reason: 'unresolved' });
  });

  it('does not trust an impossible point from the geocoder', async () => {
    const { geocoder } = fakeGeocoder({ addresses: { '///index.home.raft': { lat: 120, lng: 0 } } });
    const resolved = await resolvePlace(ports, geocoder, '///index.home.raft');
    expect(resolved).toMatchObject({ point: null, checked: false, reason: 'unresolved' });
  });

  it.each([
    '///filled.count',
    '//filled.count.soap',
    '/filled.count.soap',
    '///filled.count.soap.extra',
    '///filled..soap',
    '///filled.c0unt.soap',
    'filled.count.soap',
    '////filled.count.soap',
  ])('refuses the malformed what3words address %j, naming text', async (text) => {
    const { geocoder, asked } = fakeGeocoder();
    const error = await refusal(resolvePlace(ports, geocoder, text));
    expect(error).toMatchObject({ code: 'invalid', field: 'text' });
    expect(error.message).toContain('///filled.count.soap');
    expect(asked).toEqual([]);
  });

  it('looks up a postcode in any spacing or case', async () => {
    const { geocoder, asked } = fakeGeocoder({ postcodes: { 'DL13 2AB': STANHOPE } });
    const resolved = await resolvePlace(ports, geocoder, 'dl132ab');
    expect(resolved).toEqual({ point: STANHOPE, format: 'postcode', checked: true });
    expect(asked).toEqual(['DL13 2AB']);
  });

  it('answers not found, naming text, for a postcode the directory does not hold', async () => {
    const { geocoder } = fakeGeocoder({ postcodes: {} });
    const error = await refusal(resolvePlace(ports, geocoder, 'DL13 9ZZ'));
    expect(error).toMatchObject({ code: 'not_found', field: 'text' });
    expect(error.message).toContain('DL13 9ZZ');
  });

  it.each([
    ['somewhere near the bridge', /not a location format/],
    ['NY 83 213', /as many easting digits/],
    ['95, 10', /Latitude must be between/],
    ['9C6VMX3X+6I', /not a valid plus code/],
  ])('refuses %j with the reason it cannot be read, naming text', async (text, reason) => {
    const { geocoder } = fakeGeocoder();
    const error = await refusal(resolvePlace(ports, geocoder, text));
    expect(error).toMatchObject({ code: 'invalid', field: 'text' });
    expect(error.message).toMatch(reason);
  });
});
