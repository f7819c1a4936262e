import { describe, expect, it } from 'vitest';
import { splitClauses, tellsSituation, withoutHandlingAsked } from '../../src/text/clauses.ts';

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

  it('ends no sentence at a full stop before a figure ("No. 1", "15.3")', () => {
    expect(asking('Ket qua don vi so. 1 nam 2021? Toi o Ha Noi.')).toEqual([
      ['Ket qua don vi so. 1 nam 2021?', true],
      ['Toi o Ha Noi.', false],
    ]);
    expect(splitClauses('Results for constituency No. 1 in 2026?', 'en')).toEqual([{ text: 'Results for constituency No. 1 in 2026?', asking: true }]);
  });

  it('reads a question with no words of its own ("… thì sao") as asking about its sentence, not the story before it', () => {
    for (const [story, asked, then] of [
      ['Tôi vừa nghỉ việc ở công ty.', 'đơn vị bầu 3 người mà mình để lại 4 tên', 'thì sao'],
      ['toi vua nghi viec o cong ty.', 'don vi bau 3 nguoi ma minh de lai 4 ten', 'thi sao'],
    ]) {
      expect(asking(`${story} ${asked} ${then}`)).toEqual([
        [story, false],
        [asked, true],
        [then, true],
      ]);
    }
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

  it('reads "bao" as asking only in "bao nhiêu", "bao giờ", "bao lâu": typed without marks it is also "bảo", "báo"', () => {
    expect(asking('bo toi nam vien, bao hiem y te chi tra mot phan, bo toi co di bau duoc khong').map(([, a]) => a)).toEqual([false, false, true]);
    expect(asking('xa da thong bao lich roi, bau cu bao gio ket thuc').map(([, a]) => a)).toEqual([false, true]);
    expect(asking('bao nhiu tuoi thi dc di bau')[0]?.[1]).toBe(true);
    expect(asking('em dang lam bao ve, bao h thi bau')).toEqual([
      ['em dang lam bao ve,', false],
      ['bao h thi bau', true],
    ]);
  });

  it('reads a sentence closed by a full stop as telling, in a message that asks with a question mark', () => {
    // "mấy năm trước" is "a few years ago" in a statement, not a question of how many.
    expect(asking('Hàng xóm bảo không được. Nhưng tôi thấy mấy năm trước vẫn có người làm. Luật quy định thế nào?')).toEqual([
      ['Hàng xóm bảo không được.', false],
      ['Nhưng tôi thấy mấy năm trước vẫn có người làm.', false],
      ['Luật quy định thế nào?', true],
    ]);
    // Without a question mark, the full stop says nothing of who asks.
    expect(asking('Tôi thấy mấy năm trước vẫn có người làm. Luật quy định thế nào.').map(([, a]) => a)).toEqual([true, true]);
  });

  it('splits "X thì Y" when X tells the asker\'s situation and Y asks, as if a comma stood before "thì"', () => {
    expect(asking('Con trai tôi đang đi nghĩa vụ quân sự thì nó bầu ở đâu?')).toEqual([
      ['Con trai tôi đang đi nghĩa vụ quân sự', false],
      ['thì nó bầu ở đâu?', true],
    ]);
    // A topic before "thì" that tells no one's situation stays what is asked.
    expect(asking('Viết sai phiếu bầu thì phải làm sao?')).toEqual([['Viết sai phiếu bầu thì phải làm sao?', true]]);
  });

  it('reads "thi" typed without marks as "thì" where no word beside it makes it "thị" or "thi"', () => {
    expect(asking('con trai toi di nghia vu quan su thi bau o dau')).toEqual([
      ['con trai toi di nghia vu quan su', false],
      ['thi bau o dau', true],
    ]);
    // "chỉ thị", a family name's "Thị", "thi hành": a compound, not a condition.
    expect(asking('em doc chi thi 05 thi thay gi')).toEqual([
      ['em doc chi thi 05', false],
      ['thi thay gi', true],
    ]);
    expect(asking('ba nguyen thi mai nha em co duoc bau khong')).toEqual([['ba nguyen thi mai nha em co duoc bau khong', true]]);
    expect(asking('toi dang cho thi hanh an co duoc bau khong')).toEqual([['toi dang cho thi hanh an co duoc bau khong', true]]);
  });

  it('reads an English clause as asking when it opens with an interrogative or an auxiliary, after "and" too', () => {
    const english = (text: string) => splitClauses(text, 'en').map((c) => [c.text.trim(), c.asking]);
    expect(english('What was the turnout in the referendum, and why did Leave win?')).toEqual([
      ['What was the turnout in the referendum,', true],
      ['and why did Leave win?', true],
    ]);
    expect(english("I'm a citizen living in Germany. If I fly home a week before, can I still vote?")).toEqual([
      ["I'm a citizen living in Germany.", false],
      ['If I fly home a week before,', false],
      ['can I still vote?', true],
    ]);
    // Vietnamese typed without marks is not read as English: "do" is "do" (because), "can" is "cần".
    expect(asking('do thien tai, can lam gi de bau')).toEqual([
      ['do thien tai,', false],
      ['can lam gi de bau', true],
    ]);
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

describe('tellsSituation', () => {
  it('finds the asker or their people in a message, typed with diacritics, without, or in English', () => {
    for (const text of ['vợ em đang đẻ ở viện', 'bà ngoại 90 tuổi đi không nổi', 'tay ba e run gach ko thang', 'toi lam ca dem', 'ba ngoai 90 tuoi di khong noi', 'my son turns 18 in April 2026', "my cousin's in compulsory rehab", 'I drew a heart next to a name']) {
      expect(tellsSituation(text), text).toBe(true);
    }
  });

  it('finds a reply to what was said by its closing particle', () => {
    expect(tellsSituation('bi chuot gam nat luon roi')).toBe(true);
    expect(tellsSituation('xã làm lơ cả tuần nay rồi')).toBe(true);
  });

  it('reads a keyword query as naming a topic, not telling a situation', () => {
    for (const text of ['thủ tục ly hôn', 'thu tuc lam ho chieu', 'ket qua bong da toi qua', 'minimum age to vote', 'han khieu nai danh sach cu tri', 'bau cu o tp Ho Chi Minh', 'bau cu tong thong my', 'bau cu o my nam nay', 'hòm phiếu phụ', 'to bau cu gom nhung ai']) {
      expect(tellsSituation(text), text).toBe(false);
    }
  });
});

describe('withoutHandlingAsked', () => {
  it('drops a "xử lý" that asks how something is handled, and keeps the sanction "bị xử lý" asks', () => {
    expect(withoutHandlingAsked('Đang bỏ phiếu thì mất điện, tổ bầu cử xử lý thế nào?')).toBe('Đang bỏ phiếu thì mất điện, tổ bầu cử thế nào?');
    expect(withoutHandlingAsked('phieu chua dung thi to xu ly ra sao')).toBe('phieu chua dung thi to ra sao');
    for (const q of ['Gian lận bầu cử bị xử lý thế nào?', 'mua phieu bau bi xu ly sao', 'Xử lý vi phạm về bầu cử ra sao?']) expect(withoutHandlingAsked(q), q).toBe(q);
  });
});
