import { describe, expect, it } from 'vitest';
import { compareDecisions, decideAnswer, decisionModelFor, shippedDecisionModel, type DecisionModel } from '../../src/search/decide.ts';
import { FEATURE_NAMES, VECTOR_FEATURES, type AnswerFeatures } from '../../src/search/features.ts';

// A model over two features, by hand: coverage raises the odds, another law's words lower them.
const model: DecisionModel = {
  features: ['coverage', 'backgroundSum'],
  mean: [0, 0],
  scale: [1, 1],
  weights: [10, -2],
  bias: -5,
  thresholds: { answer: 0.6, decline: 0.2 },
};
const features = (overrides: Partial<AnswerFeatures> = {}): AnswerFeatures =>
  ({ ...Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])), ...overrides }) as AnswerFeatures;
const decide = (overrides: Partial<AnswerFeatures>, referenced = false) => decideAnswer(features(overrides), { referenced }, model);

describe('decideAnswer', () => {
  it('answers at or above the answer threshold, says "not sure" between the thresholds, and declines below', () => {
    expect(decide({ coverage: 0.8 }).outcome).toBe('answer');
    expect(decide({ coverage: 0.5 }).outcome).toBe('not_sure');
    expect(decide({ coverage: 0.1 }).outcome).toBe('decline');
    expect(decide({ coverage: 0.8 }).probability).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
  });

  it('names the evidence that weighed most against answering as the reason', () => {
    expect(decide({ coverage: 0.9, backgroundSum: 4 })).toMatchObject({ outcome: 'decline', reason: 'other_topic' });
    expect(decide({ coverage: 0.1 })).toMatchObject({ outcome: 'decline', reason: 'low_coverage' });
    expect(decide({ coverage: 0.9 }).reason).toBeNull();
    const voted: DecisionModel = { ...model, features: ['coverage', 'neighbours'], weights: [10, 3] };
    expect(decideAnswer(features({ coverage: 0.6, neighbours: -1 }), { referenced: false }, voted)).toMatchObject({ outcome: 'decline', reason: 'like_declined' });
  });

  it('answers a document number the best passage holds whatever the model says, unless the question is about another country or law', () => {
    expect(decide({ coverage: 0 }, true)).toEqual({ outcome: 'answer', probability: 1, reason: null });
    expect(decide({ coverage: 0, outOfScope: 1 }, true).outcome).toBe('decline');
  });

  it('declines a question naming a year, person or numbered constituency the best passage lacks, however well the rest matches', () => {
    expect(decide({ coverage: 1, missingSpecifics: 1 })).toEqual({ outcome: 'decline', probability: 0, reason: 'missing_specifics' });
  });

  it('declines a question asking about another country or kind of election the best passage is not about, however well the rest matches', () => {
    expect(decide({ coverage: 1, outOfScope: 1 })).toEqual({ outcome: 'decline', probability: 0, reason: 'out_of_scope' });
  });

  it('declines when nothing was found', () => {
    expect(decideAnswer(null, { referenced: false }, model)).toEqual({ outcome: 'decline', probability: 0, reason: 'nothing_found' });
  });

  it('ships a fitted model over every feature, with the decline threshold at or below the answer threshold', () => {
    const shipped = shippedDecisionModel();
    expect(shipped.features).toEqual(FEATURE_NAMES);
    expect(shipped.weights).toHaveLength(FEATURE_NAMES.length);
    expect(shipped.weights.some((w) => w !== 0)).toBe(true);
    expect(shipped.thresholds.decline).toBeLessThanOrEqual(shipped.thresholds.answer);
    // Fitted, coverage of the question by the best passage raises the odds and another country lowers them.
    const weight = (name: string) => shipped.weights[shipped.features.indexOf(name)] as number;
    expect(weight('coverage') + weight('pairCoverage')).toBeGreaterThan(0);
    expect(weight('outOfScope')).toBeLessThan(0);
  });
});

describe('decisionModelFor', () => {
  it('decides with the shipped model under the embedder it was fitted on, and with its vector-free twin under any other', () => {
    const shipped = shippedDecisionModel();
    expect(shipped.embedder).toBe('local-hash-v1-512');
    expect(decisionModelFor('local-hash-v1-512')).toEqual({ model: shipped, fitted: true });
    const other = decisionModelFor('transformers:Xenova/multilingual-e5-small:q8');
    expect(other.fitted).toBe(false);
    expect(other.model).toBe(shipped.vectorFree);
    expect(other.model.features).toEqual(FEATURE_NAMES.filter((n) => !VECTOR_FEATURES.includes(n)));
    expect(other.model.thresholds.decline).toBeLessThanOrEqual(other.model.thresholds.answer);
  });

  it('keeps a model that has no vector-free twin, saying it was not fitted on this embedder', () => {
    expect(decisionModelFor('any', model)).toEqual({ model, fitted: false });
    expect(decisionModelFor('mine', { ...model, embedder: 'mine' }).fitted).toBe(true);
  });
});

describe('compareDecisions', () => {
  it('counts the questions only the challenger decides right and those only the incumbent does, each at its own threshold', () => {
    const questions = [
      // Only the challenger answers it, and it should be answered: a win.
      { y: 1, challenger: 0.7, incumbent: 0.4 },
      // Only the challenger answers it, and it should not be: a loss.
      { y: 0, challenger: 0.65, incumbent: 0.4 },
      // Both right, both wrong: neither.
      { y: 1, challenger: 0.9, incumbent: 0.9 },
      { y: 0, challenger: 0.9, incumbent: 0.9 },
      // The same probability, read at two thresholds: only the lower one answers it, wrongly.
      { y: 0, challenger: 0.55, incumbent: 0.55 },
    ];
    expect(compareDecisions(questions, { challenger: 0.6, incumbent: 0.5 })).toEqual({ wins: 2, losses: 1 });
    expect(compareDecisions(questions, { challenger: 0.5, incumbent: 0.6 })).toEqual({ wins: 1, losses: 2 });
  });
});
