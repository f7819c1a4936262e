import { describe, expect, it } from 'vitest';
import { cleanQuestion, foldDiacritics, normalizeText, sentences, stripDiacritics, typedSentences } from '../../src/text/normalize.ts';
import { extractTerms } from '../../src/text/terms.ts';

describe('normalizeText', () => {
  it.each([
    ['Uỷ ban', 'Ủy ban'],
    ['khoá XV', 'khóa XV'],
    ['hoà bình', 'hòa bình'],
    ['Thuỷ', 'Thủy'],
    ['hoè', 'hòe'],
  ])('puts the tone mark of %s where %s has it', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('leaves syllables whose tone placement is not in doubt alone', () => {
    for (const word of ['quý', 'Hoàng', 'khuya', 'thuế', 'quả']) expect(normalizeText(word)).toBe(word);
  });

  it('composes decomposed input to NFC', () => {
    expect(normalizeText('bầu cử'.normalize('NFD'))).toBe('bầu cử'.normalize('NFC'));
  });
});

describe('foldDiacritics', () => {
  it('lower-cases and removes marks, đ included, keeping length', () => {
    const text = 'Chỉ thị số 05-CT/TW của Đảng';
    expect(foldDiacritics(text)).toBe('chi thi so 05-ct/tw cua dang');
    expect(foldDiacritics(text)).toHaveLength(text.length);
  });

  it('stripDiacritics keeps case', () => {
    expect(stripDiacritics('Bầu cử ĐBQH')).toBe('Bau cu DBQH');
  });
});

describe('sentences', () => {
  it('splits at full stops but not after "TP."', () => {
    expect(sentences('Thành ủy TP. Bến Tre họp. Hội nghị kết thúc!')).toEqual(['Thành ủy TP. Bến Tre họp.', 'Hội nghị kết thúc!']);
  });

  it('splits a message typed on a phone where a sentence opens in lower case, still not after "tp."', () => {
    expect(typedSentences('me toi o tp. hcm. toi la con, muon xem kiem phieu. toi co duoc vao xem khong?')).toEqual(['me toi o tp. hcm.', 'toi la con, muon xem kiem phieu.', 'toi co duoc vao xem khong?']);
    // Nor after an address typed short: "q.", "tx.", "p.".
    expect(typedSentences('em hỏi chút. năm 2021 ở tx. sơn tây, q. 3 có bao nhiêu cử tri?')).toEqual(['em hỏi chút.', 'năm 2021 ở tx. sơn tây, q. 3 có bao nhiêu cử tri?']);
  });

  it('ends a sentence at a word that merely ends in an abbreviation\'s letters after a marked vowel ("Hiệp.", "mình.")', () => {
    expect(typedSentences('Năm 2019 tôi tạm trú ở phường Tân Đông Hiệp. Lần này tôi có được bầu ở đây không?')).toEqual([
      'Năm 2019 tôi tạm trú ở phường Tân Đông Hiệp.',
      'Lần này tôi có được bầu ở đây không?',
    ]);
    expect(sentences('Cử tri phải tự mình. Bầu cử bí mật.')).toEqual(['Cử tri phải tự mình.', 'Bầu cử bí mật.']);
  });

  it('opens a sentence at a law clause number starting a line, whatever ends the line before it', () => {
    const article = ['Vận động bằng các hình thức sau đây:', '', '1. Gặp gỡ cử tri;', '', '2. Thông qua báo chí.'].join('\n');
    expect(sentences(article)).toEqual(['Vận động bằng các hình thức sau đây:', '1.', 'Gặp gỡ cử tri;', '2.', 'Thông qua báo chí.']);
  });
});

describe('extractTerms', () => {
  it('reads a kin word and the gender word after it as one person, no topic ("con trai" is no "trại")', () => {
    for (const q of ['Anh trai tôi đang bị tạm giam', 'anh trai toi dang bi tam giam']) {
      const { folded, bigrams } = extractTerms(q);
      expect(folded).not.toContain('trai');
      expect(folded).not.toContain('anh');
      expect(bigrams).not.toContain('anh_trai');
      expect(folded).toContain('giam');
    }
    expect(extractTerms('Chị gái tôi định cư ở Úc').folded).toEqual(['dinh', 'cu', 'uc']);
    expect(extractTerms('trại tạm giam').folded).toEqual(['trai', 'tam', 'giam']);
    // Typed with marks, they must agree: "bán trái phiếu", "chi trái phép" name no one.
    expect(extractTerms('bán trái phiếu').bigrams).toEqual(['ban_trai', 'trai_phieu']);
    expect(extractTerms('chi trái phép').folded).toEqual(['chi', 'trai', 'phep']);
  });

  it('reads the "làm" of "làm gì", "làm sao", "làm thế nào" as asking what to do, no topic; "làm đơn" keeps it', () => {
    for (const q of ['thì tôi phải làm gì?', 'thi toi phai lam gi', 'làm sao biết tên mình', 'phải làm thế nào', 'làm như vậy có được không']) {
      expect(extractTerms(q).folded, q).not.toContain('lam');
    }
    expect(extractTerms('làm sao biết tên mình').folded).toEqual(['ten']);
    expect(extractTerms('làm đơn khiếu nại').folded).toEqual(['lam', 'don', 'khieu', 'nai']);
  });

  it('reads "bắt buộc" asking an obligation ("có bắt buộc … không", "bắt buộc phải") as the modal "phải", no topic; closing a compound it stays one', () => {
    for (const q of ['bầu cử có bắt buộc phải vào chủ nhật ko', 'ngay bau cu co bat buoc la chu nhat ko', 'Phiếu bầu bắt buộc phải đóng dấu gì?']) {
      const { folded, bigrams } = extractTerms(q);
      expect(folded).not.toContain('buoc');
      expect(bigrams).not.toContain('bat_buoc');
    }
    expect(extractTerms('bầu cử có bắt buộc phải vào chủ nhật ko').bigrams).toContain('chu_nhat');
    expect(extractTerms('Người đang cai nghiện bắt buộc thì có được đi bầu không?').bigrams).toContain('nghien_bat');
    expect(extractTerms('nguoi o co so cai nghien bat buoc co dc di bau ko').folded).toContain('buoc');
  });

  it('reads "em", "chị", "cháu" as the pronouns a voter speaks of herself with, no topic; "anh" stays, typed without marks it is "ảnh"', () => {
    expect(extractTerms('Em khiếu nại rồi mà xã chưa trả lời, em làm gì được').folded).toEqual(['khieu', 'nai', 'xa', 'tra', 'loi']);
    expect(extractTerms('chị cho cháu hỏi đi bầu ở đâu').folded).toEqual(['di', 'bau']);
    expect(extractTerms('ho so ung cu can may tam anh').folded).toContain('anh');
    expect(extractTerms('em gái tôi đi bầu').folded).toEqual(['di', 'bau']);
  });

  it('reads a passage under the unmarked spelling of a stopword that is also a content word\'s ("mỗi" as "moi", like "mọi")', () => {
    const passage = extractTerms('Mỗi người được một phiếu bầu, đang chờ', 'vi', { asWritten: true });
    expect(passage.folded).toEqual(['moi', 'nguoi', 'phieu', 'bau', 'dang', 'cho']);
    expect(passage.exact).toEqual(['người', 'phiếu', 'bầu', 'chờ']);
    expect(passage.bigrams).toContain('moi_nguoi');
    // A question is read as before: "mỗi" typed with its marks is a stopword.
    expect(extractTerms('Mỗi người được một phiếu bầu, đang chờ').folded).toEqual(['nguoi', 'phieu', 'bau', 'cho']);
  });

  it('reads "ủy ban" as one word: "Ban bầu cử" is not paired inside "Ủy ban bầu cử"', () => {
    expect(extractTerms('Ủy ban bầu cử ở tỉnh').bigrams).toEqual(['uy_ban', 'uyban_bau', 'bau_cu']);
    expect(extractTerms('Ban bầu cử gửi biên bản').bigrams).toContain('ban_bau');
    expect(extractTerms('uy ban bau cu').bigrams).not.toContain('ban_bau');
  });

  it('drops stopwords and pairs only neighbouring content words', () => {
    const terms = extractTerms('Chỉ thị 05 yêu cầu gì?');
    expect(terms.folded).toEqual(['chi', 'thi', '05', 'yeu', 'cau']);
    expect(terms.bigrams).toContain('chi_thi');
    expect(terms.bigrams).toContain('yeu_cau');
  });

  it('keeps a capitalised name inside a sentence even when it spells a stopword', () => {
    expect(extractTerms('Ba Le Thi Ai Nam giu chuc vu gi').folded).toContain('ai');
    expect(extractTerms('Ai la Bi thu?').folded).not.toContain('ai');
  });

  it('treats diacritic-free words that fold onto topic words as content ("thi" may be "thị")', () => {
    expect(extractTerms('chi thi 03').folded).toEqual(['chi', 'thi', '03']);
  });

  it('reads "dau" after "o" or "tai" as the question word "đâu", elsewhere as "đầu" ("bat dau")', () => {
    expect(extractTerms('bau cu o dau').folded).toEqual(['bau', 'cu']);
    expect(extractTerms('may gio bat dau bau').folded).toEqual(['gio', 'bat', 'dau', 'bau']);
  });
});

describe('cleanQuestion', () => {
  it('removes zero-width characters inside words, pasted HTML tags and entities, keeping the words', () => {
    expect(cleanQuestion('bầu\u200b cử lúc m\u200cấy giờ\ufeff')).toBe('bầu cử lúc mấy giờ');
    expect(cleanQuestion('<b>bầu cử</b> lúc <span class="x">mấy</span> giờ&nbsp;?')).toBe('bầu cử lúc mấy giờ ?');
    expect(cleanQuestion('5 < 7 &amp; 03-CT/TU')).toBe('5 < 7 & 03-CT/TU');
  });
});
