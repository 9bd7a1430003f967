// Tests distances against a group's area and when a place is far enough outside to ask "Is this right?".
import { describe, expect, it } from 'vitest';
import type { GroupArea } from '../../api/types.js';
import { areaCentre, distanceKm, distanceOutsideKm, isFarOutside } from './area.js';

// Two dales towns about 14.5 km apart in a straight line.
const STANHOPE = { lat: 54.7478, lng: -2.0056 };
const MIDDLETON = { lat: 54.6256, lng: -2.0817 };

describe('distanceKm', () => {
  it('measures great-circle distances', () => {
    expect(distanceKm(STANHOPE, STANHOPE)).toBe(0);
    expect(distanceKm(STANHOPE, MIDDLETON)).toBeCloseTo(14.5, 0);
    // One degree of latitude is about 111.2 km.
    expect(distanceKm({ lat: 54, lng: -2 }, { lat: 55, lng: -2 })).toBeCloseTo(111.2, 1);
  });
});

describe('a circle area', () => {
  const area: GroupArea = { kind: 'circle', centre: STANHOPE, radiusKm: 20 };
  const north = (km: number) => ({ lat: STANHOPE.lat + km / 111.195, lng: STANHOPE.lng });

  it('is 0 km outside inside it, and the distance past the edge beyond', () => {
    expect(distanceOutsideKm(north(5), area)).toBe(0);
    expect(distanceOutsideKm(north(30), area)).toBeCloseTo(10, 1);
  });

  it('asks beyond twice the radius, or beyond 25 km outside', () => {
    expect(isFarOutside(north(35), area)).toBe(false);
    expect(isFarOutside(north(41), area)).toBe(true);
    const wide: GroupArea = { kind: 'circle', centre: STANHOPE, radiusKm: 60 };
    expect(isFarOutside(north(80), wide)).toBe(false);
    expect(isFarOutside(north(90), wide)).toBe(true);
    // A misheard three-word address in London, from a dale.
    expect(isFarOutside({ lat: 51.5, lng: -0.12 }, area)).toBe(true);
  });

  it('never asks for a group without an area', () => {
    expect(isFarOutside({ lat: 51.5, lng: -0.12 }, null)).toBe(false);
  });
});

describe('a polygon area', () => {
  // About 0.2° by 0.2° around Stanhope, in [lng, lat] order and closed, as GeoJSON writes it.
  const ring: [number, number][] = [
    [-2.1, 54.65],
    [-1.9, 54.65],
    [-1.9, 54.85],
    [-2.1, 54.85],
    [-2.1, 54.65],
  ];
  const area: GroupArea = { kind: 'polygon', coordinates: [ring] };

  it('is 0 km outside inside it, and the distance to the nearest edge beyond', () => {
    expect(distanceOutsideKm(STANHOPE, area)).toBe(0);
    // Due east of the east edge by 0.1° of longitude: about 6.4 km at this latitude.
    expect(distanceOutsideKm({ lat: 54.75, lng: -1.8 }, area)).toBeCloseTo(6.4, 1);
    // Due south of the south edge by 0.3°: about 33 km.
    expect(distanceOutsideKm({ lat: 54.35, lng: -2.0 }, area)).toBeCloseTo(33.4, 0);
  });

  it('asks beyond 25 km outside', () => {
    expect(isFarOutside({ lat: 54.75, lng: -1.8 }, area)).toBe(false);
    expect(isFarOutside({ lat: 54.35, lng: -2.0 }, area)).toBe(true);
  });

  it('has its centre in the middle of its corners', () => {
    expect(areaCentre(area)).toEqual({ lat: 54.75, lng: -2 });
    expect(areaCentre({ kind: 'circle', centre: STANHOPE, radiusKm: 5 })).toEqual(STANHOPE);
    expect(areaCentre(null)).toBeNull();
  });
});
