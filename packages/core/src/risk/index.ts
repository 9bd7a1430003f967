// The risk check: reads a message as it is posted for danger to life, self-harm, a crime in progress,
// fire, a crash or a person missing. Pure, and made of two readers whose data people can review: the
// lexicon of weighted phrases written by hand (lexicon.ts), and weights for words and word pairs
// learned from the labelled messages (word-weights.json, made by training.ts). README.md beside this
// file says how each works and how to change them.
import { assessRisk, type LexiconResult } from './assess.js';
import type { RiskCategory } from './categories.js';
import { compileLexicon } from './compile.js';
import { RISK_LEXICON } from './lexicon.js';
import { readMessage, type Token } from './normalise.js';
import { type Feature, loadWordWeights, readWords, type WordWeights } from './word-model.js';
import WORD_WEIGHTS from './word-weights.json' with { type: 'json' };

export type { RiskCategory } from './categories.js';
export {
  TRAINING_SETTINGS,
  type TrainingMessage,
  type TrainingSettings,
  trainWordWeights,
} from './training.js';
export type { WordWeights } from './word-model.js';

// Compiled once when the module loads; a malformed lexicon fails here, loudly, not per message.
const compiled = compileLexicon(RISK_LEXICON);

/** What the check found in one message. */
export interface RiskResult extends LexiconResult {
  /** True when either reader says the message may mean someone is at risk now. */
  atRisk: boolean;
  /** The kinds of risk, the strongest first (empty when not at risk). */
  categories: RiskCategory[];
  /** The message's own words that counted, for the admins' view. */
  cues: string[];
  /** The word weights' likelihood that the message means someone is at risk, 0 to 1, two decimals. */
  likelihood: number;
}

/** A message as the check reads it: lower-case words in clauses (what the word weights were learned on). */
export function readRiskTokens(text: string): readonly Token[] {
  return readMessage(text, compiled.reading).tokens;
}

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
    const lexical = assessRisk(compiled, text);
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

/**
 * Reads text with the lexicon alone, for words that are not a message: an alert's description of
 * property ("dumped in the lay-by") is unlike the messages the word weights were learned from, so
 * only the hand-written phrases are trusted there. `likelihood` is 0: the word weights are not asked.
 */
export function checkRiskByLexicon(text: string): RiskResult {
  return { ...assessRisk(compiled, text), likelihood: 0 };
}

/** Reads one message with the shipped lexicon and word weights (see `riskCheckWith`). */
export const checkRisk: (text: string) => RiskResult = riskCheckWith(WORD_WEIGHTS as WordWeights);
