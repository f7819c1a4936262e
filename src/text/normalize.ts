// Vietnamese text normalisation shared by indexing and querying.

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
// Old-style placement ("hòa", "khóa", "Ủy") for open syllables ending in oa/oe/uy; "qu" keeps the tone on the last vowel.
const NEW_STYLE_TONE = new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONE_MARKS}])(?![\\p{L}\\p{M}])`, 'gu');

/** NFC with one tone-mark placement, so "Uỷ ban" and "Ủy ban" are the same string. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(NEW_STYLE_TONE, '$1$3$2').normalize('NFC');
}

/**
 * Lower-cases and strips diacritics character by character, so the result has the same
 * length as an NFC input and offsets found in it point into the original.
 */
export function foldDiacritics(text: string): string {
  let out = '';
  for (const ch of text) {
    let folded = FOLDED_CHARS.get(ch);
    if (folded === undefined) {
      folded = foldChar(ch);
      if (FOLDED_CHARS.size < 4096) FOLDED_CHARS.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

// Folding runs on every passage a question is scored against: each character is worked out once (a few thousand at most).
const FOLDED_CHARS = new Map<string, string>();

function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower === 'đ') return 'd';
  const base = lower.normalize('NFD')[0] ?? lower;
  return base.length === ch.length ? base : lower;
}

export function hasDiacritics(text: string): boolean {
  return /[^\u0000-\u007f]/.test(text) && foldDiacritics(text) !== text.toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens of normalised text, diacritics kept. */
export function words(text: string): string[] {
  return normalizeText(text).toLowerCase().match(WORD) ?? [];
}

// Abbreviations a full stop ends without ending the sentence: titles, and a message's addresses ("q. 3", "tx. Sơn Tây"),
// as words of their own: "Hiệp." and "mình." end sentences (\b would see a word start after "ệ" and "ì").
const TITLES = 'TP|Tp|TS|ThS|PGS|GS|BS|Mr|Mrs|Dr|St';
const ADDRESSES = 'q|p|tx|tt|h|x';
// Not right after one of these abbreviations standing as a word of its own.
const notAfter = (abbreviations: string) => `(?<!(?<![\\p{L}\\p{N}])(?:${abbreviations})\\.)`;
// "No. 1" numbers something; capitalised only, as typed messages are read without case, where "no" is a word ("ăn no").
// A law's clause number opening a line ("…;\n\n2. Thông qua …") opens a sentence, whatever ends the line before it.
const CORPUS_BOUNDARY = new RegExp(`${notAfter(`${TITLES}|No`)}(?<=[.!?…]["”»)]?)\\s+(?=["“«(]?[\\p{Lu}\\p{N}])|\\s*\\n\\s*(?=\\p{N}+\\.\\s)`, 'u');
const TYPED_BOUNDARY = new RegExp(`${notAfter(`${TITLES}|${ADDRESSES}`)}(?<=[.!?…]["”»)]?)\\s+(?=["“«(]?[\\p{L}\\p{N}])`, 'iu');

/** Splits text into sentences at terminal punctuation followed by an upper-case letter or digit, sparing abbreviations like "TP.". */
export function sentences(text: string): string[] {
  return splitSentences(text, CORPUS_BOUNDARY);
}

/** The sentences of a message as typed on a phone, where a sentence often opens in lower case ("… của tỉnh. tôi là con, …"). */
export function typedSentences(text: string): string[] {
  return splitSentences(text, TYPED_BOUNDARY);
}

const splitSentences = (text: string, boundary: RegExp) =>
  text
    .split(boundary)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Removes diacritics but keeps case: what a phone user without a Vietnamese keyboard types. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

// Zero-width spaces and joiners, the word joiner, soft hyphens and BOMs: invisible, but they split words.
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/g;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * What a user meant to type: invisible characters and pasted HTML tags removed, common entities
 * decoded, white space collapsed. Echoed text is escaped later; this is only for analysis.
 */
export function cleanQuestion(text: string): string {
  return normalizeText(text)
    .replace(INVISIBLE, '')
    .replace(TAG, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the word at `at` is joined to a code or an abbreviation with a point ("153-KH/TU", "k.4"): no ordinary word. */
export function partOfCode(text: string, at: number, length: number): boolean {
  return /[-/.]/.test(text[at - 1] ?? '') || /[-/.]/.test(text[at + length] ?? '');
}

/** A text folded to its words, separated by single spaces: for whole-word tests on a diacritic-free text. */
export function foldedWords(text: string): string {
  return foldDiacritics(text).replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** A cleaned text (see normalizeText; passages are stored so) as words are looked for in it: lower case, single spaces. */
export function foldCaseAndSpace(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** Any text as words are looked for in it: normalised, lower case, single spaces. */
export function comparableText(text: string): string {
  return foldCaseAndSpace(normalizeText(text));
}
