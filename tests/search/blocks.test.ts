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

describe("a law article's opening", () => {
  const word = (w: string) => ({ alternatives: [[w]], weight: 1, phrase: false });
  // "Biên bản gửi chậm nhất mấy ngày?": the article's title holds the question's words, its second sentence the deadline.
  const request: QuoteRequest = { terms: { concepts: [word('bien'), word('ban'), word('gui')], pairs: [] }, answerType: 'number', focus: null, counted: 'ngay', years: [] };
  const text = 'Biên bản xác định kết quả bầu cử được lập thành bốn bản. Biên bản được gửi đi chậm nhất là 05 ngày sau ngày bầu cử.';

  it('earns nothing from a title that names a subject, which a heading asking a question does', () => {
    const law = scoreBlocks({ text, section: 'Điều 77. Biên bản xác định kết quả bầu cử' }, request, 60).blocks;
    const guide = scoreBlocks({ text, section: 'Biên bản gửi đi khi nào?' }, request, 60).blocks;
    expect((guide[0]?.score as number) - (law[0]?.score as number)).toBeGreaterThan(0);
    expect(law[1]?.score).toBe(guide[1]?.score);
    // Under the title, the sentence with the count of days asked leads.
    expect(law[1]?.score).toBeGreaterThan(law[0]?.score as number);
  });

  it('earns nothing from a heading asking another kind of question: where, or a time of day, for a question asking how many days', () => {
    const law = scoreBlocks({ text, section: 'Điều 77. Biên bản xác định kết quả bầu cử' }, request, 60).blocks;
    for (const section of ['Biên bản gửi đi ở đâu?', 'Mấy giờ thì gửi biên bản?'])
      expect(scoreBlocks({ text, section }, request, 60).blocks.map((b) => b.score), section).toEqual(law.map((b) => b.score));
    // A question asking the time of day earns nothing from a heading asking when (a date): its opening answers that.
    const atTime: QuoteRequest = { ...request, answerType: 'time', counted: null };
    const whenHeaded = scoreBlocks({ text, section: 'Biên bản gửi đi khi nào?' }, atTime, 60).blocks;
    expect(whenHeaded.map((b) => b.score)).toEqual(scoreBlocks({ text, section: 'Điều 77. Biên bản xác định kết quả bầu cử' }, atTime, 60).blocks.map((b) => b.score));
  });
});

describe('answers heard from questions like it', () => {
  const word = (w: string) => ({ alternatives: [[w]], weight: 1, phrase: false });
  // "Điểm bỏ phiếu thường đặt ở đâu?": both sentences name a place; questions like it were answered by the second.
  const request: QuoteRequest = { terms: { concepts: [word('noi'), word('bo'), word('phieu')], pairs: [] }, answerType: null, focus: 'place', counted: null, years: [] };
  const passage = { text: 'Tổ bầu cử thông báo nơi bỏ phiếu qua loa phát thanh. Nơi bỏ phiếu được chọn cho thuận tiện, như nhà văn hóa, trường học.', section: null };

  it('raise the block that holds them by their share, and only that block', () => {
    const alone = scoreBlocks(passage, request, 60).blocks;
    const heard = scoreBlocks(passage, { ...request, heard: [{ answer: 'như nhà văn hóa, trường học', weight: 0.6 }, { answer: 'qua đường bưu điện', weight: 0.4 }] }, 60).blocks;
    expect(alone[0]?.score).toBeGreaterThanOrEqual(alone[1]?.score as number);
    expect(heard[0]?.score).toBe(alone[0]?.score);
    expect((heard[1]?.score as number) - (alone[1]?.score as number)).toBeCloseTo(2 * 0.6);
    expect(heard[1]?.score).toBeGreaterThan(heard[0]?.score as number);
  });
});

describe('a count of something else', () => {
  const word = (w: string, weight = 1) => ({ alternatives: [[w]], weight, phrase: false });
  // "tự đi bầu được phát mấy lá phiếu": one sentence counts people and holds more of the question, the other counts
  // ballots ("phiếu", a common word, weighs less).
  const request: QuoteRequest = { terms: { concepts: [word('tu'), word('di'), word('bau'), word('phieu', 0.5)], pairs: [] }, answerType: 'number', focus: null, counted: 'phieu', years: [] };
  const passage = { text: 'Mỗi cử tri phải tự mình đi bầu, không có một người đi bầu hộ cả nhà. Mỗi cử tri nhận 3 lá phiếu.', section: null };

  it('answers a "how many" question less than a count of what it counts', () => {
    const [people, ballots] = scoreBlocks(passage, request, 60).blocks as [ScoredBlock, ScoredBlock];
    expect(people.answers).toEqual(['một']);
    expect(people.overlap).toBeGreaterThan(ballots.overlap);
    expect(ballots.score).toBeGreaterThan(people.score);
    // Asked for no particular thing, any count answers in full.
    const [anyPeople] = scoreBlocks(passage, { ...request, counted: null }, 60).blocks as [ScoredBlock];
    expect(anyPeople.score - anyPeople.overlap).toBeCloseTo(1);
  });
});

describe('a list its sentence introduces', () => {
  const word = (w: string) => ({ alternatives: [[w]], weight: 1, phrase: false });
  // "những ai không được ghi tên": the sentence answers with all its items, none of which answers alone.
  const request: QuoteRequest = { terms: { concepts: [word('ghi'), word('ten')], pairs: [] }, answerType: null, focus: null, counted: null, years: [] };
  const items = 'người đang bị tước quyền bầu cử; người bị kết án tử hình đang chờ thi hành án; người mất năng lực hành vi dân sự';

  it('stays one block when longer than the room, up to twice it; a long sentence without a lead-in is cut at ";"', () => {
    const listed = scoreBlocks({ text: `Có ba trường hợp không được ghi tên: ${items}.`, section: null }, request, 20).blocks;
    expect(listed.map((b) => b.text)).toEqual([`Có ba trường hợp không được ghi tên: ${items}.`]);
    const plain = scoreBlocks({ text: `Có ba trường hợp không được ghi tên, ${items}.`, section: null }, request, 20).blocks;
    expect(plain.length).toBeGreaterThan(1);
    // Cut, each clause keeps its whole sentence as its source: the citation closing it is what the answer rests on.
    const cut = scoreBlocks({ text: `Có ba trường hợp: ${items} (Điều 30 khoản 1).`, section: null }, request, 12).blocks;
    expect(cut.length).toBeGreaterThan(1);
    for (const block of cut) expect(block.source).toMatch(/\(Điều 30 khoản 1\)\.$/);
  });
});
