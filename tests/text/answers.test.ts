import { describe, expect, it } from 'vitest';
import { answerFocusOf, answerSentences, answersAsk, answerTypeOf, asksOf, asksOpinion, countedOf, countsOf, findAnswers, focusHeld, headingKind, keywordAnswerType, statementOf, type Ask } from '../../src/text/answers.ts';

const texts = (text: string, type: 'date' | 'time' | 'number') => findAnswers(text, type).map((a) => a.text);

describe('answerTypeOf', () => {
  it.each([
    ['Ngày bầu cử năm 2026 là ngày nào?', 'date'],
    ['bau cu khi nao', 'date'],
    ['When is election day?', 'date'],
    ['Mấy giờ thì bắt đầu bỏ phiếu?', 'time'],
    ['bau cu luc may gio', 'time'],
    ['Quốc hội có bao nhiêu đại biểu?', 'number'],
    ['mỗi cử tri được mấy lá phiếu', 'number'],
    ['How many ballots do I get?', 'number'],
    ['What is the minimum age to stand as a candidate?', 'number'],
    ['how old do I have to be to vote', 'number'],
    ['What percentage of candidates must be women?', 'number'],
    ['In what year was the election law passed?', 'date'],
    ['What is the minimum standard for a candidate?', null],
    ['Chỉ thị 05-CT/TW yêu cầu gì?', null],
    ['Tôi có được nhờ người khác đi bầu thay không?', null],
    ['Ban bầu cử phải gửi biên bản trong thời hạn nào?', 'date'],
    ['vận động bầu cử vào thoi gian nao', 'date'],
  ])('"%s" asks for %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('keywordAnswerType', () => {
  it.each([
    ['thời hạn khiếu nại kết quả bầu cử', 'date'],
    ['hiệp thương bầu cử bổ sung thời hạn', 'date'],
    ['han chot nop ho so ung cu', 'date'],
    ['thời gian vận động bầu cử', 'date'],
    ['thoi gian bo phieu', 'time'],
    ['giờ mở cửa phòng bỏ phiếu', 'time'],
    ['so luong thanh vien to bau cu', 'number'],
    ['độ tuổi ứng cử', 'number'],
    ['tỷ lệ nữ ứng cử viên', 'number'],
  ])('reads the head noun of the search-box query "%s" as asking for %s', (query, type) => {
    expect(keywordAnswerType(query)).toBe(type);
  });

  it.each([
    ['thời gian bỏ phiếu có được kéo dài không?'],
    ['số lượng đại biểu ít thì có phải bầu thêm ko'],
    ['thời hạn khiếu nại là bao lâu'],
    ['Con tôi hết thời gian cai nghiện bắt buộc, được về nhà trước ngày bầu cử 2 hôm thì tên cháu ở danh sách nào'],
    ['niêm phong hòm phiếu'],
  ])('leaves "%s" to its own words: a question, or no head noun naming an answer', (query) => {
    expect(keywordAnswerType(query)).toBeNull();
  });
});

describe('findAnswers', () => {
  it('finds dates written either way, with their year', () => {
    expect(findAnswers('ngày 15/3/2026 và ngày 5 tháng 1 năm 2021; nhiệm kỳ 2021-2026', 'date').map((a) => [a.text, a.year])).toEqual([
      ['15/3/2026', '2026'],
      ['ngày 5 tháng 1 năm 2021', '2021'],
    ]);
  });

  it('takes a clause or point number of the law for structure, not for a count', () => {
    expect(answerSentences(['1. Quốc hội thành lập Hội đồng bầu cử bổ sung.', 'b) Có từ năm đến bảy thành viên.'], 'number', [])).toEqual([
      { sentence: 'b) Có từ năm đến bảy thành viên.', index: 1, answers: ['năm đến bảy'] },
    ]);
  });

  it('finds a period from one event to another as the answer to "when"', () => {
    expect(texts('Bạn có thể xin giấy từ khi danh sách cử tri được niêm yết cho đến ngày bầu cử.', 'date')).toEqual(['từ khi danh sách cử tri được niêm yết cho đến ngày']);
    expect(texts('Từ khi niêm yết danh sách cử tri cho đến ngày bầu cử, cử tri đi nơi khác được xin giấy.', 'date')).toEqual(['Từ khi niêm yết danh sách cử tri cho đến ngày']);
    // "từ" that opens no period ("từ 11 đến 21 thành viên", "từ khi nào") is none.
    expect(texts('Tổ bầu cử có từ 11 đến 21 thành viên; từ khi nào thì xin giấy?', 'date')).toEqual([]);
  });

  it('finds the dates the law counts from another, as it sets most of its deadlines', () => {
    expect(texts('chậm nhất là 10 ngày trước ngày bầu cử; 07 ngày sau ngày bầu cử đầu tiên; trong 30 ngày kể từ ngày niêm yết; mười ngày trước đó', 'date')).toEqual([
      '10 ngày trước',
      '07 ngày sau',
      '30 ngày kể từ',
      'mười ngày trước',
    ]);
    // A count of days, not counted from anything, is no date.
    expect(texts('Tổ bầu cử làm việc trong 3 ngày, có 5 người', 'date')).toEqual([]);
  });

  it('finds times of day, not durations', () => {
    expect(texts('từ 7 giờ sáng đến 7 giờ tối, tức 21 giờ; chậm nhất 24 giờ trước, lúc 6h30', 'time')).toEqual(['7 giờ sáng', '7 giờ tối', '21 giờ', '6h30']);
  });

  it('finds counts, not parts of dates, terms of office or document numbers', () => {
    expect(texts('3 lá phiếu, 0,3% số khu vực, 4.000 cử tri; ngày 15/3/2026, nhiệm kỳ 2021-2026, Luật số 85/2015/QH13', 'number')).toEqual(['3', '0,3%', '4.000']);
    // The news writes a term with spaces or a dash ("2021 - 2026", "2021 – 2026"): still a span of years.
    expect(texts('đại biểu HĐND nhiệm kỳ 2021 - 2026 và khóa 2016 – 2021, có 30 - 40 người', 'number')).toEqual(['30', '40']);
  });

  it('finds counts the law writes in words: of something counted, or a fraction; not a year, a parent or "một số"', () => {
    expect(texts('Ban bầu cử có từ chín đến mười lăm thành viên, lập thành ba bản, khi có hai phần ba cử tri; Hai mươi mốt người.', 'number')).toEqual(['chín đến mười lăm', 'ba', 'hai phần ba', 'Hai mươi mốt']);
    expect(texts('năm 2026 ba mẹ tôi và một số cử tri', 'number')).toEqual([]);
    // A half is a fraction too, as the law sets its thresholds ("quá một nửa tổng số phiếu bầu hợp lệ", "quá nửa").
    expect(texts('được quá một nửa tổng số phiếu hợp lệ, khi có quá nửa thành viên biểu quyết', 'number')).toEqual(['một nửa', 'nửa']);
  });

  it('finds a share of a count ("415/418 đại biểu"), which a date or a document number is not', () => {
    expect(texts('được 415/418 đại biểu tán thành, khi có 2/3 tổng số đại biểu, quá 1/2 tổng số phiếu; ngày 24/6 năm ấy, Nghị quyết 199/2025/QH15', 'number')).toEqual(['415/418', '2/3', '1/2']);
    // Nor a date after "và" or "đến", nor a document number before its date of issue.
    expect(texts('ngày 15/3 và 16/3 năm 2026, Nghị quyết 12/2025 ngày 5/3/2025', 'number')).toEqual([]);
  });

  it('takes a number that names a year, a day, a month, an article or a numbered item for a name, not a count', () => {
    expect(texts('trong năm 2021, ngày 15 tháng 3, theo Điều 78 khoản 2, Chỉ thị số 12, khóa 15: có 496 người', 'number')).toEqual(['496']);
    expect(answerSentences(['Nhiệm vụ trong năm 2021 là tổ chức thành công bầu cử đại biểu HĐND.'], 'number', ['2021'])).toEqual([]);
  });
});

describe('countedOf and countsOf', () => {
  it('reads the word a count question counts, typed with or without diacritics, and nothing from words that close it', () => {
    expect(countedOf('Thành ủy đề ra bao nhiêu chỉ tiêu?')).toBe('chi');
    expect(countedOf('mỗi người được phát mấy lá phiếu')).toBe('la');
    expect(countedOf('moi nguoi duoc phat may la phieu')).toBe('phieu');
    expect(countedOf('quoc hoi co bao nhieu dai bieu')).toBe('dai');
    expect(countedOf('phải đủ bao nhiêu tuổi thì được bầu')).toBe('tuoi');
    expect(countedOf('được bao nhiêu thì trúng cử')).toBeNull();
    expect(countedOf('máy bỏ phiếu điện tử có bao nhiêu chiếc')).toBe('chiec');
    expect(countedOf('bầu cử ngày nào')).toBeNull();
    expect(countedOf('What is the minimum age to stand as a candidate?')).toBe('tuoi');
  });

  it('tells a count of the word asked, right after the number or after a classifier, from a count of something else', () => {
    expect(countsOf('Hội nghị thống nhất đề ra 45 chỉ tiêu chủ yếu.', ['45'], 'chi')).toBe(true);
    expect(countsOf('Mỗi cử tri nhận 3 lá phiếu bầu.', ['3'], 'phieu')).toBe(true);
    expect(countsOf('Thành ủy yêu cầu 14 đơn vị cụ thể hóa thành các chỉ tiêu.', ['14'], 'chi')).toBe(false);
    expect(countsOf('Đề ra 45 chính sách.', ['45'], 'chi')).toBe(false);
    expect(countsOf('Đã họp 3 lần.', ['3'], 'la')).toBe(false);
    expect(countsOf('Đề ra 15 chỉ tiêu.', ['5'], 'chi')).toBe(false);
    // A number in a citation is no count.
    expect(countsOf('Mỗi cử tri nhận 3 lá phiếu (Điều 4 chỉ tiêu).', ['4'], 'chi')).toBe(false);
  });
});

describe('asksOf and answersAsk', () => {
  it('reads every time, date or count a question asks for, in the order asked, with what each counts', () => {
    expect(asksOf('Biên bản lập thành mấy bản và phải gửi đi trong bao lâu?')).toEqual([
      { type: 'number', counted: 'ban', duration: false },
      { type: 'number', counted: null, duration: true },
    ]);
    expect(asksOf('khoa 16 bau bao nhieu dai bieu o bao nhieu don vi')).toEqual([
      { type: 'number', counted: 'dai', duration: false },
      { type: 'number', counted: 'don', duration: false },
    ]);
    expect(asksOf('Mấy giờ mở cửa, ngày nào bầu?').map((a) => a.type)).toEqual(['time', 'date']);
    // "ngày mấy" is one date asked, not a date and a count.
    expect(asksOf('hạn chót là ngày mấy vậy')).toEqual([{ type: 'date', counted: null, duration: false }]);
    expect(asksOf('Ai được đi bầu?')).toEqual([]);
  });

  it('tells a text answering one thing asked: a count of what it counts, or a duration in units of time', () => {
    const [copies, deadline] = asksOf('lập mấy bản, gửi trong bao lâu') as [Ask, Ask];
    expect(answersAsk('Biên bản được lập thành ba bản.', copies, [])).toBe(true);
    expect(answersAsk('Biên bản được lập thành ba bản.', deadline, [])).toBe(false);
    expect(answersAsk('Biên bản được gửi chậm nhất là 05 ngày sau ngày bầu cử.', deadline, [])).toBe(true);
    expect(answersAsk('Biên bản được gửi chậm nhất là 05 ngày sau ngày bầu cử.', copies, [])).toBe(false);
  });
});

describe('answerSentences', () => {
  it('keeps the sentences holding an answer of the type, of the year asked when one is named, outside citations', () => {
    const sentences = ['Danh sách niêm yết từ ngày 3/2/2021.', 'Bầu cử ngày 15/3/2026.', 'Luật mới có hiệu lực (Luật số 83/2025/QH15 ngày 24/6/2025).'];
    expect(answerSentences(sentences, 'date', []).map((s) => s.index)).toEqual([0, 1]);
    expect(answerSentences(sentences, 'date', ['2026'])).toEqual([{ sentence: 'Bầu cử ngày 15/3/2026.', index: 1, answers: ['15/3/2026'] }]);
    expect(statementOf('Ngày đó là chủ nhật (Điều 5, Luật Bầu cử).')).toBe('Ngày đó là chủ nhật  .');
  });

  it('takes no date of a setting for an answer, where the sentence opens with it or a clause after ";" does', () => {
    const deadline = 'Kết quả công bố chậm nhất 10 ngày sau ngày bầu cử; ở cuộc bầu cử ngày 15/3/2026, đó là ngày 25/3/2026.';
    expect(answerSentences([deadline], 'date', ['2026'])[0]?.answers).toEqual(['25/3/2026']);
    expect(answerSentences(['Ở cuộc bầu cử ngày 15/3/2026, hạn nộp là ngày 1/2/2026.'], 'date', [])[0]?.answers).toEqual(['1/2/2026']);
    expect(answerSentences(['Cuộc bầu cử diễn ra vào Chủ nhật 15/3/2026.'], 'date', [])[0]?.answers).toEqual(['15/3/2026']);
    // A period opening the sentence is no setting: it is when.
    expect(answerSentences(['Trong thời hạn 10 ngày trước ngày bầu cử, Tổ bầu cử phải thông báo nơi bỏ phiếu.'], 'date', [])[0]?.answers).toEqual(['10 ngày trước']);
  });
});

describe('answerFocusOf and focusHeld', () => {
  it.each([
    ['Tôi đi bỏ phiếu ở đâu?', 'place'],
    ['bau cu o dau', 'place'],
    ['Ai tổ chức cuộc bầu cử?', 'agent'],
    ['Which bodies organize the elections?', 'agent'],
    ['Tôi có được nhờ người khác bầu thay không?', 'permission'],
    ['ng dang bi tu co dc bau cu ko', 'permission'],
    ['Can someone vote on my behalf?', 'permission'],
    ['Chỉ thị 05-CT/TW yêu cầu gì?', null],
    ['Hội nghị quán triệt chỉ thị nào của Tỉnh ủy?', 'document'],
    ['ngay bau cu 2026 do van ban nao quyet dinh', 'document'],
    ['luat bau cu sua doi 2025 la luat so may', 'document'],
    ['Which directive did Lang Son issue for the 2021 election?', 'document'],
    ['What documents do I need to apply for a passport?', null],
  ])('"%s" asks for %s', (question, focus) => {
    expect(answerFocusOf(question)).toBe(focus);
  });

  it('reads the kind of answer a heading written as a question asks for; a yes or no, or a title, asks none', () => {
    expect(headingKind('Tôi đi bỏ phiếu ở đâu?')).toBe('place');
    expect(headingKind('Mấy giờ bắt đầu bỏ phiếu?')).toBe('time');
    expect(headingKind('Ai giới thiệu người ứng cử?')).toBe('agent');
    expect(headingKind('Tôi có được nhờ người khác bầu thay không?')).toBeNull();
    expect(headingKind('Điều 34. Ghi tên vào danh sách cử tri ở nơi khác')).toBeNull();
  });

  it('finds what answers a focus in the statement, not in its bracketed citation', () => {
    expect(focusHeld('Danh sách được niêm yết tại trụ sở UBND cấp xã.', 'place')).toBe(true);
    expect(focusHeld('Hội đồng bầu cử quốc gia công bố kết quả.', 'agent')).toBe(true);
    expect(focusHeld('Mỗi người một phiếu (Điều 69, Luật Bầu cử của Quốc hội).', 'agent')).toBe(false);
    expect(focusHeld('Không. Mỗi cử tri phải tự mình đi bầu.', 'permission')).toBe(true);
    expect(focusHeld('Đại biểu được quán triệt Chỉ thị số 03-CT/TU, ngày 20/1/2021 của Ban Thường vụ Tỉnh ủy.', 'document')).toBe(true);
    expect(focusHeld('Ngày bầu cử do Nghị quyết số 199/2025/QH15 của Quốc hội ấn định.', 'document')).toBe(true);
    expect(focusHeld('Chỉ thị yêu cầu các cấp ủy lãnh đạo tốt cuộc bầu cử.', 'document')).toBe(false);
    expect(focusHeld('Ngày bầu cử do Quốc hội ấn định (Nghị quyết số 199/2025/QH15).', 'document')).toBe(false);
  });
});

describe('asksOpinion', () => {
  it('finds a question asking the bot for its view, a forecast or a piece of writing of its own', () => {
    for (const q of ['Theo bạn ai sẽ trúng cử?', 'do you think turnout will be high', 'Write a haiku about rain', 'Viết giúp mình caption Facebook đi du lịch biển', 'goi y ten hay cho be gai sinh nam 2026', 'làm giúp em bài thơ về ngày bầu cử', 'Soạn giúp mình 10 câu khẩu hiệu tuyên truyền bầu cử', 'tell me a joke', 'bau cu o vn co cong bang ko mn', 'Bầu cử ở nước mình có thật sự dân chủ không?', 'Bầu cử có công bằng với người dân tộc thiểu số không?']) {
      expect(asksOpinion(q), q).toBe(true);
    }
  });

  it('leaves questions about the rules alone, writing on the ballot included', () => {
    for (const q of ['Không biết chữ thì có được nhờ người viết hộ phiếu không?', 'Viết sai phiếu bầu thì phải làm sao?', 'ghi tên người ngoài danh sách vào phiếu có hợp lệ không', 'Can someone write on my ballot for me?', 'Kết quả kiểm phiếu có được công bố công khai không?', 'Bầu cử phải bảo đảm dân chủ thế nào?', 'Việc kiểm phiếu có minh bạch không?']) {
      expect(asksOpinion(q), q).toBe(false);
    }
  });
});
