// Lexicon phrases ("fell ... roof", "barn|byre", "@person", "steal*") compiled once and found in a message.
import type { Token } from './normalise.js';

/** The most words a `...` in a phrase may skip. */
export const MOST_SKIPPED = 3;
/** The most `...` in one phrase, which bounds the ways a phrase can fit at one place. */
export const MOST_GAPS = 2;

/** One position of a phrase: a set of words and word starts, or a gap of up to MOST_SKIPPED words. */
export type Step =
  | { readonly kind: 'word'; readonly words: ReadonlySet<string>; readonly prefixes: readonly string[] }
  | { readonly kind: 'gap' };

/** A phrase ready to match, with what it means to whoever compiled it. */
export interface Phrase<Meaning> {
  /** The phrase as written in the lexicon, for error messages and reviewers. */
  readonly text: string;
  readonly steps: readonly Step[];
  readonly meaning: Meaning;
}

/** Where a phrase was found: the indexes of the message tokens its words matched (not the skipped ones). */
export interface Found<Meaning> {
  readonly phrase: Phrase<Meaning>;
  readonly tokens: readonly number[];
}

/** How phrase words are read (the same way as messages) and what `@name` means. */
export interface PhraseContext {
  readonly spell: (word: string) => string[];
  readonly groups: ReadonlyMap<string, readonly string[]>;
}

/** Thrown for a phrase the checker cannot read; the lexicon check lists these. */
export class PhraseError extends Error {}

/** Reads one alternative ("barn", "steal*", "@person") into words and word starts. */
function readAlternative(
  alternative: string,
  context: PhraseContext,
  words: Set<string>,
  prefixes: string[],
  depth = 0,
) {
  if (alternative.startsWith('@')) {
    const group = context.groups.get(alternative.slice(1));
    if (!group) throw new PhraseError(`unknown group ${alternative}`);
    // A group may name another group; more than a few levels means a group names itself.
    if (depth > 3) throw new PhraseError(`group ${alternative} names itself`);
    for (const member of group) readAlternative(member, context, words, prefixes, depth + 1);
    return;
  }
  if (alternative.endsWith('*')) {
    const start = alternative.slice(0, -1);
    if (!/^[a-z0-9]+$/.test(start))
      throw new PhraseError(`"${alternative}" must be lower-case letters then *`);
    prefixes.push(start);
    return;
  }
  const spelled = context.spell(alternative);
  if (spelled.length !== 1 || !spelled[0]) {
    throw new PhraseError(`"${alternative}" reads as ${spelled.length} words; write it outside a | list`);
  }
  words.add(spelled[0]);
}

/** Compiles one written phrase into steps, or throws PhraseError saying what is wrong with it. */
export function compilePhrase<Meaning>(
  text: string,
  meaning: Meaning,
  context: PhraseContext,
): Phrase<Meaning> {
  const steps: Step[] = [];
  for (const part of text.trim().split(/\s+/)) {
    if (part === '...') {
      if (steps.length === 0 || steps[steps.length - 1]?.kind === 'gap') {
        throw new PhraseError(`"${text}": "..." must sit between words`);
      }
      steps.push({ kind: 'gap' });
      continue;
    }
    const alternatives = part.split('|');
    if (alternatives.some((alternative) => alternative === ''))
      throw new PhraseError(`"${text}": empty word`);
    if (alternatives.length === 1 && !part.startsWith('@') && !part.endsWith('*')) {
      for (const word of context.spell(part))
        steps.push({ kind: 'word', words: new Set([word]), prefixes: [] });
      continue;
    }
    const words = new Set<string>();
    const prefixes: string[] = [];
    for (const alternative of alternatives) readAlternative(alternative, context, words, prefixes);
    steps.push({ kind: 'word', words, prefixes });
  }
  if (steps.length === 0) throw new PhraseError('empty phrase');
  if (steps.filter((step) => step.kind === 'gap').length > MOST_GAPS) {
    throw new PhraseError(`"${text}": at most ${MOST_GAPS} "..." in one phrase`);
  }
  if (steps[steps.length - 1]?.kind === 'gap')
    throw new PhraseError(`"${text}": "..." must sit between words`);
  return { text, steps, meaning };
}

function accepts(step: Step, word: string): boolean {
  if (step.kind === 'gap') return false;
  return step.words.has(word) || step.prefixes.some((prefix) => word.startsWith(prefix));
}

/**
 * Every way the phrase's steps fit from token `at` (a `...` may skip different numbers of words), each
 * as the indexes of the tokens its words matched.
 */
function fits(
  steps: readonly Step[],
  step: number,
  at: number,
  clause: number,
  tokens: readonly Token[],
  taken: readonly number[],
  into: number[][],
): void {
  const current = steps[step];
  if (!current) {
    into.push([...taken]);
    return;
  }
  if (current.kind === 'gap') {
    for (let skipped = 0; skipped <= MOST_SKIPPED; skipped++) {
      fits(steps, step + 1, at + skipped, clause, tokens, taken, into);
    }
    return;
  }
  const token = tokens[at];
  if (!token || token.clause !== clause || !accepts(current, token.word)) return;
  fits(steps, step + 1, at + 1, clause, tokens, [...taken, at], into);
}

/**
 * A set of phrases indexed by their first word, so finding them costs about one map lookup per token
 * plus a short list of phrases that start with a word start (`steal*`). Each phrase is tried only
 * where its first word fits, and a `...` tries at most MOST_SKIPPED + 1 places (a phrase has at most
 * two), so the work grows with the length of the message, never faster.
 */
export class PhraseSet<Meaning> {
  private readonly byFirstWord = new Map<string, Phrase<Meaning>[]>();
  private readonly byFirstPrefix: Phrase<Meaning>[] = [];

  constructor(readonly phrases: readonly Phrase<Meaning>[]) {
    for (const phrase of phrases) {
      const first = phrase.steps[0];
      if (first?.kind !== 'word') continue;
      // A phrase whose first word may be a word start is tried everywhere; the others only where
      // their first word is.
      if (first.prefixes.length > 0) {
        this.byFirstPrefix.push(phrase);
        continue;
      }
      for (const word of first.words) {
        const list = this.byFirstWord.get(word) ?? [];
        list.push(phrase);
        this.byFirstWord.set(word, list);
      }
    }
  }

  /** Every place and way a phrase of the set fits in the message. */
  findIn(tokens: readonly Token[]): Found<Meaning>[] {
    const found: Found<Meaning>[] = [];
    tokens.forEach((token, at) => {
      for (const phrase of this.byFirstWord.get(token.word) ?? []) this.tryAt(phrase, at, tokens, found);
      for (const phrase of this.byFirstPrefix) this.tryAt(phrase, at, tokens, found);
    });
    return found;
  }

  private tryAt(phrase: Phrase<Meaning>, at: number, tokens: readonly Token[], found: Found<Meaning>[]) {
    const ways: number[][] = [];
    fits(phrase.steps, 0, at, tokens[at]?.clause ?? 0, tokens, [], ways);
    for (const way of ways) found.push({ phrase, tokens: way });
  }

  /** Every word the phrases name literally (the vocabulary that spelling repairs aim at). */
  words(): Set<string> {
    const words = new Set<string>();
    for (const phrase of this.phrases) {
      for (const step of phrase.steps)
        if (step.kind === 'word') for (const word of step.words) words.add(word);
    }
    return words;
  }
}
