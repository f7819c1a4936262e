import { foldDiacritics } from './normalize.ts';

/** What kind of answer a question asks for, as its question words show ("ngày nào", "mấy giờ", "bao nhiêu"). */
export type AnswerType = 'date' | 'time' | 'number';

// Words asking how long (a count of units of time), and English words asking an age (a count of years of age).
const DURATION_WORDS = 'bao lau|how long';
const AGE_WORDS = '(?:how old|what age|(?:minimum|maximum|lowest|highest) age)';

// Question words, typed without diacritics, that ask for a time of day, a date, or a count; the first match wins.
const QUESTION_WORDS: Array<[AnswerType, RegExp]> = [
  ['time', /\b(?:may gio|gio nao|what time)\b/],
  ['date', /\b(?:ngay nao|ngay may|ngay bao nhieu|hom nao|khi nao|bao gio|luc nao|(?:thoi diem|thoi han|thoi gian|thoi ky|giai doan) nao|thang may|nam nao|when|what date|which day|(?:what|which) year)\b/],
  // English asks a count in more ways than "how many": an age, a share, a least or most number.
  ['number', new RegExp(String.raw`\b(?:bao nhieu|${DURATION_WORDS}|may (?!gio)\p{L}+|how many|how much|${AGE_WORDS}|(?:minimum|maximum|lowest|highest) (?:number|share|percentage)|what (?:percentage|percent|proportion|share))\b`, 'u')],
];

/** The answer type a question asks for, or null for "what", "how", "why" questions. */
export function answerTypeOf(question: string): AnswerType | null {
  const folded = foldDiacritics(question);
  return QUESTION_WORDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

// A query typed as into a search box ("thời hạn khiếu nại kết quả bầu cử", "so luong thanh vien to bau cu") has no
// question word: the noun it opens or closes with names the kind of answer. Voting hours are a time of day; other
// periods the law sets ("thời gian vận động") run between dates.
const HEAD_NOUNS: Array<[AnswerType, RegExp]> = [
  ['time', /^(?:gio|khung gio|thoi gian) (?:bo phieu|bau cu|di bau|mo cua|dong cua)\b|\bgio (?:mo cua|dong cua|bat dau|ket thuc)\b/],
  ['date', /^(?:thoi han|han chot|han cuoi|thoi diem|thoi gian|moc thoi gian|ngay)\b|\b(?:thoi han|han chot|han cuoi|thoi diem)$/],
  ['number', /^(?:so luong|ty le|do tuoi|so nguoi|so thanh vien|so dai bieu|so phieu)\b|\b(?:so luong|ty le|do tuoi)$/],
];
// Words that make a message a question of its own rather than keywords: yes or no, who, what, where, which.
const ASKING_WORDS = /\?|\b(?:khong|ko|k|hong|chua|ha|nhi|sao|gi|ai|dau|nao|the nao|ntn|co phai|dung)\b/;
// Keywords, not a sentence: a search-box query is a few words.
const KEYWORD_WORDS = 10;

/** The answer type a search-box query's head noun names ("thời hạn …" a date, "số lượng …" a count), or null for a question with words of its own. */
export function keywordAnswerType(query: string): AnswerType | null {
  const folded = foldDiacritics(query).replace(/[^\p{L}\p{N}?]+/gu, ' ').trim();
  if (folded.split(' ').length > KEYWORD_WORDS || ASKING_WORDS.test(folded) || answerTypeOf(query) !== null) return null;
  return HEAD_NOUNS.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/** One thing a question asks for: a time, a date or a count, with the word it counts, or a duration ("bao lâu"). */
export interface Ask {
  type: AnswerType;
  counted: string | null;
  duration: boolean;
}

const EVERY_QUESTION_WORD = QUESTION_WORDS.map(([type, pattern]) => [type, new RegExp(pattern.source, `${pattern.flags}g`)] as const);
const DURATION = new RegExp(`^(?:${DURATION_WORDS})$`);

/**
 * Every time, date or count a question asks for, in the order asked: "lập mấy bản và gửi đi trong bao lâu" asks a
 * count of copies, then a duration.
 */
export function asksOf(question: string): Ask[] {
  const folded = foldDiacritics(question);
  const found = EVERY_QUESTION_WORD.flatMap(([type, pattern]) => [...folded.matchAll(pattern)].map((m) => ({ type, at: m.index, end: m.index + m[0].length, word: m[0] })));
  const asks: Ask[] = [];
  let end = 0;
  // Question words that overlap one already read ("ngày mấy": a date, not a date and a count) ask nothing more.
  for (const f of found.sort((a, b) => a.at - b.at)) {
    if (f.at < end) continue;
    end = f.end;
    const duration = DURATION.test(f.word);
    asks.push({ type: f.type, counted: f.type === 'number' && !duration ? countedOf(folded.slice(f.at)) : null, duration });
  }
  return asks;
}

// Numbers written in words, and the things the law counts with them: "ba bản", "năm người", "mười ngày" ("năm 2026" is a year).
const NUMBER_WORD = '(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|trăm|nghìn|ngàn)';
const COUNTED = '(?:người|thành viên|bản|bộ|ngày|tháng|năm|giờ|lá|lần|đại biểu|cử tri|nơi|cấp|loại|vòng|kỳ|tuổi|ảnh|đơn vị|khu vực|hội nghị|bước|chỉ tiêu|nhóm)';

// What a share of a count counts ("415/418 đại biểu"): people and votes, never a day or month ("15/3 năm 2026" is a date).
const SHARED = '(?:người|thành viên|đại biểu|cử tri|phiếu|lá phiếu|đơn vị|khu vực)';

// A year. Two joined by a dash, spaced or not ("2021-2026", "2021 - 2026", "2021 – 2026"), are a term of office, not two counts.
const YEAR = '(?:19|20)\\d{2}';

// Words that make the number after them a name, not a count: a year ("năm 2021"), a day or month ("ngày 15", "tháng 3"), an
// article, clause or point of a law ("Điều 78", "khoản 2"), a numbered item ("số 1", "khóa 15").
const NAMING = '(?:năm|ngày|tháng|điều|khoản|điểm|chương|mục|số|khóa|khoá) ';

// Expressions that answer each type, as written in the corpus (NFC, with diacritics).
const ANSWERS: Record<AnswerType, RegExp> = {
  // A calendar date, or, as the law sets most of its dates, a time counted from another ("chậm nhất là 10 ngày trước ngày
  // bầu cử", "07 ngày sau ngày bầu cử đầu tiên", "trong thời hạn 30 ngày kể từ ngày niêm yết"), or a period from one
  // event to another ("từ khi danh sách cử tri được niêm yết cho đến ngày bầu cử").
  date: new RegExp(
    `(?<![\\d/])\\d{1,2}\\/\\d{1,2}\\/(?:19|20)\\d{2}(?![\\d/])|ngày \\d{1,2} tháng \\d{1,2}(?: năm (?:19|20)\\d{2})?|(?<![\\p{L}\\p{N}])(?:\\d{1,3}|${NUMBER_WORD}(?: ${NUMBER_WORD})*) (?:ngày|tháng|giờ)(?: làm việc)? (?:trước|sau|kể từ)(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])[Tt]ừ (?:khi|lúc) [^,;.()]{3,80}? (?:cho )?(?:đến|tới) (?:ngày|khi|lúc|trước)(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // A time of day, not a duration ("24 giờ trước"): with a part of the day, minutes, or "lúc/từ/đến" before it.
  time: /(?<![\p{L}\d])\d{1,2}\s*giờ(?: \d{1,2} phút)?(?= sáng| trưa| chiều| tối| đêm)(?: sáng| trưa| chiều| tối| đêm)|(?<=(?:lúc|từ|đến|tới|tức) )\d{1,2}\s*giờ(?: \d{1,2} phút)?|(?<![\p{L}\d])\d{1,2}h\d{2}(?![\p{L}\d])/gu,
  // A count: not part of a date, a term of office or a document number ("15/3/2026", "2021-2026", "85/2015"); or, as the
  // law writes them, in words: a fraction ("hai phần ba", "quá một nửa") or a count of something ("từ chín đến mười lăm thành viên");
  // or a share of a count ("415/418 đại biểu", "2/3 tổng số đại biểu").
  number: new RegExp(
    `(?<![\\p{L}\\d/.,-])\\d+\\/(?!(?:19|20)\\d{2}(?!\\d))\\d+(?= (?:tổng )?(?:số )?${SHARED}(?![\\p{L}\\p{N}]))|(?<![\\p{L}\\d/.,-]|${YEAR} ?[-–] ?|(?<![\\p{L}\\p{N}])${NAMING})\\d+(?:[.,]\\d+)*(?:\\s*%)?(?![\\d/-]|[.,]\\d| ?[-–] ?${YEAR}(?!\\d))|(?<![\\p{L}\\p{N}])(?:${NUMBER_WORD}(?: ${NUMBER_WORD})* phần ${NUMBER_WORD}|(?:một )?nửa(?![\\p{L}\\p{N}])|${NUMBER_WORD}(?: ${NUMBER_WORD})*(?: (?:đến|tới) ${NUMBER_WORD}(?: ${NUMBER_WORD})*)?(?= ${COUNTED}(?![\\p{L}\\p{N}])))`,
    'giu',
  ),
};

// Words after "bao nhiêu" / "mấy" that close the question rather than name what it counts ("bao nhiêu thì", "mấy vậy").
const CLOSING = new Set(['thì', 'là', 'vậy', 'nữa', 'rồi', 'à', 'ạ', 'nhỉ', 'thế', 'hả', 'nhé', 'thi', 'vay', 'nua', 'roi', 'a', 'ah', 'ak', 'z', 'v', 'nhi', 'the', 'ha', 'nhe', 'ad']);

const ASKS_AGE = new RegExp(String.raw`\b${AGE_WORDS}\b`);

/**
 * The word a count question counts ("bao nhiêu chỉ tiêu" → "chi", "mấy lá phiếu" → "la"), without diacritics, or null.
 * Typed without marks, "la" may be "là" or "lá": the word after it is taken ("may la phieu" → "phieu").
 */
export function countedOf(question: string): string | null {
  // An age asked in English is counted in years of age.
  if (ASKS_AGE.test(question.toLowerCase())) return 'tuoi';
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = words.map(foldDiacritics);
  // "mấy" as typed, or "may" typed without marks ("máy" is a machine).
  const at = words.findIndex((w, i) => w === 'mấy' || w === 'may' || (folded[i] === 'bao' && folded[i + 1] === 'nhieu'));
  if (at < 0) return null;
  let next = at + (folded[at] === 'bao' ? 2 : 1);
  if (words[next] === 'la') next++;
  const word = words[next];
  return word && !CLOSING.has(word) && !/^\d/.test(word) ? foldDiacritics(word) : null;
}

/** Whether one of a text's answers counts `counted`, right after it or after a classifier ("45 chỉ tiêu", "3 lá phiếu"). */
export function countsOf(text: string, answers: string[], counted: string): boolean {
  const folded = foldDiacritics(statementOf(text)).toLowerCase();
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return answers.some((a) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escape(foldDiacritics(a).toLowerCase())} (?:[\\p{L}]+ )?${escape(counted)}(?![\\p{L}\\p{N}])`, 'u').test(folded),
  );
}

// The units a duration is counted in.
const DURATION_UNITS = ['ngay', 'thang', 'nam', 'gio', 'tuan'];

/** Whether a text answers one thing asked: an answer of its type, counting what it counts or, for a duration, a unit of time. */
export function answersAsk(text: string, ask: Ask, years: string[]): boolean {
  const answers = answerSentences([text], ask.type, years).flatMap((a) => a.answers);
  if (answers.length === 0) return false;
  if (ask.duration) return DURATION_UNITS.some((unit) => countsOf(text, answers, unit));
  return ask.counted === null || countsOf(text, answers, ask.counted);
}

/** Spans of `text` that answer a question of this type: "15/3/2026", "7 giờ sáng", "42". */
export function findAnswers(text: string, type: AnswerType): Array<{ start: number; end: number; text: string; year: string | null }> {
  return [...text.matchAll(ANSWERS[type])].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    year: m[0].match(/(?:19|20)\d{2}$/)?.[0] ?? null,
  }));
}

// A clause or point number of the law ("2.", "b)"): structure, not a statement.
const CLAUSE_NUMBER = String.raw`(?:\d+[a-zđ]?|[a-zđ])[.)]`;
const OPENING_CLAUSE_NUMBER = new RegExp(`^\\s*${CLAUSE_NUMBER}(?=\\s|$)`, 'u');
const CLAUSE_NUMBER_ALONE = new RegExp(`^${CLAUSE_NUMBER}$`, 'u');

/** Whether a piece of text is a clause or point number and nothing else ("2.", "b)"). */
export const isClauseNumber = (text: string): boolean => CLAUSE_NUMBER_ALONE.test(text);

/**
 * A sentence's words without its parenthesised citations ("(Điều 5, Luật Bầu cử …)") and the clause or point number
 * it opens with ("1.", "b)"), which are references and structure, not statements: a clause number is no count.
 */
export function statementOf(sentence: string): string {
  return sentence.replace(OPENING_CLAUSE_NUMBER, ' ').replace(/\([^()]*\)/g, ' ');
}

// A clause's opening setting ("Ở cuộc bầu cử ngày 15/3/2026, …", "…; ở cuộc bầu cử ngày 15/3/2026, đó là ngày 25/3/2026"):
// what it sets, the clause does not state, at the start of the sentence or of any clause in it. A period opening it
// ("Trong thời hạn 10 ngày trước ngày bầu cử, …") is what it states: when.
const SETTING = /(^|[;:]\s*)(?:ở|tại|trong(?! (?:thời hạn|thời gian|vòng|khoảng)))(?= )[^,;:]{1,80},/giu;

/** The sentences of `text` that hold an answer of this type, dated in one of `years` when the question names any. */
export function answerSentences(sentencesOfText: string[], type: AnswerType, years: string[]): Array<{ sentence: string; index: number; answers: string[] }> {
  return sentencesOfText.flatMap((sentence, index) => {
    // A date in the setting dates what the sentence says; it does not answer "when".
    const statement = type === 'date' ? statementOf(sentence).replace(SETTING, '$1 ') : statementOf(sentence);
    const found = findAnswers(statement, type).filter((a) => type !== 'date' || years.length === 0 || (a.year !== null && years.includes(a.year)));
    return found.length > 0 ? [{ sentence, index, answers: found.map((a) => a.text) }] : [];
  });
}

// Asking the bot's own view, a forecast or a judgement ("theo bạn", "dự đoán", "do you think", "bầu cử có công bằng
// không"): a law states none of them.
const OPINION = /\b(?:theo (?:ban|b|bot|ad)|(?:ban|b|bot|ad) (?:nghi|thay|danh gia)|y kien (?:cua )?(?:ban|b|bot|ad)|co (?:that su |thuc su |that |du )?(?:cong bang|dan chu)(?: [a-z]+){0,6} (?:khong|ko|hong)|du doan|du bao|se (?:thang|trung cu|dac cu)|do you think|your (?:opinion|view)|in your view|predict\w*|will win)\b/;

// Asking the bot to write or make up something of its own (a poem, a caption, a name, a joke, a translation): no law states one either.
// Kinds of writing are a small closed set, listed whole; "viết" alone is not one ("nhờ người viết hộ phiếu" is about voting).
const TASK =
  /\b(?:(?:viet|soan|lam|sang tac|nghi) (?:giup |cho |dum |ho |gium )?(?:minh |em |toi |to |tui |t )?(?:mot |\d+ |cai |vai )?(?:cau )?(?:bai tho|tho|caption|status|stt|bai hat|loi chuc|cau chuc|bai van|van mau|truyen|email|slogan|khau hieu)|dat ten|ten (?:hay|dep)|goi y ten|ke (?:chuyen|truyen)|truyen cuoi|dich (?:sang|giup|cau|doan)|write (?:me )?(?:a |an |some )?(?:poem|haiku|song|story|essay|caption|joke|limerick|letter|email)|tell me a (?:joke|story)|translate)\b/;

/** Whether a question asks for an opinion ("có công bằng không"), a prediction or a piece of writing of the bot's own rather than what the rules say. */
export function asksOpinion(question: string): boolean {
  const folded = foldDiacritics(question);
  return OPINION.test(folded) || TASK.test(folded);
}

/** What else a question asks for, beyond a time, date or count: a document, a place, a body or person, or a yes or no. */
export type AnswerFocus = 'document' | 'place' | 'agent' | 'permission';

// Kinds of document the corpus names by number.
const DOCUMENT_KINDS = 'chi thi|nghi quyet|van ban|quyet dinh|nghi dinh|thong tu|luat|ke hoach|huong dan|cong van';

// Question words typed without diacritics; the first match wins.
const FOCUS_WORDS: Array<[AnswerFocus, RegExp]> = [
  // "chỉ thị nào", "luật số mấy", "do văn bản nào quyết định", "which directive": which document, not what it says.
  ['document', new RegExp(`\\b(?:${DOCUMENT_KINDS}) (?:nao|so may|so bao nhieu)\\b|\\b(?:which|what) (?:directive|resolution|law|decree|document|regulation)s?\\b(?! do i)`)],
  ['place', /\b(?:o dau|noi nao|cho nao|dia diem nao|tai dau|where)\b/],
  ['agent', /\b(?:ai|co quan nao|to chuc nao|don vi nao|cap nao|who|which (?:body|bodies|authority|agency))\b/],
  // "có được … không", "co dc … ko", "có thể … không": được or có thể, then a closing "không" however far.
  ['permission', /\b(?:duoc|dc|co the|co phai)\b.*\b(?:khong|ko|k|hong|kg)\b\W*$|\b(?:can (?:i|someone|we|you|a|my)|may i|is it (?:allowed|legal|ok)|am i allowed|do i have to|must i)\b/],
];

/** The focus a question asks for, or null. */
export function answerFocusOf(question: string): AnswerFocus | null {
  const folded = foldDiacritics(question);
  return FOCUS_WORDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/** What a question asks for beyond a yes or no: a time, a date, a count, a document, a place or a body; null for none of these. */
export type AnswerKind = AnswerType | Exclude<AnswerFocus, 'permission'>;

const nonPermission = (focus: AnswerFocus | null) => (focus === 'permission' ? null : focus);

// Headings are few and asked of on every question: each is read once.
const headingKinds = new Map<string, AnswerKind | null>();

/** The kind of answer a heading written as a question asks for ("Tôi đi bỏ phiếu ở đâu?" → place); null for a heading that asks none. */
export function headingKind(heading: string | null): AnswerKind | null {
  if (!heading?.trim().endsWith('?')) return null;
  let kind = headingKinds.get(heading);
  if (kind === undefined) headingKinds.set(heading, (kind = answerTypeOf(heading) ?? nonPermission(answerFocusOf(heading))));
  return kind;
}

// What answers each focus, as the corpus writes it.
const FOCUS_HELD: Record<AnswerFocus, RegExp> = {
  // A document named by its number: "Chỉ thị số 03-CT/TU", "Nghị quyết số 199/2025/QH15", "Luật số 83/2025/QH15".
  document: /(?<![\p{L}])(?:Chỉ thị|Nghị quyết|Luật|Nghị định|Quyết định|Thông tư|Kế hoạch|Hướng dẫn|Công văn)(?: [^\s(),;]+){0,6}? (?:số )?\d+[/-]/iu,
  place: /(?<![\p{L}])(?:tại|ở|nơi|trụ sở|phòng bỏ phiếu|khu vực bỏ phiếu)(?![\p{L}])/iu,
  agent: /(?<![\p{L}])(?:Ủy ban|Ủy ban nhân dân|UBND|Ban bầu cử|Tổ bầu cử|Hội đồng|HĐBCQG|Mặt trận|MTTQ|Quốc hội|Chính phủ|cơ quan|Chủ tịch|Tòa án|Thường trực)(?![\p{L}])/u,
  permission: /^(?:được|không|có|có thể|chưa)[.!]|(?<![\p{L}])(?:không được|được|có quyền|cấm|nghiêm cấm|phải|không phải|không có)(?![\p{L}])/iu,
};

/** Whether a passage's sentence holds what a question of this focus asks for. */
export function focusHeld(sentence: string, focus: AnswerFocus): boolean {
  return FOCUS_HELD[focus].test(statementOf(sentence));
}
