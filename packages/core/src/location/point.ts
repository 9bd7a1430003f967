// Range checks and rounding for WGS84 points (the model's GeoPoint).
import type { GeoPoint } from '../model/entities.js';

/** True when the point has finite coordinates within latitude ±90 and longitude ±180. */
export function isValidPoint(point: GeoPoint): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lng) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lng) <= 180
  );
}

/** Rounds a coordinate to 6 decimal places (about 0.1 m), enough for any map pin. */
export function roundCoordinate(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  // Avoid "-0" leaking into JSON and display.
  return rounded === 0 ? 0 : rounded;
}
