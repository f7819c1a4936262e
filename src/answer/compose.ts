import type { DocumentKind } from '../corpus/index.ts';
import type { RegisterEntry } from '../index/index.ts';
import type { Hit, Language, Outcome, Retrieval } from '../search/index.ts';
import { KIND_NAMES, type DocumentRef } from '../text/identifiers.ts';
import { foldDiacritics, sentences, wordCount } from '../text/normalize.ts';
import { extractTerms } from '../text/terms.ts';
import { TEMPLATES } from './templates.ts';

export interface Citation {
  n: number;
  /** Position of the passage in the index it came from, for "show the source" buttons. */
  passageIndex: number;
  docId: string;
  title: string;
  kind: DocumentKind;
  issuer: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  section: string | null;
  /** Article of law the quoted passage rests on, e.g. "Điều 69". */
  article: string | null;
  /** Version of the law a guidance document describes. */
  version: string | null;
  /** The cited passage's full text. */
  passage: string;
  score: number;
}

export interface Quote {
  /** Citation number the quote belongs to. */
  n: number;
  text: string;
  /** Words of the quote that the question asked about, for emphasis. */
  highlights: string[];
}

/** What the corpus says about a document the question names: who issued it, when, about what. */
export interface ReferenceCard {
  reference: string;
  issuer: string | null;
  date: string | null;
  subject: string | null;
  /** Citation that states it. */
  n: number | null;
}

/** One answer, rendered later as plain text or Telegram HTML. */
export interface Answer {
  question: string;
  language: Language;
  answered: boolean;
  outcome: Outcome;
  lead: string;
  cards: ReferenceCard[];
  quotes: Quote[];
  /** Reminds that the quoted documents describe their own date, not today. */
  notice: string | null;
  citations: Citation[];
  /** Follow-up lines: "did you mean" and example questions when nothing was found. */
  suggestions: string[];
}

const QUOTE_WORDS = 70;

/** dd/mm/yyyy, as Vietnamese readers write dates. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return TEMPLATES[language].undated;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The sentences of a passage that hold most of the question's words, in their original order. */
function bestSentences(text: string, queryTerms: Set<string>): string {
  const all = sentences(text);
  const scored = all.map((sentence, i) => {
    const { folded, bigrams } = extractTerms(sentence);
    const score = new Set([...folded, ...bigrams].filter((t) => queryTerms.has(t))).size;
    return { sentence, i, score };
  });
  const picked: typeof scored = [];
  let words = 0;
  for (const s of [...scored].sort((a, b) => b.score - a.score || a.i - b.i)) {
    if (picked.length > 0 && (s.score === 0 || words + wordCount(s.sentence) > QUOTE_WORDS)) continue;
    picked.push(s);
    words += wordCount(s.sentence);
  }
  picked.sort((a, b) => a.i - b.i);
  const quote = picked.map((s) => s.sentence).join(' … ');
  return picked.length < all.length ? `${picked[0]?.i === 0 ? '' : '… '}${quote}${picked.at(-1)?.i === all.length - 1 ? '' : ' …'}` : quote;
}

function highlightsOf(quote: string, queryTerms: Set<string>): string[] {
  const words = quote.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => queryTerms.has(foldDiacritics(w))))];
}

/**
 * "Chỉ thị 03-CT/TU": an exact identifier is displayed as its code, so the kind goes in front; a
 * reference by number ("Chỉ thị 12") or by name ("Nghị quyết Trung ương 4 (khóa XII)") already reads that way.
 */
function labelOf(kind: string, display: string, exact: boolean, language: Language): string {
  const label = KIND_NAMES[kind]?.[language];
  return !exact || !label || display.startsWith(KIND_NAMES[kind]?.vi ?? '\0') ? display : `${label} ${display}`;
}

const referenceLabel = (ref: DocumentRef, language: Language) => labelOf(ref.kind, ref.display, ref.key !== null, language);

export const entryLabel = (entry: RegisterEntry, language: Language) => labelOf(entry.kind, entry.display, entry.key !== entry.shortKey, language);

/** "Ban Thường vụ Tỉnh ủy" means the province of the document that says so. */
export function localIssuer(issuer: string | null, place: string | undefined): string | null {
  const local = issuer && place && /tỉnh|thành ủy|thành phố/iu.test(issuer) && !issuer.includes(place);
  return local ? `${issuer} ${place}` : issuer;
}

const ARTICLE = /Điều\s+(\d+[a-zđ]?)/u;

function citationOf(hit: Hit, n: number, quote: string): Citation {
  const d = hit.document;
  const article = (quote.match(ARTICLE) ?? hit.passage.text.match(ARTICLE))?.[0] ?? null;
  return {
    n,
    passageIndex: hit.passageIndex,
    docId: d.id,
    title: d.title,
    kind: d.kind,
    issuer: d.issuer ?? null,
    publisher: d.publisher ?? null,
    date: d.date ?? null,
    url: d.url ?? null,
    section: hit.passage.section,
    article,
    version: d.version ?? null,
    passage: hit.passage.text,
    score: Math.round(hit.score * 1000) / 1000,
  };
}

/** Builds the templated answer for a retrieval: quotes with numbered citations, or a polite "not found". */
export function composeAnswer(retrieval: Retrieval, language: Language = 'vi'): Answer {
  const t = TEMPLATES[language];
  const base = { question: retrieval.query.question, language, outcome: retrieval.outcome, notice: null, cards: [], quotes: [], citations: [] };
  if (retrieval.outcome !== 'answered') {
    const suggestions: string[] = [];
    if (retrieval.suggestions.length > 0) suggestions.push(t.didYouMean(retrieval.suggestions.join(', ')));
    suggestions.push(t.tryAsking, ...t.examples.map((e) => `• ${e}`));
    const lead =
      retrieval.outcome === 'unknown_reference'
        ? t.unknownReference(retrieval.unknownReferences.map((r) => referenceLabel(r, language)).join(', '))
        : retrieval.outcome === 'empty'
          ? t.empty
          : t.notFound;
    return { ...base, answered: false, lead, suggestions };
  }

  const queryTerms = new Set([...retrieval.query.lexical.folded, ...retrieval.query.lexical.bigrams]);
  const quotes = retrieval.hits.map((hit, i) => {
    const text = bestSentences(hit.passage.text, queryTerms);
    return { n: i + 1, text, highlights: highlightsOf(text, queryTerms) };
  });
  const citations = retrieval.hits.map((hit, i) => citationOf(hit, i + 1, quotes[i]?.text ?? ''));
  const cards = retrieval.references.map((entry) => {
    const n = retrieval.hits.findIndex((h) => h.passageIndex === entry.statedIn);
    const issuer = localIssuer(entry.issuer, retrieval.hits[n]?.document.place);
    return { reference: entryLabel(entry, language), issuer, date: entry.date, subject: entry.subject, n: n >= 0 ? n + 1 : null };
  });
  const version = citations[0]?.kind === 'guidance' ? citations[0].version : null;
  const referenced = retrieval.query.refs.find((r) => retrieval.hits[0]?.references.includes(r.key ?? r.shortKey));
  const dates = [...new Set(citations.filter((c) => c.date).map((c) => formatDate(c.date, language)))];
  const dated = citations.some((c) => c.kind === 'news' || c.kind === 'directive');
  return {
    ...base,
    answered: true,
    lead: referenced ? t.leadReference(referenceLabel(referenced, language)) : version ? t.leadCurrent(version) : t.lead(citations.length),
    cards,
    quotes,
    notice: dated ? (dates.length > 0 ? t.datedNotice(dates.join(', ')) : t.undatedNotice) : null,
    citations,
    suggestions: [],
  };
}
