import { describe, expect, it } from 'vitest';
import { BLOCK_FEATURES, handQuotingWeights } from '../../src/search/blocks.ts';
import { crossValidateQuoting, fitQuotingWeights, leadBlock, leadsRight, type QuotingQuestion } from '../../src/search/quoting.ts';
import { seededRandom } from '../../src/search/training.ts';

const column = (name: (typeof BLOCK_FEATURES)[number]) => BLOCK_FEATURES.indexOf(name);

// Passages where the block holding the answer replies yes or no and holds fewer of the question's words than a
// neighbour that repeats them: weighed by hand, the neighbour leads; the data tell otherwise.
function questions(n: number, seed: number): QuotingQuestion[] {
  const random = seededRandom(seed);
  const block = (right: boolean) => {
    const x = BLOCK_FEATURES.map(() => 0);
    x[column('words')] = right ? 0.3 + 0.2 * random() : 0.6 + 0.3 * random();
    x[column('pairs')] = x[column('words')] as number;
    x[column('reply')] = right ? 1 : 0;
    x[column('length')] = random();
    return { x, right };
  };
  return Array.from({ length: n }, (_, i) => ({ group: `q${i}`, passages: [[block(false), block(true), block(false)]] }));
}

describe('leadBlock', () => {
  it('is the best scored block, the first of equals', () => {
    const weights = handQuotingWeights();
    const x = (words: number) => BLOCK_FEATURES.map((f) => (f === 'words' || f === 'pairs' ? words : 0));
    expect(leadBlock(weights, [{ x: x(0.2), right: false }, { x: x(0.5), right: true }, { x: x(0.5), right: false }])).toBe(1);
  });
});

describe('fitQuotingWeights', () => {
  it('learns which feature marks the answering block, and leads with it where the hand weights do not', () => {
    const data = questions(150, 1);
    const fitted = fitQuotingWeights(data, 0.01);
    expect(fitted.features).toEqual([...BLOCK_FEATURES]);
    expect(fitted.weights[column('reply')]).toBeGreaterThan(0);
    expect(fitted.weights[column('words')]).toBeLessThan(fitted.weights[column('reply')] as number);
    expect(leadsRight(handQuotingWeights(), data).right).toBeLessThan(leadsRight(fitted, data).right);
    expect(leadsRight(fitted, data)).toEqual({ right: 150, passages: 150 });
  });

  it('is measured held out, by question', () => {
    const cv = crossValidateQuoting(questions(200, 2), handQuotingWeights(), 0.01, 5);
    expect(cv.passages).toBe(200);
    expect(cv.fitted).toBeGreaterThan(0.95);
    expect(cv.start).toBeLessThan(0.6);
  });

  it('counts only passages of several blocks that hold the answer: there is nothing to choose in the others', () => {
    const [one] = questions(1, 3) as [QuotingQuestion];
    const none = { group: 'none', passages: [(one.passages[0] ?? []).map((b) => ({ ...b, right: false }))] };
    const single = { group: 'single', passages: [[(one.passages[0] ?? [])[1] as QuotingQuestion['passages'][number][number]]] };
    expect(leadsRight(handQuotingWeights(), [none, single]).passages).toBe(0);
    expect(fitQuotingWeights([none, single], 0.01).weights.every((w) => w === 0)).toBe(true);
  });
});
