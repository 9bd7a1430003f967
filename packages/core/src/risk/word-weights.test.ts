// The learned word weights are made from the labelled messages and nothing else: training again gives
// the committed file exactly. After changing the messages or the way messages are read, run
// `npx vitest run packages/core/src/risk/word-weights.test.ts -u` to train again (README.md).
import { describe, expect, it } from 'vitest';
import { readRiskTokens, trainWordWeights } from './index.js';
import labelled from './labelled-messages.json' with { type: 'json' };
import type { LabelledMessage } from './test-support/evaluate.js';
import { formatWordWeights } from './training.js';
import { loadWordWeights, readWords } from './word-model.js';

const messages = labelled as LabelledMessage[];

describe('the word weights', () => {
  const trained = trainWordWeights(messages, readRiskTokens);

  it('are what training on the labelled messages gives, to the last digit', async () => {
    await expect(formatWordWeights(trained)).toMatchFileSnapshot('./word-weights.json');
  });

  it('do not depend on the order of the messages', () => {
    const reversed = trainWordWeights([...messages].reverse(), readRiskTokens);
    expect(formatWordWeights(reversed)).toBe(formatWordWeights(trained));
  });

  it('learn the labels they are given: ordinary talk labelled as risks becomes one', () => {
    const text = 'the heifer has got through the wall again';
    const read = (weights: ReturnType<typeof trainWordWeights>) =>
      readWords(loadWordWeights(weights), readRiskTokens(text));
    const extra = Array.from({ length: 12 }, (_, index) => ({
      text: `${text} (${index})`,
      risk: true,
      category: 'danger_to_life' as const,
    }));
    expect(read(trained).atRisk).toBe(false);
    expect(read(trainWordWeights([...messages, ...extra], readRiskTokens)).atRisk).toBe(true);
  });

  it('name each feature by the words it counts, with the strongest signs of risk first', () => {
    const names = Object.keys(trained.risk.weights);
    for (const name of names) expect(name).toMatch(/^(w:[^_\s]+|b:[^_\s]+_[^_\s]+)$/);
    const values = Object.values(JSON.parse(formatWordWeights(trained)).risk.weights) as number[];
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
