import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../src/text/clauses.ts';

const asking = (text: string) => splitClauses(text).map((c) => [c.text.trim(), c.asking]);

describe('splitClauses', () => {
  it('tells the clauses that ask from those that tell the situation', () => {
    expect(asking('bà nội em 85 tuổi, bị liệt nằm một chỗ, hôm đó có ai mang thùng phiếu tới nhà không')).toEqual([
      ['bà nội em 85 tuổi,', false],
      ['bị liệt nằm một chỗ,', false],
      ['hôm đó có ai mang thùng phiếu tới nhà không', true],
    ]);
    expect(asking('co di bau som duoc khong, hom do em ban')).toEqual([
      ['co di bau som duoc khong,', true],
      ['hom do em ban', false],
    ]);
  });

  it('reads "không" as a question only at the end of a clause, before particles', () => {
    expect(asking('em không có thẻ cử tri, đi bầu được không vậy')).toEqual([
      ['em không có thẻ cử tri,', false],
      ['đi bầu được không vậy', true],
    ]);
  });

  it('reads "ai" as a question word, except in "ai cũng" (everyone)', () => {
    expect(asking('giấy mời đi bầu ai phát vậy, bao giờ mới có')).toEqual([
      ['giấy mời đi bầu ai phát vậy,', true],
      ['bao giờ mới có', true],
    ]);
    expect(asking('xã em ai cũng bầu xong rồi, kết thúc sớm được không')[0]?.[1]).toBe(false);
  });

  it('tells question words from their look-alikes when typed with diacritics ("đâu" from "đau", "bao" from "báo")', () => {
    for (const text of ['bà em ốm đau nằm viện lâu rồi, có bầu ở viện được không', 'mẹ tôi đã báo với tổ trưởng, vậy có được bầu hộ không']) {
      expect(splitClauses(text).map((c) => c.asking)).toEqual([false, true]);
    }
  });

  it('keeps a list of words in one clause', () => {
    expect(asking('Khiếu nại, tố cáo về bầu cử được giải quyết thế nào?')).toEqual([['Khiếu nại, tố cáo về bầu cử được giải quyết thế nào?', true]]);
  });

  it('counts every clause as asking when none asks, or when there is one', () => {
    expect(asking('bầu cử hôm nay, ứng cử ngày mai')).toEqual([
      ['bầu cử hôm nay,', true],
      ['ứng cử ngày mai', true],
    ]);
    expect(asking('Ngày bầu cử là ngày nào?')).toEqual([['Ngày bầu cử là ngày nào?', true]]);
  });
});
