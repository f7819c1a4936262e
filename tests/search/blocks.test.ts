import { describe, expect, it } from 'vitest';
import { abbreviationsOf, scoreBlocks, type QuoteRequest, type ScoredBlock } from '../../src/search/blocks.ts';

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

describe("a guide section's opening", () => {
  const word = (w: string) => ({ alternatives: [[w]], weight: 1, phrase: false });
  // "tự ứng cử thì nộp hồ sơ ở đâu": the heading asks it, the opening sentence answers it in its second clause.
  const request: QuoteRequest = { terms: { concepts: [word('tu'), word('nop'), word('ho'), word('so')], pairs: [] }, answerType: null, focus: null, counted: null, years: [] };
  const passage = {
    text: 'Người do trung ương giới thiệu nộp hồ sơ tại Hội đồng bầu cử quốc gia; người tự ứng cử nộp hồ sơ tại Ủy ban bầu cử ở tỉnh. Hồ sơ gồm nhiều giấy tờ khác.',
    section: 'Nộp hồ sơ ở đâu?',
  };

  it('earns the heading its section asks for every clause of the opening sentence, not its first only', () => {
    const { blocks } = scoreBlocks(passage, request, 12);
    expect(blocks.map((b) => b.text.slice(0, 12))).toEqual(['Người do tru', 'người tự ứng', 'Hồ sơ gồm nh']);
    const [first, second, after] = blocks as [ScoredBlock, ScoredBlock, ScoredBlock];
    expect(second.score).toBeGreaterThan(first.score);
    expect(second.score - second.overlap).toBeCloseTo(first.score - first.overlap);
    expect(after.score).toBe(after.overlap);
  });
});
