// The risk check measured on labelled messages: on the messages used to tune the lexicon, and on an
// independent set written by someone who does not tune it, scored separately.
import { describe, expect, it } from 'vitest';
import { RISK_CATEGORIES } from './categories.js';
import independent from './independent-messages.json' with { type: 'json' };
import { checkRisk } from './index.js';
import labelled from './labelled-messages.json' with { type: 'json' };
import { describeEvaluation, evaluate, type LabelledMessage } from './test-support/evaluate.js';

// Floors for the independent set: the level it measured when scored once (29 November 2026, lexicon
// of 232c855: precision 0.848, recall 0.683), below the target of recall 0.95 at precision 0.8.
// They keep later changes from making it worse unnoticed; they are not the target.
const INDEPENDENT_RECALL_FLOOR = 0.68;
const INDEPENDENT_PRECISION_FLOOR = 0.84;

// Every message here was used to tune the lexicon, including each earlier holdout once it was scored.
const tuning = labelled as LabelledMessage[];
const independentSet = independent as LabelledMessage[];

describe('the labelled messages', () => {
  it('are at least 300 realistic messages, a hundred or more of them risks, in every category', () => {
    expect(tuning.length).toBeGreaterThanOrEqual(300);
    const risks = tuning.filter((message) => message.risk);
    expect(risks.length).toBeGreaterThanOrEqual(100);
    for (const category of RISK_CATEGORIES) {
      expect(risks.filter((message) => message.category === category).length).toBeGreaterThanOrEqual(15);
    }
    expect(new Set(tuning.map((message) => message.text)).size).toBe(tuning.length);
  });

  it('label every message as risk or not, risks with a category and the rest with a kind of talk', () => {
    for (const message of tuning) {
      expect(typeof message.text).toBe('string');
      // No untouched holdout is kept here any more: the independent set plays that part.
      expect(message.split).toMatch(/^(tune|holdout-\d+)$/);
      if (message.risk) expect(RISK_CATEGORIES).toContain(message.category);
      else expect(message.group).toEqual(expect.any(String));
    }
  });
});

describe('the independent messages', () => {
  it('label every message as risk or not, risks with a category', () => {
    expect(independentSet.length).toBeGreaterThan(0);
    for (const message of independentSet) {
      expect(typeof message.text).toBe('string');
      expect(typeof message.risk).toBe('boolean');
      if (message.risk) expect(RISK_CATEGORIES).toContain(message.category);
    }
  });

  it('share no message with the tuning messages, so none of them was tuned on', () => {
    const tuned = new Set(tuning.map((message) => message.text.trim().toLowerCase()));
    const shared = independentSet.filter((message) => tuned.has(message.text.trim().toLowerCase()));
    expect(shared.map((message) => message.text)).toEqual([]);
  });
});

describe('the risk check on the labelled messages', () => {
  it("meets the issue's floor on the tuning messages: recall at least 0.95 at precision at least 0.8", () => {
    const tuned = evaluate(tuning, checkRisk);
    console.log(describeEvaluation('tuning messages', tuned));
    expect(tuned.recall).toBeGreaterThanOrEqual(0.95);
    expect(tuned.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the independent set at or above its measured floors', () => {
    const held = evaluate(independentSet, checkRisk);
    // Figures only: its messages stay unseen by whoever tunes the lexicon.
    console.log(describeEvaluation('independent set', held, { figuresOnly: true }));
    expect(held.recall).toBeGreaterThanOrEqual(INDEPENDENT_RECALL_FLOOR);
    expect(held.precision).toBeGreaterThanOrEqual(INDEPENDENT_PRECISION_FLOOR);
  });
});
