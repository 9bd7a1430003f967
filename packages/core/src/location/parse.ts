// Reads a location as members type it: decimal degrees, degrees-minutes-seconds, OS grid or plus code.
/// <reference path="./vendor-modules.d.ts" />
import OsGridRef from 'geodesy/osgridref.js';
import type { GeoPoint } from '../model/entities.js';
import { eastingNorthingToPoint } from './os-grid.js';
import { parseDegrees } from './parse-degrees.js';
import { decodePlusCode, isShortPlusCode, recoverPlusCode } from './plus-code.js';

/** The notation a parsed location was written in. */
export type LocationFormat = 'decimal' | 'dms' | 'osgrid' | 'plus-code';

/** A parsed location, or the reason (fit to show the member) it could not be read. */
export type ParsedLocation =
  | { ok: true; point: GeoPoint; format: LocationFormat }
  | { ok: false; reason: string };

/** Options for parseLocation. */
export interface ParseLocationOptions {
  /** A nearby point (e.g. the watch group's area), needed to place short plus codes like "MX3X+6G". */
  near?: GeoPoint;
}

const MAX_INPUT_LENGTH = 100;
const LETTERED_GRID_REF = /^([A-Z]{2})\s*(\d+)(?:\s+(\d+))?$/;
const NUMERIC_GRID_REF = /^(\d{4,7}(?:\.\d{1,3})?)\s*[,\s]\s*(\d{4,7}(?:\.\d{1,3})?)$/;
const PLUS_CODE_LIKE = /^[0-9A-Z]+\+[0-9A-Z]*$/;
// The first letter of a grid reference names a 500 km square; only these overlap the National Grid.
const FIRST_GRID_LETTERS = new Set(['H', 'N', 'S', 'T']);

const refuse = (reason: string): ParsedLocation => ({ ok: false, reason });
const found = (point: GeoPoint, format: LocationFormat): ParsedLocation => ({
  ok: true,
  // Not rounded: describeLocation rounds for display, and full precision keeps grid figures stable.
  point,
  format,
});

/**
 * Parses typed text into a WGS84 point. Accepts "54.6531, -2.0012", "54°39'11.2\"N 2°00'04.3\"W",
 * "NY 8350 2130" (4 to 10 digits; the centre of the square it names), "383500, 521300" (easting,
 * northing in metres) and plus codes ("9C6VMX3X+6G", or "MX3X+6G" when options.near is given).
 */
export function parseLocation(text: string, options: ParseLocationOptions = {}): ParsedLocation {
  const trimmed = text.trim();
  if (trimmed === '') return refuse('Type a location.');
  if (trimmed.length > MAX_INPUT_LENGTH) return refuse('That is too long to be a location.');
  const upper = trimmed.toUpperCase();

  if (PLUS_CODE_LIKE.test(upper)) return parsePlusCode(upper, options.near);
  const lettered = LETTERED_GRID_REF.exec(upper);
  if (lettered) return parseLetteredGridRef(lettered);
  const numeric = NUMERIC_GRID_REF.exec(upper);
  if (numeric) return parseNumericGridRef(Number(numeric[1]), Number(numeric[2]));
  if (/^[A-Z]{2}\s*\d/.test(upper))
    return refuse('A grid reference is two letters and 4, 6, 8 or 10 digits.');

  const degrees = parseDegrees(trimmed);
  return degrees.ok ? found(degrees.point, degrees.format) : degrees;
}

function parsePlusCode(code: string, near: GeoPoint | undefined): ParsedLocation {
  const full = decodePlusCode(code);
  if (full) return found(full, 'plus-code');
  if (!isShortPlusCode(code)) return refuse('That is not a valid plus code.');
  if (!near) return refuse('A short plus code needs a nearby place; give the full code, e.g. "9C6VMX3X+6G".');
  const recovered = recoverPlusCode(code, near);
  const point = recovered ? decodePlusCode(recovered) : null;
  return point ? found(point, 'plus-code') : refuse('That is not a valid plus code.');
}

function parseLetteredGridRef([, letters = '', first = '', second]: RegExpExecArray): ParsedLocation {
  const [square, squareLetter] = [...letters];
  if (!FIRST_GRID_LETTERS.has(square ?? '') || squareLetter === 'I') {
    return refuse(`${letters} is not an Ordnance Survey grid square.`);
  }
  if (second !== undefined && first.length !== second.length) {
    return refuse('A grid reference needs as many easting digits as northing digits.');
  }
  const digits = first.length + (second?.length ?? 0);
  if (![4, 6, 8, 10].includes(digits)) return refuse('A grid reference needs 4, 6, 8 or 10 digits.');

  let corner: OsGridRef;
  try {
    corner = OsGridRef.parse(`${letters} ${first}${second === undefined ? '' : ` ${second}`}`);
  } catch {
    // geodesy refuses squares such as "HA" or "TD" that lie beyond the grid's 700 km × 1300 km.
    return refuse(`${letters} is not an Ordnance Survey grid square.`);
  }
  // The figures name the south-west corner of a square; its centre is the fairest single point.
  const half = 10 ** (5 - digits / 2) / 2;
  const point = eastingNorthingToPoint({ easting: corner.easting + half, northing: corner.northing + half });
  return point ? found(point, 'osgrid') : refuse('That grid reference lies outside the National Grid.');
}

function parseNumericGridRef(easting: number, northing: number): ParsedLocation {
  const point = eastingNorthingToPoint({ easting, northing });
  return point
    ? found(point, 'osgrid')
    : refuse('Easting must be at most 700000 and northing at most 1300000 metres.');
}
