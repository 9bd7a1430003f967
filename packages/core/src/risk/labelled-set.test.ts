// The risk check measured on the labelled messages: on the messages used to tune the lexicon, on the
// whole set, and on the holdout that was never used to tune it.
import { describe, expect, it } from 'vitest';
import { RISK_CATEGORIES } from './categories.js';
import { checkRisk } from './index.js';
import labelled from './labelled-messages.json' with { type: 'json' };
import { describeEvaluation, evaluate, type LabelledMessage } from './test-support/evaluate.js';

const messages = labelled as LabelledMessage[];
const holdout = messages.filter((message) => message.split === 'holdout');
// Everything else was used to tune the lexicon, including earlier holdouts once they were looked at.
const tuning = messages.filter((message) => message.split !== 'holdout');

describe('the labelled messages', () => {
  it('are at least 300 realistic messages, a hundred or more of them risks, in every category', () => {
    expect(messages.length).toBeGreaterThanOrEqual(300);
    const risks = messages.filter((message) => message.risk);
    expect(risks.length).toBeGreaterThanOrEqual(100);
    for (const category of RISK_CATEGORIES) {
      expect(risks.filter((message) => message.category === category).length).toBeGreaterThanOrEqual(15);
    }
    expect(new Set(messages.map((message) => message.text)).size).toBe(messages.length);
  });

  it('label every message as risk or not, risks with a category and the rest with a kind of talk', () => {
    for (const message of messages) {
      expect(typeof message.text).toBe('string');
      expect(message.split).toMatch(/^(tune|holdout|holdout-\d+)$/);
      if (message.risk) expect(RISK_CATEGORIES).toContain(message.category);
      else expect(message.group).toEqual(expect.any(String));
    }
  });

  it('keep a fifth or more aside as the holdout, with risks of every category in it', () => {
    expect(holdout.length / messages.length).toBeGreaterThan(0.2);
    expect(holdout.length / messages.length).toBeLessThan(0.3);
    for (const category of RISK_CATEGORIES) {
      expect(holdout.some((message) => message.risk && message.category === category)).toBe(true);
    }
  });
});

describe('the risk check on the labelled messages', () => {
  it("meets the issue's floor on the tuning messages: recall at least 0.95 at precision at least 0.8", () => {
    const tuned = evaluate(tuning, checkRisk);
    console.log(describeEvaluation('tuning messages', tuned));
    expect(tuned.recall).toBeGreaterThanOrEqual(0.95);
    expect(tuned.precision).toBeGreaterThanOrEqual(0.8);
  });

  // The issue asks for recall 0.95 over the whole set and this task for 0.9 on the holdout. Neither is
  // met (whole set 0.925, holdout 0.722 when last measured; docs/benchmarks.md, "Risk check"). These
  // two tests guard the measured level against regressions; they do not claim the targets.
  it('keeps the whole set at recall 0.9 or more and precision 0.8 or more (target: recall 0.95)', () => {
    const whole = evaluate(messages, checkRisk);
    console.log(describeEvaluation('whole set', whole));
    expect(whole.recall).toBeGreaterThanOrEqual(0.9);
    expect(whole.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the untouched holdout at recall 0.7 or more and precision 0.8 or more (target: recall 0.9)', () => {
    const held = evaluate(holdout, checkRisk);
    console.log(describeEvaluation('holdout', held));
    expect(held.recall).toBeGreaterThanOrEqual(0.7);
    expect(held.precision).toBeGreaterThanOrEqual(0.8);
  });
});
