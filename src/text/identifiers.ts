import { foldDiacritics, normalizeText } from './normalize.ts';

/** A reference to a numbered document ("Chỉ thị số 05-CT/TW", "Chỉ thị 05", "Luật số 85/2015/QH13"). */
export interface DocumentRef {
  /** Exact key: "05-CT/TW" and "05 - ct/tw" both give "5-ct/tw". Null for references by number only. */
  key: string | null;
  /** Kind and number: "ct 5"; what "Chỉ thị 05" and "05-CT/TW" have in common. */
  shortKey: string;
  /** Canonical spelling for display, e.g. "05-CT/TW" or "Chỉ thị 05". */
  display: string;
  /** Document kind code: ct, nq, kh, qd, kl, hd, cv, tt, nd, luat, nqtw. */
  kind: string;
  /**
   * "quy định 5", "kết luận 2" without "số": the kind word is also a verb, so this may be no document
   * at all. An ambiguous reference the corpus does not hold is read as plain words.
   */
  ambiguous: boolean;
  /** The year a reference by number names with it ("Nghị quyết 1186/2021", "luật 85/2015"): only that year's document is meant. */
  year?: string;
  /** Character span in the text the reference was found in. */
  start: number;
  end: number;
}

// Kind words as they appear diacritic-free, mapped to the codes used inside identifiers.
const KIND_WORDS: Array<[RegExp, string]> = [
  [/chi thi/, 'ct'],
  [/nghi quyet/, 'nq'],
  [/ke hoach/, 'kh'],
  [/quyet dinh/, 'qd'],
  [/ket luan/, 'kl'],
  [/quy dinh/, 'qdi'],
  [/huong dan/, 'hd'],
  [/cong van/, 'cv'],
  [/thong tu/, 'tt'],
  [/nghi dinh/, 'nd'],
  [/luat/, 'luat'],
  [/directive/, 'ct'],
  [/resolution/, 'nq'],
  [/plan/, 'kh'],
  [/decision/, 'qd'],
  [/regulation/, 'qdi'],
  [/conclusion/, 'kl'],
  [/guideline/, 'hd'],
  [/law/, 'luat'],
];

/** Whether a lower-case word is a Roman numeral below 100 ("x", "xvi", "xvii"): how terms of office are numbered. */
export function isRomanNumeral(word: string): boolean {
  return word.length > 0 && /^(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/.test(word);
}

/** A number below 40 as a lower-case Roman numeral: 16 is "xvi". */
export function toRomanNumeral(n: number): string {
  return 'x'.repeat(Math.floor(n / 10)) + (['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'][n % 10] as string);
}

/**
 * A term of office numbered as the corpus numbers it: "khóa 15" is "khóa XV", so every stage (words, pairs, the quote)
 * meets the law's and the guide's "khóa XV". Only after "khóa"/"khoa", only below 40.
 */
export function romanTermsOfOffice(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(khóa|khoá|khoa)\s+([1-3]?\d)(?![\p{L}\p{N}]|[/.,-]\d)/giu, (whole, word: string, number: string) =>
    Number(number) > 0 ? `${word} ${toRomanNumeral(Number(number)).toUpperCase()}` : whole,
  );
}

export const KIND_NAMES: Record<string, { vi: string; en: string }> = {
  ct: { vi: 'Chỉ thị', en: 'Directive' },
  nq: { vi: 'Nghị quyết', en: 'Resolution' },
  nqtw: { vi: 'Nghị quyết Trung ương', en: 'Central Committee resolution' },
  kh: { vi: 'Kế hoạch', en: 'Plan' },
  qd: { vi: 'Quyết định', en: 'Decision' },
  qdi: { vi: 'Quy định', en: 'Regulation' },
  kl: { vi: 'Kết luận', en: 'Conclusion' },
  hd: { vi: 'Hướng dẫn', en: 'Guideline' },
  cv: { vi: 'Công văn', en: 'Official letter' },
  tt: { vi: 'Thông tư', en: 'Circular' },
  nd: { vi: 'Nghị định', en: 'Decree' },
  luat: { vi: 'Luật', en: 'Law' },
};

const KIND_PATTERN =
  'chi thi|nghi quyet|ke hoach|quyet dinh|ket luan|quy dinh|huong dan|cong van|thong tu|nghi dinh|luat|nq|ct|kh|directive|resolution|plan|decision|regulation|conclusion|guideline|law';
const CODE = '[a-z]{1,5}';
const ISSUER = '[a-z]{1,8}\\d{0,3}';
// 05-CT/TW (party documents), 03/CT-UBND (state documents), 85/2015/QH13 (laws and resolutions with a year). A number of
// any length: a mistyped one ("99999-CT/TW") is still a reference, and one the corpus does not hold.
const PARTY = new RegExp(`(?<![\\w/.-])(\\d+)(?:\\s*-\\s*|\\s+)(${CODE})\\s*/\\s*(${ISSUER})(?![\\w/-])`, 'dg');
const STATE = new RegExp(`(?<![\\w/.-])(\\d+)\\s*/\\s*(${CODE})\\s*-\\s*(${ISSUER})(?![\\w/-])`, 'dg');
const YEARED = new RegExp(`(?<![\\w/.-])(\\d+)\\s*/\\s*((?:19|20)\\d{2})\\s*/\\s*(${ISSUER}(?:\\s*-\\s*${ISSUER})?)(?![\\w/-])`, 'dg');
// "Nghị quyết Trung ương 4 (khóa XII)"
const CENTRAL = /nghi quyet (?:hoi nghi )?trung uong (\d{1,2})\s*(?:\(\s*)?khoa\s+([ivxl]+)\)?/g;
// A kind word and a number ("Chỉ thị số 12"), then the end of the reference: no code or further number follows.
const KIND_AND_NUMBER = `(?<![\\w])(${KIND_PATTERN})\\s+(?:so\\s+|no\\.?\\s*|number\\s+)?(\\d+)`;
const ENDS = '(?![\\w/-]|\\s*[-/]\\s*\\w)';
// "Chỉ thị 05", "Chỉ thị số 12", "NQ số 02": a kind word followed by a bare number.
const BY_NUMBER = new RegExp(`${KIND_AND_NUMBER}${ENDS}`, 'g');
// "Nghị quyết 1186/2021", "luật 85/2015": a kind word, a number and its year, without the issuer's code.
const BY_NUMBER_YEAR = new RegExp(`${KIND_AND_NUMBER}\\s*/\\s*((?:19|20)\\d{2})${ENDS}`, 'g');

/**
 * Whether a document (its exact key, its date) can be the one a reference by number and year means: of that year, by the
 * year in its number ("1186/2021/UBTVQH14") or else by its date ("1187/NQ-UBTVQH14" of 11/01/2021). One whose year is
 * unknown is not taken for it: numbers match exactly.
 */
export function yearMatches(ref: Pick<DocumentRef, 'year'>, document: { key: string | null; date?: string | null }): boolean {
  if (ref.year === undefined) return true;
  const numbered = document.key?.match(/^\d+\/((?:19|20)\d{2})\//)?.[1];
  return (numbered ?? document.date?.slice(0, 4)) === ref.year;
}

function kindFromWords(words: string): string | null {
  const w = words.toLowerCase();
  if (w === 'nq' || w === 'ct' || w === 'kh') return w;
  for (const [pattern, code] of KIND_WORDS) if (pattern.test(w)) return code;
  return null;
}

/** Canonical spelling from the original groups, so "05 - ct/tw" displays as "05-CT/TW" and Đ survives. */
function displayOf(original: string, m: RegExpMatchArray, separators: [string, string]): string {
  const group = (i: number) => {
    const span = m.indices?.[i];
    return span ? original.slice(span[0], span[1]).replace(/\s+/g, '').toUpperCase() : '';
  };
  return `${group(1)}${separators[0]}${group(2)}${separators[1]}${group(3)}`;
}

const int = (digits: string) => String(Number.parseInt(digits, 10));

/** An identifier's code as a key: lower-case without marks, except that Ư stays apart from U ("TƯ", Trung ương, is TW; "TU" is Tỉnh ủy). */
function codeKey(original: string): string {
  return original
    .normalize('NFD')
    .replace(/[uU]\u031B/g, 'w')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/\s+/g, '')
    .toLowerCase();
}

// Words that count things: "quy định 105 ngày" is a duration, "kết luận 3 người" a count, never a document.
const COUNTED = /^\s*(?:ngay|thang|nam|tuan|gio|phut|nguoi|dai bieu|lan|tuoi|trieu|nghin|ngan|ty|dong|phan tram|%|km|ha|phieu|cu tri)(?![\p{L}\p{N}])/u;

// Kind words that are also verbs: quy định, quyết định, kết luận, hướng dẫn.
const VERB_KINDS = new Set(['qdi', 'qd', 'kl', 'hd']);
// What follows a document's name: punctuation, the end, a capitalised name, or a connective ("của", "ngày", "về" …).
const FOLLOWS_A_NAME = /^(?:\s*(?:[,.;:)(“"]|$)|\s+(?:\p{Lu}|(?:của|do|ngày|về|năm|và|nhằm|đã|được|tại|trong|với)(?![\p{L}\p{N}])))/u;

export interface FindOptions {
  /**
   * In documents, a reference by number alone must read as a name: its kind word capitalised
   * ("Chỉ thị 12") or followed by "số". Questions are typed in lower case and need no such rule.
   */
  strict?: boolean;
}

/** Finds every document reference in `text`; spans point into the NFC-normalised text. */
export function findDocumentRefs(text: string, options: FindOptions = {}): DocumentRef[] {
  const normal = normalizeText(text);
  const folded = foldDiacritics(normal);
  const refs: DocumentRef[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (ref: DocumentRef) => {
    if (overlaps(ref.start, ref.end)) return;
    taken.push([ref.start, ref.end]);
    refs.push(ref);
  };

  for (const m of folded.matchAll(CENTRAL)) {
    const [, n = '', term = ''] = m;
    push({
      key: `nqtw ${int(n)}/${term}`,
      shortKey: `nqtw ${int(n)}`,
      display: `Nghị quyết Trung ương ${int(n)} (khóa ${term.toUpperCase()})`,
      kind: 'nqtw',
      ambiguous: false,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  const kindBefore = (at: number) =>
    kindFromWords(folded.slice(Math.max(0, at - 24), at).match(new RegExp(`(${KIND_PATTERN})\\s+(?:so\\s+|no\\.?\\s*|number\\s+)?$`))?.[1] ?? '') ??
    'luat';
  // Numbered forms: the pattern, its two separators, and where the document kind comes from.
  const forms: Array<{ pattern: RegExp; separators: [string, string]; kind: (m: RegExpMatchArray) => string }> = [
    { pattern: YEARED, separators: ['/', '/'], kind: (m) => kindBefore(m.index ?? 0) },
    { pattern: PARTY, separators: ['-', '/'], kind: (m) => m[2] as string },
    { pattern: STATE, separators: ['/', '-'], kind: (m) => m[2] as string },
  ];
  for (const { pattern, separators, kind: kindOf } of forms) {
    for (const m of folded.matchAll(pattern)) {
      const [, n = ''] = m;
      const kind = kindOf(m);
      const code = (i: number) => {
        const span = m.indices?.[i];
        return span ? codeKey(normal.slice(span[0], span[1])) : '';
      };
      push({
        key: `${int(n)}${separators[0]}${code(2)}${separators[1]}${code(3)}`,
        shortKey: `${kind} ${int(n)}`,
        display: displayOf(normal, m, separators),
        kind,
        ambiguous: false,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  for (const m of folded.matchAll(BY_NUMBER_YEAR)) {
    const [, words = '', n = '', year = ''] = m;
    const kind = kindFromWords(words);
    if (!kind) continue;
    push({ key: null, shortKey: `${kind} ${int(n)}`, display: `${KIND_NAMES[kind]?.vi ?? words} ${n}/${year}`, kind, ambiguous: false, year, start: m.index, end: m.index + m[0].length });
  }
  for (const m of folded.matchAll(BY_NUMBER)) {
    const [, words = '', n = ''] = m;
    const kind = kindFromWords(words);
    const numbered = /\bso\b/.test(m[0]);
    // "kỷ luật 8 đảng viên" is discipline, not a law: a law by number alone needs "số".
    if (!kind || (kind === 'luat' && !numbered)) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (!numbered && COUNTED.test(folded.slice(end))) continue;
    const verb = !numbered && VERB_KINDS.has(kind);
    if (options.strict && !numbered) {
      // In documents a name is capitalised ("Chỉ thị 12"); "luật … quy định 105 ngày" is a verb.
      if (!/^\p{Lu}/u.test(normal.slice(start))) continue;
      // "Quy định 5 trường hợp" opens a sentence with the verb: a name is followed by a connective, a name or punctuation.
      if (verb && !FOLLOWS_A_NAME.test(normal.slice(end))) continue;
    }
    // "Chỉ thị số 05-CT/TW": the kind word belongs to the full identifier already found.
    if (overlaps(start, end)) continue;
    push({
      key: null,
      shortKey: `${kind} ${int(n)}`,
      display: `${KIND_NAMES[kind]?.vi ?? words} ${n}`,
      kind,
      ambiguous: verb,
      start,
      end,
    });
  }
  return refs.sort((a, b) => a.start - b.start);
}

// Codes of national bodies: the Central Committee (…/TW), the National Assembly and its Standing Committee,
// the Government and Prime Minister, the National Election Council, ministries (BNV, BTC, BCA…).
const NATIONAL_CODE = /^(?:tw|\w*tw|qh\d*|ubtvqh\d*|cp|ttg|hdbcqg|b[a-z]{2,3})$/;

/**
 * Whether an exact key ("3-ct/tu", "85/2015/qh13") belongs to a national body. Provinces reuse local
 * numbers (every Tỉnh ủy has its 03-CT/TU), so a local number names a document only with its province.
 */
export function isNationalKey(key: string): boolean {
  return NATIONAL_CODE.test(key.split(/[/-]/).at(-1) ?? '');
}

/** What a passage says about a reference right after naming it: "…, ngày 20/1/2021 của Ban Thường vụ Tỉnh ủy về lãnh đạo cuộc bầu cử". */
export interface ReferenceDetails {
  date?: string;
  issuer?: string;
  subject?: string;
}

const SUBJECT_WORDS = 15;

/** Reads the date, issuing body and subject that follow a reference in `text` (NFC-normalised, as the spans are). */
export function describeReference(text: string, ref: DocumentRef, next?: DocumentRef): ReferenceDetails {
  let rest = text.slice(ref.end, next ? next.start : ref.end + 400);
  const details: ReferenceDetails = {};
  const date = rest.match(/^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*((?:19|20)\d{2})/u);
  if (date) {
    details.date = `${date[3]}-${(date[2] as string).padStart(2, '0')}-${(date[1] as string).padStart(2, '0')}`;
    rest = rest.slice(date[0].length);
  }
  const issuer = rest.match(/^\s*,?\s*(?:do\s+|của\s+)([^,;.:“"()]+?)(?=\s+(?:về|nhằm|và|gắn|để|trong|khẳng định|đã|được)\s|[,;.:“"()]|$)/u);
  if (issuer && (issuer[1] as string).split(/\s+/).length <= 8) {
    details.issuer = (issuer[1] as string).trim();
    rest = rest.slice(issuer[0].length);
  }
  const quoted = rest.match(/^\s*,?\s*(?:về|nhằm)\s+(?:việc\s+)?[“"]([^”"]+)[”"]/u);
  const plain = rest.match(/^\s*,?\s*((?:về|nhằm)\s+(?:việc\s+)?[^.;]+)/u);
  if (quoted) details.subject = quoted[1] as string;
  else if (plain) {
    const words = (plain[1] as string).replace(/^(về|nhằm)\s+(việc\s+)?/u, '').split(/\s+/);
    // The subject ends where the sentence moves on: "… và Chỉ thị số …", "… gắn với …".
    const cut = words.findIndex((w, i) => i > 0 && ((w === 'và' && /^(chỉ|nghị|kế|quyết|kết|quy|hướng|công|luật)$/iu.test(words[i + 1] ?? '')) || w === 'gắn'));
    const kept = words.slice(0, cut > 0 ? cut : SUBJECT_WORDS);
    details.subject = kept.join(' ').replace(/[,\s]+$/u, '') + (cut < 0 && words.length > SUBJECT_WORDS ? ' …' : '');
  }
  return details;
}
