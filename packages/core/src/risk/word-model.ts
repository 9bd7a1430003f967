// The learned half of the risk check: a weight for each word and pair of neighbouring words, learned
// from the labelled messages (training.ts) and kept in word-weights.json for anyone to read. A
// message's words add up to a likelihood that it means someone is at risk now, and a second table
// says which kind of risk it most reads like.
import { RISK_CATEGORIES, type RiskCategory } from './categories.js';
import type { Token } from './normalise.js';

/** The trained tables, as word-weights.json holds them. */
export interface WordWeights {
  /** How the tables were made: the messages and the training settings. */
  readonly trainedOn: { readonly messages: number; readonly risks: number; readonly settings: object };
  /** A message whose likelihood reaches this is a risk. */
  readonly threshold: number;
  /** Risk or not: the starting point, then a weight per feature (see `wordFeatures`). */
  readonly risk: { readonly bias: number; readonly weights: Readonly<Record<string, number>> };
  /** Which kind of risk: per category, a starting point and a weight per feature. */
  readonly kind: {
    readonly bias: Readonly<Record<RiskCategory, number>>;
    readonly weights: Readonly<Record<string, Readonly<Partial<Record<RiskCategory, number>>>>>;
  };
}

/** One feature of a message and the words it came from. */
export interface Feature {
  readonly name: string;
  /** Indexes of the message's tokens that make it. */
  readonly tokens: readonly number[];
}

// Common endings folded, so "trapped", "traps" and "trapping" count as one word; short words are kept
// whole ("was", "bus").
const ENDINGS = /(ing|ed|es|s|ly)$/;

/** The form a word is counted in: lower case as read, with a common ending taken off longer words. */
export function stemWord(word: string): string {
  return word.length > 4 ? word.replace(ENDINGS, '') : word;
}

// Words that turn the next few words of their clause around: "not on fire", "no one hurt".
const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'without', 'nowt', 'none']);
const NEGATION_REACH = 2;

/**
 * Each token's stem, with the words a negation reaches marked ("~fire" in "not on fire"), so that the
 * tables learn "not on fire" apart from "on fire".
 */
function negationMarked(tokens: readonly Token[]): string[] {
  const stems: string[] = [];
  let reach = 0;
  let clause = -1;
  for (const token of tokens) {
    if (token.clause !== clause) {
      clause = token.clause;
      reach = 0;
    }
    const stem = stemWord(token.word);
    if (NEGATORS.has(token.word)) {
      stems.push(stem);
      reach = NEGATION_REACH;
    } else if (reach > 0) {
      stems.push(`~${stem}`);
      reach -= 1;
    } else stems.push(stem);
  }
  return stems;
}

/**
 * What the tables weigh in a message: each word ("w:trap") and each pair of neighbouring words in the
 * same clause ("b:not_breath"), once each however often they occur.
 */
export function wordFeatures(tokens: readonly Token[]): Feature[] {
  const stems = negationMarked(tokens);
  const features = new Map<string, Feature>();
  const add = (name: string, indexes: number[]) => {
    if (!features.has(name)) features.set(name, { name, tokens: indexes });
  };
  for (let index = 0; index < stems.length; index += 1) {
    add(`w:${stems[index]}`, [index]);
    const next = tokens[index + 1];
    if (next && next.clause === tokens[index]?.clause)
      add(`b:${stems[index]}_${stems[index + 1]}`, [index, index + 1]);
  }
  return [...features.values()];
}

/** What the learned tables make of one message. */
export interface WordReading {
  /** How likely the message means someone is at risk now, 0 to 1. */
  likelihood: number;
  /** Whether the likelihood reaches the tables' threshold. */
  atRisk: boolean;
  /** The kind of risk it reads most like. */
  category: RiskCategory;
  /** The features that pushed hardest towards a risk, strongest first. */
  strongest: Feature[];
}

/** The tables ready to look up: plain maps, built once. */
export interface LoadedWordWeights {
  readonly threshold: number;
  readonly bias: number;
  readonly risk: ReadonlyMap<string, number>;
  readonly kindBias: readonly number[];
  readonly kind: ReadonlyMap<string, readonly number[]>;
}

export function loadWordWeights(weights: WordWeights): LoadedWordWeights {
  const kind = new Map<string, number[]>();
  for (const [name, byCategory] of Object.entries(weights.kind.weights)) {
    kind.set(
      name,
      RISK_CATEGORIES.map((category) => byCategory[category] ?? 0),
    );
  }
  return {
    threshold: weights.threshold,
    bias: weights.risk.bias,
    risk: new Map(Object.entries(weights.risk.weights)),
    kindBias: RISK_CATEGORIES.map((category) => weights.kind.bias[category] ?? 0),
    kind,
  };
}

/** The admins' view shows at most this many of the features that pushed hardest towards a risk. */
const MOST_CUES = 3;

// Words too common to show an admin as the reason for a flag on their own ("into a", "not the").
const COMMON = new Set(
  'a an the to of in on at into onto from by for with and or but so if is are was were be been am i me my he him his she her it its we us our they them their you your this that there here not no can will would have has had do did just up out off all any some one now'.split(
    ' ',
  ),
);

/**
 * The features worth showing, in order: each names at least one word that is not a common one, and
 * none whose words a feature before it already covers.
 */
function apart(features: readonly Feature[], tokens: readonly Token[]): Feature[] {
  const covered = new Set<number>();
  const kept: Feature[] = [];
  for (const feature of features) {
    if (feature.tokens.every((index) => covered.has(index))) continue;
    if (feature.tokens.every((index) => COMMON.has(tokens[index]?.word ?? ''))) continue;
    for (const index of feature.tokens) covered.add(index);
    kept.push(feature);
  }
  return kept;
}

/** Weighs one message's features. */
export function readWords(
  weights: LoadedWordWeights,
  tokens: readonly Token[],
  features: readonly Feature[] = wordFeatures(tokens),
): WordReading {
  let sum = weights.bias;
  const kind = [...weights.kindBias];
  const pushing: { feature: Feature; weight: number }[] = [];
  for (const feature of features) {
    const weight = weights.risk.get(feature.name) ?? 0;
    sum += weight;
    if (weight > 0) pushing.push({ feature, weight });
    const byCategory = weights.kind.get(feature.name);
    if (byCategory)
      for (let index = 0; index < kind.length; index += 1)
        kind[index] = (kind[index] ?? 0) + (byCategory[index] ?? 0);
  }
  const likelihood = 1 / (1 + Math.exp(-sum));
  let best = 0;
  for (let index = 1; index < kind.length; index += 1)
    if ((kind[index] ?? 0) > (kind[best] ?? 0)) best = index;
  pushing.sort((a, b) => b.weight - a.weight);
  return {
    likelihood,
    atRisk: likelihood >= weights.threshold,
    category: RISK_CATEGORIES[best] ?? 'danger_to_life',
    strongest: apart(
      pushing.map((entry) => entry.feature),
      tokens,
    ).slice(0, MOST_CUES),
  };
}
