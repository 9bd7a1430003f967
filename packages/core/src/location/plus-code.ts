// Plus codes (Open Location Codes): a typed wrapper over the open-location-code library.
/// <reference path="./vendor-modules.d.ts" />
import openLocationCode from 'open-location-code';
import type { GeoPoint } from '../model/entities.js';

const codec = new openLocationCode.OpenLocationCode();

/** The number of significant digits in a standard plus code (a cell of about 14 m × 14 m). */
export const PLUS_CODE_DIGITS = 10;

/** Encodes a point as a full plus code, e.g. "9C6VMX3X+6G". */
export function encodePlusCode(point: GeoPoint, digits: number = PLUS_CODE_DIGITS): string {
  return codec.encode(point.lat, point.lng, digits);
}

/** True when text is a syntactically valid full plus code (any case, no padding). */
export function isFullPlusCode(text: string): boolean {
  return codec.isFull(text) && !text.includes('0');
}

/** True when text is a valid short plus code, which needs a reference point to locate. */
export function isShortPlusCode(text: string): boolean {
  return codec.isShort(text) && !text.includes('0');
}

/** Decodes a full plus code to the centre of its cell, or null when it is not a valid full code. */
export function decodePlusCode(code: string): GeoPoint | null {
  if (!isFullPlusCode(code)) return null;
  const area = codec.decode(code);
  return { lat: area.latitudeCenter, lng: area.longitudeCenter };
}

/** Recovers the full plus code nearest to a reference point from a short one, or null when invalid. */
export function recoverPlusCode(shortCode: string, near: GeoPoint): string | null {
  if (isFullPlusCode(shortCode)) return shortCode.toUpperCase();
  if (!isShortPlusCode(shortCode)) return null;
  return codec.recoverNearest(shortCode, near.lat, near.lng);
}
