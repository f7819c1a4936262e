import type { Lexicon } from '../corpus/index.ts';
import type { LexicalQuery } from '../index/index.ts';
import { answerFocusOf, answerTypeOf, asksOf, countedOf, keywordAnswerType, type AnswerFocus, type AnswerType, type Ask } from '../text/answers.ts';
import { isEnglishSmallTalk, smallTalkOf, type SmallTalk } from '../text/small-talk.ts';
import { expandChatSpelling } from '../text/chat.ts';
import { isVietnameseWord, type Speller } from '../text/spelling.ts';
import { findDocumentRefs, isRomanNumeral, romanTermsOfOffice, type DocumentRef } from '../text/identifiers.ts';
import { cleanQuestion, foldDiacritics, hasDiacritics, normalizeText, sentences, typedSentences } from '../text/normalize.ts';
import { splitClauses, withoutHandlingAsked, type Clause } from '../text/clauses.ts';
import { findPeople } from '../text/people.ts';
import { findLocalities, findPlaces } from '../text/places.ts';
import { extractTerms, isEnglishStopword, isStopword } from '../text/terms.ts';

export type Language = 'vi' | 'en';

/** One thing the question asks about; met when a passage holds every word of any alternative. */
export interface Concept {
  label: string;
  alternatives: string[][];
  /** Came from a glossary or synonym phrase rather than a single word of the question. */
  phrase: boolean;
  /** The word as typed with diacritics: "vàng" is met by "vàng", not by "vắng" (both "vang" without them). */
  exact?: string;
  /** From a clause that tells the asker's situation rather than asks ("bà em 85 tuổi, …"): it counts for less. */
  context?: boolean;
}

export interface AnalyzedQuery {
  question: string;
  /** The question as analysed: invisible characters and markup removed, normalised; reference spans point into it. */
  text: string;
  /** Its clauses that ask, as analysed (the whole text when none tells a situation apart). */
  asking: string;
  /** What its question words ask for, read in the clauses that ask: a count in the story it tells ("5 người", "mấy năm trước") is no count asked. */
  answerType: AnswerType | null;
  focus: AnswerFocus | null;
  /** For a count, the word it counts ("chi" of "bao nhiêu chỉ tiêu"), without diacritics, read in the clauses that ask. */
  counted: string | null;
  /** Every time, date or count its asking clauses ask for, in order: a question may ask two ("mấy bản và gửi trong bao lâu"); a search-box query, the one its head noun names. */
  asks: Ask[];
  /** For a search-box query without question words, the kind of answer its head noun names (see keywordAnswerType): it picks the sentence quoted first, the decision was fitted without it. */
  keywordType: AnswerType | null;
  smallTalk: SmallTalk | null;
  language: Language;
  /** Whether the user typed Vietnamese diacritics. */
  accented: boolean;
  concepts: Concept[];
  /** Neighbouring content words the user typed, outside glossary and synonym phrases ("lang_son"). */
  pairs: string[];
  lexical: LexicalQuery;
  /** Text given to the embedder: the question with English domain terms translated. */
  embedText: string;
  refs: DocumentRef[];
  places: string[];
  /** Places named in a clause that itself asks how many or who ("Gia Lai có bao nhiêu người ứng cử"), not in one telling where the asker lives. */
  placesAsked: string[];
  /** Names of laws the question asks about ("luật đất đai" → "dat_dai"), as diacritic-free word pairs. */
  laws: string[];
  /** Out-of-scope things the question asks about (another country, another kind of election), each with the diacritic-free terms that would show a document mentions it; the situation it tells ("tôi làm việc ở Nhật, …") is left out. */
  outOfScope: Array<{ name: string; terms: string[][] }>;
  /** Years the question asks about (the situation it tells left out, as for the two below). */
  years: string[];
  /** People it asks about, folded ("nguyen van hung"). */
  people: string[];
  /** Constituencies and polling areas it asks about by number, terms of office and quarters, folded ("don vi bau cu so 1", "khoa xvi", "quy 3"). */
  numbered: string[];
  /** It asks who a person is: who holds an office, who is the youngest, whose name, who won a given election. */
  asksPerson: boolean;
  /** Of those, it asks who won a given election (a year, a term or a place named): only a winner named answers. */
  asksWinner: boolean;
  /** It asks a count of a given election (a year, a term or a place named): that election's own figure. */
  asksCountOfOne: boolean;
  /** It asks an amount of money and nothing else: a salary, an allowance, a cost, a budget. */
  asksMoney: boolean;
  /** The kinds of thing it asks which one of, folded ("kenh" of "kênh nào"). */
  kindsAsked: string[];
}

const LONGEST_PHRASE = 6;

/** A question in plain ASCII whose words are mostly English function words, glossary terms, or no Vietnamese syllables. */
export function detectLanguage(question: string, lexicon: Lexicon): Language {
  const english = (t: string) => isEnglishStopword(t) || lexicon.glossary[t] !== undefined;
  if (hasDiacritics(question)) {
    // An English question may quote a Vietnamese term ("a polling team (Tổ bầu cử)"): English when its words with
    // marks are few and most of the others are English.
    const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
    const plain = words.filter((w) => !hasDiacritics(w));
    const marked = words.length - plain.length;
    return marked < ACCENTED_SHARE * words.length && plain.filter(english).length >= 0.5 * plain.length ? 'en' : 'vi';
  }
  const tokens = question.toLowerCase().match(/[a-z']+/g) ?? [];
  if (tokens.length === 0) return 'vi';
  // Words none of which is a Vietnamese syllable, but for English function words, and one of them a word rather than an
  // acronym ("weather in hanoi tomorrow", not "ct 05-ct/tw").
  const foreignWord = (t: string) => !isVietnameseWord(t) && !isEnglishStopword(t);
  if (tokens.length >= 2 && tokens.every((t) => isEnglishStopword(t) || !isVietnameseWord(t)) && tokens.some((t) => foreignWord(t) && /[aeiouy]/.test(t))) return 'en';
  // Words that are no Vietnamese syllable, even read as Telex or VNI ("who", "won", "seat"), count as English
  // beside an English word that is no Vietnamese one either; alone they may be lower-case acronyms ("hdnd tinh bau may nguoi").
  const anchored = tokens.some((t) => english(t) && !isVietnameseWord(t));
  const foreign = anchored ? tokens.filter((t) => !english(t) && !isVietnameseWord(t)).length : 0;
  return (tokens.filter(english).length + foreign) / tokens.length >= 0.34 ? 'en' : 'vi';
}

// English inflections tried in turn, so "chaired", "elections", "voting", "studies", "addresses" and "stopped" find their glossary entries.
const INFLECTIONS: Array<[RegExp, string]> = [
  [/ s$/, ''],
  [/ies$/, 'y'],
  [/es$/, ''],
  [/s$/, ''],
  [/ied$/, 'y'],
  [/([b-df-hj-np-tv-z])\1ed$/, '$1'],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/d$/, ''],
  [/([b-df-hj-np-tv-z])\1ing$/, '$1'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/ly$/, ''],
];

function lookupGlossary(lexicon: Lexicon, key: string): string[] | undefined {
  if (lexicon.glossary[key]) return lexicon.glossary[key];
  for (const [suffix, replacement] of INFLECTIONS) {
    const stem = key.replace(suffix, replacement);
    if (stem !== key && lexicon.glossary[stem]) return lexicon.glossary[stem];
  }
  return undefined;
}

// Synonym groups keyed by every member's spelling, with diacritics (lower-cased) and without, built once per lexicon.
const synonymIndexes = new WeakMap<Lexicon, { exact: Map<string, string[]>; folded: Map<string, string[]> }>();

function synonymIndex(lexicon: Lexicon): { exact: Map<string, string[]>; folded: Map<string, string[]> } {
  let index = synonymIndexes.get(lexicon);
  if (!index) {
    index = { exact: new Map(), folded: new Map() };
    for (const [head, alternatives] of Object.entries(lexicon.synonyms)) {
      const group = [head, ...alternatives];
      for (const member of group) {
        const exact = normalizeText(member).toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ');
        if (!exact) continue;
        for (const [map, key] of [[index.exact, exact], [index.folded, foldDiacritics(exact)]] as const) {
          map.set(key, [...new Set([...(map.get(key) ?? []), ...group])]);
        }
      }
    }
    synonymIndexes.set(lexicon, index);
  }
  return index;
}

interface Piece {
  text: string;
  /** Phrases this piece stands for, when it matched the glossary or the synonym table. */
  phrases?: string[];
}

const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'our', 'their', 'its']);

/**
 * Splits text into phrase matches and the original text between them. The matches are the set that
 * covers most words (then with fewest phrases), not the leftmost-longest: in "đi nghĩa vụ quân sự" the
 * four-word "nghĩa vụ quân sự" wins over the "đi nghĩa vụ" that starts earlier and would strand "quân sự".
 */
function splitPhrases(text: string, lookup: (key: string) => string[] | undefined, fold: boolean, english: boolean): Piece[] {
  // "on my behalf" is the glossary's "on behalf", "my voter card" its "voter card": possessives never change the term.
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((t) => !english || !POSSESSIVES.has(t[0].toLowerCase()));
  const keys = tokens.map((t) => (fold ? foldDiacritics(t[0]) : t[0].toLowerCase()));
  const matches = phraseMatches(keys, lookup);
  const pieces: Piece[] = [];
  let looseFrom = 0;
  for (const { at, length, phrases } of matches) {
    const start = tokens[at]?.index ?? 0;
    const last = tokens[at + length - 1] as RegExpMatchArray;
    const end = (last.index ?? 0) + last[0].length;
    if (start > looseFrom) pieces.push({ text: text.slice(looseFrom, start) });
    pieces.push({ text: text.slice(start, end), phrases });
    looseFrom = end;
  }
  if (looseFrom < text.length) pieces.push({ text: text.slice(looseFrom) });
  return pieces;
}

/** A cover of the words from some place on: how many it covers, with how many phrases, and its first step. */
interface Cover {
  covered: number;
  count: number;
  /** Words of the phrase it opens with; 0 when it skips the first word. */
  length: number;
  phrases?: string[];
}

const betterCover = (a: Cover, b: Cover) => a.covered > b.covered || (a.covered === b.covered && a.count < b.count);

/** The non-overlapping phrase matches among `keys` that cover most of them, with fewest phrases; on a tie, the earlier and longer. */
function phraseMatches(keys: string[], lookup: (key: string) => string[] | undefined): Array<{ at: number; length: number; phrases: string[] }> {
  // best[i]: the best cover of keys[i..]; filled from the end, so each choice sees the best of what follows it.
  const best: Cover[] = [];
  best[keys.length] = { covered: 0, count: 0, length: 0 };
  for (let i = keys.length - 1; i >= 0; i--) {
    let opening: Cover | null = null;
    for (let n = Math.min(LONGEST_PHRASE, keys.length - i); n > 0; n--) {
      const phrases = lookup(keys.slice(i, i + n).join(' '));
      const rest = best[i + n] as Cover;
      const option = { covered: rest.covered + n, count: rest.count + 1, length: n, phrases };
      if (phrases && (!opening || betterCover(option, opening))) opening = option;
    }
    const after = best[i + 1] as Cover;
    const skip = { covered: after.covered, count: after.count, length: 0 };
    best[i] = opening && !betterCover(skip, opening) ? opening : skip;
  }
  const matches: Array<{ at: number; length: number; phrases: string[] }> = [];
  for (let i = 0; i < keys.length; ) {
    const { length, phrases } = best[i] as Cover;
    if (length > 0 && phrases) matches.push({ at: i, length, phrases });
    i += Math.max(1, length);
  }
  return matches;
}

/** A name's diacritic-free word pairs (or its one word), as the index stores them: a text mentions the name only if it holds them all. */
export const nameTerms = (tokens: string[]): string[] => (tokens.length === 1 ? [tokens[0] as string] : tokens.slice(1).map((w, i) => `${tokens[i]}_${w}`));

/** A one-word name that is no Vietnamese syllable ("Myanmar", "Japan"): that name however it is typed. */
const foreignWord = (name: string[]) => name.length === 1 && /^[a-z]{4,}$/i.test(name[0] as string) && !isVietnameseWord((name[0] as string).toLowerCase());

// A voter coming home tells where from ("đi xklđ ở Hàn Quốc về nước", "just got back from Australia"): the question is
// about voting here, which the law provides for (Điều 29 khoản 4), not about that country.
const COMES_HOME = /\b(?:ve nuoc|ve viet nam|ve vn|tro ve|back from|back to vietnam|back home|home from|returned from|returning from|return from)\b/;

// The words a place follows where a voter tells where they are or come from: "ở Mỹ", "từ Hàn Quốc", "back from Australia".
const AT_OR_FROM = new Set(['o', 'tai', 'tu', 'ben', 'sang', 'from', 'in']);

/**
 * A question telling of coming home from a country named after "ở", "từ" or "from" asks about coming home from abroad,
 * which the law provides for whatever the country: the country is read as "nước ngoài" ("ở Mỹ về nước" → "ở nước ngoài
 * về nước"), in the question's language and spelling.
 */
function readAbroad(text: string, lexicon: Lexicon, language: Language): string {
  if (!COMES_HOME.test(foldDiacritics(text).toLowerCase())) return text;
  const abroad = language === 'en' ? 'abroad' : typedWithDiacritics(text) ? 'nước ngoài' : 'nuoc ngoai';
  const names = lexicon.abroad
    .flatMap((head) => [head, ...(lexicon.outOfScope[head] ?? [])])
    .map((name) => foldDiacritics(name).toLowerCase().split(/\s+/))
    .sort((a, b) => b.length - a.length);
  const tokens = text.split(/\s+/u);
  const bare = tokens.map((t) => foldDiacritics(t).toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push(tokens[i] as string);
    const name = AT_OR_FROM.has(bare[i] as string) ? names.find((n) => n.every((w, k) => bare[i + 1 + k] === w)) : undefined;
    if (!name) continue;
    // The punctuation closing the name closes its replacement too: "from Australia." → "from abroad.".
    out.push(`${abroad}${(tokens[i + name.length] as string).replace(/^[\p{L}\p{N}]+/u, '')}`);
    i += name.length;
  }
  return out.join(' ');
}

// Words that make an office's name a person's: "ông trưởng thôn" is someone in the story, not the election of one.
const PERSON_TITLE = new Set(['ong', 'ba', 'anh', 'chi', 'chu', 'bac']);

/** Whether folded text names a phrase (spaces around) somewhere other than right after a personal title. */
function namesNotPerson(folded: string, phrase: string): boolean {
  for (let at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
    if (!PERSON_TITLE.has(folded.slice(0, at).split(' ').at(-1) ?? '')) return true;
  }
  return false;
}

/** Entries of the lexicon's out-of-scope lists (countries, other elections) that the question names. */
function findOutOfScope(text: string, lexicon: Lexicon): AnalyzedQuery['outOfScope'] {
  const tokens: string[] = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = ` ${tokens.map((t) => foldDiacritics(t)).join(' ')} `;
  const found: AnalyzedQuery['outOfScope'] = [];
  const comesHome = COMES_HOME.test(folded.toLowerCase());
  for (const [head, others] of Object.entries(lexicon.outOfScope)) {
    if (comesHome && lexicon.abroad.includes(head)) continue;
    const names = [head, ...others].map((n) => normalizeText(n).match(/[\p{L}\p{N}]+/gu) ?? []).filter((n) => n.length > 0);
    // A lone syllable is too often a Vietnamese name or word ("Đức", "Nga", "đạo đức"): only longer
    // names, capitalised English names ("Japan") and acronyms ("USA") count.
    const telling = names.filter((n) => n.length > 1 || /^(?:[A-Z][a-z]{3,}|[A-Z]{2,})$/.test(n[0] as string) || foreignWord(n));
    // A one-syllable name counts right after words that only a country follows: "bầu cử Anh", "nước Pháp".
    const inContext = names.some(
      (name) => name.length === 1 && new RegExp(`(?:^| )(?:bau cu|quoc hoi|tong tuyen cu|chinh phu|nuoc) ${foldDiacritics(name[0] as string)}(?: |$)`).test(folded.trim()),
    );
    // After "của", "ở" or "tại" it must be capitalised and stand alone: "của Mỹ", "ở Lào", but not "của anh" or "ở Đức Phổ".
    const afterPreposition = names.some(
      (name) =>
        name.length === 1 &&
        tokens.some(
          (t, i) =>
            // Typed without diacritics, "o Nhat" is "ở Nhật".
            (t.toLowerCase() === (name[0] as string).toLowerCase() || (!hasDiacritics(t) && t.toLowerCase() === foldDiacritics(name[0] as string))) &&
            /^\p{Lu}/u.test(t) &&
            ['cua', 'o', 'tai'].includes(foldDiacritics(tokens[i - 1] ?? '')) &&
            !/^\p{Lu}/u.test(tokens[i + 1] ?? ''),
        ),
    );
    const named =
      inContext ||
      afterPreposition ||
      telling.some((name) =>
        name.length === 1
          ? tokens.includes(name[0] as string) || (foreignWord(name) && tokens.some((t) => t.toLowerCase() === (name[0] as string).toLowerCase()))
          : namesNotPerson(folded, ` ${name.map((w) => foldDiacritics(w)).join(' ')} `),
      );
    if (named) found.push({ name: head, terms: telling.map((n) => nameTerms(n.map((w) => foldDiacritics(w)))) });
  }
  return found;
}

// A clause that asks how many or who: the place it names is what it asks of.
const asksCountOrAgent = (clause: string) => answerTypeOf(clause) === 'number' || answerFocusOf(clause) === 'agent';

/**
 * What a question asks about, without the situation it tells: the clauses that ask, for a name it must be
 * about ("tôi làm ở Nhật, … có được bầu không?"); the sentences holding them, for a year, person or number,
 * which a clause before a comma still qualifies ("Năm 2021 khiếu nại, tố cáo … thế nào?"). All of it when
 * nothing else asks.
 */
function askedParts(text: string, clauses: Clause[]): { clauses: string; sentences: string } {
  const asking = clauses.filter((c) => c.asking).map((c) => c.text);
  if (asking.length === 0 || asking.length === clauses.length) return { clauses: text, sentences: text };
  const trimmed = asking.map((c) => c.trim());
  const holding = typedSentences(text).filter((sentence) => trimmed.some((c) => sentence.includes(c) || c.includes(sentence)));
  return { clauses: asking.join(' '), sentences: holding.join(' ') || text };
}

// Asking who a person is, which only a passage naming one answers: an office holder ("chủ tịch HĐBCQG là ai"), the
// first or last of some kind ("ai là người … trẻ nhất"), a person's name ("ứng cử viên … tên gì", "danh sách tên").
const OFFICE = '(?:chu tich|pho chu tich|bi thu|pho bi thu|truong ban|pho truong ban|thu tuong|tong bi thu|giam doc|chanh an|vien truong|bo truong)';
const ASKS_PERSON = new RegExp(
  [
    `\\b${OFFICE}\\b[^?]* (?:la ai|ten (?:la )?gi)\\b`,
    // Holders of an office as a group, the office the subject: "Tổ bầu cử do chủ tịch UBND xã thành lập gồm những ai" asks a body.
    `(?:^|[.,;:!] ?)${OFFICE}\\b[^?]* (?:la|gom) nhung ai\\b`,
    `\\bai (?:dang |se )?(?:la|lam) ${OFFICE}\\b`,
    `\\bnhat\\b[^?]* (?:la ai|ten (?:la )?gi)\\b`,
    `\\bai la nguoi\\b[^?]* nhat\\b`,
    `\\b(?:nguoi|ung cu vien|dai bieu|ong|ba)\\b[^?]* ten (?:la )?gi\\b`,
    `\\bdanh sach (?:day du )?ten\\b`,
    `\\bwho (?:is|was) the (?:chair|chairman|chairwoman|president|secretary|prime minister|youngest|oldest)\\b`,
    `\\bwhich candidates? (?:won|were elected|was elected)\\b`,
    `\\bnames? of the (?:winners|deputies|elected)\\b`,
  ].join('|'),
);
// Who won or polled most, asked of one election (a year, a term, a place): "bằng phiếu thì ai trúng cử" asks a rule.
const ASKS_WINNER =
  /\b(?:ai|nhung ai|nhung nguoi nao) (?:da )?(?:trung cu|dac cu|thang cu)\b|\bnguoi (?:da )?(?:trung cu|dac cu)\b[^?]* (?:gom|la) (?:nhung )?ai\b|\b(?:ai|(?:ung cu vien|ung vien|nguoi) nao) (?:duoc |dat )?(?:nhieu|cao) phieu nhat\b|\bwho won\b/;

// A person named as the one who says something ("ông Nam tổ trưởng nói …", "theo bà Mai …") is the source of what is
// asked about, not its subject. Read with marks: typed without them, "noi", "bao", "dan" are "nơi", "bao nhiêu", "dân".
const SPEECH = /^[^,.;:?!]{0,60}?(?<![\p{L}\p{N}])(?:nói|bảo|dặn|kể|cho biết|khẳng định|thông báo|trả lời|giải thích|cho biet|khang dinh|thong bao|tra loi|giai thich|noi la|noi rang|bao la)(?![\p{L}\p{N}])/u;
// After "theo", "co" can only be "cô": a title too.
const SOURCE_BEFORE = new RegExp(`\\btheo (?:(?:${[...PERSON_TITLE, 'co', 'dong chi'].join('|')}) )?$`);

/**
 * The people a question asks about, of those named in its asking sentences (folded, as findPeople gives them): a
 * question asking what may be done ("bà Mai 90 tuổi có được bầu tại nhà không?") names people as those its situation
 * is about, and a person saying something is its source; any other question about a named person (who she is, what
 * she said, how many votes she got, whether she is standing) asks about her, and a passage must name her to answer.
 */
function peopleAsked(named: string[], sentences: string, asksPermission: boolean): string[] {
  if (asksPermission) return [];
  // Folding keeps every character in place: a name found in the folded text sits at the same offsets in the typed one.
  const folded = foldDiacritics(sentences);
  const typed = sentences.toLowerCase();
  return named.filter((name) => {
    const at = new RegExp(`\\b${name}\\b`).exec(folded);
    if (!at) return true;
    return !SOURCE_BEFORE.test(folded.slice(0, at.index)) && !SPEECH.test(typed.slice(at.index + name.length));
  });
}

const YEAR = /\b(?:19|20)\d{2}\b/g;
// The asker speaking of herself or her family: "tôi", "em", "mình", "tui", "chúng tôi", "nhà tôi".
const FIRST_PERSON = /\b(?:toi|em|minh|tui|tao)\b/;

// Asking an amount of money, which only a passage stating one answers. Words that fold like others are read only where
// they cannot be the others: "tiền" right after "bao nhiêu" ("tiến hành … mấy giờ" folds alike), "lương" not after
// "số", "lực" ("số lượng"), though "số tiền thưởng" is a sum; "bồi dưỡng" is also training, so only "… tiền". "Bị phạt
// bao nhiêu" may ask a prison term.
const HOW_MUCH = '(?:bao nhieu|bn|may|nhieu|how much)';
const ASKS_MONEY = new RegExp(
  [
    `\\b${HOW_MUCH} (?:tien|dong|trieu|ty)\\b`,
    `(?:(?<!\\b(?:so|luc|chat|dung|trong|thoi|ham|khoi|dai|can|ban|tu|du|san|cong|hai|kinh|ky|hoat|thuong) )\\b(?:luong|phu cap|thu lao|chi phi|kinh phi|ngan sach)|\\btien thuong)\\b[^?.]*\\b${HOW_MUCH}\\b`,
    `\\bton (?:khoang |het )?(?:bao nhieu|bn)\\b`,
    `\\bhow much (?:money|does it cost)\\b`,
    `\\bhow much\\b[^?]*\\b(?:salary|allowance|cost|fine|paid|spend)\\b`,
  ].join('|'),
);

// Which one of a kind: the word before "nào"; not "bút nào cũng được", "lúc nào đó": any one, some one.
const KIND_ASKED = /\b([a-z]+) nao\b(?! (?:cung|do)\b)/g;

/** Whether every clause that asks (the whole question when none does) asks an amount of money: "tốn bao nhiêu tiền, ai chi?" also asks who pays. */
function asksOnlyMoney(asking: string[], question: string): boolean {
  return (asking.length > 0 ? asking : [question]).every((clause) => ASKS_MONEY.test(foldDiacritics(clause)));
}

// Words after "luật" that describe rather than name a law: "luật mới", "luật hiện hành", "luật số 85".
const NOT_A_LAW_NAME = new Set(['moi', 'hien', 'sua', 'nao', 'gi', 'nay', 'so', 'quy', 've', 'cua', 'la', 'co', 'da', 'duoc', 'thi', 'cu']);

function findLawNames(text: string): string[] {
  const tokens = foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const names: string[] = [];
  tokens.forEach((t, i) => {
    const [before, a, b] = [tokens[i - 1], tokens[i + 1], tokens[i + 2]];
    // "kỷ luật", "pháp luật" and "đúng luật" are not the start of a law's name.
    if (t !== 'luat' || before === 'ky' || before === 'phap' || before === 'dung' || !a || !b) return;
    // The second word may fold onto a stopword: "hình sự" is "hinh su".
    if (NOT_A_LAW_NAME.has(a) || /^\d/.test(a) || isStopword(a)) return;
    names.push(`${a}_${b}`);
  });
  return names;
}

// "đơn vị bầu cử số 1", "khu vực bỏ phiếu số 12": one area among thousands, which a rule of the law does not name.
const NUMBERED_AREA = /\b(don vi bau cu|khu vuc bo phieu|constituency|polling area) (?:so |no\.? ?|number )?(\d+)\b/gi;
// The English names of the areas, as the corpus writes them.
const AREA_NAMES: Record<string, string> = { constituency: 'don vi bau cu', 'polling area': 'khu vuc bo phieu' };

// "quý 3/2024", "quý I-2021": one quarter of a year, which a report on another does not answer; read as a figure.
const QUARTER = /\bquy (iv|iii|ii|i|[1-4])\b/g;
const QUARTER_NUMBERS: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };

function quartersOf(folded: string): string[] {
  return [...folded.matchAll(QUARTER)].map((m) => `quy ${QUARTER_NUMBERS[m[1] as string] ?? m[1]}`);
}

// "khóa XVII": one term of office among many, which a passage about another does not answer.
const TERM_OF_OFFICE = /\bkhoa ([a-z]+)\b/g;

/** The terms of office a folded text names ("khoa xvi"); one typed in figures was read as a numeral already (romanTermsOfOffice). */
function termsOfOffice(folded: string): string[] {
  return [...folded.matchAll(TERM_OF_OFFICE)].flatMap((m) => (isRomanNumeral(m[1] as string) ? [`khoa ${m[1]}`] : []));
}

// Share of a question's words that carry marks for it to count as typed with diacritics: most Vietnamese syllables do, "ban" or "tin" do not.
const ACCENTED_SHARE = 0.34;

/** Whether a question was typed with diacritics: a third of its words or more, not one Telex word or one pasted name among unaccented ones. */
function typedWithDiacritics(text: string): boolean {
  const tokens = (text.match(/\p{L}{2,}/gu) ?? []).filter((t) => !/^\p{Lu}{2,}$/u.test(t));
  return tokens.length > 0 && tokens.filter(hasDiacritics).length / tokens.length >= ACCENTED_SHARE;
}

/** A clause of the question, or (`carried`) of the last question a follow-up's reading opens with. */
type ReadClause = Clause & { carried?: boolean };

/**
 * The sentences of an English message, each asking when it ends with "?" ("I'll be stuck at work all day." beside "Can
 * my sister vote for me?" tells); in a message without "?" every sentence asks.
 */
function englishSentences(text: string): ReadClause[] {
  const marked = text.includes('?');
  return sentences(text).map((sentence) => ({ text: sentence, asking: !marked || /\?\s*$/u.test(sentence) }));
}

/**
 * The out-of-scope entries a question asks about: those its asking clauses name, and, when they name nothing of their
 * own ("…, thì tôi phải làm gì?"), those its story names, but a country, which is where the asker is (see readAbroad).
 */
function outOfScopeAsked(asking: string, whole: string, asksAboutStory: boolean, lexicon: Lexicon): AnalyzedQuery['outOfScope'] {
  const asked = findOutOfScope(asking, lexicon);
  const told = asksAboutStory ? findOutOfScope(whole, lexicon).filter((o) => !lexicon.abroad.includes(o.name) && !asked.some((a) => a.name === o.name)) : [];
  return [...asked, ...told];
}

/** The longest question read, in characters: a question is a sentence or a short story, not a document. */
export const MAX_QUESTION_LENGTH = 1000;

/**
 * Turns a user's question into the concepts, terms and references that retrieval works with. With a
 * speller (built on the corpus's words), misspelt, Telex- and VNI-typed words are read first.
 */
export function analyzeQuery(question: string, lexicon: Lexicon, speller?: Speller, carried?: string): AnalyzedQuery {
  const written = (text: string) => withoutHandlingAsked(expandChatSpelling(romanTermsOfOffice(cleanQuestion(text))));
  const expanded = written(question);
  const language = detectLanguage(expanded, lexicon);
  // English words are not misspelt Vietnamese.
  const read = (text: string) => readAbroad(speller && language === 'vi' ? speller.correct(text) : text, lexicon, language);
  // A follow-up's reading that opens with the last question ("còn người đang chấp hành án tù thì sao?" read after "Người
  // đang bị tạm giam có được đi bầu không?"): those words say what is asked, but weigh as a told situation does.
  const opens = carried !== undefined && carried !== '' && question.startsWith(carried);
  const opening = opens ? read(written(carried)) : '';
  const own = opens ? read(written(question.slice(carried.length))) : read(expanded);
  const normalized = opens ? `${opening} ${own}` : own;
  const lexical: LexicalQuery = { exact: [], folded: [], bigrams: [] };
  const concepts: Concept[] = [];
  const pairs: string[] = [];
  const embedParts: string[] = [];
  const addTerms = (text: string, lang: Language) => {
    const terms = extractTerms(text, lang);
    lexical.exact.push(...terms.exact);
    lexical.folded.push(...terms.folded);
    lexical.bigrams.push(...terms.bigrams);
    return terms;
  };

  const synonyms = synonymIndex(lexicon);
  const accented = typedWithDiacritics(normalized);
  // Typed with diacritics, "có thể đi bầu" must not match "thẻ đi bầu"; typed without, both read alike.
  // English words in a Vietnamese question ("đi vote ở đâu", "vote online") are read through the glossary, as in an English one.
  const englishWords = (key: string) => key.split(' ').every((word) => /^[a-z]{3,}$/.test(word) && !isVietnameseWord(word));
  const lookup =
    language === 'en'
      ? (key: string) => lookupGlossary(lexicon, key)
      : (key: string) => (accented ? synonyms.exact : synonyms.folded).get(key) ?? (englishWords(key) ? lookupGlossary(lexicon, key) : undefined);
  const contextPairs: string[] = [];
  const carriedClauses = (parts: Clause[]): ReadClause[] => parts.map((c) => ({ ...c, carried: true }));
  const clauses: ReadClause[] = [...(opens ? carriedClauses(splitClauses(opening, language)) : []), ...splitClauses(own, language)];
  // English is read by sentences: its commas do not set a told situation apart, but a statement beside a question does.
  for (const clause of language === 'vi' ? clauses : [...(opens ? carriedClauses([{ text: opening, asking: true }]) : []), ...englishSentences(own)]) {
    const weighed = clause.asking && !clause.carried;
    const context = weighed ? {} : { context: true };
    for (const piece of splitPhrases(clause.text, lookup, language === 'en' || !accented, language === 'en')) {
      if (piece.phrases) {
        const alternatives = piece.phrases.map((p) => addTerms(p, 'vi').folded).filter((a) => a.length > 0);
        if (alternatives.length > 0) concepts.push({ label: piece.text, alternatives, phrase: true, ...context });
        // The embedder sees the corpus's own term beside the phrase typed ("đếm phiếu" with "kiểm phiếu"): the passages use it.
        const head = piece.phrases[0] as string;
        const typedAsHead = foldDiacritics(head) === foldDiacritics(piece.text);
        embedParts.push(language === 'en' ? piece.phrases.join(' ') : typedAsHead ? piece.text : `${piece.text} ${head}`);
      } else {
        const terms = addTerms(piece.text, language);
        terms.folded.forEach((word, i) => {
          // "năm" before a year only says it is a year ("năm 2026"): the year is the concept.
          if (word === 'nam' && /^(?:19|20)\d{2}$/.test(terms.folded[i + 1] ?? '')) return;
          // A word typed without its marks in an accented question ("bầu cử luc mấy giờ") is matched without them, unless the corpus writes it so.
          const typed = terms.exact[i] as string;
          const exact = accented && language === 'vi' && (hasDiacritics(typed) || speller?.knows(typed)) ? typed : undefined;
          // A year names what is asked about wherever it stands ("Năm 2021 khiếu nại, tố cáo … thế nào").
          const year = /^(?:19|20)\d{2}$/.test(word);
          concepts.push({ label: word, alternatives: [[word]], phrase: false, ...(exact ? { exact } : {}), ...(year ? {} : context) });
        });
        (weighed ? pairs : contextPairs).push(...terms.bigrams);
        // English function words ("is", "my", "the") are noise beside the Vietnamese the passages are written in.
        embedParts.push(language === 'en' ? terms.exact.join(' ') : piece.text);
      }
    }
  }
  // Asking clauses without content words of their own ("…, vậy có đúng không") ask about the clauses before them.
  const asksAboutStory = concepts.every((c) => c.context);
  if (asksAboutStory) {
    concepts.forEach((c) => delete c.context);
    pairs.push(...contextPairs);
  }

  const unique = new Map(concepts.map((c) => [c.alternatives.map((a) => a.join(' ')).join('|'), c]));
  const asked = askedParts(normalized, clauses);
  const answerType = answerTypeOf(asked.clauses);
  const keywordType = keywordAnswerType(asked.clauses);
  const askedFolded = foldDiacritics(asked.sentences);
  const refs = findDocumentRefs(normalized);
  const words = normalized.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const smallTalk = refs.length > 0 ? null : smallTalkOf(words);
  const places = findPlaces(normalized);
  // A year in a clause telling the asker's own story ("tôi chuyển hộ khẩu từ năm 2019, …") dates her situation, not the
  // election asked about; one the asking clauses name too stays.
  const toldFolded = clauses.filter((c) => !c.asking).map((c) => foldDiacritics(c.text));
  const storyYears = new Set(toldFolded.filter((c) => FIRST_PERSON.test(c)).flatMap((c) => c.match(YEAR) ?? []));
  const askingYears = new Set(foldDiacritics(asked.clauses).match(YEAR) ?? []);
  const years = [...new Set(askedFolded.match(YEAR) ?? [])].filter((year) => !storyYears.has(year) || askingYears.has(year));
  const localities = findLocalities(normalized);
  const areas = [...askedFolded.matchAll(NUMBERED_AREA)].map((m) => `${AREA_NAMES[(m[1] as string).toLowerCase()] ?? m[1]} so ${m[2]}`);
  // An area's number names one only beside where or when it is ("đơn vị số 1 Hà Nội năm 2021"): alone it is an example
  // ("ứng viên ở đơn vị số 1 có được sang đơn vị số 2 …"), which no passage need hold.
  const periods = [...termsOfOffice(askedFolded), ...quartersOf(askedFolded)];
  const numbered = [...(places.length + localities.length + years.length > 0 ? areas : []), ...periods];
  // Who won, or how many, is asked of one election only where the question names a year, a term, an area, a place or a person (her votes).
  const focus = answerFocusOf(asked.clauses);
  const people = peopleAsked(findPeople(asked.sentences, places), asked.sentences, focus === 'permission');
  const namesOne = years.length + periods.length + areas.length + places.length + people.length > 0;
  const asksWinner = namesOne && ASKS_WINNER.test(askedFolded);
  const phraseWords = new Set(concepts.filter((c) => c.phrase).flatMap((c) => foldDiacritics(c.label).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  return {
    question,
    text: normalized,
    asking: asked.clauses,
    answerType,
    focus,
    counted: answerType === 'number' ? countedOf(asked.clauses) : null,
    asks: keywordType ? [{ type: keywordType, counted: null, duration: false }] : asksOf(asked.clauses),
    keywordType,
    smallTalk,
    language: smallTalk && isEnglishSmallTalk(words) ? 'en' : language,
    accented,
    concepts: [...unique.values()],
    pairs: [...new Set(pairs)],
    lexical,
    embedText: embedParts.join(' '),
    refs,
    places,
    // Read again clause by clause only when the question names a place at all; a commune or ward asked of is one too.
    placesAsked:
      places.length + localities.length === 0
        ? []
        : [...new Set(clauses.filter((c) => c.asking && asksCountOrAgent(c.text)).flatMap((c) => [...findPlaces(c.text), ...findLocalities(c.text)]))],
    laws: findLawNames(normalized),
    outOfScope: outOfScopeAsked(asked.clauses, normalized, asksAboutStory, lexicon),
    years,
    people,
    numbered,
    asksPerson: asksWinner || ASKS_PERSON.test(askedFolded),
    asksWinner,
    asksCountOfOne: namesOne && answerType === 'number',
    // A kind typed in a phrase the lexicon knows ("trang web nào": the corpus's "trang thông tin điện tử") is one the corpus names.
    kindsAsked: [...new Set([...askedFolded.matchAll(KIND_ASKED)].map((m) => m[1] as string))].filter((kind) => !phraseWords.has(kind)),
    asksMoney: asksOnlyMoney(clauses.filter((c) => c.asking && !c.carried).map((c) => c.text), normalized),
  };
}
