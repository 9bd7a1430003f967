// The risk check as shipped: the lexicon and the word weights learned from the labelled messages
// (word-weights.json, 650 KB), either of them enough to flag a message. Kept in its own module so the
// web client can load it apart from the app.
import type { Token } from './normalise.js';
import { type RiskResult, readByLexicon, readRiskTokens } from './read.js';
import { type Feature, loadWordWeights, readWords, type WordWeights } from './word-model.js';
import WORD_WEIGHTS from './word-weights.json' with { type: 'json' };

/** The message's own words for a feature, from its first word to its last. */
function wordsOf(text: string, tokens: readonly Token[], feature: Feature): string {
  const first = tokens[feature.tokens[0] ?? 0];
  const last = tokens[feature.tokens[feature.tokens.length - 1] ?? 0];
  return first && last ? text.slice(first.start, last.end) : '';
}

/**
 * The check with a given set of word weights (the shipped ones are `checkRisk`'s): reads one message,
 * and says whether it may mean someone is at risk now, which kinds, and the words that counted.
 * Either reader is enough: the lexicon for what it was written to catch, the word weights for the
 * many other ways people say the same things. When the lexicon recognises the message it names the
 * kinds and the phrases, which read better to an admin than the word weights' single words.
 */
export function riskCheckWith(weights: WordWeights): (text: string) => RiskResult {
  const words = loadWordWeights(weights);
  return (text) => {
    const lexical = readByLexicon(text);
    const tokens = readRiskTokens(text);
    const learned = readWords(words, tokens);
    const likelihood = Math.round(learned.likelihood * 100) / 100;
    if (lexical.atRisk || !learned.atRisk) return { ...lexical, likelihood };
    const cues = [...new Set(learned.strongest.map((feature) => wordsOf(text, tokens, feature)))].filter(
      (cue) => cue !== '',
    );
    return { atRisk: true, score: lexical.score, likelihood, categories: [learned.category], cues };
  };
}

/** Reads one message with the shipped lexicon and word weights (see `riskCheckWith`). */
export const checkRisk: (text: string) => RiskResult = riskCheckWith(WORD_WEIGHTS as WordWeights);
