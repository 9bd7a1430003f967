// Where a point lies against a group's area (circle or polygon): distances for the "Is this right?" check.
import type { GeoPoint, GroupArea } from '../../api/types.js';

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine; well within a metre per km at these distances). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A polygon ring as the protocol sends it: [lng, lat] pairs, GeoJSON order. */
type Ring = readonly (readonly [number, number])[];

/** Even-odd test on the plane of longitudes and latitudes: fine for an area a few tens of km across. */
function insideRing(p: GeoPoint, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance in km from a point to a segment, on a local flat projection around the point. */
function distanceToSegmentKm(
  p: GeoPoint,
  a: readonly [number, number],
  b: readonly [number, number],
): number {
  const kmPerLat = (Math.PI * EARTH_RADIUS_KM) / 180;
  const kmPerLng = kmPerLat * Math.cos(rad(p.lat));
  const ax = (a[0] - p.lng) * kmPerLng;
  const ay = (a[1] - p.lat) * kmPerLat;
  const bx = (b[0] - p.lng) * kmPerLng;
  const by = (b[1] - p.lat) * kmPerLat;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** How far outside the area a point is, in km: 0 inside it. Holes in a polygon count as inside. */
export function distanceOutsideKm(point: GeoPoint, area: GroupArea): number {
  if (area.kind === 'circle') return Math.max(0, distanceKm(point, area.centre) - area.radiusKm);
  const outer = area.coordinates[0];
  if (!outer || outer.length < 2) return 0;
  if (insideRing(point, outer)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < outer.length; i++) {
    best = Math.min(
      best,
      distanceToSegmentKm(point, outer[i - 1] as [number, number], outer[i] as [number, number]),
    );
  }
  return best;
}

/** Beyond this many km outside the area, a place is worth a second look. */
export const FAR_OUTSIDE_KM = 25;

/**
 * Whether a place is far enough from the group's area to ask "Is this right?" before posting (a misheard
 * three-word address sends rescuers to the wrong place): more than twice a circle's radius from its
 * centre, or more than 25 km outside the area. A group without an area never asks.
 */
export function isFarOutside(point: GeoPoint, area: GroupArea | null | undefined): boolean {
  if (!area) return false;
  if (area.kind === 'circle' && distanceKm(point, area.centre) > 2 * area.radiusKm) return true;
  return distanceOutsideKm(point, area) > FAR_OUTSIDE_KM;
}

/** The middle of an area: a circle's centre, or the average corner of a polygon's outline. */
export function areaCentre(area: GroupArea | null | undefined): GeoPoint | null {
  if (!area) return null;
  if (area.kind === 'circle') return area.centre;
  const outer = area.coordinates[0] ?? [];
  // A closed ring repeats its first corner at the end; counting it twice would pull the centre towards it.
  const corners = outer.length > 1 && sameCorner(outer[0], outer[outer.length - 1]) ? outer.slice(1) : outer;
  if (corners.length === 0) return null;
  const sum = corners.reduce((s, [lng, lat]) => ({ lat: s.lat + lat, lng: s.lng + lng }), { lat: 0, lng: 0 });
  return { lat: sum.lat / corners.length, lng: sum.lng / corners.length };
}

function sameCorner(a: readonly [number, number] | undefined, b: readonly [number, number] | undefined) {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}
