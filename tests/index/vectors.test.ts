import { describe, expect, it } from 'vitest';
import { planLabels } from '../../src/index/index.ts';

describe('planLabels', () => {
  it('keeps the point of each unchanged text, new points for new texts, and removes the rest', () => {
    const plan = planLabels(['a', 'b', 'c'], Int32Array.of(7, 3, 9), ['c', 'a', 'd']);
    expect([...plan.labels]).toEqual([9, 7, -1]);
    expect(plan.removed).toEqual([3]);
  });

  it('gives each point to one passage only when texts repeat', () => {
    const plan = planLabels(['a', 'a', 'b'], Int32Array.of(0, 1, 2), ['a', 'a', 'a']);
    expect([...plan.labels]).toEqual([0, 1, -1]);
    expect(plan.removed).toEqual([2]);
  });
});
