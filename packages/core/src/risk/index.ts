// The risk check: reads a message as it is posted for danger to life, self-harm, a crime in progress,
// fire, a crash or a person missing. Pure, with its lexicon in a data file people can review
// (lexicon.ts); README.md beside this file says how it works and how to change it.
import { assessRisk, type RiskResult } from './assess.js';
import { compileLexicon } from './compile.js';
import { RISK_LEXICON } from './lexicon.js';

export type { RiskResult } from './assess.js';
export type { RiskCategory } from './categories.js';

// Compiled once when the module loads; a malformed lexicon fails here, loudly, not per message.
const compiled = compileLexicon(RISK_LEXICON);

/** Reads one message: whether it may mean someone is at risk now, which kinds, and the words that counted. */
export function checkRisk(text: string): RiskResult {
  return assessRisk(compiled, text);
}
