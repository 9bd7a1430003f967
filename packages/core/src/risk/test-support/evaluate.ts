// Precision, recall and F1 of the risk check over labelled messages, overall and per category.
import type { RiskCategory, RiskResult } from '../index.js';

/** One labelled message as kept in labelled-messages.json. */
export interface LabelledMessage {
  text: string;
  /** True when the message may mean someone is at risk now, and should be flagged. */
  risk: boolean;
  /** For a risk message, the kind of risk it mainly is. */
  category?: RiskCategory;
  /** For a safe message, the kind of ordinary talk it is (for reading false alarms by kind). */
  group?: string;
  /**
   * "holdout" messages were kept aside and never used to tune the lexicon; "holdout-1" and the like
   * were an earlier holdout, looked at once and then used for tuning.
   */
  split: string;
  note?: string;
}

/** The figures for one set of messages. */
export interface Evaluation {
  messages: number;
  riskMessages: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Per labelled category: how many risk messages, how many were flagged, and how many got that category. */
  perCategory: Record<string, { messages: number; flagged: number; rightCategory: number }>;
  missed: LabelledMessage[];
  falseAlarms: { message: LabelledMessage; result: RiskResult }[];
}

/** Runs the check over the messages and counts. */
export function evaluate(
  messages: readonly LabelledMessage[],
  check: (text: string) => RiskResult,
): Evaluation {
  const evaluation: Evaluation = {
    messages: messages.length,
    riskMessages: 0,
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    perCategory: {},
    missed: [],
    falseAlarms: [],
  };
  for (const message of messages) {
    const result = check(message.text);
    if (message.risk) {
      evaluation.riskMessages += 1;
      const category = message.category ?? 'unlabelled';
      const counts = evaluation.perCategory[category] ?? { messages: 0, flagged: 0, rightCategory: 0 };
      counts.messages += 1;
      if (result.atRisk) counts.flagged += 1;
      if (message.category && result.categories.includes(message.category)) counts.rightCategory += 1;
      evaluation.perCategory[category] = counts;
      if (result.atRisk) evaluation.truePositives += 1;
      else {
        evaluation.falseNegatives += 1;
        evaluation.missed.push(message);
      }
    } else if (result.atRisk) {
      evaluation.falsePositives += 1;
      evaluation.falseAlarms.push({ message, result });
    }
  }
  const { truePositives, falsePositives, falseNegatives } = evaluation;
  evaluation.precision = truePositives / Math.max(1, truePositives + falsePositives);
  evaluation.recall = truePositives / Math.max(1, truePositives + falseNegatives);
  evaluation.f1 =
    evaluation.precision + evaluation.recall === 0
      ? 0
      : (2 * evaluation.precision * evaluation.recall) / (evaluation.precision + evaluation.recall);
  return evaluation;
}

/**
 * A few lines for the test output, so the figures can be copied into docs/benchmarks.md. With
 * `figuresOnly`, the misses and false alarms are left out: an independent set must not be shown to
 * whoever tunes the lexicon, and its messages would be, every time the tests ran.
 */
export function describeEvaluation(
  name: string,
  evaluation: Evaluation,
  { figuresOnly = false }: { figuresOnly?: boolean } = {},
): string {
  const figure = (value: number) => value.toFixed(3);
  const lines = [
    `${name}: ${evaluation.messages} messages (${evaluation.riskMessages} risk), ` +
      `precision ${figure(evaluation.precision)}, recall ${figure(evaluation.recall)}, F1 ${figure(evaluation.f1)} ` +
      `(TP ${evaluation.truePositives}, FP ${evaluation.falsePositives}, FN ${evaluation.falseNegatives})`,
  ];
  for (const [category, counts] of Object.entries(evaluation.perCategory)) {
    lines.push(
      `  ${category}: recall ${figure(counts.flagged / counts.messages)} (${counts.flagged}/${counts.messages}), ` +
        `named the category ${counts.rightCategory}/${counts.messages}`,
    );
  }
  if (figuresOnly) return lines.join('\n');
  for (const message of evaluation.missed) lines.push(`  missed: ${message.text}`);
  for (const { message, result } of evaluation.falseAlarms) {
    lines.push(
      `  false alarm (${result.categories.join(', ')}: ${result.cues.join(' | ')}): ${message.text}`,
    );
  }
  return lines.join('\n');
}
