import { describe, expect, it } from 'vitest';
import { HeadingMatcher, headingOf, syllablesAndPairs } from '../../src/search/headings.ts';

const HEADINGS = [
  'Ai không được ghi tên vào danh sách cử tri?',
  'Tên tôi được ghi vào danh sách cử tri ở đâu?',
  'Làm sao biết tên mình có trong danh sách cử tri?',
  'Mấy giờ thì bắt đầu bỏ phiếu?',
  'Bỏ phiếu đến mấy giờ thì kết thúc?',
  'Khu vực bỏ phiếu',
];
const matcher = new HeadingMatcher(HEADINGS);
const best = (question: string) => {
  const asked = matcher.weigh(question);
  return [...HEADINGS].sort((a, b) => matcher.match(b, asked) - matcher.match(a, asked))[0];
};

describe('headingMatch', () => {
  it('reads syllables and their pairs without diacritics or case', () => {
    expect([...syllablesAndPairs('Ở đâu?')]).toEqual(['o', 'dau', 'o_dau']);
  });

  it('tells apart the headings of one topic by the question words a topic match drops', () => {
    expect(best('những ai không được ghi tên vào danh sách cử tri')).toBe('Ai không được ghi tên vào danh sách cử tri?');
    expect(best('nhung ai khong duoc ghi ten vao danh sach cu tri vay')).toBe('Ai không được ghi tên vào danh sách cử tri?');
    expect(best('ghi tên vào danh sách cử tri ở đâu vậy')).toBe('Tên tôi được ghi vào danh sách cử tri ở đâu?');
    expect(best('mấy giờ kết thúc bỏ phiếu')).toBe('Bỏ phiếu đến mấy giờ thì kết thúc?');
    expect(best('mấy giờ bắt đầu bỏ phiếu')).toBe('Mấy giờ thì bắt đầu bỏ phiếu?');
  });

  it('is 1 for the heading itself, 0 for nothing shared or nothing asked', () => {
    const heading = HEADINGS[3] as string;
    expect(matcher.match(heading, matcher.weigh(heading))).toBeCloseTo(1);
    expect(matcher.match(heading, matcher.weigh('hộ nghèo'))).toBe(0);
    expect(matcher.match(heading, matcher.weigh(''))).toBe(0);
  });

  it('weighs a word many headings use less than one that sets a heading apart', () => {
    // "phiếu" is in three headings, "ai" in one.
    expect(matcher.weigh('ai').total).toBeGreaterThan(matcher.weigh('phiếu').total);
  });

  it('reads a law article by its title and a guide passage by its section', () => {
    expect(headingOf({ section: 'Điều 11. Khu vực bỏ phiếu', law: { title: 'Khu vực bỏ phiếu' } as never })).toBe('Khu vực bỏ phiếu');
    expect(headingOf({ section: 'Mấy giờ thì bắt đầu bỏ phiếu?', law: undefined })).toBe('Mấy giờ thì bắt đầu bỏ phiếu?');
    expect(headingOf({ section: null, law: undefined })).toBeNull();
  });
});
