// The risk check measured on the labelled messages: the floors the issue sets, on the whole set and
// on the held-out quarter that was never used to tune the lexicon.
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

  it('keep about a quarter aside as the holdout, with risks of every category in it', () => {
    expect(holdout.length / messages.length).toBeGreaterThan(0.2);
    expect(holdout.length / messages.length).toBeLessThan(0.3);
    for (const category of RISK_CATEGORIES) {
      expect(holdout.some((message) => message.risk && message.category === category)).toBe(true);
    }
  });
});

describe('the risk check on the labelled messages', () => {
  it('finds at least 95% of the risks at a precision of at least 0.8 over the whole set', () => {
    console.log(describeEvaluation('tuning messages', evaluate(tuning, checkRisk)));
    const whole = evaluate(messages, checkRisk);
    console.log(describeEvaluation('whole set', whole));
    expect(whole.recall).toBeGreaterThanOrEqual(0.95);
    expect(whole.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('finds at least 90% of the held-out risks at a precision of at least 0.8', () => {
    const held = evaluate(holdout, checkRisk);
    console.log(describeEvaluation('holdout', held));
    expect(held.recall).toBeGreaterThanOrEqual(0.9);
    expect(held.precision).toBeGreaterThanOrEqual(0.8);
  });
});
