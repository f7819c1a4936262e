import { clauseNumberOf, type DocumentKind } from '../corpus/index.ts';
import type { RegisterEntry } from '../index/index.ts';
import { articleLabel, citedArticles, findArticleRefs, isSmallTalk, LEAD_QUOTE_WORDS, type ArticleRef, type Hit, type QuoteRequest, type Language, type Outcome, type Retrieval, type Topic } from '../search/index.ts';
import { findDocumentRefs, KIND_NAMES, type DocumentRef } from '../text/identifiers.ts';
import { foldDiacritics } from '../text/normalize.ts';
import { chooseQuote } from './quote.ts';
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
  /** The document's own number, e.g. "85/2015/QH13". */
  number: string | null;
  /** The cited passage's full text. */
  passage: string;
  score: number;
}

export interface Quote {
  /** Citation number the quote belongs to. */
  n: number;
  text: string;
  /** What in the quote answers the question ("15/3/2026", "7 giờ sáng"), for emphasis. */
  highlights: string[];
  /** For the legal basis of a guide's answer: the article and clause it quotes, "Điều 69 khoản 4". */
  basis?: string;
}

/** One cited document, once, with the numbers of the quotes taken from it. */
export interface Source {
  numbers: number[];
  title: string;
  kind: DocumentKind;
  /** Issuer or publisher, the articles the quotes rest on, and the date, ready to print. */
  details: string;
  url: string | null;
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
  /** What kind of reply this is, for scripts and other front ends. */
  reply: ReplyKind;
  /** Why, in one word: what made it decline or not be sure, the small talk said, or that the corpus holds no text of the document asked about. */
  reason: string | null;
  lead: string;
  cards: ReferenceCard[];
  quotes: Quote[];
  /** Reminds that the quoted documents describe their own date, not today. */
  notice: string | null;
  citations: Citation[];
  /** The cited documents, one line each. */
  sources: Source[];
  /** The version of the law the guide's answers describe, said once under the sources. */
  lawVersion: string | null;
  /** Follow-up lines: "did you mean", or example questions when the question was empty. */
  suggestions: string[];
  /** For "not sure": the nearest topics; asking a topic's `question` answers it. */
  topics: Topic[];
}

/** The replies a user can tell apart. */
export type ReplyKind = 'answered' | 'not_sure' | 'declined' | 'small_talk' | 'not_in_corpus' | 'unknown_article';

export function replyKindOf(outcome: Outcome): ReplyKind {
  if (isSmallTalk(outcome)) return 'small_talk';
  if (outcome === 'no_match') return 'declined';
  if (outcome === 'unknown_reference') return 'not_in_corpus';
  return outcome as Exclude<Outcome, 'no_match' | 'unknown_reference' | 'empty' | 'greeting' | 'thanks' | 'farewell' | 'reaction'>;
}

/** Why a reply that is no plain answer was given. */
function reasonOf(retrieval: Retrieval): string | null {
  if (isSmallTalk(retrieval.outcome)) return retrieval.outcome;
  if (retrieval.outcome === 'unknown_reference') return retrieval.otherIssuers.length > 0 ? 'other_issuer' : 'unknown_reference';
  if (retrieval.outcome === 'unknown_article') return 'unknown_article';
  return retrieval.outcome === 'answered' ? null : (retrieval.declineReason ?? 'nothing_found');
}

// The first quote carries the answer; later ones support it and stay short, so the answer fits one phone screen.
const QUOTE_WORDS = [LEAD_QUOTE_WORDS, 40];
// Share of the lead quote's question words a clause of the law must hold to be cited as its basis.
const BASIS_SHARE = 0.5;

// Passages whose retrieval scores are this close to the best one are tied: the one whose quote answers best leads.
const TIE = 0.01;

const asHeading = (text: string) => foldDiacritics(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The hits with a tie at the top broken by how well each passage's quote answers; the rest keep their
 * order. A passage under a heading that is the question itself (the guide's headings are the questions
 * voters ask) leads whatever its score.
 */
function breakTies(hits: Hit[], request: QuoteRequest, question: string): Hit[] {
  const asked = asHeading(question);
  const titled = hits.find((h) => h.passage.section !== null && asHeading(h.passage.section) === asked);
  if (titled) return [titled, ...hits.filter((h) => h !== titled)];
  const top = hits[0]?.score ?? 0;
  const tied = hits.filter((h) => h.score >= top * (1 - TIE));
  if (tied.length < 2) return hits;
  const answers = new Map(tied.map((h) => [h, chooseQuote(h.passage, request, QUOTE_WORDS[0] as number).score]));
  const lead = tied.reduce((best, h) => ((answers.get(h) ?? 0) > (answers.get(best) ?? 0) ? h : best));
  return [lead, ...hits.filter((h) => h !== lead)];
}

/** dd/mm/yyyy, as Vietnamese readers write dates. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return TEMPLATES[language].undated;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
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

/**
 * The article a quote of a guide or news passage rests on: the first its citations name of a law cited by number
 * ("(Điều 160, Bộ luật Hình sự; căn cứ Điều 95, Luật Bầu cử số 85/2015/QH13)" rests on Điều 95), from the quote, else the passage.
 */
function restsOn(quote: string, passage: string): string | null {
  const lawKey = (part: string) => findDocumentRefs(part)[0]?.key ?? null;
  const [cited] = [...citedArticles(quote, lawKey), ...citedArticles(passage, lawKey)].filter((c) => c.law !== null);
  return cited ? articleLabel({ article: cited.article, clause: null }) : null;
}

function citationOf(hit: Hit, n: number, quote: string): Citation {
  const d = hit.document;
  const law = hit.passage.law;
  const article = law ? articleLabel(law) : restsOn(quote, hit.passage.text);
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
    number: d.number ?? null,
    passage: hit.passage.text,
    score: Math.round(hit.score * 1000) / 1000,
  };
}

/**
 * The clause of the law the first quote rests on: the one the sentence that answers cites (its citation may close the
 * sentence past the quote's cut), else one the quote cites, else the first its passage cites.
 */
function chooseBasis(retrieval: Retrieval, lead: Hit | undefined, answering: string, firstQuote: string): Retrieval['basis'][number] | undefined {
  const own = retrieval.basis.filter((b) => b.from === lead?.passageIndex);
  const same = (a: ArticleRef, b: ArticleRef) => a.article === b.article && (a.clause ?? null) === (b.clause ?? null);
  // Of the clauses one sentence cites ("Điều 31 và Điều 33"), the one sharing most of the question's words.
  const citedBy = (text: string) => {
    const cited = citedArticles(text, () => null);
    return own.filter((b) => cited.some((c) => same(c, b.cited))).reduce<(typeof own)[number] | undefined>((best, b) => (!best || b.hit.score > best.hit.score ? b : best), undefined);
  };
  return citedBy(answering) ?? citedBy(firstQuote) ?? own[0];
}

/** Of a whole article's passage, the clause a citation names ("Điều 71 khoản 1"): the basis is that clause, not another. */
function citedClause(passage: Hit['passage'], cited: ArticleRef): string {
  if (!cited.clause || passage.law?.clause) return passage.text;
  const paragraphs = passage.text.split(/\n\n+/);
  const start = paragraphs.findIndex((p) => clauseNumberOf(p) === cited.clause);
  if (start < 0) return passage.text;
  const end = paragraphs.findIndex((p, i) => i > start && clauseNumberOf(p) !== undefined);
  return paragraphs.slice(start, end < 0 ? undefined : end).join('\n\n');
}

/** Labels an entry with its issuer, for "did you mean": "Chỉ thị 03-CT/TU của Ban Thường vụ Tỉnh ủy Lạng Sơn". */
function entryWithIssuer(entry: RegisterEntry, language: Language): string {
  const issuer = localIssuer(entry.issuer, entry.place ?? undefined);
  return issuer ? TEMPLATES[language].ofIssuer(entryLabel(entry, language), issuer) : entryLabel(entry, language);
}

/** "Điều 69 khoản 1, Điều 69 khoản 2, Điều 74" → "Điều 69 khoản 1, 2, Điều 74"; a whole article cited absorbs its clauses. */
function articleList(labels: string[]): string {
  const clauses = new Map<string, Set<string> | null>();
  for (const { article, clause } of labels.flatMap((label) => findArticleRefs(label))) {
    const known = clauses.get(article);
    clauses.set(article, clause === null || known === null ? null : new Set([...(known ?? []), clause]));
  }
  return [...clauses].map(([article, set]) => articleLabel({ article, clause: set ? [...set].join(', ') : null })).join('; ');
}

/** One line per cited document, in order of first citation, with the articles its quotes rest on. */
function sourcesOf(citations: Citation[], language: Language): Source[] {
  const byDoc = new Map<string, { citations: Citation[] }>();
  for (const c of citations) byDoc.set(c.docId, { citations: [...(byDoc.get(c.docId)?.citations ?? []), c] });
  return [...byDoc.values()].map(({ citations: group }) => {
    const [first] = group as [Citation];
    const articles = articleList(group.map((c) => c.article).filter((a): a is string => a !== null));
    // A guide's issuer is the law it explains; its version is said once, under the sources.
    const origin = first.kind === 'guidance' && first.version ? null : [first.issuer, first.publisher].filter(Boolean).join(' · ');
    // A law's title already says it is a law: its number says which one.
    const label = first.kind === 'law' && first.number ? TEMPLATES[language].numbered(first.number) : (TEMPLATES[language].kind[first.kind] ?? first.kind);
    const details = [label, origin, articles, formatDate(first.date, language)].filter(Boolean).join(', ');
    return { numbers: group.map((c) => c.n), title: first.title, kind: first.kind, details, url: first.url };
  });
}

/** Whether a question asks when or by whom a document was issued, which the register answers, rather than what it says. */
function asksAboutDocument(query: Retrieval['query']): boolean {
  return query.answerType === 'date' || query.focus === 'agent';
}

/** Builds the templated answer for a retrieval: quotes with numbered citations, or a polite "not found". */
export function composeAnswer(retrieval: Retrieval, language: Language = 'vi'): Answer {
  const t = TEMPLATES[language];
  const base = { question: retrieval.query.question, language, outcome: retrieval.outcome, reply: replyKindOf(retrieval.outcome), reason: reasonOf(retrieval), notice: null, cards: [], quotes: [], citations: [], sources: [], lawVersion: null, topics: [] };
  if (retrieval.outcome !== 'answered') {
    const suggestions: string[] = [];
    const otherIssuers = retrieval.otherIssuers.flatMap((o) => o.held.map((e) => entryWithIssuer(e, language)));
    const didYouMean = [...otherIssuers, ...retrieval.suggestions];
    if (didYouMean.length > 0) suggestions.push(t.didYouMean(didYouMean.join('; ')));
    // A declined question gets what the bot covers, not fixed examples on another subject; small talk gets examples.
    if (retrieval.outcome === 'no_match') suggestions.push(t.scope);
    if (isSmallTalk(retrieval.outcome)) suggestions.push(t.tryAsking, ...t.examples.map((e) => `• ${e}`));
    const missing = [
      ...retrieval.otherIssuers.map((o) => t.ofIssuer(referenceLabel(o.ref, language), o.named)),
      ...retrieval.unknownReferences.map((r) => referenceLabel(r, language)),
    ];
    const missingArticle = retrieval.unknownArticle;
    const leads: Record<Exclude<Outcome, 'answered'>, string> = {
      unknown_article: missingArticle ? t.unknownArticle(missingArticle.law, articleLabel(missingArticle), missingArticle.first, missingArticle.last) : t.notFound,
      unknown_reference: retrieval.otherIssuers.length > 0 ? t.otherIssuer(missing.join(', ')) : t.unknownReference(missing.join(', ')),
      empty: t.empty,
      greeting: t.greeting,
      thanks: t.thanks,
      farewell: t.farewell,
      reaction: t.reaction,
      no_match: t.notFound,
      not_sure: t.notSure,
    };
    return { ...base, answered: false, lead: leads[retrieval.outcome], suggestions, topics: retrieval.topics };
  }

  const { query, request } = retrieval;
  // An article looked up is quoted whole; otherwise the sentences that answer, the first quote longer.
  const hits = retrieval.article ? retrieval.hits : breakTies(retrieval.hits, request, query.question);
  const chosen = hits.map((hit, i) => (retrieval.article ? null : chooseQuote(hit.passage, request, QUOTE_WORDS[Math.min(i, 1)] as number)));
  const quotes: Quote[] = hits.map((hit, i) => ({ n: i + 1, text: chosen[i]?.quote ?? hit.passage.text, highlights: chosen[i]?.highlights ?? [] }));
  const citations = hits.map((hit, i) => citationOf(hit, i + 1, quotes[i]?.text ?? ''));
  const basis = retrieval.article ? undefined : chooseBasis(retrieval, hits[0], chosen[0]?.leadSource ?? '', quotes[0]?.text ?? '');
  const basisText = basis ? citedClause(basis.hit.passage, basis.cited) : '';
  const basisQuote = basis && chooseQuote({ ...basis.hit.passage, text: basisText }, request, QUOTE_WORDS[0] as number, true);
  // A clause of the law is cited as the basis only when it speaks of what was asked, as much as the lead does.
  if (basis && basisQuote && basisQuote.overlap >= BASIS_SHARE * (chosen[0]?.overlap ?? 0)) {
    // The clause of the law comes right after the guide's sentence it supports; numbers follow the order shown.
    // Labelled by the passage quoted, which may be the whole article when the law does not split it by clause.
    const law = basis.hit.passage.law;
    const label = articleLabel(law && basisText === basis.hit.passage.text ? law : { article: law?.article ?? basis.cited.article, clause: basis.cited.clause });
    quotes.splice(1, 0, { n: 0, text: basisQuote.quote, highlights: [], basis: label });
    citations.splice(1, 0, { ...citationOf(basis.hit, 0, basisQuote.quote), article: label });
    // A clause cited as the basis is not quoted a second time as a passage the ranking found (another clause of it is).
    const opening = (quote: string) => quote.replace(/^…\s*/u, '').split(' … ')[0]?.replace(/\s*…$/u, '') ?? '';
    const repeated = citations.findIndex((c, k) => k > 1 && c.passageIndex === basis.hit.passageIndex && basisText.includes(opening(quotes[k]?.text ?? '')));
    if (repeated !== -1) [quotes, citations].forEach((list) => list.splice(repeated, 1));
    quotes.forEach((q, i) => (q.n = i + 1));
    citations.forEach((c, i) => (c.n = i + 1));
  }
  const cards = retrieval.references.map((entry) => {
    const n = citations.find((c) => c.passageIndex === entry.statedIn)?.n ?? null;
    const issuer = localIssuer(entry.issuer, entry.place ?? undefined);
    return { reference: entryLabel(entry, language), issuer, date: entry.date, subject: entry.subject, n };
  });
  const lawVersion = citations.find((c) => (c.kind === 'guidance' || c.kind === 'law') && c.version)?.version ?? null;
  const referenced = query.refs.find((r) => hits[0]?.references.includes(r.key ?? r.shortKey));
  // A document the corpus knows only from others' mentions: what it says of it is all there is, and the text is elsewhere.
  const textless = referenced && !asksAboutDocument(query) ? retrieval.references.find((e) => e.document === null && (referenced.key ? e.key === referenced.key : e.shortKey === referenced.shortKey)) : undefined;
  const dates = [...new Set(citations.filter((c) => c.date && (c.kind === 'news' || c.kind === 'directive')).map((c) => formatDate(c.date, language)))];
  const undated = [...new Set(citations.filter((c) => !c.date && (c.kind === 'news' || c.kind === 'directive')).map((c) => c.title))];
  return {
    ...base,
    answered: true,
    reason: textless ? 'no_full_text' : retrieval.article?.missingClause ? 'unknown_clause' : null,
    lead: retrieval.article
      ? t.leadArticle(articleLabel(retrieval.article), retrieval.article.title, retrieval.article.missingClause)
      : textless
        ? t.noFullText(entryLabel(textless, language))
        : referenced
        ? t.leadReference(referenceLabel(referenced, language))
        : (citations[0]?.kind === 'guidance' || citations[0]?.kind === 'law') && lawVersion
          ? t.leadCurrent
          : t.lead,
    cards,
    quotes,
    notice: [
      textless ? t.fullTextElsewhere(localIssuer(textless.issuer, textless.place ?? undefined)) : null,
      // Dated news and directives get their dates; an undated one is named, so a dated decree beside it is not called undated.
      dates.length > 0 ? t.datedNotice(dates.join(', ')) : null,
      undated.length > 0 ? t.undatedNotice(undated.map((title) => `«${title}»`).join(', ')) : null,
    ].filter(Boolean).join(' ') || null,
    citations,
    sources: sourcesOf(citations, language),
    lawVersion,
    suggestions: [],
  };
}
