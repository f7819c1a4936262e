import { describe, expect, it } from 'vitest';
import { abbreviationsOf, BLOCK_FEATURES, blockScore, checkedQuotingWeights, handQuotingWeights, scoreBlocks, shippedQuotingWeights, type QuoteRequest, type ScoredBlock } from '../../src/search/blocks.ts';

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
    const heading = BLOCK_FEATURES.indexOf('heading');
    expect(first.x[heading]).toBeCloseTo(0.75);
    expect(second.x[heading]).toBeCloseTo(0.75);
    expect(after.x[heading]).toBe(0);
    // Weighed by hand, the clause holding more of the question leads.
    const hand = scoreBlocks(passage, { ...request, quoting: handQuotingWeights() }, 12).blocks;
    expect(hand[1]?.score).toBeGreaterThan(hand[0]?.score as number);
  });
});

describe("a block's features", () => {
  const word = (w: string) => ({ alternatives: [[w]], weight: 1, phrase: false });
  // "Bỏ phiếu bắt đầu lúc mấy giờ?"
  const request: QuoteRequest = { terms: { concepts: [word('bo'), word('phieu'), word('bat'), word('dau')], pairs: ['bo_phieu', 'bat_dau'] }, answerType: 'time', focus: null, counted: null, years: [] };
  const passage = { text: 'Việc bỏ phiếu bắt đầu từ 7 giờ sáng. Cử tri mang theo thẻ cử tri khi đi bỏ phiếu.', section: null };
  const feature = (b: ScoredBlock | undefined, name: (typeof BLOCK_FEATURES)[number]) => b?.x[BLOCK_FEATURES.indexOf(name)];

  it('tell the words and pairs held, the answer asked for, the place and the length', () => {
    const [first, second] = scoreBlocks(passage, request, 60).blocks;
    expect([feature(first, 'words'), feature(first, 'pairs'), feature(first, 'answer'), feature(first, 'first'), feature(first, 'position')]).toEqual([1, 1, 1, 1, 1]);
    expect([feature(second, 'words'), feature(second, 'pairs'), feature(second, 'answer'), feature(second, 'first'), feature(second, 'position')]).toEqual([0.5, 0.5, 0, 0, 0.5]);
    expect(feature(first, 'length')).toBeCloseTo(9 / 60);
  });

  it('are weighed into the score by the weights asked for, the shipped ones by default', () => {
    const only = (name: string) => ({ features: [...BLOCK_FEATURES], weights: BLOCK_FEATURES.map((f) => (f === name ? 1 : 0)) });
    const [first, second] = scoreBlocks(passage, { ...request, quoting: only('length') }, 60).blocks;
    expect(first?.score).toBeCloseTo(feature(first, 'length') as number);
    expect(second?.score).toBeGreaterThan(first?.score as number);
    const shipped = scoreBlocks(passage, request, 60).blocks[0] as ScoredBlock;
    expect(shipped.score).toBeCloseTo(blockScore(shippedQuotingWeights(), shipped.x));
  });

  it('weigh, by hand, the mean of words and pairs held, 1 for the answer asked for and ½ for its focus', () => {
    const [first, second] = scoreBlocks(passage, { ...request, quoting: handQuotingWeights() }, 60).blocks;
    expect(first?.score).toBeCloseTo(2);
    expect(second?.score).toBeCloseTo(second?.overlap as number);
  });

  it('ship as a weight per feature, and a file that does not match them is refused', () => {
    const shipped = shippedQuotingWeights();
    expect(checkedQuotingWeights(shipped)).toBe(shipped);
    expect(() => checkedQuotingWeights({ ...shipped, features: ['words'] })).toThrow(/npm run fit/);
    expect(() => checkedQuotingWeights({ ...shipped, weights: shipped.weights.map(() => Number.NaN) })).toThrow(/npm run fit/);
  });
});
