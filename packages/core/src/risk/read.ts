// The lexicon half of the risk check, and what both halves share: how a message is read into words,
// and what the check says of it. The word weights are in check.ts, which the web client loads apart.
import { assessRisk, type LexiconResult } from './assess.js';
import type { RiskCategory } from './categories.js';
import { compileLexicon } from './compile.js';
import { RISK_LEXICON } from './lexicon.js';
import { readMessage, type Token } from './normalise.js';

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

/** What the lexicon alone says of a message (for the other reader's check, see check.ts). */
export function readByLexicon(text: string): LexiconResult {
  return assessRisk(compiled, text);
}

/**
 * Reads text with the lexicon alone, for words that are not a message: an alert's description of
 * property ("dumped in the lay-by") is unlike the messages the word weights were learned from, so
 * only the hand-written phrases are trusted there. `likelihood` is 0: the word weights are not asked.
 */
export function checkRiskByLexicon(text: string): RiskResult {
  return { ...readByLexicon(text), likelihood: 0 };
}
