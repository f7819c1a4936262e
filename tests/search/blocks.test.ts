import { describe, expect, it } from 'vitest';
import { abbreviationsOf, scoreBlocks, type QuoteRequest } from '../../src/search/blocks.ts';

const pair = (a: string, b: string) => ({ alternatives: [[a, b]], weight: 1, phrase: true });

describe('abbreviationsOf', () => {
  it("reads the synonym table's one-word capitals as abbreviations of their phrase, keyed without diacritics", () => {
    const synonyms = { 'đại biểu Quốc hội': ['ĐBQH'], 'Hội đồng nhân dân': ['HĐND'], 'cấp xã': ['cấp phường', 'HĐND phường'] };
    expect(abbreviationsOf(synonyms)).toEqual({ dbqh: 'đại biểu Quốc hội', hdnd: 'Hội đồng nhân dân' });
  });
});

describe('scoreBlocks', () => {
  // "Quốc hội có bao nhiêu đại biểu?": its words, in another order than the phrase the abbreviation stands for.
  const request: QuoteRequest = { terms: { concepts: [pair('quoc', 'hoi'), pair('dai', 'bieu')], pairs: [] }, answerType: 'number', focus: null, counted: null, years: [] };
  const passage = { text: 'Tổng số ĐBQH không quá 500 người. Kết quả được công bố sau ngày bầu cử.', section: null };

  it('counts an abbreviation in a passage as the words it stands for', () => {
    const without = scoreBlocks(passage, request, 60).blocks[0];
    const withTable = scoreBlocks(passage, { ...request, abbreviations: { dbqh: 'đại biểu Quốc hội' } }, 60).blocks[0];
    expect(without?.overlap).toBe(0);
    expect(withTable?.overlap).toBe(1);
    // Holding the question's words, its count now answers: a count of nothing asked did not.
    expect(withTable?.answers).toEqual(['500']);
    expect(withTable?.score).toBeGreaterThan(without?.score as number);
  });
});
