// Location: describe points as grid references and plus codes, and parse what members type.
export { describeLocation, type LocationDescription } from './describe.js';
export {
  type EastingNorthing,
  eastingNorthingToPoint,
  formatGridRef,
  type GridRefDigits,
  toEastingNorthing,
} from './os-grid.js';
export {
  type LocationFormat,
  type ParsedLocation,
  type ParseLocationOptions,
  parseLocation,
} from './parse.js';
export {
  decodePlusCode,
  encodePlusCode,
  isFullPlusCode,
  isShortPlusCode,
  PLUS_CODE_DIGITS,
  recoverPlusCode,
} from './plus-code.js';
export { isValidPoint, roundCoordinate } from './point.js';
export {
  findWhat3wordsAddresses,
  isWhat3wordsAddress,
  normaliseWhat3wordsAddress,
  type What3wordsMatch,
} from './what3words.js';
