import { describe, expect, it } from 'vitest';
import { backgroundEvidence, backgroundRatio, formatBackground, parseBackground, shippedBackground } from '../../src/search/background.ts';

const background = { articles: 10000, frequency: new Map([['ly_hon', 400], ['bau_cu', 20], ['quy_dinh', 5000]]) };

describe('background of other laws', () => {
  it('weighs a word typical of other laws for another topic, one typical of the corpus against, one seen nowhere not at all', () => {
    // A corpus of 700 passages: "bầu cử" in 300 of them, "ly hôn" in none.
    expect(backgroundRatio(background, 0, 700, 'ly_hon')).toBeGreaterThan(1);
    expect(backgroundRatio(background, 300, 700, 'bau_cu')).toBeLessThan(-3);
    expect(backgroundRatio(background, 0, 700, 'hnay')).toBe(0);
  });

  it('sums the log ratios as naive-Bayes log odds and keeps the extremes', () => {
    expect(backgroundEvidence([3, -1, 0.5])).toEqual({ sum: 2.5, max: 3, min: -1, share: 1 / 3 });
    expect(backgroundEvidence([])).toEqual({ sum: 0, max: 0, min: 0, share: 0 });
  });

  it('round-trips its table, and refuses one without its header', () => {
    expect(parseBackground(formatBackground(background))).toEqual(background);
    expect(() => parseBackground('ly_hon\t3\n')).toThrow(/first line/);
  });

  it('ships a table in which family-law words are far more common than in election law', () => {
    const shipped = shippedBackground();
    expect(shipped.articles).toBeGreaterThan(1000);
    expect(shipped.frequency.get('ly_hon') ?? 0).toBeGreaterThan(shipped.frequency.get('bau_cu') ?? 0);
  });
});
