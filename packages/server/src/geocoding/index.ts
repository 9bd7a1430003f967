// Geocoding: the Geocoder adapter (what3words API, postcode directory) and the ONS Postcode Directory import.
export { createGeocoder, type GeocoderParts } from './geocoder.js';
export {
  importPostcodes,
  type PostcodeImportOptions,
  type PostcodeImportProgress,
  type PostcodeImportResult,
} from './onspd.js';
export {
  WHAT3WORDS_DEFAULT_URL,
  WHAT3WORDS_TIMEOUT_MS,
  What3wordsClient,
  type What3wordsOptions,
} from './what3words.js';
