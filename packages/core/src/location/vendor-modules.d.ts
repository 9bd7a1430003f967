// Type declarations for the parts of geodesy and open-location-code that the location module uses.

declare module 'geodesy/osgridref.js' {
  /** An easting/northing on the Ordnance Survey National Grid, in metres from the false origin. */
  export default class OsGridRef {
    constructor(easting: number, northing: number);
    readonly easting: number;
    readonly northing: number;
    /** Converts to latitude/longitude on WGS84 (Helmert transformation from OSGB36). */
    toLatLon(): LatLon;
    /** Formats as a lettered grid reference; digits 0 gives "easting,northing". */
    toString(digits?: number): string;
    /** Parses a lettered or numeric grid reference; throws on malformed input. */
    static parse(gridref: string): OsGridRef;
  }

  /** A WGS84 latitude/longitude that can be projected onto the National Grid. */
  export class LatLon {
    constructor(lat: number, lon: number);
    readonly lat: number;
    readonly lon: number;
    /** Projects onto the National Grid; throws when the result falls outside it. */
    toOsGrid(): OsGridRef;
  }
}

declare module 'open-location-code' {
  interface CodeArea {
    latitudeLo: number;
    longitudeLo: number;
    latitudeHi: number;
    longitudeHi: number;
    latitudeCenter: number;
    longitudeCenter: number;
    codeLength: number;
  }

  interface OpenLocationCodeApi {
    isValid(code: string): boolean;
    isShort(code: string): boolean;
    isFull(code: string): boolean;
    encode(latitude: number, longitude: number, codeLength?: number): string;
    /** Throws a string (not an Error) when the code is not a valid full code. */
    decode(code: string): CodeArea;
    /** Throws a string (not an Error) when the short code is invalid. */
    recoverNearest(shortCode: string, referenceLatitude: number, referenceLongitude: number): string;
    shorten(code: string, latitude: number, longitude: number): string;
  }

  // The package is CommonJS and assigns its constructor to exports.OpenLocationCode.
  const openLocationCode: { OpenLocationCode: new () => OpenLocationCodeApi };
  export = openLocationCode;
}
