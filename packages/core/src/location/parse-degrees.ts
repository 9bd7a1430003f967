// Reads latitude/longitude typed as decimal degrees or degrees-minutes-seconds, with or without N/S/E/W.
import type { GeoPoint } from '../model/entities.js';

/** The outcome of reading degrees: a point and which notation was used, or a reason it was refused. */
export type DegreesResult =
  | { ok: true; point: GeoPoint; format: 'decimal' | 'dms' }
  | { ok: false; reason: string };

type Unit = 'deg' | 'min' | 'sec';
type Hemisphere = 'N' | 'S' | 'E' | 'W';

interface Part {
  text: string;
  unit: Unit | null;
}

interface Component {
  prefix: Hemisphere | null;
  suffix: Hemisphere | null;
  parts: Part[];
}

const TOKEN = /([+-]?\d+(?:\.\d+)?)|([°'"])|([NSEW])|([,;/])|(\s+)|(.)/gy;
const UNIT_OF_MARK: Record<string, Unit> = { '°': 'deg', "'": 'min', '"': 'sec' };
const UNIT_ORDER: readonly Unit[] = ['deg', 'min', 'sec'];

/** Maps the many ways people type degree, minute and second marks onto °, ' and ". */
function normaliseMarks(text: string): string {
  return text
    .toUpperCase()
    .replace(/[º˚]/g, '°')
    .replace(/[′‘’`´]/g, "'")
    .replace(/[″“”]|''/g, '"')
    .replace(/[−–]/g, '-')
    .trim();
}

function emptyComponent(): Component {
  return { prefix: null, suffix: null, parts: [] };
}

/** Splits text into coordinate components; null when it holds anything that is not part of one. */
function splitComponents(text: string): Component[] | null {
  const components: Component[] = [];
  let current = emptyComponent();
  const close = () => {
    if (current.parts.length > 0 || current.prefix) components.push(current);
    current = emptyComponent();
  };
  const tokens = [...text.matchAll(TOKEN)];
  for (let i = 0; i < tokens.length; i++) {
    const [, number, mark, hemisphere, separator, , other] = tokens[i] as RegExpExecArray;
    if (other !== undefined) return null;
    if (separator !== undefined) {
      close();
    } else if (hemisphere !== undefined) {
      if (current.parts.length > 0 && current.prefix) {
        // "N 54 39 11 W 2 0 4": a letter after a prefixed coordinate opens the next one.
        close();
        current.prefix = hemisphere as Hemisphere;
      } else if (current.parts.length > 0) {
        current.suffix = hemisphere as Hemisphere;
        close();
      } else if (current.prefix) {
        return null;
      } else {
        current.prefix = hemisphere as Hemisphere;
      }
    } else if (mark !== undefined) {
      const last = current.parts.at(-1);
      if (!last || last.unit) return null;
      last.unit = UNIT_OF_MARK[mark] ?? null;
    } else if (number !== undefined) {
      const nextMark = nextNonSpace(tokens, i + 1)?.[2];
      const startsNew =
        current.parts.length > 0 &&
        (current.parts.length === 3 ||
          /^[+-]/.test(number) ||
          nextMark === '°' ||
          current.parts.at(-1)?.unit === 'sec');
      if (startsNew) close();
      current.parts.push({ text: number, unit: null });
    }
  }
  close();
  // "54 39 11.2 2 0 4.3": unmarked numbers with nothing between them split evenly into two halves.
  const only = components[0];
  if (components.length === 1 && only && !only.prefix && !only.suffix) {
    return splitEvenly(only);
  }
  return components;
}

function nextNonSpace(tokens: RegExpExecArray[], from: number): RegExpExecArray | undefined {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as RegExpExecArray;
    if (token[5] === undefined) return token;
  }
  return undefined;
}

function splitEvenly(component: Component): Component[] {
  const { parts } = component;
  if (parts.some((part) => part.unit) || ![2, 4, 6].includes(parts.length)) return [component];
  const half = parts.length / 2;
  return [
    { prefix: null, suffix: null, parts: parts.slice(0, half) },
    { prefix: null, suffix: null, parts: parts.slice(half) },
  ];
}

/** Converts one component to signed degrees, or gives the reason it cannot be read. */
function componentDegrees(component: Component): { degrees: number; hemisphere: Hemisphere | null } | string {
  const { parts, prefix, suffix } = component;
  if (prefix && suffix) return 'Give N, S, E or W either before or after a coordinate, not both.';
  const hemisphere = prefix ?? suffix;
  if (parts.length === 0) return 'A compass letter needs a number with it.';
  let degrees = 0;
  let negative = false;
  for (const [index, part] of parts.entries()) {
    const unit = part.unit ?? UNIT_ORDER[index];
    if (unit !== UNIT_ORDER[index]) return 'Write degrees, then minutes, then seconds.';
    if (index < parts.length - 1 && part.text.includes('.')) {
      return 'Only the last of degrees, minutes and seconds may have a decimal point.';
    }
    const signed = /^[+-]/.test(part.text);
    if (signed && index > 0) return 'Minutes and seconds cannot have a sign.';
    const value = Math.abs(Number(part.text));
    if (index > 0 && value >= 60) return 'Minutes and seconds must be less than 60.';
    if (index === 0) negative = part.text.startsWith('-');
    degrees += value / 60 ** index;
  }
  if (negative && hemisphere) return 'Use either a minus sign or N, S, E or W, not both.';
  const southOrWest = hemisphere === 'S' || hemisphere === 'W';
  return { degrees: negative || southOrWest ? -degrees : degrees, hemisphere };
}

const isLatitudeLetter = (h: Hemisphere | null) => h === 'N' || h === 'S';
const isLongitudeLetter = (h: Hemisphere | null) => h === 'E' || h === 'W';

/** Reads "54.6531, -2.0012", "54°39'11.2\"N 2°00'04.3\"W", "N54 39.2 W2 0.07" and similar. */
export function parseDegrees(input: string): DegreesResult {
  const text = normaliseMarks(input);
  const components = splitComponents(text);
  if (!components) return { ok: false, reason: 'That is not a location format Fellwatch recognises.' };
  if (components.length !== 2) {
    return { ok: false, reason: 'Give a latitude and a longitude, e.g. "54.6531, -2.0012".' };
  }
  const [first, second] = components.map(componentDegrees) as [
    ReturnType<typeof componentDegrees>,
    ReturnType<typeof componentDegrees>,
  ];
  if (typeof first === 'string') return { ok: false, reason: first };
  if (typeof second === 'string') return { ok: false, reason: second };

  let latitude = first;
  let longitude = second;
  // Letters decide which is which, so "2°W 54°N" reads the same as "54°N 2°W".
  if (isLongitudeLetter(first.hemisphere) || isLatitudeLetter(second.hemisphere)) {
    [latitude, longitude] = [second, first];
  }
  if (isLongitudeLetter(latitude.hemisphere) || isLatitudeLetter(longitude.hemisphere)) {
    return { ok: false, reason: 'Give one latitude (N or S) and one longitude (E or W).' };
  }
  if (Math.abs(latitude.degrees) > 90) return { ok: false, reason: 'Latitude must be between -90 and 90.' };
  if (Math.abs(longitude.degrees) > 180)
    return { ok: false, reason: 'Longitude must be between -180 and 180.' };

  const usesMinutes = components.some(
    (c) => c.parts.length > 1 || c.parts.some((p) => p.unit && p.unit !== 'deg'),
  );
  return {
    ok: true,
    point: { lat: latitude.degrees, lng: longitude.degrees },
    format: usesMinutes ? 'dms' : 'decimal',
  };
}
