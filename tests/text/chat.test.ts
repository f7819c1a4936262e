import { describe, expect, it } from 'vitest';
import { expandChatSpelling } from '../../src/text/chat.ts';

describe('expandChatSpelling', () => {
  it('writes out chat abbreviations, with diacritics when the question has them', () => {
    expect(expandChatSpelling('mình ko biết chữ thì nhờ ng khác viết phiếu hộ dc ko')).toBe('mình không biết chữ thì nhờ người khác viết phiếu hộ được không');
    expect(expandChatSpelling('Tôi 17 tuổi có đi bầu đc k')).toBe('Tôi 17 tuổi có đi bầu được không');
  });

  it('keeps a question typed without diacritics diacritic-free, so it is matched that way throughout', () => {
    expect(expandChatSpelling('bau cu co bn nguoi dc bau, hoi j z')).toBe('bau cu co bao nhieu nguoi duoc bau, hoi gi vay');
  });

  it('writes out "hnay", "mn" and other shorthand for days and people', () => {
    expect(expandChatSpelling('hnay mn đi bầu chưa')).toBe('hôm nay mọi người đi bầu chưa');
  });

  it('writes out the shorthand of students, workers abroad and papers ("sv", "ktx", "xkld", "gcn")', () => {
    expect(expandChatSpelling('sv o ktx thi bau o dau')).toBe('sinh vien o ky tuc xa thi bau o dau');
    expect(expandChatSpelling('tui đi xklđ về, xin gcn ở đâu')).toBe('tôi đi xuất khẩu lao động về, xin giấy chứng nhận ở đâu');
  });

  it('leaves "mn" that addresses the readers as typed, ending a sentence or before "ơi": it asks nothing of them', () => {
    for (const q of ['bao nhiu tuoi thi dc ra ung cu vay mn', 'có ai biết không mn?', 'mn oi, bau cu luc may gio', 'cho hỏi mn ơi bầu mấy giờ?']) expect(expandChatSpelling(q), q).toMatch(/\bmn\b/);
  });

  it('drops a closing "a", "ah", "ak" or "ha" typed without marks ("ạ", "à", "hả"), but not a point of the law or hectares', () => {
    expect(expandChatSpelling('ba noi em khong biet chu thi viet phieu kieu gi a?')).toBe('ba noi em khong biet chu thi viet phieu kieu gi ?');
    expect(expandChatSpelling('bau o dau ha. con the cu tri thi sao ak')).toBe('bau o dau . con the cu tri thi sao ');
    for (const q of ['dieu 74 khoan 1 diem a', 'Điều 74 khoản 1 điểm a?', 'dien tich 3 ha', 'a. ai duoc bau']) expect(expandChatSpelling(q), q).toBe(q);
  });

  it('leaves codes, abbreviations with a point and capitalised words alone', () => {
    expect(expandChatSpelling('Kế hoạch 153-KH/TU và khoản k.4, KO')).toBe('Kế hoạch 153-KH/TU và khoản k.4, KO');
  });
  it('writes out times as phones type them, not codes', () => {
    expect(expandChatSpelling('7h toi con xep hang thi co dong hom ko')).toBe('7 gio toi con xep hang thi co dong hom khong');
    expect(expandChatSpelling('mấy h thì hết được bầu, đến 19h30 à')).toBe('mấy giờ thì hết được bầu, đến 19 giờ 30 à');
    expect(expandChatSpelling('Mẫu số 12h/HĐBC')).toBe('Mẫu số 12h/HĐBC');
  });
  it('writes out ages as phones type them, not codes or large numbers', () => {
    expect(expandChatSpelling('18t bau dc chua')).toBe('18 tuoi bau duoc chua');
    expect(expandChatSpelling('bà tôi 92t có được bầu tại nhà ko')).toBe('bà tôi 92 tuổi có được bầu tại nhà không');
    expect(expandChatSpelling('Mẫu 12t/HĐBC, lô 500t')).toBe('Mẫu 12t/HĐBC, lô 500t');
  });
  it('writes "v" closing a sentence, or before a closing "mn" or "ad", as "vậy", and leaves it alone elsewhere ("về")', () => {
    expect(expandChatSpelling('1 nguoi dc may la phieu v mn')).toBe('mot nguoi duoc may la phieu vay mn');
    expect(expandChatSpelling('bau cu luc may gio v?')).toBe('bau cu luc may gio vay?');
    expect(expandChatSpelling('di v que bau co dc ko')).toBe('di v que bau co duoc khong');
  });
  it('writes "1" before a word as "một", a count of one and no topic, unless it names an article, a day or a group', () => {
    expect(expandChatSpelling('1 nguoi dc may la phieu')).toBe('mot nguoi duoc may la phieu');
    expect(expandChatSpelling('1 người có được ứng cử cùng lúc ở 2 nơi không?')).toBe('một người có được ứng cử cùng lúc ở 2 nơi không?');
    for (const named of ['khoản 1 Điều 2 nói gì', 'ngày 1/7 có hiệu lực', 'tổ 1 có mấy người', 'Lương tối thiểu vùng 1 năm 2025', 'Chỉ thị 1-CT/TU', 'Can 1 person vote twice?'])
      expect(expandChatSpelling(named), named).toBe(named);
  });
});
