// Unit tests of distances between points and from a point to a watch group's circle or polygon.
import { describe, expect, it } from 'vitest';
import type { GroupArea } from '../model/entities.js';
import { areaBounds, boundsAround, distanceKm, distanceToAreaKm, KM_PER_DEGREE } from './geometry.js';

const middleton = { lat: 54.625, lng: -2.081 }; // Middleton-in-Teesdale
const stanhope = { lat: 54.748, lng: -2.006 }; // Stanhope in Weardale
const barnardCastle = { lat: 54.543, lng: -1.921 };
const whitehaven = { lat: 54.549, lng: -3.587 };
const lincoln = { lat: 53.234, lng: -0.538 };

describe('distanceKm', () => {
  // References: Vincenty's inverse formula on the WGS84 ellipsoid (geodesy's latlon-ellipsoidal-vincenty).
  // A sphere differs from the ellipsoid by up to about 0.5%.
  it.each([
    ['Stanhope', stanhope, 14.52],
    ['Barnard Castle', barnardCastle, 13.8],
    ['Whitehaven', whitehaven, 97.73],
    ['Lincoln', lincoln, 185.04],
  ])('Middleton-in-Teesdale to %s is within 0.5%% of the ellipsoidal distance', (_name, point, km) => {
    expect(Math.abs(distanceKm(middleton, point) - km) / km).toBeLessThan(0.005);
  });

  it('is symmetric and zero from a point to itself', () => {
    expect(distanceKm(middleton, stanhope)).toBe(distanceKm(stanhope, middleton));
    expect(distanceKm(middleton, middleton)).toBe(0);
  });

  it('gives half the Earth for antipodes', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('distanceToAreaKm', () => {
  const teesdale: GroupArea = { kind: 'circle', centre: middleton, radiusKm: 8 };

  it('is 0 inside a circle and the distance to its edge outside', () => {
    expect(distanceToAreaKm({ lat: 54.63, lng: -2.09 }, teesdale)).toBe(0);
    expect(distanceToAreaKm(stanhope, teesdale)).toBeCloseTo(distanceKm(stanhope, middleton) - 8, 9);
  });

  // A box around Barnard Castle, about 6.5 km north to south and 6.4 km east to west (GeoJSON: [lng, lat]).
  const box: [number, number][] = [
    [-1.97, 54.514],
    [-1.87, 54.514],
    [-1.87, 54.572],
    [-1.97, 54.572],
    [-1.97, 54.514],
  ];
  const barnard: GroupArea = { kind: 'polygon', coordinates: [box] };

  it('is 0 inside a polygon and on its edge', () => {
    expect(distanceToAreaKm(barnardCastle, barnard)).toBe(0);
    expect(distanceToAreaKm({ lat: 54.54, lng: -1.87 }, barnard)).toBeLessThan(0.001);
  });

  it('measures to the nearest edge, not the nearest corner, from outside', () => {
    // Due north of the box's top edge by 0.05° of latitude.
    const north = { lat: 54.622, lng: -1.92 };
    expect(distanceToAreaKm(north, barnard)).toBeCloseTo(0.05 * KM_PER_DEGREE, 2);
    // From Middleton (west-north-west) the box is no farther than its nearest corner, and no nearer than
    // the distance to the box's middle less its half-diagonal (under 5 km).
    const toBox = distanceToAreaKm(middleton, barnard);
    const corners = box.map(([lng, lat]) => distanceKm(middleton, { lat, lng }));
    expect(toBox).toBeLessThanOrEqual(Math.min(...corners) + 1e-9);
    expect(toBox).toBeGreaterThan(distanceKm(middleton, barnardCastle) - 5);
  });

  it('measures to a corner when the corner is nearest', () => {
    const northEast = { lat: 54.622, lng: -1.77 };
    expect(distanceToAreaKm(northEast, barnard)).toBeCloseTo(
      distanceKm(northEast, { lat: 54.572, lng: -1.87 }),
      2,
    );
  });

  it('treats a hole as outside the polygon', () => {
    const hole: [number, number][] = [
      [-1.93, 54.53],
      [-1.91, 54.53],
      [-1.91, 54.55],
      [-1.93, 54.55],
      [-1.93, 54.53],
    ];
    const withHole: GroupArea = { kind: 'polygon', coordinates: [box, hole] };
    const inHole = { lat: 54.54, lng: -1.92 };
    // The hole's east and west edges are nearest: 0.01° of longitude at this latitude.
    const eastWest = 0.01 * KM_PER_DEGREE * Math.cos((54.54 * Math.PI) / 180);
    expect(distanceToAreaKm(inHole, withHole)).toBeCloseTo(eastWest, 3);
    expect(distanceToAreaKm({ lat: 54.52, lng: -1.95 }, withHole)).toBe(0);
  });

  it('handles a ring given without its closing point', () => {
    const open: GroupArea = { kind: 'polygon', coordinates: [box.slice(0, 4)] };
    const north = { lat: 54.622, lng: -1.92 };
    expect(distanceToAreaKm(north, open)).toBeCloseTo(distanceToAreaKm(north, barnard), 9);
    expect(distanceToAreaKm(barnardCastle, open)).toBe(0);
  });
});

describe('bounds', () => {
  /** The point `km` away on the sphere at `bearing` degrees, for checking that boxes hold circles. */
  function destination(from: { lat: number; lng: number }, km: number, bearing: number) {
    const rad = Math.PI / 180;
    const d = km / 6371.0088;
    const lat1 = from.lat * rad;
    const theta = bearing * rad;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(theta));
    const lng2 =
      from.lng * rad +
      Math.atan2(
        Math.sin(theta) * Math.sin(d) * Math.cos(lat1),
        Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
      );
    return { lat: lat2 / rad, lng: lng2 / rad };
  }

  it('a circle area and a radius box hold every point on the circle', () => {
    for (const radiusKm of [1, 30, 200]) {
      const area = areaBounds({ kind: 'circle', centre: middleton, radiusKm });
      const around = boundsAround(middleton, radiusKm);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        const p = destination(middleton, radiusKm * 0.999, bearing);
        for (const b of [area, around]) {
          expect(p.lat).toBeGreaterThanOrEqual(b.minLat);
          expect(p.lat).toBeLessThanOrEqual(b.maxLat);
          expect(p.lng).toBeGreaterThanOrEqual(b.minLng);
          expect(p.lng).toBeLessThanOrEqual(b.maxLng);
        }
      }
    }
  });

  it('a polygon is bounded by its outline', () => {
    expect(
      areaBounds({
        kind: 'polygon',
        coordinates: [
          [
            [-2, 54],
            [-1, 54.5],
            [-1.5, 55],
            [-2, 54],
          ],
        ],
      }),
    ).toEqual({ minLat: 54, maxLat: 55, minLng: -2, maxLng: -1 });
  });
});
