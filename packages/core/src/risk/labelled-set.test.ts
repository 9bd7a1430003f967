// The risk check measured on labelled messages. The word weights are learned from
// labelled-messages.json, so those messages cannot measure the check as shipped: they measure it
// cross-validated, each batch of messages checked by weights learned without it. The independent set
// is never learned from and measures the check as shipped.
import { describe, expect, it } from 'vitest';
import { RISK_CATEGORIES } from './categories.js';
import independent from './independent-messages.json' with { type: 'json' };
import { checkRisk, type RiskResult, readRiskTokens, riskCheckWith, trainWordWeights } from './index.js';
import labelled from './labelled-messages.json' with { type: 'json' };
import { describeEvaluation, evaluate, type LabelledMessage } from './test-support/evaluate.js';

// Floors for the independent set: the target, recall 0.95 at precision 0.8. Scored once when
// it was added (30 November 2026): precision 0.861, recall 0.993 (149 of 150 risks, 24 false alarms);
// the same since 22 ordinary messages were added to the labelled ones (docs/benchmarks.md).
const INDEPENDENT_RECALL_FLOOR = 0.95;
const INDEPENDENT_PRECISION_FLOOR = 0.8;

const learnedFrom = labelled as LabelledMessage[];
const independentSet = independent as LabelledMessage[];

// Batches the hand-written lexicon was never tuned on: written in one go each, by people who did not
// see the lexicon. Cross-validated on these, both readers meet the messages fresh.
const UNSEEN_BY_THE_LEXICON = ['holdout-6', 'training-1', 'training-2'];

describe('the labelled messages', () => {
  it('are at least 300 realistic messages, a hundred or more of them risks, in every category', () => {
    expect(learnedFrom.length).toBeGreaterThanOrEqual(300);
    const risks = learnedFrom.filter((message) => message.risk);
    expect(risks.length).toBeGreaterThanOrEqual(100);
    for (const category of RISK_CATEGORIES) {
      expect(risks.filter((message) => message.category === category).length).toBeGreaterThanOrEqual(15);
    }
    expect(new Set(learnedFrom.map((message) => message.text)).size).toBe(learnedFrom.length);
  });

  it('label every message as risk or not, risks with a category and the rest with a kind of talk', () => {
    for (const message of learnedFrom) {
      expect(typeof message.text).toBe('string');
      expect(message.split).toMatch(/^(tune|holdout-\d+|training-\d+)$/);
      if (message.risk) expect(RISK_CATEGORIES).toContain(message.category);
      else expect(message.group).toEqual(expect.any(String));
    }
    for (const split of UNSEEN_BY_THE_LEXICON) {
      expect(learnedFrom.filter((message) => message.split === split).length).toBeGreaterThan(100);
    }
  });
});

describe('the independent messages', () => {
  it('label every message as risk or not, risks with a category', () => {
    expect(independentSet.length).toBeGreaterThanOrEqual(300);
    for (const message of independentSet) {
      expect(typeof message.text).toBe('string');
      expect(typeof message.risk).toBe('boolean');
      if (message.risk) expect(RISK_CATEGORIES).toContain(message.category);
    }
  });

  it('share no message with the labelled messages, so the word weights never learned from them', () => {
    const learned = new Set(learnedFrom.map((message) => message.text.trim().toLowerCase()));
    const shared = independentSet.filter((message) => learned.has(message.text.trim().toLowerCase()));
    expect(shared.map((message) => message.text)).toEqual([]);
  });
});

describe('the risk check on the labelled messages', () => {
  it("meets the issue's target cross-validated on the batches the lexicon never saw", () => {
    const results = new Map<string, RiskResult>();
    for (const split of UNSEEN_BY_THE_LEXICON) {
      const check = riskCheckWith(
        trainWordWeights(
          learnedFrom.filter((message) => message.split !== split),
          readRiskTokens,
        ),
      );
      for (const message of learnedFrom.filter((message) => message.split === split)) {
        results.set(message.text, check(message.text));
      }
    }
    const held = evaluate(
      learnedFrom.filter((message) => UNSEEN_BY_THE_LEXICON.includes(message.split)),
      (text) => results.get(text) as RiskResult,
    );
    console.log(describeEvaluation(`cross-validated on ${UNSEEN_BY_THE_LEXICON.join(', ')}`, held));
    expect(held.recall).toBeGreaterThanOrEqual(0.95);
    expect(held.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the independent set at or above its floors', () => {
    const held = evaluate(independentSet, checkRisk);
    // Figures only: its messages stay unseen by whoever changes the lexicon or the labelled messages.
    console.log(describeEvaluation('independent set', held, { figuresOnly: true }));
    expect(held.recall).toBeGreaterThanOrEqual(INDEPENDENT_RECALL_FLOOR);
    expect(held.precision).toBeGreaterThanOrEqual(INDEPENDENT_PRECISION_FLOOR);
  });
});
