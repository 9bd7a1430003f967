// Turns a message into the plain lower-case words the lexicon is written in, split into clauses.

/** One word of a message, with where it came from (for showing the admin the words that counted). */
export interface Token {
  /** The word as the lexicon spells it: lower case, no accents, "can't" as "can" + "not". */
  readonly word: string;
  /** Where the original word starts and ends in the message (an expanded word shares its source's). */
  readonly start: number;
  readonly end: number;
  /** Clause number: phrases, gaps and negation never reach across a full stop, comma or "but". */
  readonly clause: number;
}

/** A message as words, plus the two signs of urgency that live outside the words. */
export interface ReadMessage {
  readonly tokens: readonly Token[];
  /** "!!" or at least two exclamation marks. */
  readonly exclamations: boolean;
  /** A word in capitals (four letters or more, so "CPR" and "RTC" do not count) in a message whose longer words are mostly not in capitals. */
  readonly shouting: boolean;
}

/** What reading needs from the lexicon. */
export interface Reading {
  readonly spellings: ReadonlyMap<string, readonly string[]>;
  readonly emoji: ReadonlyMap<string, readonly string[]>;
  /** Every word the lexicon uses, to repair "heeelp" and "burnin'" only towards real lexicon words. */
  readonly vocabulary: ReadonlySet<string>;
}

// One pass, no nested repetition, so it stays linear in the length of the message: a word (letters and
// digits, with inner apostrophes), an emoji, or a clause break.
const PIECES =
  /([\p{L}\p{N}]+(?:['’‘`][\p{L}\p{N}]+)*)|(\p{Extended_Pictographic})|([!?;:\n\r–—().,]|\s-\s)/gu;
const DIGIT = /\d/;
const CLAUSE_WORDS = new Set(['but', 'although', 'though']);
const SHOUTED = /^\p{Lu}{4,}$/u;

// What the usual English endings after an apostrophe stand for.
const ENDINGS: Readonly<Record<string, string | null>> = {
  s: null,
  re: 'are',
  m: 'am',
  ve: 'have',
  ll: 'will',
  d: 'would',
};
const NOT_BASES: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

const PLAIN_ALREADY = /^[a-z0-9']*$/;

/** Lower case, no accents, straight apostrophes: the form every lexicon word is compared in. */
function plain(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII already; skip the slower Unicode work for them.
  if (PLAIN_ALREADY.test(lower)) return lower;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'");
}

/** Splits "can't" into "can not", "he's" into "he", "they're" into "they are". */
export function expandContraction(word: string): string[] {
  const apostrophe = word.indexOf("'");
  if (apostrophe < 0) return [word];
  if (word.endsWith("n't")) {
    const base = word.slice(0, -3);
    return [NOT_BASES[base] ?? base, 'not'];
  }
  const last = word.lastIndexOf("'");
  const base = word.slice(0, last).replace(/'/g, '');
  const ending = word.slice(last + 1);
  if (ending in ENDINGS) {
    const extra = ENDINGS[ending];
    return extra ? [base, extra] : [base];
  }
  return [word.replace(/'/g, '')];
}

/**
 * Reads one word the way the lexicon is written, without repairs: plain form, contractions, then the
 * spelling table. Used for lexicon phrases as well as messages, so both meet in the same form.
 */
export function spellWord(word: string, spellings: ReadonlyMap<string, readonly string[]>): string[] {
  const words: string[] = [];
  for (const part of expandContraction(plain(word))) {
    for (const piece of splitNumber(part)) {
      const respelled = spellings.get(piece);
      if (respelled) words.push(...respelled);
      else words.push(piece);
    }
  }
  return words;
}

/** "4pm" is "4 pm" and "7yo" is "7 yo", so times and ages read as words. */
function splitNumber(word: string): string[] {
  const first = word.charCodeAt(0);
  if (first < 48 || first > 57) return [word];
  const parts = /^(\d+)([a-z]+)$/.exec(word);
  return parts?.[1] && parts[2] ? [parts[1], parts[2]] : [word];
}

/** "heeelp" becomes "help" and "burnin" becomes "burning", but only when the result is a lexicon word. */
function repair(word: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(word)) return word;
  if (/(.)\1\1/.test(word)) {
    const twice = word.replace(/(.)\1{2,}/g, '$1$1');
    if (vocabulary.has(twice)) return twice;
    const once = word.replace(/(.)\1{2,}/g, '$1');
    if (vocabulary.has(once)) return once;
  }
  if (word.endsWith('in') && vocabulary.has(`${word}g`)) return `${word}g`;
  return word;
}

/** A full stop or comma between digits ("4.30", "1,000") is part of a number, not a clause break. */
function isNumberPunctuation(text: string, piece: string, at: number): boolean {
  return (piece === '.' || piece === ',') && DIGIT.test(text[at - 1] ?? '') && DIGIT.test(text[at + 1] ?? '');
}

/** Splits a message into clauses of lexicon-form words, and notes exclamations and shouting. */
export function readMessage(text: string, reading: Reading): ReadMessage {
  const tokens: Token[] = [];
  let clause = 0;
  let shouted = 0;
  let lettered = 0;
  for (const match of text.matchAll(PIECES)) {
    const [piece, word, emoji] = match;
    const start = match.index;
    const end = start + piece.length;
    if (word !== undefined) {
      if (word.length >= 4) {
        lettered += 1;
        if (word !== word.toLowerCase() && SHOUTED.test(word)) shouted += 1;
      }
      const words = spellWord(word, reading.spellings).map((part) => repair(part, reading.vocabulary));
      if (words.length === 1 && CLAUSE_WORDS.has(words[0] ?? '')) {
        clause += 1;
        continue;
      }
      for (const part of words) if (part) tokens.push({ word: part, start, end, clause });
    } else if (emoji !== undefined) {
      for (const part of reading.emoji.get(emoji) ?? []) tokens.push({ word: part, start, end, clause });
    } else if (!isNumberPunctuation(text, piece, start)) {
      clause += 1;
    }
  }
  const exclamations = text.includes('!!') || text.split('!').length > 2;
  const shouting = shouted > 0 && shouted * 2 <= lettered;
  return { tokens, exclamations, shouting };
}
