// Distances on the Earth between points and from a point to a watch group's area (circle or polygon).
import type { GroupArea } from '../model/entities.js';

/** A WGS84 point in degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), in km: the spherical model is within 0.5% anywhere, far finer than any reach. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Kilometres in one degree of latitude on the sphere above. */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  return haversineKm(a.lat, a.lng, b.lat, b.lng);
}

/** Great-circle distance in km from plain numbers, for hot loops that keep coordinates in arrays. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in km from a point to a group's area: 0 inside a circle or polygon (holes excluded),
 * otherwise to the circle's edge or the polygon's nearest edge.
 */
export function distanceToAreaKm(point: LatLng, area: GroupArea): number {
  if (area.kind === 'circle') return Math.max(0, distanceKm(point, area.centre) - area.radiusKm);
  if (isInsidePolygon(point, area.coordinates)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const ring of area.coordinates) best = Math.min(best, distanceToRingKm(point, ring));
  return best;
}

/** Latitude/longitude bounds of an area, in degrees. */
export interface Bounds {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** The smallest latitude/longitude box holding the area (a circle's box is widened for its latitude). */
export function areaBounds(area: GroupArea): Bounds {
  if (area.kind === 'circle') {
    const { lat, lng } = area.centre;
    const dLat = area.radiusKm / KM_PER_DEGREE;
    const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
    const dLng = Math.min(180, area.radiusKm / (KM_PER_DEGREE * Math.cos(maxAbsLat * RAD)));
    return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
  }
  const bounds = {
    minLat: Number.POSITIVE_INFINITY,
    maxLat: Number.NEGATIVE_INFINITY,
    minLng: Number.POSITIVE_INFINITY,
    maxLng: Number.NEGATIVE_INFINITY,
  };
  // Holes lie inside the outer ring, so the outer ring alone bounds the polygon.
  for (const [lng, lat] of area.coordinates[0] ?? []) {
    if (lat < bounds.minLat) bounds.minLat = lat;
    if (lat > bounds.maxLat) bounds.maxLat = lat;
    if (lng < bounds.minLng) bounds.minLng = lng;
    if (lng > bounds.maxLng) bounds.maxLng = lng;
  }
  return bounds;
}

/** A box around a point that holds every point within radiusKm of it. */
export function boundsAround(point: LatLng, radiusKm: number): Bounds {
  const dLat = radiusKm / KM_PER_DEGREE;
  const maxAbsLat = Math.min(89.9, Math.abs(point.lat) + dLat);
  const dLng = Math.min(180, radiusKm / (KM_PER_DEGREE * Math.cos(maxAbsLat * RAD)));
  return {
    minLat: point.lat - dLat,
    maxLat: point.lat + dLat,
    minLng: point.lng - dLng,
    maxLng: point.lng + dLng,
  };
}

/** Even-odd rule over GeoJSON rings ([lng, lat]); the first ring is the outline, the rest are holes. */
function isInsidePolygon(point: LatLng, rings: [number, number][][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > point.lat !== yj > point.lat) {
        const x = ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi;
        if (point.lng < x) inside = !inside;
      }
    }
  }
  return inside;
}

/**
 * Nearest distance from a point to a ring's edges. Each edge is projected onto a flat plane centred on
 * the point (accurate over the tens of km a group spans), the nearest point on the edge found there,
 * and the distance to it measured on the sphere.
 */
function distanceToRingKm(point: LatLng, ring: [number, number][]): number {
  const kx = Math.cos(point.lat * RAD);
  let best = Number.POSITIVE_INFINITY;
  let bestLat = point.lat;
  let bestLng = point.lng;
  for (let i = 0; i < ring.length; i++) {
    const [lngA, latA] = ring[i] as [number, number];
    const [lngB, latB] = ring[(i + 1) % ring.length] as [number, number];
    const ax = (lngA - point.lng) * kx;
    const ay = latA - point.lat;
    const bx = (lngB - point.lng) * kx;
    const by = latB - point.lat;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    const px = ax + t * dx;
    const py = ay + t * dy;
    const planar = px * px + py * py;
    if (planar < best) {
      best = planar;
      bestLat = point.lat + py;
      bestLng = point.lng + (kx === 0 ? 0 : px / kx);
    }
  }
  return best === Number.POSITIVE_INFINITY ? best : haversineKm(point.lat, point.lng, bestLat, bestLng);
}
