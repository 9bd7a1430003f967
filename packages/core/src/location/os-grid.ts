// Ordnance Survey National Grid references, converted to and from WGS84 with geodesy's OsGridRef.
/// <reference path="./vendor-modules.d.ts" />
import OsGridRef, { LatLon } from 'geodesy/osgridref.js';
import type { GeoPoint } from '../model/entities.js';
import { isValidPoint } from './point.js';

/** Digit counts a lettered grid reference may have: 4 (1 km) up to 10 (1 m). */
export type GridRefDigits = 4 | 6 | 8 | 10;

/** An easting and northing in metres from the National Grid's false origin (square SV). */
export interface EastingNorthing {
  easting: number;
  northing: number;
}

// The grid spans 0–700 km east and 0–1300 km north; these bounds enclose it in degrees (with a margin),
// so the projection is never asked about points where its series expansion is meaningless.
const GRID_ENVELOPE = { south: 49, north: 62, west: -10, east: 4 };
const MAX_EASTING = 700_000;
const MAX_NORTHING = 1_300_000;
const ROUND_TRIP_SLACK_METRES = 0.01;

/** Projects a WGS84 point onto the National Grid, or null when it lies outside the grid. */
export function toEastingNorthing(point: GeoPoint): EastingNorthing | null {
  if (!isValidPoint(point)) return null;
  const { lat, lng } = point;
  if (lat < GRID_ENVELOPE.south || lat > GRID_ENVELOPE.north) return null;
  if (lng < GRID_ENVELOPE.west || lng > GRID_ENVELOPE.east) return null;
  try {
    const grid = new LatLon(lat, lng).toOsGrid();
    return { easting: grid.easting, northing: grid.northing };
  } catch {
    // geodesy throws when the projected easting or northing falls outside the grid.
    return null;
  }
}

/** Formats a WGS84 point as a lettered grid reference such as "NY 83500 21300", or null off the grid. */
export function formatGridRef(point: GeoPoint, digits: GridRefDigits = 10): string | null {
  const grid = toEastingNorthing(point);
  if (!grid) return null;
  // Grid figures are truncated (they name a square's south-west corner), but first forgive 1 cm: the
  // round trip through WGS84 moves a point by millimetres, and a point parsed from "383500, 521300"
  // must not come back as "NY 83499 21299".
  const easting = Math.min(Math.floor(grid.easting + ROUND_TRIP_SLACK_METRES), MAX_EASTING - 1);
  const northing = Math.min(Math.floor(grid.northing + ROUND_TRIP_SLACK_METRES), MAX_NORTHING - 1);
  return new OsGridRef(easting, northing).toString(digits);
}

/**
 * Converts an easting/northing to WGS84 (Helmert transformation from OSGB36, accurate to about 5 m),
 * or null when it lies outside the grid.
 */
export function eastingNorthingToPoint(grid: EastingNorthing): GeoPoint | null {
  const { easting, northing } = grid;
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) return null;
  if (easting < 0 || easting > MAX_EASTING || northing < 0 || northing > MAX_NORTHING) return null;
  const point = new OsGridRef(easting, northing).toLatLon();
  return { lat: point.lat, lng: point.lon };
}
