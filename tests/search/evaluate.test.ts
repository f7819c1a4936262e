import { describe, expect, it } from 'vitest';
import { opensWith, quotes, scoreGroup, type EvalResult, type Retrieval } from '../../src/search/index.ts';

const hitsOf = (docs: string[]) => docs.map((id) => ({ document: { id } }));
// The ranking found `ranked` (by default what was cited); the decision cited `docs`, or nothing.
const retrieval = (outcome: Retrieval['outcome'], docs: string[], ranked = docs, topics: string[] = []) =>
  ({ outcome, hits: hitsOf(docs), ranked: hitsOf(ranked), topics: topics.map((docId) => ({ docId })) }) as unknown as Retrieval;

describe('scoreGroup', () => {
  it('counts hits, refusals and the replies that quote the answering words', () => {
    const results: EvalResult[] = [
      { item: { question: 'a', expect: ['x'], group: 'g', answer: 'từ 7 giờ sáng' }, retrieval: retrieval('answered', ['y', 'x']), reply: 'Bỏ phiếu bắt đầu TỪ 7 GIỜ  sáng.' },
      { item: { question: 'b', expect: ['x'], group: 'g', answer: 'đủ 18 tuổi' }, retrieval: retrieval('answered', ['x']), reply: 'Công dân đủ mười tám tuổi.' },
      { item: { question: 'c', expect: ['x'], group: 'g' }, retrieval: retrieval('no_match', []), reply: 'Xin lỗi.' },
      { item: { question: 'd', expect: [], group: 'g' }, retrieval: retrieval('answered', ['x']), reply: '…' },
    ];
    const score = scoreGroup('g', results);
    expect(score.hitAt1).toBeCloseTo(1 / 3);
    expect(score.hitAt3).toBeCloseTo(2 / 3);
    expect(score.wronglyDeclined).toBe(1);
    expect(score.refusalRate).toBe(0);
    expect(score.quoted).toBe(0.5);
    expect(score.quotedFirst).toBe(0);
  });

  it('counts a reply whose first quote opens with the answering words, not one quoting them later or elsewhere', () => {
    const answer = 'từ 7 giờ sáng';
    const lead = `Theo luật hiện hành:\n\n[1] «Bỏ phiếu bắt đầu từ 7 giờ sáng.»`;
    const late = `[1] «${'Câu khác nói chuyện khác. '.repeat(10)}Bỏ phiếu bắt đầu từ 7 giờ sáng.»`;
    const second = '[1] «Câu khác.» [2] «Bỏ phiếu bắt đầu từ 7 giờ sáng.»';
    expect([lead, late, second].map((reply) => opensWith(reply, answer))).toEqual([true, false, false]);
    const results: EvalResult[] = [lead, late].map((reply) => ({ item: { question: 'a', expect: ['x'], group: 'g', answer }, retrieval: retrieval('answered', ['x']), reply }));
    expect(scoreGroup('g', results)).toMatchObject({ quoted: 1, quotedFirst: 0.5 });
  });

  it('scores the ranking alone beside the decision, and the first topic of "not sure" replies', () => {
    const results: EvalResult[] = [
      { item: { question: 'a', expect: ['x'], group: 'g' }, retrieval: retrieval('answered', ['x']) },
      { item: { question: 'b', expect: ['x'], group: 'g' }, retrieval: retrieval('not_sure', [], ['y', 'x'], ['x']) },
      { item: { question: 'c', expect: ['x'], group: 'g' }, retrieval: retrieval('not_sure', [], ['y'], ['y']) },
      { item: { question: 'd', expect: ['x'], group: 'g' }, retrieval: retrieval('no_match', [], ['z', 'w', 'v', 'x']) },
    ];
    const score = scoreGroup('g', results);
    expect(score.hitAt3).toBe(0.25);
    expect(score.rawHitAt3).toBe(0.5);
    expect(score.notSure).toBe(2);
    expect(score.topicHit).toBe(0.5);
    expect(score.wronglyDeclined).toBe(3);
  });

  it('compares quotes regardless of case, spacing and tone-mark placement', () => {
    expect(quotes('Ủy ban bầu cử', 'uỷ  ban')).toBe(true);
    expect(quotes('Ủy ban bầu cử', 'ủy hội')).toBe(false);
  });
});
