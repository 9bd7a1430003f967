// The risk check: reads a message as it is posted for danger to life, self-harm, a crime in progress,
// fire, a crash or a person missing. Pure, and made of two readers whose data people can review: the
// lexicon of weighted phrases written by hand (lexicon.ts), and weights for words and word pairs
// learned from the labelled messages (word-weights.json, made by training.ts). README.md beside this
// file says how each works and how to change them.
export type { RiskCategory } from './categories.js';
export { checkRisk, riskCheckWith } from './check.js';
export { checkRiskByLexicon, type RiskResult, readRiskTokens } from './read.js';
export {
  TRAINING_SETTINGS,
  type TrainingMessage,
  type TrainingSettings,
  trainWordWeights,
} from './training.js';
export type { WordWeights } from './word-model.js';
