// Tests for describeLocation against Ordnance Survey and Open Location Code reference values.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../model/errors.js';
import { describeLocation } from './describe.js';
import { OSTN15_TEST_POINTS } from './test-support/reference-points.js';

describe('describeLocation', () => {
  it.each(OSTN15_TEST_POINTS)('gives a 10-figure grid reference within 5 m of OS test point $id', (ref) => {
    const { gridRef } = describeLocation({ lat: ref.lat, lng: ref.lng });
    const match = /^([A-Z]{2}) (\d{5}) (\d{5})$/.exec(gridRef ?? '');
    expect(match, `grid reference ${gridRef}`).not.toBeNull();
    const [, square, easting, northing] = match as RegExpExecArray;
    expect(square).toBe(ref.square);
    // The printed figures are metres within the 100 km square; compare them with the published ones.
    expect(Math.abs(Number(easting) - (ref.easting % 100_000))).toBeLessThan(5);
    expect(Math.abs(Number(northing) - (ref.northing % 100_000))).toBeLessThan(5);
  });

  it('rounds coordinates to 6 decimal places', () => {
    const described = describeLocation({ lat: 54.65312345678, lng: -2.00119999 });
    expect(described.lat).toBe(54.653123);
    expect(described.lng).toBe(-2.0012);
  });

  it('encodes the Open Location Code documentation example', () => {
    // From the open-location-code library's own usage notes: 47.365590, 8.524997 -> 8FVC9G8F+6X.
    expect(describeLocation({ lat: 47.36559, lng: 8.524997 }).plusCode).toBe('8FVC9G8F+6X');
  });

  it('gives a full 10-digit plus code in Great Britain', () => {
    // 54.65°N, 2.0012°W lies in the 1° cell 9C6V (54–55°N, 3–2°W).
    const { plusCode } = describeLocation({ lat: 54.6531, lng: -2.0012 });
    expect(plusCode).toMatch(/^9C6V[23456789CFGHJMPQRVWX]{4}\+[23456789CFGHJMPQRVWX]{2}$/);
  });

  it('has no grid reference outside Great Britain', () => {
    expect(describeLocation({ lat: 48.8566, lng: 2.3522 }).gridRef).toBeNull(); // Paris
    expect(describeLocation({ lat: 50, lng: -20 }).gridRef).toBeNull(); // the Atlantic
    expect(describeLocation({ lat: -33.8688, lng: 151.2093 }).gridRef).toBeNull(); // Sydney
    expect(describeLocation({ lat: 48.8566, lng: 2.3522 }).plusCode).toMatch(/^8FW4.{4}\+.{2}$/);
  });

  it('refuses a latitude beyond the pole as invalid input', () => {
    expect(() => describeLocation({ lat: 95, lng: 0 })).toThrow(DomainError);
    expect(() => describeLocation({ lat: Number.NaN, lng: 0 })).toThrow(DomainError);
  });
});
