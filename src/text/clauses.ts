import { foldDiacritics, hasDiacritics } from './normalize.ts';
import { isSurname } from './people.ts';
import { EN_PEOPLE, extractTerms } from './terms.ts';

// Words that make a clause a question wherever they stand ("ở đâu", "bao nhiêu", "thế nào"), as typed with
// diacritics; typed without them they are compared folded ("dau" may then be "đâu" or "đau").
const QUESTION_WORDS = ['gì', 'nào', 'đâu', 'sao', 'mấy', 'chăng'];
// Phrases of the same kind. "bao" asks only in its compounds (chat "bao h" among them): typed without marks it is also
// "bảo", "báo", "bão" ("bao hiem", "thong bao").
const QUESTION_PHRASES = ['thế nào', 'ra sao', 'làm sao', 'tại sao', 'vì sao', 'được không', 'có phải', 'bao nhiêu', 'bao nhiu', 'bao giờ', 'bao h', 'bao lâu', 'bao xa'];
// Particles a question may end with after its last question word ("… được không vậy", "… không ạ").
const TRAILING = ['vậy', 'à', 'ạ', 'hả', 'nhỉ', 'nha', 'nhé', 'bạn', 'ad', 'admin', 'mn', 'mng', 'ae', 'z', 'zậy', 'thế', 'đây', 'ơi', 'bot'];

const lexicon = (fold: boolean) => {
  const form = (w: string) => (fold ? foldDiacritics(w) : w);
  return {
    words: new Set(QUESTION_WORDS.map(form)),
    phrases: QUESTION_PHRASES.map(form),
    trailing: new Set(TRAILING.map(form)),
    no: form('không'),
    notYet: form('chưa'),
    who: form('ai'),
    also: form('cũng'),
  };
};
const ACCENTED = lexicon(false);
const FOLDED = lexicon(true);

// An English clause asks when it opens with an interrogative or an auxiliary ("What was …", "can I …"): a closed class.
const ENGLISH_OPENERS = new Set(['what', 'when', 'where', 'who', 'whom', 'whose', 'which', 'why', 'how', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'am', 'have', 'has', 'should', 'shall', 'will', 'would']);

const MIN_CLAUSE_WORDS = 3;

export interface Clause {
  text: string;
  /** It holds the question (a question word or mark); other clauses tell the asker's situation. */
  asking: boolean;
}

const isAsking = (text: string, language: 'vi' | 'en'): boolean => {
  if (/\?\s*$/.test(text)) return true;
  if (language === 'en') {
    const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    // "and why did …", "or can I …": a conjunction before the interrogative.
    const first = words[0] === 'and' || words[0] === 'or' || words[0] === 'but' ? words[1] : words[0];
    return ENGLISH_OPENERS.has(first ?? '');
  }
  const accented = hasDiacritics(text);
  const q = accented ? ACCENTED : FOLDED;
  const words = (accented ? text.toLowerCase() : foldDiacritics(text)).match(/[\p{L}\p{N}]+/gu) ?? [];
  while (words.length > 1 && q.trailing.has(words.at(-1) as string)) words.pop();
  const joined = ` ${words.join(' ')} `;
  // "không" and "chưa" ask only at the end ("đi bầu được không"); inside a clause they negate ("không có thẻ").
  const last = words.at(-1) ?? '';
  return (
    last === q.no ||
    last === q.notYet ||
    words.some((w) => q.words.has(w)) ||
    // "ai phát", "gửi cho ai" ask; "ai cũng" (everyone) does not.
    words.some((w, i) => w === q.who && words[i + 1] !== q.also) ||
    q.phrases.some((p) => joined.includes(` ${p} `))
  );
};

// Who a chat message tells about: the asker and their people. Pronouns and kinship terms are a closed class, listed whole.
const PEOPLE = ['tôi', 'tui', 'tớ', 'mình', 'em', 'anh', 'chị', 'ông', 'bà', 'bố', 'mẹ', 'má', 'cha', 'vợ', 'chồng', 'cháu', 'chú', 'bác', 'dì', 'cậu', 'thằng', 'đứa', 'họ', 'nó', 'ảnh', 'ổng', 'bả'];
// Typed without diacritics, only the forms that are rarely another word ("to" is "tổ", "ho" is "hộ", "chong" is "chống").
const PEOPLE_FOLDED = ['tui', 'em', 'e', 'ong', 'chau'];
const PEOPLE_EN = ['i', 'my', 'me', 'we', 'our', 'he', 'she', 'his', 'her', ...EN_PEOPLE];
// Particles that close a reply to what was just said ("… mất luôn rồi", "… bỏ luôn hả").
const REPLY_ENDINGS = ['rồi', 'luôn', 'à', 'hả', 'ư'];
const PEOPLE_SET = new Set([...PEOPLE, ...PEOPLE_EN]);
const PEOPLE_FOLDED_SET = new Set([...PEOPLE_FOLDED, ...PEOPLE_EN]);
const REPLY_SET = new Set(REPLY_ENDINGS);
const REPLY_FOLDED_SET = new Set([...REPLY_ENDINGS.map(foldDiacritics), 'ha']);
// Typed without diacritics "tôi" is also "tối" before a day ("toi qua"), and "mình" is also in "Hồ Chí Minh", "minh bạch";
// "bà" ("ba", also "three") is a person in "bà nội", "bà ngoại".
const EVENING = /^(?:nay|qua|mai|hom|thu|chu|t\d)$/;
const personFolded = (word: string, before: string, after: string) =>
  (word === 'toi' && !EVENING.test(after)) || (word === 'minh' && before !== 'chi' && after !== 'bach') || (word === 'ba' && (after === 'noi' || after === 'ngoai'));
// English "my" typed among Vietnamese words without diacritics is "Mỹ" where it closes a phrase or follows a place word ("o my", "tong thong my").
const meansAmerica = (words: string[], i: number) => i === words.length - 1 || /^(?:o|tai|nuoc|thong|ben|cua|di|ve|sang)$/.test(words[i - 1] ?? '');

/**
 * Whether a message tells a situation rather than naming a topic: it speaks of the asker or their people
 * ("vợ em đang đẻ ở viện", "my son turns 18 in April") or ends as a reply to what was said ("… mất luôn rồi").
 * A keyword query ("thủ tục ly hôn", "minimum age to vote") does neither.
 */
export function tellsSituation(text: string): boolean {
  const accented = hasDiacritics(text);
  const words = (accented ? text.toLowerCase() : foldDiacritics(text)).match(/[\p{L}\p{N}']+/gu)?.map((w) => w.replace(/'s$/u, '')) ?? [];
  const people = accented ? PEOPLE_SET : PEOPLE_FOLDED_SET;
  const person = words.some((w, i) => (people.has(w) && !(w === 'my' && !accented && meansAmerica(words, i))) || (!accented && personFolded(w, words[i - 1] ?? '', words[i + 1] ?? '')));
  return person || (accented ? REPLY_SET : REPLY_FOLDED_SET).has(words.at(-1) ?? '');
}

// Typed without marks, "thi" is also "thị" and "thi" in compounds: after "chỉ", "đô", "siêu", "hiển", "biểu" or a family
// name ("chỉ thị", "đô thị", "Nguyễn Thị"), before "hành", "đua", "công", "xã", "trấn", "trường", "thực", "tuyển", "sát",
// "hài", "sinh", "giác", "hiếu", "phần" ("thi hành", "thị xã"), folded. Elsewhere it is "thì".
const BEFORE_THI = new Set(['chi', 'do', 'sieu', 'hien', 'bieu']);
const AFTER_THI = new Set(['hanh', 'dua', 'cong', 'xa', 'tran', 'truong', 'thuc', 'tuyen', 'sat', 'hai', 'sinh', 'giac', 'hieu', 'phan']);

/** Where a text typed without marks says "thi" meaning "thì" (the first such place), or −1. */
function unmarkedThen(text: string): number {
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({ at: m.index as number, word: m[0].toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') }));
  const compound = (before: string, after: string) => BEFORE_THI.has(before) || isSurname(before) || AFTER_THI.has(after);
  const i = words.findIndex((w, k) => k > 0 && w.word === 'thi' && !compound(words[k - 1]?.word ?? '', words[k + 1]?.word ?? ''));
  return i > 0 ? (words[i]?.at ?? 0) - 1 : -1;
}

/**
 * A clause "X thì Y" whose X tells the asker's situation and whose Y asks, as two: chat leaves out the comma
 * ("Chồng tôi là bộ đội thì bầu ở đâu?" is "Chồng tôi là bộ đội, thì bầu ở đâu?"). Typed without marks, "thi" splits
 * where no compound reads it as "thị" or "thi" (see unmarkedThen).
 */
function atCondition(text: string, language: 'vi' | 'en'): Clause[] {
  const at = language === 'vi' && !hasDiacritics(text) ? unmarkedThen(text) : text.search(/\sthì\s/u);
  if (at > 0) {
    const [told, asked] = [text.slice(0, at + 1), text.slice(at + 1)];
    if ((told.match(/[\p{L}\p{N}]+/gu) ?? []).length >= MIN_CLAUSE_WORDS && tellsSituation(told) && isAsking(asked, language)) {
      return [{ text: told, asking: false }, { text: asked, asking: true }];
    }
  }
  return [{ text, asking: isAsking(text, language) }];
}

// The "thì" that opens the asked half of a condition (see atCondition) is no word of what is asked.
const hasOwnWords = (text: string, language: 'vi' | 'en') => extractTerms(text.replace(/^\s*(?:thì|thi)\s+/iu, ''), language).folded.length > 0;

/**
 * Splits a question at commas, semicolons and sentence ends into clauses, and tells which ask:
 * "bà nội em 85 tuổi, bị liệt, hôm đó có ai mang hòm phiếu tới nhà không" asks only in its last.
 * In a message that asks with a question mark, a sentence closed by a full stop tells, whatever words it holds
 * ("tôi thấy mấy năm trước vẫn có người làm."). A question with no words of its own ("… để lại 4 tên thì sao") asks
 * about the other clauses of its sentence. When no clause asks (or one clause only), every clause counts as asking.
 * In English a clause asks when it ends with "?" or opens with an interrogative or an auxiliary.
 */
export function splitClauses(text: string, language: 'vi' | 'en' = 'vi'): Clause[] {
  const clauses: Clause[] = [];
  const marked = text.includes('?');
  let sentence: Clause[] = [];
  let pending = '';
  const close = (part: string) => {
    clauses.push(...sentence);
    if (marked && /[.!]\s*$/u.test(part)) for (const c of sentence) c.asking = false;
    // "…, để lại 4 tên thì sao": a question with no words of its own asks about its sentence, not the sentences before it.
    // A sentence of one clause has no other clause to ask about: its words are not read for this.
    const asksAboutItsSentence = sentence.length > 1 && sentence.some((c) => c.asking) && sentence.every((c) => !c.asking || !hasOwnWords(c.text, language));
    if (asksAboutItsSentence) for (const c of sentence) c.asking = true;
    sentence = [];
  };
  // A full stop before a figure ("No. 1", "15.3") ends no sentence.
  for (const [part] of text.matchAll(/(?:[^,;.!?\n]|\.(?=\s?\d))+[,;.!?\n]*/gu)) {
    if (!/[\p{L}\p{N}]/u.test(part)) continue;
    pending += part;
    // A list of words ("Khiếu nại, tố cáo về …") is no clause: a part under three words joins the next.
    if ((pending.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_CLAUSE_WORDS) continue;
    sentence.push(...atCondition(pending, language));
    pending = '';
    if (/[.!?\n]\s*$/u.test(part)) close(part);
  }
  if (pending) sentence.push(...atCondition(pending, language));
  close(pending);
  if (!clauses.some((c) => c.asking && /[\p{L}\p{N}]{2,}/u.test(c.text))) return clauses.map((c) => ({ ...c, asking: true }));
  return clauses;
}

// "X xử lý thế nào?" asks what is done with X (a polling station's procedure), as "làm sao" does; "bị xử lý thế nào"
// asks the sanction, and keeps the word.
const HANDLING_ASKED = /(?<!(?:^|[^\p{L}\p{N}])(?:bị|bi)\s+)(?<![\p{L}\p{N}])(?:xử lý|xu ly)\s+(?=(?:thế nào|the nao|như thế nào|nhu the nao|ra sao|sao)(?![\p{L}\p{N}]))/giu;

/** The question without a "xử lý" that only asks how something is handled ("tổ xử lý thế nào" → "tổ thế nào"). */
export function withoutHandlingAsked(question: string): string {
  return question.replace(HANDLING_ASKED, '');
}
