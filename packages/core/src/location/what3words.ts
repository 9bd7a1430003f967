// Recognises what3words addresses ("///filled.count.soap") in text; syntax only, no lookup service.

/** A what3words address found in text, with where it sits. */
export interface What3wordsMatch {
  /** The normalised address, always "///" and three lowercase words: "///filled.count.soap". */
  address: string;
  /** The text as written, e.g. "///Filled.Count.Soap". */
  text: string;
  /** Offset of the first character of text. */
  start: number;
  /** Offset just past the last character of text. */
  end: number;
}

// A word is letters of any script (with their combining marks). Only the "///" prefix marks an address,
// so dotted text such as "e.g.x" or "www.example.com" is never taken for one.
const WORD = '[\\p{L}\\p{M}]{1,30}';
// Not glued to a preceding word, path or scheme ("http:///a.b.c", "x///a.b.c"), and not followed by
// more of a word or by a fourth dotted word ("///a.b.c.d" is not a three-word address).
const ADDRESS_IN_TEXT = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}/:_-])///(${WORD})\\.(${WORD})\\.(${WORD})(?![\\p{L}\\p{M}\\p{N}/_-]|\\.[\\p{L}\\p{M}\\p{N}])`,
  'gu',
);
const WHOLE_ADDRESS = new RegExp(`^///(${WORD})\\.(${WORD})\\.(${WORD})$`, 'u');

function normalise(words: readonly string[]): string {
  return `///${words.map((word) => word.normalize('NFC').toLowerCase()).join('.')}`;
}

/** Returns the normalised "///a.b.c" form when text (trimmed) is exactly one address, else null. */
export function normaliseWhat3wordsAddress(text: string): string | null {
  const match = WHOLE_ADDRESS.exec(text.trim());
  return match ? normalise(match.slice(1)) : null;
}

/** True when text (trimmed) is exactly one what3words address, written with its "///" prefix. */
export function isWhat3wordsAddress(text: string): boolean {
  return normaliseWhat3wordsAddress(text) !== null;
}

/** Finds every what3words address in free text, in order, with normalised addresses and offsets. */
export function findWhat3wordsAddresses(text: string): What3wordsMatch[] {
  return [...text.matchAll(ADDRESS_IN_TEXT)].map((match) => ({
    address: normalise(match.slice(1)),
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}
