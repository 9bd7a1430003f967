// Which cues a negation ("not", "no one", "never") or a supposition ("if") cancels.
import type { Token } from './normalise.js';
import type { Found } from './phrases.js';

/** The negations found in a message, and how far each reaches. */
export interface NegationInput {
  readonly tokens: readonly Token[];
  /** Every cue found; a negation inside one is that cue's own word and negates nothing else. */
  readonly cues: readonly Found<unknown>[];
  readonly negators: readonly Found<'negation' | 'hypothetical'>[];
  /** Phrases like "not sure" whose negation word negates nothing. */
  readonly notNegations: readonly Found<null>[];
  readonly window: number;
  readonly hypotheticalWindow: number;
}

/**
 * Builds a test for whether a cue (given by its matched token indexes) is negated: a negation whose
 * reach (the next `window` words after it, in the same clause) covers a word of the cue. A negation
 * that is part of a cue ("not breathing", "no one has seen him", "if something happens to me") is
 * that cue's own word: it cancels neither that cue nor the ones after it.
 */
export function negationTest(input: NegationInput): (cueTokens: readonly number[]) => boolean {
  const blocked = new Set(input.notNegations.flatMap((found) => found.tokens));
  const cueWords = new Set(input.cues.flatMap((cue) => cue.tokens));
  const insideCue = (negator: Found<unknown>) => negator.tokens.every((index) => cueWords.has(index));
  const reachedBy = new Map<number, Found<'negation' | 'hypothetical'>[]>();
  for (const negator of input.negators) {
    if (negator.tokens.some((index) => blocked.has(index)) || insideCue(negator)) continue;
    const last = negator.tokens[negator.tokens.length - 1] ?? 0;
    const clause = input.tokens[last]?.clause;
    const reach = negator.phrase.meaning === 'hypothetical' ? input.hypotheticalWindow : input.window;
    for (let index = last + 1; index <= last + reach && input.tokens[index]?.clause === clause; index++) {
      const list = reachedBy.get(index) ?? [];
      list.push(negator);
      reachedBy.set(index, list);
    }
  }
  return (cueTokens) => {
    const own = new Set(cueTokens);
    return cueTokens.some((index) =>
      (reachedBy.get(index) ?? []).some((negator) => !negator.tokens.every((word) => own.has(word))),
    );
  };
}
