import { readFileSync } from 'node:fs';
import { foldDiacritics, hasDiacritics, normalizeText, partOfCode } from './normalize.ts';
import { isRomanNumeral } from './identifiers.ts';

// Tone marks by tone number: 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng (0 is ngang, no mark).
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const TONE_OF_MARK = new Map(TONE_MARKS.flatMap((m, i) => (m === '' ? [] : [[m, i] as const])));

/** A syllable as its letters (with their hats and horns) and its tone, wherever the mark was put: "bâù" and "bầu" are one. */
export function splitTone(syllable: string): { base: string; tone: number } {
  let tone = 0;
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    const t = TONE_OF_MARK.get(ch);
    if (t === undefined) base += ch;
    else tone = t;
  }
  return { base: base.normalize('NFC'), tone };
}

const keyOf = (base: string, tone: number) => `${base}${tone}`;
export const syllableKey = (syllable: string): string => {
  const { base, tone } = splitTone(syllable.toLowerCase());
  return keyOf(base, tone);
};

// The syllables of the cspell Vietnamese dictionary (MIT), rebuilt by `npm run build-syllables`.
let dictionary: { keys: Map<string, string>; folded: Set<string> } | null = null;
function syllables(): { keys: Map<string, string>; folded: Set<string> } {
  if (!dictionary) {
    const list = readFileSync(new URL('./data/syllables.vi.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
    dictionary = { keys: new Map(list.map((s) => [syllableKey(s), normalizeText(s)])), folded: new Set(list.map((s) => foldDiacritics(s))) };
  }
  return dictionary;
}

/** Whether a lower-case word is a Vietnamese syllable: as spelt, or (typed without marks) as some syllable's letters. */
export function isSyllable(word: string): boolean {
  const { keys, folded } = syllables();
  return hasDiacritics(word) ? keys.has(syllableKey(word)) : folded.has(word);
}

/** Whether a lower-case word is Vietnamese as typed: a syllable, or one typed in Telex or VNI ("cuwr", "cu73"). */
export function isVietnameseWord(word: string): boolean {
  const { keys } = syllables();
  return isSyllable(word) || [...vniReadings(word), ...telexReadings(word)].some((key) => keys.has(key));
}

/**
 * Whether a word that is no Vietnamese syllable reads as a word of another language, which names a thing ("wifi",
 * "online", "zalo", "camera"), rather than shorthand ("tp", "qh", "tbc", "kcn", "mn": shorter, or without a vowel) or a
 * syllable mistyped ("phieuu", "raach", "theee": one edit from a syllable once a letter held down is read once).
 */
export function isLoanword(word: string): boolean {
  if (!/^[a-z]{4,}$/.test(word) || !/[aeiouy]/.test(word)) return false;
  const typed = word.replace(/([a-z])\1{2,}/g, '$1');
  return !isVietnameseWord(typed) && oneEditAway(syllablesNear(), typed).length === 0;
}

// The syllables' letters by their one-letter deletions, built on the first word that needs them.
let syllableDeletions: Map<string, Set<string>> | null = null;
const syllablesNear = () => (syllableDeletions ??= deletionIndex(syllables().folded));

const TELEX_TONES: Record<string, number> = { f: 1, s: 2, r: 3, x: 4, j: 5 };
const TELEX_LETTERS: Array<[RegExp, string]> = [
  [/uow|uwow/g, 'ươ'],
  [/dd/g, 'đ'],
  [/aa/g, 'â'],
  [/aw/g, 'ă'],
  [/ee/g, 'ê'],
  [/oo/g, 'ô'],
  [/ow/g, 'ơ'],
  [/uw/g, 'ư'],
  [/w/g, 'ư'],
];
const VOWEL = /[aeiouy]/;

/** Telex lets the horn or breve "w" be typed after the final consonant ("hopwj", "duocwj"): it belongs after the vowel. */
function horned(letters: string): string {
  const late = /^([^w]*[aou])([^aeiouyw]+)w([^w]*)$/.exec(letters);
  return late ? `${late[1]}w${late[2]}${late[3]}` : letters;
}

/** Readings of a word typed in Telex ("baafu" → bầu, "dduowcj" → được), as (letters, tone) keys; the tone letter may stand anywhere after the first vowel. */
export function telexReadings(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const firstVowel = word.search(VOWEL);
  if (firstVowel < 0) return [];
  const spellings: Array<[string, number]> = [[word, 0]];
  for (let i = firstVowel + 1; i < word.length; i++) {
    const tone = TELEX_TONES[word[i] as string];
    if (tone) spellings.push([word.slice(0, i) + word.slice(i + 1), tone]);
  }
  return spellings.map(([letters, tone]) => keyOf(TELEX_LETTERS.reduce((s, [from, to]) => s.replace(from, to), horned(letters)), tone));
}

// VNI numbers the tones 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng.
const VNI_TONES: Record<string, number> = { '1': 2, '2': 1, '3': 3, '4': 4, '5': 5 };
const VNI_MARKS: Record<string, { on: RegExp; apply: (ch: string) => string }> = {
  '6': { on: /[aeo]/, apply: (ch) => ({ a: 'â', e: 'ê', o: 'ô' })[ch] ?? ch },
  '7': { on: /[ou]/, apply: (ch) => ({ o: 'ơ', u: 'ư' })[ch] ?? ch },
  '8': { on: /a/, apply: () => 'ă' },
  '9': { on: /d/, apply: () => 'đ' },
};

/** Readings of a word typed in VNI ("ba6u2" → bầu, "cu73" → cử): digits 1–5 are tones, 6–9 hats, horns, breve and đ on the letter before them. */
export function vniReadings(word: string): string[] {
  if (!/^[a-z][a-z0-9]*$/.test(word) || !/\d/.test(word) || !VOWEL.test(word)) return [];
  const letters: string[] = [];
  let tone = 0;
  for (const ch of word) {
    if (VNI_TONES[ch]) tone = VNI_TONES[ch];
    else if (VNI_MARKS[ch]) {
      const { on, apply } = VNI_MARKS[ch];
      let at = letters.length - 1;
      while (at >= 0 && !on.test(letters[at] as string)) at--;
      if (at < 0) return [];
      letters[at] = apply(letters[at] as string);
      // "uo7" is ươ: the horn goes on both.
      if (ch === '7' && letters[at] === 'ơ' && letters[at - 1] === 'u') letters[at - 1] = 'ư';
    } else if (/\d/.test(ch)) return [];
    else letters.push(ch);
  }
  return [keyOf(letters.join(''), tone)];
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const deletions = (word: string) => [...word].map((_, i) => word.slice(0, i) + word.slice(i + 1));

/** Each word, and each of its one-letter deletions, to the words it comes from: what lies one edit from a word shares one of them. */
function deletionIndex(words: Iterable<string>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const word of words) {
    for (const variant of [word, ...deletions(word)]) {
      let set = index.get(variant);
      if (!set) index.set(variant, (set = new Set()));
      set.add(word);
    }
  }
  return index;
}

/** The words of a deletion index at most one edit from `word` (a letter deleted, added, changed, or two swapped). */
function oneEditAway(index: Map<string, Set<string>>, word: string): string[] {
  const near = new Set([word, ...deletions(word)].flatMap((v) => [...(index.get(v) ?? [])]));
  return [...near].filter((candidate) => editDistance(word, candidate) <= 1);
}

// A word seen fewer times is not trusted as the correction of another.
const MIN_COUNT = 3;
// A correction to another tone than the one typed needs this many times the evidence.
const OTHER_TONE_FACTOR = 5;

export interface Speller {
  /** The question with each misspelt word replaced by the corpus word it most likely stands for; other words as typed. */
  correct(text: string): string;
  /** Whether the corpus uses this lower-case word as spelt. */
  knows(word: string): boolean;
}

const ROMAN_SYLLABLES = new Set(['vi', 'xi', 'li']);

/**
 * A spelling corrector for questions, against the words a corpus uses (lower-case, with diacritics,
 * and how often): a word that is not a Vietnamese syllable is read as Telex or VNI typing, then as
 * the most frequent corpus word one edit away (letters compared without marks, the typed tone
 * preferred); a syllable with a misplaced mark ("bâù") is written the corpus's way. Words that are
 * real syllables, numbers, codes and names are left as typed: an unknown word stays unknown.
 */
export function createSpeller(vocabulary: Map<string, number>): Speller {
  const { keys } = syllables();
  // The corpus's own spelling of each (letters, tone), its most frequent.
  const corpusByKey = new Map<string, { word: string; count: number }>();
  const byFolded = new Map<string, Array<{ word: string; count: number; tone: number }>>();
  for (const [word, count] of vocabulary) {
    if (!/^\p{Ll}+$/u.test(word)) continue;
    const { base, tone } = splitTone(word);
    const key = keyOf(base, tone);
    if ((corpusByKey.get(key)?.count ?? 0) < count) corpusByKey.set(key, { word, count });
    if (count < MIN_COUNT || word.length < 2) continue;
    const folded = foldDiacritics(word);
    let sameLetters = byFolded.get(folded);
    if (!sameLetters) byFolded.set(folded, (sameLetters = []));
    sameLetters.push({ word, count, tone });
  }
  const nearFolded = deletionIndex(byFolded.keys());
  const spellingOf = (key: string) => corpusByKey.get(key)?.word ?? keys.get(key);
  // Letters typed with their hats but no tone ("ba6u", "baau"): the corpus's most frequent word with those letters.
  const bestOfLetters = new Map<string, { word: string; count: number }>();
  for (const [key, entry] of corpusByKey) {
    const letters = key.slice(0, -1);
    if ((bestOfLetters.get(letters)?.count ?? 0) < entry.count) bestOfLetters.set(letters, entry);
  }
  const readingOf = (key: string) => corpusByKey.get(key)?.word ?? (key.endsWith('0') ? bestOfLetters.get(key.slice(0, -1))?.word : undefined) ?? keys.get(key);

  const nearest = (word: string): string | undefined => {
    const { tone } = splitTone(word);
    const folded = foldDiacritics(word);
    let best: { word: string; score: number } | undefined;
    for (const candidate of oneEditAway(nearFolded, folded)) {
      for (const c of byFolded.get(candidate) ?? []) {
        const score = c.count / (hasDiacritics(word) && c.tone !== tone ? OTHER_TONE_FACTOR : 1);
        if (!best || score > best.score) best = { word: c.word, score };
      }
    }
    if (!best) return undefined;
    return hasDiacritics(word) ? best.word : foldDiacritics(best.word);
  };

  const correctWord = (word: string): string => {
    // Every Vietnamese syllable has a vowel: "sjc" or "bhxh" is an acronym, not a misspelling.
    if (/^\d+$/.test(word) || !/[aeiouy]/.test(foldDiacritics(word))) return word;
    const typed = [...vniReadings(word), ...telexReadings(word)].map(readingOf).find((w) => w !== undefined);
    if (/\d/.test(word)) return typed ?? word;
    // Marks typed but the tone left out, giving no syllable ("mât"): the corpus's most frequent word with those letters.
    // A real syllable the corpus lacks ("câu") stays: without a tone it may well be meant so.
    const { base, tone } = splitTone(word);
    if (tone === 0 && hasDiacritics(word) && !isSyllable(word)) {
      const restored = readingOf(keyOf(base, 0));
      if (restored) return restored;
    }
    if (isSyllable(word)) return hasDiacritics(word) ? (spellingOf(syllableKey(word)) ?? word) : word;
    return typed ?? (word.length >= 3 ? nearest(word) : undefined) ?? word;
  };

  return {
    knows: (word) => vocabulary.has(word),
    correct(text) {
      return text.replace(/[\p{L}\p{N}]+/gu, (token: string, at: number) => {
        // Codes ("153-KH/TU", "k.4"), acronyms ("HĐND") and names capitalised inside a sentence are not misspellings.
        if (partOfCode(text, at, token.length)) return token;
        if (/\p{Lu}/u.test(token.slice(1))) return token;
        // A Roman numeral numbers something ("khóa xvii"): one letter off is another term of office. Those that are
        // Vietnamese syllables ("vi", "xi", "li") and single letters are read as words.
        const lower = token.toLowerCase();
        if (lower.length >= 2 && !ROMAN_SYLLABLES.has(lower) && isRomanNumeral(lower)) return token;
        const capital = /^\p{Lu}/u.test(token);
        if (capital && at > 0 && !/[.!?]\s*$/.test(text.slice(0, at))) return token;
        const corrected = correctWord(token.toLowerCase());
        if (corrected === token.toLowerCase()) return token;
        return capital ? corrected.charAt(0).toUpperCase() + corrected.slice(1) : corrected;
      });
    },
  };
}
