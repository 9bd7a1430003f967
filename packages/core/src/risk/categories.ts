// The kinds of risk the check names: what an admin sees beside a flagged message.

/** A kind of risk the check can find in a message. */
export type RiskCategory =
  | 'self_harm'
  | 'danger_to_life'
  | 'crime_in_progress'
  | 'fire'
  | 'crash'
  | 'missing_person';

/** Every category, in the order the lexicon lists them and results name ties. */
export const RISK_CATEGORIES: readonly RiskCategory[] = [
  'self_harm',
  'danger_to_life',
  'crime_in_progress',
  'fire',
  'crash',
  'missing_person',
];
