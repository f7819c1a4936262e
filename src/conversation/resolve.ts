import { expandChatSpelling } from '../text/chat.ts';
import { tellsSituation } from '../text/clauses.ts';
import { foldDiacritics, hasDiacritics } from '../text/normalize.ts';
import { smallTalkOf } from '../text/small-talk.ts';
import { isVietnameseWord } from '../text/spelling.ts';
import { isEnglishStopword, isStopword } from '../text/terms.ts';

/** One answered turn of a conversation: what was asked (as resolved) and how to ask again for each source it cited. */
export interface ConversationTurn {
  /** The question as answered, with what an elliptical message left out filled in. */
  question: string;
  /** The cited sources in order; `ask` is a question that shows that source (an article lookup, a guide heading); `article`, the article of law it is or rests on ("Điều 29 khoản 5"). */
  sources: Array<{ n: number; docId: string; ask: string; law: boolean; article: string | null }>;
  /** When it was answered, in ms since the epoch. */
  at: number;
}

/** What a chat remembers: its last few turns, nothing else (no names). */
export interface Conversation {
  turns: ConversationTurn[];
}

/** How long a conversation is remembered after its last turn. */
export const CONVERSATION_TTL_MS = 15 * 60_000;
/** How many turns a conversation keeps. */
export const CONVERSATION_TURNS = 3;

export interface Resolution {
  /**
   * `fresh`: a question that stands on its own, or the first of a conversation. `follow-up`: a message
   * that leans on the previous one ("còn người bị tạm giam thì sao?"), read as the previous question with
   * what changed put in. `about-answer`: a message about the last answer ("điều nào quy định?", "nguồn 2"),
   * read as a question that shows the source it means.
   */
  kind: 'fresh' | 'follow-up' | 'about-answer';
  question: string;
  /** The other reading of an ambiguous message, to take when this one finds no answer and that one does. */
  otherwise?: Resolution;
  /** The message leans on the last turn ("còn …", "… thì sao", a word pointing back): even words of another topic may be about it. */
  leaning?: boolean;
  /** The message has its own question and a topic of its own: if it is about another topic, it is a new one. */
  full?: boolean;
  /**
   * The words of the last question this reading opens with, before the words of a message that leans on it: they say what
   * is asked, but weigh as a told situation does, so the message's own words ("còn người đang chấp hành án tù thì sao?")
   * choose the passage and the quote.
   */
  carried?: string;
}

// Messages about the last answer, typed without diacritics: which source they want.
const ABOUT_SOURCE = /\b(?:nguon|trich dan|trich|source|citation|quote)\s*(?:so\s*|number\s*|no\.?\s*)?\[?(\d{1,2})\]?|^\[(\d{1,2})\]$/;
const ABOUT_BASIS = /\b(?:(?:dieu|khoan|diem|luat|van ban|quy dinh)(?: \S+)? (?:nao|gi|may)|dieu luat|dieu khoan|dan chieu|trich dan|can cu|co so phap ly|quy dinh o dau|luat quy dinh|which (?:article|law|clause)|what (?:article|law)|exact article|legal basis|where does (?:it|that|this) (?:say|come from)|come from|says who|quote)\b/;
const ABOUT_DETAIL = /\b(?:noi ro|neu ro|giai thich|chi tiet|cu the hon|noi cu the|ro hon|them nua|toan van|(?:trich )?nguyen van|day du|more detail|explain|tell me more|full text|whole article|in full|more about that)\b/;
// Where the answer came from: the first source ("nguồn nào đưa tin này?", "tin này đăng ở đâu?").
const ABOUT_ORIGIN = /\b(?:nguon nao|tin nay|bai nay|bai bao nay|dang (?:ngay nao|o dau|tren)|bao nao|where (?:was|is) (?:it|this) (?:published|from))\b/;
// A document the last answer cited, named by its kind and pointed back at ("nghị quyết đó", "văn bản này"), and asked for its facts
// (number, date, signer, issuer, force): the document itself, not its topic.
const ABOUT_DOCUMENT = /\b(van ban|nghi quyet|nghi dinh|chi thi|luat|ke hoach|quyet dinh|thong tu|huong dan) (?:do|nay|ay)\b/;
const DOCUMENT_FACTS = /\b(?:so may|so bao nhieu|so hieu|ban hanh|ky ngay|ai ky|hieu luc|cua ai|co quan nao)\b/;
// Words that point back at what was just said: a message holding one cannot stand alone ("Chỉ thị đó …", "nó", "họ", "that");
// "họ tên" is a full name.
// "Hôm nay", "tuần này" name the present, not the last topic; "hôm đó", "lúc ấy" point back at it.
const POINTS_BACK = /(?<![\p{L}\p{N}])(?:đó|ấy|nó|họ(?!\s+(?:và\s+)?tên)|it|that|this|they|them|(?<!(?:hôm|tối|sáng|chiều|trưa|năm|giờ|lúc|dạo|hiện|tuần|tháng|kỳ|đợt|lần|bây)\s)này)(?![\p{L}\p{N}])/iu;
// Typed without diacritics "đó", "này" are "do", "nay", also "by", "now", "đỏ": "nay" not after a time ("hôm nay", "hiện nay"),
// and only closing a noun phrase: at the end, or before the predicate ("giấy đó ở đâu", "chỉ thị đó ban hành") or the
// question asked of it ("hội nghị đó ngày nào", "văn bản này ai ký").
const POINTS_BACK_FOLDED = /(?:\s(?:do|ay)|(?<!\b(?:hom|toi|sang|chieu|trua|nam|gio|luc|dao|gan|den|tu|bay|hien|tuan|thang|ky|dot|lan))\snay)(?=\s+(?:o|thi|la|ban|co|duoc|dc|ra|the|quy|noi|ko|khong|k|ngay nao|khi nao|bao|ai|gi|may)\b|\s*$)/;
// "Trước đây", "hồi trước" set the rule before against the one just answered: they ask about the last topic's past.
const BEFORE_NOW = /\b(?:truoc day|truoc kia|hoi truoc|luc truoc)\b/;
/** Whether a message, chat spelling written out, points back at the last topic; `folded` is its words without diacritics. */
const pointsBackIn = (text: string, folded: string) =>
  BEFORE_NOW.test(folded) || POINTS_BACK.test(text) || (!hasDiacritics(text) && POINTS_BACK_FOLDED.test(folded));

// Words that open or close a message leaning on the one before ("còn … thì sao", "thế còn", "vậy nếu", "what about"), typed without diacritics, longest first.
const OPENERS = ['but what about', 'con truong hop', 'what about', 'how about', 'the con', 'vay con', 'con neu', 'the neu', 'vay neu', 'and if', 'what if', 'and for', 'truong hop', 'con', 'the', 'vay', 'neu', 'and'];
const CLOSERS = ['thi sao a', 'thi sao ad', 'thi the nao', 'thi lam sao', 'thi sao', 'thi ntn', 'thi s', 'as well', 'nhi', 'then', 'too'];
const phrases = (list: string[]) => list.map((p) => p.replace(/ /g, '\\s+')).join('|');
const LEANS_CLOSE = new RegExp(`\\b(?:${phrases(CLOSERS)})$`);
// Question words that make a message a question of its own ("bao nhiêu", "ở đâu", "có … không"); the closing ones above do not count.
// An English auxiliary (EN_AUXILIARY below) asks only where it opens the message, as typed ("can I …?", not "she can't …" nor "cán bộ …").
const ASKS = /\b(?:gi|nao|bao nhieu|bao lau|may|ai|dau|khi nao|bao gio|lam sao|tai sao|vi sao|co (?:\S+ ){0,12}(?:khong|ko|k)|duoc (?:khong|ko|k)|phai khong|what|when|where|who|why|how|which)\b/;
// Words of a question that open its predicate, after its subject: where the part an elliptical message replaces ends.
// Matched as typed: with diacritics "thị" (in "Chỉ thị") is not "thì"; typed without, the folded forms.
const PREDICATE_VI = new Set(['có', 'được', 'phải', 'thì', 'là', 'cần', 'nên', 'muốn', 'sẽ', 'đã', 'bị', 'đi', 'làm', 'ở', 'khi', 'bao', 'mấy', 'gì', 'nào', 'yêu', 'quy', 'gồm', 'do', 'vào', 'diễn', 'thuộc']);
const PREDICATE = new Set(['co', 'duoc', 'dc', 'phai', 'thi', 'la', 'can', 'nen', 'muon', 'se', 'da', 'bi', 'di', 'lam', 'o', 'khi', 'bao', 'may', 'gi', 'nao', 'yeu', 'quy', 'gom', 'do', 'vao', 'dien', 'thuoc']);
// English: the subject sits between the opening auxiliary and the verb ("Can | prisoners | vote?").
const EN_AUXILIARY = new Set(['can', 'may', 'do', 'does', 'did', 'is', 'are', 'must', 'should', 'will', 'could', 'would']);
const EN_VERB = new Set(['vote', 'be', 'get', 'register', 'stand', 'run', 'cast', 'need', 'have', 'go', 'bring', 'use', 'find', 'check', 'complain', 'count', 'do', 'take', 'ask', 'open', 'close', 'start', 'end', 'win', 'elect', 'apply', 'see', 'watch']);

// Filler that says nothing of the topic: question words, chat particles and the markers above, as typed with diacritics and without
// ("thẻ" is a topic, "thế" is not; typed "the", it could be either, and counts as filler).
const FILLER_VI = new Set(['đâu', 'gì', 'bao', 'nhiêu', 'lâu', 'mấy', 'ai', 'khi', 'tại', 'đề', 'nghị', 'xem', 'mình', 'giúp', 'à', 'ạ', 'nhé', 'nhỉ', 'vậy', 'thế', 'còn', 'thì', 'ơi', 'ấy', 'hả', 'nếu', 'trường', 'hợp', 'nào']);
const FILLER = new Set(['dau', 'gi', 'bao', 'nhieu', 'lau', 'may', 'ai', 'khi', 'tai', 'where', 'when', 'who', 'why', 'which', 'de', 'nghi', 'xem', 'minh', 'giup', 'please', 'show', 'me', 'a', 'ad', 'ah', 'nhe', 'nha', 'nhi', 'vay', 'z', 'v', 'the', 'con', 'thi', 'sao', 's', 'ntn', 'oi', 'mn', 'ak', 'u', 'ha', 'neu', 'truong', 'hop', 'what', 'about', 'how', 'and', 'if', 'then', 'too']);

const words = (text: string) => foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const isFiller = (word: string) => (hasDiacritics(word) ? FILLER_VI.has(word) : FILLER.has(word));
// Typed without marks, "so", "do", "to", "can" are Vietnamese words too ("sổ đỏ", "giấy tờ", "cần"): a message is read as
// English, its English function words as filler, only when it holds one no Vietnamese syllable spells ("where", "and").
const contentWords = (text: string) => {
  const all = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const english = !hasDiacritics(text) && all.some((w) => isEnglishStopword(w) && !isVietnameseWord(w));
  return all.filter((w) => !isFiller(w) && !isStopword(w) && !(english && isEnglishStopword(w)));
};

// Typed with diacritics, an opener is spelt as itself: "Thẻ cử tri …" does not open with "thế", nor "Con tôi …" with "còn".
const OPENER_SPELT: Record<string, string> = { the: 'thế', con: 'còn', vay: 'vậy', neu: 'nếu', truong: 'trường' };

const tokensOf = (message: string) => message.trim().split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t));

/** The words a message opens with that lean on the previous turn ("còn", "thế nếu", "what about"), if any. */
function openerOf(tokens: string[]): string | undefined {
  const folded = tokens.map((t) => foldDiacritics(t).replace(/[^\p{L}\p{N}]/gu, ''));
  const opener = OPENERS.find((p) => folded.slice(0, p.split(' ').length).join(' ') === p);
  const first = (tokens[0] ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const spelt = OPENER_SPELT[folded[0] ?? ''];
  return opener && spelt && hasDiacritics(tokens.join(' ')) && first !== spelt ? undefined : opener;
}

/** The message without the words that lean on the previous turn: "còn người bị tạm giam thì sao?" → "người bị tạm giam". */
function coreOf(message: string): string {
  const tokens = tokensOf(message);
  const folded = tokens.map((t) => foldDiacritics(t).replace(/[^\p{L}\p{N}]/gu, ''));
  const opener = openerOf(tokens);
  const start = opener ? opener.split(' ').length : 0;
  const closer = CLOSERS.find((p) => tokens.length - p.split(' ').length >= start && folded.slice(tokens.length - p.split(' ').length).join(' ') === p);
  const end = tokens.length - (closer ? closer.split(' ').length : 0);
  return tokens.slice(start, end).join(' ').replace(/^[,;:]+|[,;:?!.…]+$/gu, '');
}

const bare = (token: string) => token.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

// Question words a Vietnamese question may open with (kept to those that ask when, how long, who, where and why), and
// the words that may join them to the topic.
const ASKING_OPENINGS = ['khi nào', 'bao giờ', 'lúc nào', 'mấy giờ', 'ngày nào', 'hôm nào', 'thời điểm nào', 'bao lâu', 'ai', 'ở đâu', 'tại sao', 'vì sao', 'làm sao'];
const JOINING = new Set(['thi', 'la', 'de']);
// After "ai" these make it "everyone" or "someone" ("Ai cũng phải đi bầu?"), not "who".
const NOT_WHO = new Set(['cung', 'ai', 'do', 'nay']);

/**
 * How many words a question's opening question words, and a "thì", "là" or "để" after them, take; 0 when it opens
 * otherwise. A word typed with its marks must be spelt as the question word ("Ở đầu phiếu" is not "ở đâu"); "AI" in
 * capitals is artificial intelligence.
 */
function askingOpening(tokens: string[]): number {
  const typed = tokens.map((t) => bare(t));
  const folded = typed.map((t) => foldDiacritics(t));
  const opening = ASKING_OPENINGS.find((o) =>
    o.split(' ').every((word, i) => (hasDiacritics(typed[i] ?? '') ? typed[i] === word : folded[i] === foldDiacritics(word))),
  );
  if (!opening || tokens[0] === 'AI' || (opening === 'ai' && NOT_WHO.has(folded[1] ?? ''))) return 0;
  const after = opening.split(' ').length;
  return JOINING.has(folded[after] ?? '') ? after + 1 : after;
}

/** A word class as typed with marks and without: a token is read in the spelling it was typed in. */
const wordClass = (accented: Set<string>, folded: Set<string>) => (token: string) => (hasDiacritics(token) ? accented : folded).has(bare(token));
const isPredicateWord = wordClass(PREDICATE_VI, PREDICATE);
// Aspect and passive markers: after the subject's noun they may open what describes it ("Người đang bị tạm giam | có được
// bầu không?"), when a modal or copula (isStating) comes later to state what is asked of it.
const isDescribing = wordClass(new Set(['đang', 'đã', 'bị', 'vừa', 'mới', 'từng', 'sắp']), new Set(['dang', 'da', 'bi', 'vua', 'tung', 'sap']));
const isStating = wordClass(new Set(['có', 'được', 'phải', 'thì', 'là', 'cần', 'nên', 'muốn']), new Set(['co', 'duoc', 'dc', 'phai', 'thi', 'la', 'can', 'nen', 'muon']));

/**
 * Where a question's predicate starts (its first predicate word after the first word), or -1. A first predicate word
 * that describes the subject ("đang", "bị", "đã") gives way to a later modal or copula that does not follow one:
 * "Người đã đi bầu rồi | có được bầu lại không?", but "Con tôi | đã đủ tuổi đi bầu chưa?".
 */
function predicateAt(tokens: string[]): number {
  const first = tokens.findIndex((t, i) => i > 0 && isPredicateWord(t));
  if (first < 0 || !isDescribing(tokens[first] ?? '')) return first;
  const stating = tokens.findIndex((t, i) => i > first && isStating(t) && !isDescribing(tokens[i - 1] ?? ''));
  return stating > 0 ? stating : first;
}

/**
 * The previous question with its subject swapped for `core`: "Người đang nằm viện có được bầu không?"
 * and "người bị tạm giam" give "người bị tạm giam có được bầu không?". The subject is what comes before the
 * first word of the predicate (in English, between the auxiliary and the verb). A core that only
 * qualifies (a year, a number) is added to the previous question instead, replacing the year it had.
 */
function swapSubject(previous: string, core: string): string {
  const tokens = previous.trim().split(/\s+/u);
  if (/^(?:(?:năm|nam|year|in|khóa|khoa|nhiệm kỳ|nhiem ky)\s+)?\d[\d/\-–]*$/iu.test(core.trim())) {
    const years = core.match(/\b(?:19|20)\d{2}\b/g) ?? [];
    return `${years.length > 0 ? previous.replace(/\b(?:19|20)\d{2}\b/g, '').replace(/\s+/g, ' ').trim() : previous} ${core}`.trim();
  }
  if (EN_AUXILIARY.has(bare(tokens[0] ?? ''))) {
    const verb = tokens.findIndex((t, i) => i > 1 && EN_VERB.has(bare(t)));
    if (verb > 1) return [tokens[0], core, ...tokens.slice(verb)].join(' ');
    return `${core} ${previous}`;
  }
  const at = predicateAt(tokens);
  return at > 0 ? `${core} ${tokens.slice(at).join(' ')}` : `${core} ${previous}`;
}

// Words of a topic a message about the last answer may have besides those asking for it ("trích nguyên văn giúp mình để in dán").
const ABOUT_TOPIC_WORDS = 5;
// Content words a question needs to have a topic of its own ("bao lâu thì được trả lời" has not).
const TOPIC_WORDS = 4;

/** The previous question's subject: its words before the predicate ("Chỉ thị 03-CT/TU của Lạng Sơn" of "… có nội dung gì?"). */
function subjectOf(question: string): string {
  const tokens = question.trim().split(/\s+/u);
  // A question opening with what it asks ("Khi nào thì kiểm phiếu?", "Ai lập danh sách cử tri?") has its topic after it.
  const topic = tokens.slice(askingOpening(tokens) || tokens.length).join(' ').replace(/[?!.…]+$/u, '').trim();
  if (/\p{L}/u.test(topic)) return topic;
  const at = predicateAt(tokens);
  return at > 0 ? tokens.slice(0, at).join(' ') : question.replace(/[?!.…]+$/u, '');
}

/**
 * The source a question about the answer's legal basis means: the first resting on an article (the one the
 * answer leads with, not a later article that only shares words), as the law itself cites it when it does,
 * clause included.
 */
function basisOf(sources: ConversationTurn['sources']): ConversationTurn['sources'][number] | undefined {
  const first = sources.find((s) => s.article !== null);
  if (!first) return sources[0];
  const article = (first.article as string).split(' ').slice(0, 2).join(' ');
  return sources.find((s) => s.law && (s.article === article || s.article?.startsWith(`${article} `))) ?? first;
}

/** Whether a conversation is still going at `now`: it has a turn within its lifetime. */
export function isGoing(turns: ConversationTurn[], now: number, ttlMs = CONVERSATION_TTL_MS): boolean {
  const last = turns.at(-1);
  return last !== undefined && now - last.at <= ttlMs;
}

/**
 * What to do with a message in a conversation, from its own words: a question about the last answer
 * (its legal basis, more of it, a numbered source, where it was published) asks for that source. A
 * message with its own question and topic is read as it stands first. One that leans on the
 * previous ("còn …", "… thì sao", "what about …") is read first as a follow-up: the previous question with
 * its subject swapped for what the message names, or, when the message asks its own question, with the
 * message's question put to the previous subject. Short messages are read first as they stand. Either way,
 * the other reading is kept as `otherwise`, for the evidence of retrieval to decide. A conversation past
 * its lifetime is over: every message is fresh.
 */
export function resolveMessage(turns: ConversationTurn[], message: string, now: number, ttlMs = CONVERSATION_TTL_MS): Resolution {
  const fresh: Resolution = { kind: 'fresh', question: message };
  const last = turns.at(-1);
  if (!last || !isGoing(turns, now, ttlMs)) return fresh;
  // Chat spelling written out first ("đc" is "được", "k" is "không"), so its words count as what they are.
  const text = expandChatSpelling(message);
  // Thanks, a greeting or an acknowledgement ("em cảm ơn", "ok em hiểu rồi") is no follow-up, however it names the asker.
  if (smallTalkOf(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) !== null) return fresh;
  const folded = words(text).join(' ');
  const content = contentWords(text);
  const source = ABOUT_SOURCE.exec(folded) ?? ABOUT_SOURCE.exec(message.trim());
  const n = source ? Number(source[1] ?? source[2]) : ABOUT_ORIGIN.test(folded) ? 1 : null;
  // "The last answer" is the last one that cited anything: a decline in between quoted nothing to ask about.
  const answered = [...turns].reverse().find((t) => t.sources.length > 0 && now - t.at <= ttlMs) ?? last;
  if (n !== null && answered.sources[n - 1]) return { kind: 'about-answer', question: (answered.sources[n - 1] as ConversationTurn['sources'][number]).ask };
  const namedDocument = ABOUT_DOCUMENT.exec(folded);
  if (namedDocument && DOCUMENT_FACTS.test(folded)) {
    const kind = (namedDocument[1] as string).replace(/ /g, '-');
    // The source of that kind, else the first issued document (the guide is this project's own prose), else the first.
    const cited = answered.sources.find((s) => s.docId.includes(kind)) ?? answered.sources.find((s) => !s.docId.startsWith('guidance/')) ?? answered.sources[0];
    // Its title (the article a law's source opens at left out), asked with the message: a named document is answered by its card.
    if (cited) return { kind: 'about-answer', question: `${cited.ask.replace(/^Điều \d+[a-zđ]?(?: khoản \d+)? /u, '')} ${message}` };
  }
  // A message about the answer has few words of a topic besides the words asking for it: "điều nào quy định vậy?", not "điều kiện ứng cử là gì".
  const detail = folded.match(ABOUT_DETAIL);
  const about = detail ?? folded.match(ABOUT_BASIS);
  if (about && content.length - about[0].split(' ').length <= ABOUT_TOPIC_WORDS) {
    const ask = basisOf(answered.sources)?.ask ?? last.question;
    // Asked which rule, the clause; asked for more of it ("nói rõ hơn", "toàn văn"), the whole article.
    return { kind: 'about-answer', question: detail ? ask.replace(/^(Điều \d+[a-zđ]?) khoản \d+[a-zđ]?/u, '$1') : ask };
  }
  const leans = openerOf(tokensOf(text)) !== undefined || LEANS_CLOSE.test(folded);
  // Asked by the message itself, not by the words leaning on the last one ("what about …", "… thì sao").
  const asked = coreOf(text);
  const ownQuestion = ASKS.test(words(asked).join(' ')) || EN_AUXILIARY.has(/^[a-z]+\b/.exec(asked.toLowerCase())?.[0] ?? '');
  const pointsBack = pointsBackIn(text, folded);
  // Its own question and a topic of its own: a full question.
  const full = ownQuestion && content.length >= TOPIC_WORDS;
  if (content.length === 0 && !ownQuestion) return fresh;
  // A question word and nothing else ("ở đâu?", "khi nào?") asks about the previous topic: there is nothing to answer alone.
  const bare = content.length === 0;
  const core = coreOf(message) || message;
  const followUp: Resolution = {
    kind: 'follow-up',
    question: ownQuestion ? `${subjectOf(last.question)} ${core.replace(POINTS_BACK, ' ').replace(/\s+/g, ' ').trim()}` : swapSubject(last.question, core),
  };
  // The previous question and the message side by side: for when the subject is not where the constructions above cut.
  // Leaning on it ("còn … thì sao", "what about …"), the message sets its own words against the last question's: those
  // weigh as context. A message adding a detail ("mới đăng ký tạm trú được 5 tháng") leaves the last question the ask.
  const carried = last.question.replace(/[?!.…]+$/u, '');
  const together: Resolution = { kind: 'follow-up', question: `${carried} ${core}`, ...(leans ? { carried } : {}) };
  const followUps: Resolution = { ...followUp, otherwise: together };
  if (bare) return followUps;
  const standing: Resolution = { ...fresh, ...(full ? { full } : {}) };
  // Asking nothing and telling a situation ("vợ em đang đẻ ở viện", "hôm đó em chạy xe ôm"), a message is the story behind
  // the last question, told after it: read first as that story, then as a follow-up, then as it stands.
  if (!ownQuestion && !/\?\s*$/u.test(message) && tellsSituation(text)) {
    return { kind: 'follow-up', question: `${core}. ${last.question}`, otherwise: { ...followUps, otherwise: standing }, leaning: true };
  }
  // A full question that leans ("thế giá vàng hôm nay bao nhiêu") is read as it stands first; a fragment that leans as a follow-up first.
  // So does a question with one word of a topic ("nộp ở đâu?", "ai ký?"): too little to stand on, read as it stands only last.
  if (leans || pointsBack || (ownQuestion && content.length === 1)) return full ? { ...standing, otherwise: followUps, leaning: true } : { ...followUp, otherwise: { ...together, otherwise: standing }, leaning: true };
  // A full question leaning on nothing is read as it stands; its follow-up readings are for when it finds no answer, and the
  // choice takes one only on strong evidence (chooseReading's borrowsAt).
  return { ...standing, otherwise: followUps };
}
