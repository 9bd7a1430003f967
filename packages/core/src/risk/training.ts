// Learns word-weights.json from labelled messages: logistic regression for risk or not, and a
// softmax over the kinds of risk for which kind. Pure and deterministic: the same messages give the
// same tables, to the last digit, so a test can tell when the committed tables are out of date.
import { seededRandom } from '../seeded-random.js';
import { RISK_CATEGORIES, type RiskCategory } from './categories.js';
import type { Token } from './normalise.js';
import { type WordWeights, wordFeatures } from './word-model.js';

/** A message to learn from. */
export interface TrainingMessage {
  readonly text: string;
  readonly risk: boolean;
  readonly category?: RiskCategory;
}

/** The training settings, recorded in the tables they make. */
export interface TrainingSettings {
  /** Passes over the messages. */
  readonly epochs: number;
  /** Step size of the per-weight adaptive updates (AdaGrad). */
  readonly rate: number;
  /** Pull of every weight towards zero, so no word counts for much on the strength of a message or two. */
  readonly shrink: number;
  /** A message whose likelihood reaches this is a risk; set low, because a missed risk costs more than a false alarm. */
  readonly threshold: number;
  /** A risk weight is learned only for words and pairs seen in at least this many messages. */
  readonly minimumMessages: number;
  /** A kind-of-risk weight is learned only for words and pairs seen in at least this many risk messages. */
  readonly kindMinimumMessages: number;
  /** Weights smaller than this, either way, are left out of the tables: they barely move a message. */
  readonly smallest: number;
  /** Seed of the fixed shuffle of the messages. */
  readonly seed: number;
}

export const TRAINING_SETTINGS: TrainingSettings = {
  epochs: 40,
  rate: 0.3,
  shrink: 0.03,
  threshold: 0.2,
  minimumMessages: 1,
  kindMinimumMessages: 3,
  smallest: 0.1,
  seed: 20261129,
};

/** Weights are kept to three decimals, and ones that round to nothing are left out. */
function kept(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The messages in a fixed order that does not depend on the order of the file. */
function shuffled<Item extends { key: string }>(items: readonly Item[], seed: number): Item[] {
  const ordered = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const random = seededRandom(seed);
  for (let index = ordered.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [ordered[index], ordered[other]] = [ordered[other] as Item, ordered[index] as Item];
  }
  return ordered;
}

/** One weight per name (or per name and class), with AdaGrad's running sums. */
class Weights {
  readonly values = new Map<string, Float64Array>();
  private readonly squares = new Map<string, Float64Array>();

  constructor(private readonly width: number) {}

  get(name: string): Float64Array {
    let values = this.values.get(name);
    if (!values) {
      values = new Float64Array(this.width);
      this.values.set(name, values);
      this.squares.set(name, new Float64Array(this.width).fill(1e-8));
    }
    return values;
  }

  /** One AdaGrad step of `gradient` (plus the shrink) for class `index` of `name`. */
  step(name: string, index: number, gradient: number, settings: TrainingSettings): void {
    const values = this.get(name);
    const squares = this.squares.get(name) as Float64Array;
    const value = values[index] ?? 0;
    const full = gradient + settings.shrink * value;
    squares[index] = (squares[index] ?? 0) + full * full;
    values[index] = value - (settings.rate * full) / Math.sqrt(squares[index] ?? 1);
  }
}

const BIAS = '';

/** Learns the tables. `read` turns a message into tokens the way the check reads messages. */
export function trainWordWeights(
  messages: readonly TrainingMessage[],
  read: (text: string) => readonly Token[],
  settings: TrainingSettings = TRAINING_SETTINGS,
): WordWeights {
  const examples = shuffled(
    messages.map((message) => ({
      key: message.text,
      features: wordFeatures(read(message.text)).map((feature) => feature.name),
      risk: message.risk,
      kind: message.risk && message.category ? RISK_CATEGORIES.indexOf(message.category) : -1,
    })),
    settings.seed,
  );

  // Risk or not: logistic regression, each feature a 0/1 input.
  const messagesWith = countMessages(examples);
  const risk = new Weights(1);
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (const example of examples) {
      const features = example.features.filter(
        (name) => (messagesWith.get(name) ?? 0) >= settings.minimumMessages,
      );
      let sum = risk.get(BIAS)[0] ?? 0;
      for (const name of features) sum += risk.get(name)[0] ?? 0;
      const error = 1 / (1 + Math.exp(-sum)) - (example.risk ? 1 : 0);
      for (const name of features) risk.step(name, 0, error, settings);
      risk.step(BIAS, 0, error, { ...settings, shrink: 0 });
    }
  }

  // Which kind: a softmax over the categories, learned from the risk messages only.
  const risky = examples.filter((example) => example.kind >= 0);
  const seenIn = countMessages(risky);
  const width = RISK_CATEGORIES.length;
  const kind = new Weights(width);
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (const example of risky) {
      const features = example.features.filter(
        (name) => (seenIn.get(name) ?? 0) >= settings.kindMinimumMessages,
      );
      const sums = Float64Array.from(kind.get(BIAS));
      for (const name of features) {
        const values = kind.get(name);
        for (let index = 0; index < width; index += 1)
          sums[index] = (sums[index] ?? 0) + (values[index] ?? 0);
      }
      const top = Math.max(...sums);
      let total = 0;
      for (let index = 0; index < width; index += 1) {
        sums[index] = Math.exp((sums[index] ?? 0) - top);
        total += sums[index] ?? 0;
      }
      for (let index = 0; index < width; index += 1) {
        const error = (sums[index] ?? 0) / total - (index === example.kind ? 1 : 0);
        for (const name of features) kind.step(name, index, error, settings);
        kind.step(BIAS, index, error, { ...settings, shrink: 0 });
      }
    }
  }

  const riskWeights: Record<string, number> = {};
  for (const [name, values] of [...risk.values].sort(byName)) {
    const value = kept(values[0] ?? 0);
    if (name !== BIAS && Math.abs(value) >= settings.smallest) riskWeights[name] = value;
  }
  const kindWeights: Record<string, Partial<Record<RiskCategory, number>>> = {};
  for (const [name, values] of [...kind.values].sort(byName)) {
    if (name === BIAS) continue;
    const byCategory: Partial<Record<RiskCategory, number>> = {};
    RISK_CATEGORIES.forEach((category, index) => {
      const value = kept(values[index] ?? 0);
      if (Math.abs(value) >= settings.smallest) byCategory[category] = value;
    });
    if (Object.keys(byCategory).length > 0) kindWeights[name] = byCategory;
  }
  const kindBias = kind.get(BIAS);
  return {
    trainedOn: {
      messages: messages.length,
      risks: messages.filter((message) => message.risk).length,
      settings,
    },
    threshold: settings.threshold,
    risk: { bias: kept(risk.get(BIAS)[0] ?? 0), weights: riskWeights },
    kind: {
      bias: Object.fromEntries(
        RISK_CATEGORIES.map((category, index) => [category, kept(kindBias[index] ?? 0)]),
      ) as Record<RiskCategory, number>,
      weights: kindWeights,
    },
  };
}

/** In how many messages each feature occurs. */
function countMessages(examples: readonly { features: readonly string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const example of examples)
    for (const name of example.features) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function byName(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * The tables as word-weights.json keeps them: one feature a line, the strongest signs of risk first
 * and the strongest signs of ordinary talk last, so a reader can scan them.
 */
export function formatWordWeights(weights: WordWeights): string {
  const line = (value: unknown) => JSON.stringify(value);
  const entries = (record: Readonly<Record<string, unknown>>, order: (a: string, b: string) => number) =>
    Object.keys(record)
      .sort(order)
      .map((name) => `      ${line(name)}: ${line(record[name])}`)
      .join(',\n');
  const risk = weights.risk.weights;
  const byWeight = (a: string, b: string) => (risk[b] ?? 0) - (risk[a] ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [
    '{',
    `  "trainedOn": ${line(weights.trainedOn)},`,
    `  "threshold": ${line(weights.threshold)},`,
    '  "risk": {',
    `    "bias": ${line(weights.risk.bias)},`,
    '    "weights": {',
    entries(risk, byWeight),
    '    }',
    '  },',
    '  "kind": {',
    `    "bias": ${line(weights.kind.bias)},`,
    '    "weights": {',
    entries(weights.kind.weights, byName),
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
