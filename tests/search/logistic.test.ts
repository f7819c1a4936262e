import { describe, expect, it } from 'vitest';
import { auc, crossValidate, fitLogistic, foldOf, logLoss, predict, type Sample } from '../../src/search/logistic.ts';
import { seededRandom } from '../../src/search/training.ts';

// Labels drawn from a known logistic model: y = 1 with probability sigmoid(3a - 2b + 0.5).
function draw(n: number, seed: number): Sample[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const a = random() * 2 - 1;
    const b = random() * 2 - 1;
    const p = 1 / (1 + Math.exp(-(3 * a - 2 * b + 0.5)));
    return { x: [a, b, 7], y: random() < p ? 1 : 0, weight: 1, group: `q${i}` } as Sample;
  });
}

describe('logistic regression', () => {
  it('recovers the weights of the model the labels were drawn from, and gives a constant feature no weight', () => {
    const samples = draw(4000, 1);
    const model = fitLogistic(['a', 'b', 'constant'], samples, 0);
    // Standardised weights: the raw weight times the feature's spread (uniform on [-1, 1]: 1/√3).
    expect((model.weights[0] as number) / (model.scale[0] as number)).toBeCloseTo(3, 0);
    expect((model.weights[1] as number) / (model.scale[1] as number)).toBeCloseTo(-2, 0);
    expect(model.weights[2]).toBeCloseTo(0, 6);
    expect(predict(model, [1, -1, 7])).toBeGreaterThan(0.99);
  });

  it('with its tails clipped, reads a value far past the data it was fitted on as the bound, not extrapolated', () => {
    const samples = draw(2000, 3);
    const model = fitLogistic(['a', 'b', 'constant'], samples, 0.001, 0.01);
    // The bounds are the 1% and 99% quantiles of a uniform feature on [-1, 1].
    expect(model.low?.[0]).toBeCloseTo(-0.98, 1);
    expect(model.high?.[0]).toBeCloseTo(0.98, 1);
    expect(predict(model, [-50, 0, 7])).toBeCloseTo(predict(model, [model.low?.[0] as number, 0, 7]), 12);
    expect(predict(model, [-50, 0, 7])).toBeGreaterThan(0.01);
    // Unclipped, the same value is extrapolated to certainty.
    expect(predict(fitLogistic(['a', 'b', 'constant'], samples, 0.001), [-50, 0, 7])).toBeLessThan(1e-20);
    // Within the range, clipping changes little.
    expect(Math.abs(predict(model, [0.3, -0.2, 7]) - predict(fitLogistic(['a', 'b', 'constant'], samples, 0.001), [0.3, -0.2, 7]))).toBeLessThan(0.02);
  });

  it('shrinks the weights as the penalty grows', () => {
    const samples = draw(500, 2);
    const loose = fitLogistic(['a', 'b', 'c'], samples, 0.001);
    const tight = fitLogistic(['a', 'b', 'c'], samples, 1);
    expect(Math.abs(tight.weights[0] as number)).toBeLessThan(Math.abs(loose.weights[0] as number));
  });

  it('scores every sample out of fold, keeping a group in one fold, better than chance on held-out data', () => {
    const samples = draw(1000, 3);
    const oof = crossValidate(['a', 'b', 'c'], samples, 0.01);
    expect(oof).toHaveLength(samples.length);
    expect(auc(samples, oof)).toBeGreaterThan(0.8);
    expect(logLoss(samples, oof)).toBeLessThan(Math.log(2));
    expect(foldOf('q1', 5)).toBe(foldOf('q1', 5));
  });

  it('measures AUC as the chance a positive scores above a negative', () => {
    const samples: Sample[] = [0, 1, 0, 1].map((y, i) => ({ x: [], y: y as 0 | 1, weight: 1, group: String(i) }));
    expect(auc(samples, [0.1, 0.9, 0.2, 0.8])).toBe(1);
    expect(auc(samples, [0.9, 0.1, 0.8, 0.2])).toBe(0);
  });
});
