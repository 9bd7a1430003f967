// One point described every way a member might read it: decimal degrees, OS grid reference, plus code.
import type { GeoPoint } from '../model/entities.js';
import { fail } from '../model/errors.js';
import { formatGridRef } from './os-grid.js';
import { encodePlusCode } from './plus-code.js';
import { isValidPoint, roundCoordinate } from './point.js';

/** A point with its coordinates rounded and its grid reference and plus code worked out. */
export interface LocationDescription {
  lat: number;
  lng: number;
  /** A 10-figure OS grid reference ("NY 83500 21300"), or null outside Great Britain's grid. */
  gridRef: string | null;
  /** A full 10-digit plus code ("9C6VMX3X+6G"). */
  plusCode: string;
}

/** Describes a WGS84 point as rounded decimal degrees, an OS grid reference and a plus code. */
export function describeLocation(point: GeoPoint): LocationDescription {
  if (!isValidPoint(point)) {
    throw fail.invalid(`Not a valid latitude/longitude: ${point.lat}, ${point.lng}.`, 'location');
  }
  return {
    lat: roundCoordinate(point.lat),
    lng: roundCoordinate(point.lng),
    gridRef: formatGridRef(point, 10),
    plusCode: encodePlusCode(point),
  };
}
