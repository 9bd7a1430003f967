// The Geocoder port: turns what3words addresses and UK postcodes into points through outside services.
import type { GeoPoint } from '../model/entities.js';

/**
 * Looks up places the core cannot work out by itself. Adapters answer undefined, never throw, when a
 * place is unknown or the service behind them does not answer in time.
 */
export interface Geocoder {
  /** The point of a normalised what3words address ("///filled.count.soap"), or undefined. */
  resolveWhat3words(address: string): Promise<GeoPoint | undefined>;
  /** The point of a normalised UK postcode ("SW1A 1AA"), or undefined when it is not in the directory. */
  lookupPostcode(postcode: string): Promise<GeoPoint | undefined>;
  /** False when no what3words key is configured: addresses are then kept as typed, not checked. */
  readonly what3wordsConfigured: boolean;
  /**
   * The what3words address ("///filled.count.soap") of the 3 m square holding a point, or undefined;
   * for the police handover pack. Optional: geocoders without it give no address.
   */
  what3wordsAt?(point: GeoPoint): Promise<string | undefined>;
}
