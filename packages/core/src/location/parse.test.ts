// Tests for parseLocation and formatGridRef: every accepted notation, OS reference points, refusals.
import { describe, expect, it } from 'vitest';
import { describeLocation } from './describe.js';
import { formatGridRef } from './os-grid.js';
import { type ParsedLocation, parseLocation } from './parse.js';
import { haversineMetres, OSTN15_TEST_POINTS } from './test-support/reference-points.js';

function pointOf(result: ParsedLocation) {
  if (!result.ok) throw new Error(`expected a point, got: ${result.reason}`);
  return result.point;
}

/** Writes a published easting/northing as a 10-figure lettered reference, e.g. "SU 38710 14792". */
function tenFigure(square: string, easting: number, northing: number): string {
  const figures = (metres: number) => String(Math.floor(metres % 100_000)).padStart(5, '0');
  return `${square} ${figures(easting)} ${figures(northing)}`;
}

describe('parseLocation: OS grid references against Ordnance Survey reference points', () => {
  it.each(OSTN15_TEST_POINTS)('reads the easting/northing of OS test point $id within 5 m', (ref) => {
    const result = parseLocation(`${ref.easting}, ${ref.northing}`);
    expect(result).toMatchObject({ ok: true, format: 'osgrid' });
    expect(haversineMetres(pointOf(result), ref)).toBeLessThan(5);
  });

  it.each(OSTN15_TEST_POINTS)('reads the 10-figure reference of OS test point $id within 5 m', (ref) => {
    const result = parseLocation(tenFigure(ref.square, ref.easting, ref.northing));
    expect(result).toMatchObject({ ok: true, format: 'osgrid' });
    expect(haversineMetres(pointOf(result), ref)).toBeLessThan(5);
  });

  it.each(OSTN15_TEST_POINTS)('round-trips OS test point $id through a grid reference within 5 m', (ref) => {
    const gridRef = formatGridRef(ref, 10);
    expect(gridRef).not.toBeNull();
    expect(haversineMetres(pointOf(parseLocation(gridRef as string)), ref)).toBeLessThan(5);
  });

  it('pairs the OS guide worked example with its lettered reference', () => {
    // OS "A guide to coordinate systems in Great Britain", annex C (Caister water tower):
    // E 651409.903, N 313177.270, which is TG 51409 13177.
    const numeric = pointOf(parseLocation('651409.903, 313177.270'));
    expect(formatGridRef(numeric, 10)).toBe('TG 51409 13177');
    const lettered = pointOf(parseLocation('TG 51409 13177'));
    expect(haversineMetres(lettered, numeric)).toBeLessThan(1);
  });

  it('formats the OS headquarters test point at every precision', () => {
    const oshq = OSTN15_TEST_POINTS.find((ref) => ref.id === 'OSHQ');
    if (!oshq) throw new Error('missing OSHQ');
    // Published: E 438710.908, N 114792.248, i.e. SU 387 147 as a 6-figure reference.
    expect(formatGridRef(oshq, 4)).toBe('SU 38 14');
    expect(formatGridRef(oshq, 6)).toBe('SU 387 147');
    expect(formatGridRef(oshq, 8)).toBe('SU 3871 1479');
    expect(formatGridRef(oshq, 10)).toMatch(/^SU 387\d\d 147\d\d$/);
  });

  it('has no grid reference for points off the National Grid', () => {
    expect(formatGridRef({ lat: 48.8566, lng: 2.3522 }, 10)).toBeNull(); // Paris
    expect(formatGridRef({ lat: 55, lng: -30 }, 10)).toBeNull(); // the Atlantic
  });

  it('accepts 4, 6, 8 and 10 digits, with or without spaces and in any case', () => {
    const tenFigures = pointOf(parseLocation('NY 83500 21300'));
    for (const text of ['NY 8350 2130', 'ny83502130', 'NY 835 213', 'NY835213', 'NY 83 21', 'NY8321']) {
      const result = parseLocation(text);
      expect(result, text).toMatchObject({ ok: true, format: 'osgrid' });
      // Each names a square; its centre is at most half the square's diagonal from the 1 m square.
      expect(haversineMetres(pointOf(result), tenFigures)).toBeLessThan(710);
    }
  });

  it('places a reference at the centre of the square it names', () => {
    const square = pointOf(parseLocation('NZ 12 34'));
    const centre = pointOf(parseLocation('412500, 534500'));
    expect(haversineMetres(square, centre)).toBeLessThan(1);
  });

  it('describes a parsed grid reference with the same figures', () => {
    expect(describeLocation(pointOf(parseLocation('NY 83500 21300'))).gridRef).toBe('NY 83500 21300');
    expect(describeLocation(pointOf(parseLocation('383500, 521300'))).gridRef).toBe('NY 83500 21300');
  });

  it.each([
    ['NY 83502', /4, 6, 8 or 10 digits/],
    ['NY 835 21', /as many easting digits as northing/],
    ['NY 12', /4, 6, 8 or 10 digits/],
    ['NY 123456 123456', /4, 6, 8 or 10 digits/],
    ['ZZ 1234 5678', /ZZ is not an Ordnance Survey grid square/],
    ['NI 1234 5678', /NI is not an Ordnance Survey grid square/],
    ['HA 1234 5678', /HA is not an Ordnance Survey grid square/],
    ['TD 1234 5678', /TD is not an Ordnance Survey grid square/],
    ['800000, 100000', /at most 700000/],
  ])('refuses the malformed grid reference %j', (text, reason) => {
    const result = parseLocation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseLocation: latitude and longitude', () => {
  it.each([
    ['54.6531, -2.0012', 54.6531, -2.0012],
    ['54.6531 -2.0012', 54.6531, -2.0012],
    ['54.6531,-2.0012', 54.6531, -2.0012],
    ['+54.6531; -2.0012', 54.6531, -2.0012],
    ['54.6531N 2.0012W', 54.6531, -2.0012],
    ['54.6531° N, 2.0012° W', 54.6531, -2.0012],
    ['S 33.8688, E 151.2093', -33.8688, 151.2093],
    ['2.0012W 54.6531N', 54.6531, -2.0012],
  ])('reads decimal degrees %j', (text, lat, lng) => {
    const result = parseLocation(text);
    expect(result).toMatchObject({ ok: true, format: 'decimal' });
    expect(pointOf(result).lat).toBeCloseTo(lat, 6);
    expect(pointOf(result).lng).toBeCloseTo(lng, 6);
  });

  // 54°39'11.2"N = 54 + 39/60 + 11.2/3600 = 54.653111°; 2°00'04.3"W = -(2 + 4.3/3600) = -2.001194°.
  it.each([
    `54°39'11.2"N 2°00'04.3"W`,
    '54°39′11.2″N, 2°00′04.3″W',
    `54º 39' 11.2" N 2º 0' 4.3" W`,
    'N 54 39 11.2 W 2 0 4.3',
    `54°39'11.2" -2°00'04.3"`,
    '54 39 11.2 N, 2 0 4.3 W',
    `2°00'04.3"W 54°39'11.2"N`,
  ])('reads degrees-minutes-seconds %j', (text) => {
    const result = parseLocation(text);
    expect(result).toMatchObject({ ok: true, format: 'dms' });
    expect(pointOf(result).lat).toBeCloseTo(54.653111, 6);
    expect(pointOf(result).lng).toBeCloseTo(-2.001194, 6);
  });

  it('reads degrees and decimal minutes', () => {
    const result = parseLocation(`54° 39.187' N 2° 0.072' W`);
    expect(result).toMatchObject({ ok: true, format: 'dms' });
    expect(pointOf(result).lat).toBeCloseTo(54 + 39.187 / 60, 6);
    expect(pointOf(result).lng).toBeCloseTo(-(0.072 / 60 + 2), 6);
  });

  it('reads the OS guide example written in degrees, minutes and seconds', () => {
    // 52°39'27.2531"N 1°43'4.5177"E (OS guide annex C); only the arithmetic is checked here.
    const point = pointOf(parseLocation(`52°39'27.2531"N 1°43'4.5177"E`));
    expect(point.lat).toBeCloseTo(52 + 39 / 60 + 27.2531 / 3600, 6);
    expect(point.lng).toBeCloseTo(1 + 43 / 60 + 4.5177 / 3600, 6);
  });

  it.each([
    ['95, 10', /Latitude must be between -90 and 90/],
    ['-90.5 0', /Latitude must be between -90 and 90/],
    ['54.5, 190', /Longitude must be between -180 and 180/],
    [`54°70'N 2°W`, /less than 60/],
    [`54°30'75"N 2°W`, /less than 60/],
    ['-54 S, 2 W', /either a minus sign or N, S, E or W/],
    ['54N 2S', /one latitude \(N or S\) and one longitude/],
    ['54.6531', /latitude and a longitude/],
    ['54.1, 2.2, 3.3', /latitude and a longitude/],
    [`54.5°30'N 2°W`, /Only the last/],
    ['hello', /not a location format/],
    ['<b>54</b>, 2', /not a location format/],
    ['', /Type a location/],
    ['   ', /Type a location/],
    [`54.1, ${'1'.repeat(200)}`, /too long/],
  ])('refuses %j', (text, reason) => {
    const result = parseLocation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseLocation: plus codes', () => {
  it('reads the Open Location Code documentation example', () => {
    // open-location-code usage notes: 8FVC9G8F+6X encodes 47.365590, 8.524997 (a 14 m cell).
    const result = parseLocation('8FVC9G8F+6X');
    expect(result).toMatchObject({ ok: true, format: 'plus-code' });
    expect(haversineMetres(pointOf(result), { lat: 47.36559, lng: 8.524997 })).toBeLessThan(10);
    expect(parseLocation('8fvc9g8f+6x')).toEqual(result);
  });

  it.each(OSTN15_TEST_POINTS)('round-trips OS test point $id through its plus code', (ref) => {
    const { plusCode } = describeLocation(ref);
    // A 10-digit code names a cell of 0.000125° (about 14 m × 8 m here); its centre is within 10 m.
    expect(haversineMetres(pointOf(parseLocation(plusCode)), ref)).toBeLessThan(10);
  });

  it('recovers a short plus code near a reference point', () => {
    const full = describeLocation({ lat: 54.6531, lng: -2.0012 }).plusCode;
    const short = full.slice(4);
    const result = parseLocation(short, { near: { lat: 54.6, lng: -2.1 } });
    expect(result).toMatchObject({ ok: true, format: 'plus-code' });
    expect(result).toEqual(parseLocation(full));
  });

  it('refuses a short plus code without a reference point', () => {
    const result = parseLocation('MX3X+6G');
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/short plus code needs a nearby/),
    });
  });

  it.each(['9C6VMX3X+6I', '9C6VMA3X+6G', '9C6VMX3X+6', '9C6VMX3+X6G', 'MX3X+6I', '9C6VMX3X++6G'])(
    'refuses the invalid plus code %j',
    (text) => {
      const result = parseLocation(text, { near: { lat: 54.6, lng: -2.1 } });
      expect(result).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/not a valid plus code|not a location/),
      });
    },
  );
});
