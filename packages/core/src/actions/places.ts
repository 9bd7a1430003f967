// Resolving what a person typed for a place: coordinates, grid references and plus codes here; what3words
// addresses and UK postcodes through the Geocoder port.
import {
  isValidPoint,
  type LocationFormat,
  normaliseWhat3wordsAddress,
  parseLocation,
} from '../location/index.js';
import type { GeoPoint } from '../model/entities.js';
import { DomainError, fail } from '../model/errors.js';
import type { Geocoder, Ports } from '../ports/index.js';

/** Every notation a typed place can be written in. */
export type PlaceFormat = LocationFormat | 'what3words' | 'postcode';

/**
 * A typed place resolved to a point and checked, or a what3words address that could not be checked:
 * no key is configured ('unconfigured'), or the service did not confirm it ('unresolved': unknown words,
 * or no answer in time). An unchecked address is kept as typed, marked "not checked".
 */
export type PlaceResolution =
  | { point: GeoPoint; format: PlaceFormat; checked: true }
  | {
      point: null;
      format: 'what3words';
      checked: false;
      /** The normalised address, e.g. "///filled.count.soap". */
      address: string;
      reason: 'unconfigured' | 'unresolved';
    };

// A UK postcode with its spaces taken out: an outward code (A9, A99, A9A, AA9, AA99, AA9A) and an
// inward code (9AA); GIR 0AA is the one historical exception still in use.
const COMPACT_POSTCODE = /^(?:([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})|(GIR)(0AA))$/;
// Dotted words, or anything starting with a slash: meant as a what3words address, even when malformed.
const WHAT3WORDS_LIKE = /^\/|^[\p{L}\p{M}]+(?:\.[\p{L}\p{M}]*)+$/u;

/**
 * Normalises a UK postcode to capitals with one space before the inward code ("sw1a1aa" -> "SW1A 1AA"),
 * or returns null when the text is not shaped like a postcode.
 */
export function normaliseUkPostcode(text: string): string | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const match = COMPACT_POSTCODE.exec(compact);
  if (!match) return null;
  const outward = match[1] ?? match[3];
  const inward = match[2] ?? match[4];
  return `${outward} ${inward}`;
}

/**
 * Resolves a typed place. Coordinates, OS grid references and plus codes (short ones need `near`) are
 * worked out here; a what3words address goes to the geocoder (unchecked when it cannot be confirmed);
 * a UK postcode is looked up in the imported directory. Throws an invalid error naming `text` for
 * anything else (with the reason it could not be read), and not_found for an unknown postcode.
 */
export async function resolvePlace(
  // Unused today; taken like every action's ports so callers need not change when resolving is audited.
  _ports: Ports,
  geocoder: Geocoder,
  text: string,
  near?: GeoPoint,
): Promise<PlaceResolution> {
  if (near !== undefined && !isValidPoint(near)) {
    throw fail.invalid(
      'The nearby point must be a latitude from -90 to 90 and a longitude from -180 to 180.',
      'near',
    );
  }
  const trimmed = text.trim();

  if (WHAT3WORDS_LIKE.test(trimmed)) {
    const address = normaliseWhat3wordsAddress(trimmed);
    if (!address) {
      throw fail.invalid(
        'A what3words address is "///" and three words joined by dots, e.g. "///filled.count.soap".',
        'text',
      );
    }
    return resolveWhat3words(geocoder, address);
  }

  const postcode = normaliseUkPostcode(trimmed);
  if (postcode) {
    const point = await geocoder.lookupPostcode(postcode);
    if (point && isValidPoint(point)) return { point, format: 'postcode', checked: true };
    throw new DomainError(
      'not_found',
      `No location is known for the postcode ${postcode}: check it, or give a grid reference or a pin.`,
      'text',
    );
  }

  const parsed = parseLocation(trimmed, near ? { near } : {});
  if (!parsed.ok) throw fail.invalid(parsed.reason, 'text');
  return { point: parsed.point, format: parsed.format, checked: true };
}

async function resolveWhat3words(geocoder: Geocoder, address: string): Promise<PlaceResolution> {
  if (!geocoder.what3wordsConfigured) {
    return { point: null, format: 'what3words', checked: false, address, reason: 'unconfigured' };
  }
  const point = await geocoder.resolveWhat3words(address);
  if (point && isValidPoint(point)) return { point, format: 'what3words', checked: true };
  return { point: null, format: 'what3words', checked: false, address, reason: 'unresolved' };
}
