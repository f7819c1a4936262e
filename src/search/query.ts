import type { Lexicon } from '../corpus/index.ts';
import type { LexicalQuery } from '../index/index.ts';
import { findDocumentRefs, type DocumentRef } from '../text/identifiers.ts';
import { foldDiacritics, hasDiacritics, normalizeText, words } from '../text/normalize.ts';
import { findPlaces } from '../text/places.ts';
import { extractTerms, isEnglishStopword } from '../text/terms.ts';

export type Language = 'vi' | 'en';

/** One thing the question asks about; met when a passage holds every word of any alternative. */
export interface Concept {
  label: string;
  alternatives: string[][];
}

export interface AnalyzedQuery {
  question: string;
  language: Language;
  /** Whether the user typed Vietnamese diacritics. */
  accented: boolean;
  concepts: Concept[];
  lexical: LexicalQuery;
  /** Text given to the embedder: the question with English domain terms translated. */
  embedText: string;
  refs: DocumentRef[];
  places: string[];
  years: string[];
}

const LONGEST_GLOSSARY_KEY = 4;

/** A question in plain ASCII whose words are mostly English function words or glossary terms. */
export function detectLanguage(question: string, lexicon: Lexicon): Language {
  if (hasDiacritics(question)) return 'vi';
  const tokens = question.toLowerCase().match(/[a-z']+/g) ?? [];
  if (tokens.length === 0) return 'vi';
  const english = tokens.filter((t) => isEnglishStopword(t) || lexicon.glossary[t] !== undefined).length;
  return english / tokens.length >= 0.34 ? 'en' : 'vi';
}

function addTerms(target: LexicalQuery, text: string, language: Language): string[] {
  const terms = extractTerms(text, language);
  target.exact.push(...terms.exact);
  target.folded.push(...terms.folded);
  target.bigrams.push(...terms.bigrams);
  return terms.folded;
}

// English inflections tried in turn, so "chaired", "elections" and "voting" find their glossary entries.
const INFLECTIONS: Array<[RegExp, string]> = [
  [/ s$/, ''],
  [/s$/, ''],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/d$/, ''],
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

/** Splits an English question into glossary matches (longest first) and the words between them. */
function englishPieces(question: string, lexicon: Lexicon): Array<{ text: string; phrases?: string[] }> {
  const tokens = words(question);
  const pieces: Array<{ text: string; phrases?: string[] }> = [];
  let loose: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let n = Math.min(LONGEST_GLOSSARY_KEY, tokens.length - i); n > 0 && !matched; n--) {
      const phrases = lookupGlossary(lexicon, tokens.slice(i, i + n).join(' '));
      const key = tokens.slice(i, i + n).join(' ');
      if (phrases) {
        if (loose.length > 0) pieces.push({ text: loose.join(' ') });
        loose = [];
        pieces.push({ text: key, phrases });
        i += n;
        matched = true;
      }
    }
    if (!matched) loose.push(tokens[i++] as string);
  }
  if (loose.length > 0) pieces.push({ text: loose.join(' ') });
  return pieces;
}

/** Turns a user's question into the concepts, terms and references that retrieval works with. */
export function analyzeQuery(question: string, lexicon: Lexicon): AnalyzedQuery {
  const normalized = normalizeText(question).trim();
  const language = detectLanguage(normalized, lexicon);
  const lexical: LexicalQuery = { exact: [], folded: [], bigrams: [] };
  const concepts: Concept[] = [];
  const embedParts: string[] = [];

  if (language === 'en') {
    for (const piece of englishPieces(normalized, lexicon)) {
      if (piece.phrases) {
        const alternatives = piece.phrases.map((p) => addTerms(lexical, p, 'vi')).filter((a) => a.length > 0);
        if (alternatives.length > 0) concepts.push({ label: piece.text, alternatives });
        embedParts.push(...piece.phrases);
      } else {
        for (const word of addTerms(lexical, piece.text, 'en')) concepts.push({ label: word, alternatives: [[word]] });
        embedParts.push(piece.text);
      }
    }
  } else {
    for (const word of addTerms(lexical, normalized, 'vi')) concepts.push({ label: word, alternatives: [[word]] });
    embedParts.push(normalized);
  }

  const unique = new Map(concepts.map((c) => [c.alternatives.map((a) => a.join(' ')).join('|'), c]));
  return {
    question,
    language,
    accented: hasDiacritics(normalized),
    concepts: [...unique.values()],
    lexical,
    embedText: embedParts.join(' '),
    refs: findDocumentRefs(normalized),
    places: findPlaces(normalized),
    years: [...new Set(foldDiacritics(normalized).match(/\b(19|20)\d{2}\b/g) ?? [])],
  };
}
