// The Geocoder port's adapter: what3words through its API, postcodes from the imported directory.
import type { Geocoder, GeoPoint } from '@fellwatch/core';
import type { PostcodeDirectory } from '../storage/sql/postcodes.js';
import type { What3wordsClient } from './what3words.js';

/** What the geocoder is built from; either part may be missing. */
export interface GeocoderParts {
  what3words?: What3wordsClient;
  postcodes?: PostcodeDirectory;
}

/** A Geocoder over a what3words client and a postcode directory. */
export function createGeocoder(parts: GeocoderParts): Geocoder {
  const { what3words, postcodes } = parts;
  return {
    what3wordsConfigured: what3words?.configured ?? false,
    async resolveWhat3words(address: string): Promise<GeoPoint | undefined> {
      return what3words?.configured ? what3words.resolve(address) : undefined;
    },
    async what3wordsAt(point: GeoPoint): Promise<string | undefined> {
      return what3words?.configured ? what3words.addressAt(point) : undefined;
    },
    async lookupPostcode(postcode: string): Promise<GeoPoint | undefined> {
      return postcodes?.lookup(postcode);
    },
  };
}
