import type { Passage } from '../corpus/index.ts';
import type { CorpusIndex, DocumentMeta, Embedder, LexicalHit, RegisterEntry } from '../index/index.ts';
import { findDocumentRefs, KIND_NAMES, toRomanNumeral, yearMatches, type DocumentRef } from '../text/identifiers.ts';
import { answerSentences, asksOpinion, statementOf, type AnswerType } from '../text/answers.ts';
import { comparableText, foldCaseAndSpace, foldDiacritics, foldedWords, sentences } from '../text/normalize.ts';
import { findPeople } from '../text/people.ts';
import { isOneWordPlace } from '../text/places.ts';
import { createSpeller, isLoanword, isVietnameseWord, type Speller } from '../text/spelling.ts';
import { extractTerms, mayBeStopword } from '../text/terms.ts';
import { expandChatSpelling } from '../text/chat.ts';
import { analyzeQuery, detectLanguage, nameTerms, type AnalyzedQuery, type Concept } from './query.ts';
import { coverageOf, type QuoteTerms } from './coverage.ts';
import { orderForCiting, shippedCiteModel, type CiteModel } from './cite.ts';
import { abbreviationsOf, type QuoteRequest } from './blocks.ts';
import { decideAnswer, decisionModelFor, type DecisionModel, type DeclineReason } from './decide.ts';
import { answerFeatures, type AnswerFeatures } from './features.ts';
import { backgroundEvidence, backgroundRatio, shippedBackground, type Background } from './background.ts';
import { citedPlaces, matchScore, rankScore, shippedRankWeights, type RankSignals, type RankWeights } from './rank.ts';
import { resolveReferences } from './references.ts';
import { articleLabel, citedArticles, findArticleRefs, type ArticleRef, type CitedArticle } from './articles.ts';
import { documentStats, preferMentioned } from './documents.ts';
import { headingMatcherOf, headingOf } from './headings.ts';
import { otherTitles, ownTitles } from './titles.ts';
import { corpusWeight, QuestionNeighbours, shippedLabelledQuestions, type AskedAnswers, type LabelledQuestion, type LabelledQuestions } from './neighbours.ts';

export interface RetrieveOptions {
  /** Passages returned at most. */
  limit: number;
  /** Candidates taken from each of the lexical and vector indexes. */
  candidates: number;
  /** Coverage at which the guide's best passage is taken to answer, so it leads and the law's articles follow it. */
  minCoverage: number;
  /** The same for a question that is plainly about elections: it uses a synonym-table phrase or a word pair common in the corpus. */
  minCoverageInDomain: number;
  /** Passages cited from one document at most, so other documents get a place. */
  perDocument: number;
  /** Hits scoring below this fraction of the best one are dropped. */
  relativeFloor: number;
  /** The answer-or-decline model; when absent, the one shipped in the repository for the embedder (see decisionModelFor). */
  model?: DecisionModel;
  /** The labelled questions the decision asks how questions like this one turned out, built for this index (`neighboursFor`); the shipped ones when absent. */
  neighbours?: QuestionNeighbours;
  /** Asked within a conversation still going: decided by the model's twin fitted without the labelled questions' vote, which were asked alone. */
  inConversation?: boolean;
  /** The words of the last question a follow-up's reading opens with (see analyzeQuery). */
  carried?: string;
  /** A follow-up's reading, built from the message and the last question's words: it restates none of the corpus's headings. */
  followUp?: boolean;
  /** Weights of the fused score; the ones shipped in the repository when absent. */
  weights?: RankWeights;
  /** The model that picks which leading passages to cite (see cite.ts); the one shipped in the repository when absent. */
  citing?: CiteModel;
  /**
   * The answers of the labelled questions like a question's reading, the question as typed never hearing itself (see
   * QuestionNeighbours.answersNear): of the voters alone (for the ranking and the passages cited), or of the questions
   * heard only too (for the quote); the shipped ones' when absent.
   */
  asked?: (reading: string, typed: string, votersOnly: boolean) => AskedAnswers;
}

export const DEFAULT_RETRIEVE_OPTIONS: RetrieveOptions = {
  limit: 3,
  candidates: 40,
  minCoverage: 0.5,
  minCoverageInDomain: 0.35,
  perDocument: 2,
  relativeFloor: 0.5,
};

// Lexical candidates taken from each kind of document.
const KIND_CANDIDATES = 40;
// Weight of a word from a clause that tells the asker's situation, relative to the question's own.
const CONTEXT_WEIGHT = 0.5;
// Candidates re-ranked by the answers they hold when a question asks for a date, time or number.
const ANSWER_CANDIDATES = 30;

export interface Hit {
  passageIndex: number;
  passage: Passage;
  document: DocumentMeta;
  score: number;
  /** What the fused score weighs. */
  signals: RankSignals;
  /** Share of the question's weighted words the passage holds, and of its word pairs and phrases. */
  wordCoverage: number;
  pairCoverage: number;
  /** Labels of the question's concepts this passage holds. */
  matched: string[];
  /** Exact reference keys of the question that this passage mentions. */
  references: string[];
}

export type Outcome = 'answered' | 'not_sure' | 'no_match' | 'unknown_reference' | 'unknown_article' | 'empty' | 'greeting' | 'thanks' | 'farewell' | 'reaction';

/** Greetings, thanks, farewells and messages with no question: neither answered nor declined. */
export function isSmallTalk(outcome: Outcome): boolean {
  return outcome === 'empty' || outcome === 'greeting' || outcome === 'thanks' || outcome === 'farewell' || outcome === 'reaction';
}

export interface Retrieval {
  query: AnalyzedQuery;
  outcome: Outcome;
  hits: Hit[];
  /** Register entries of the references the question names. */
  references: RegisterEntry[];
  /** References the question names that the corpus does not hold. */
  unknownReferences: DocumentRef[];
  /** Real references close to an unknown one, offered as "did you mean". */
  suggestions: string[];
  /** What a cited passage's quote must answer: the question's words and phrases, weighted by how telling they are in this corpus, the word pairs it typed, and the kind of answer it asks for. */
  request: QuoteRequest;
  /** References the corpus holds, but from another issuer than the question names. */
  otherIssuers: Array<{ ref: DocumentRef; named: string; held: RegisterEntry[] }>;
  /**
   * The article the question looks up, when it names one the corpus holds ("Điều 69 luật bầu cử"): its hits are that
   * article's passages. `missingClause`: the clause asked for is past the article's last ("khoản 9 Điều 29"), whose range is given.
   */
  article: (ArticleRef & { docId: string; title: string; missingClause?: { clause: string; first: string; last: string } }) | null;
  /** An article the named law does not have, with the range it does have. */
  unknownArticle: (ArticleRef & { law: string; first: string; last: string }) | null;
  /** Clauses of the law that the cited guide passages cite, each with the citation it answers to and the guide passage (`from`) it rests under: their legal basis. */
  basis: Array<{ cited: CitedArticle; hit: Hit; from: number }>;
  /** Why a question was declined or not answered for sure, when it was for want of a fitting passage. */
  declineReason: DeclineReason | null;
  /** The evidence the decision weighed, when the question went through ranking. */
  features: AnswerFeatures | null;
  /** The decision's probability that the leading passages answer the question. */
  probability: number | null;
  /** The passages ranking chose before the decision, answered or not: the raw ranking. */
  ranked: Hit[];
  /** Every candidate the ranking scored, best first (for fitting the ranking's weights). */
  scored: Hit[];
  /** For "not sure": the nearest topics, one per guide section, law article or document. */
  topics: Topic[];
}

/** A topic offered when the corpus may not answer exactly what was asked: asking `question` answers it. */
export interface Topic {
  passageIndex: number;
  docId: string;
  label: string;
  question: string;
}

// One speller per index, built on its words the first time it is asked.
const spellers = new WeakMap<CorpusIndex, Speller>();
function spellerOf(index: CorpusIndex): Speller {
  let speller = spellers.get(index);
  if (!speller) spellers.set(index, (speller = createSpeller(index.vocabulary)));
  return speller;
}

/** How telling a term held by `df` of the index's passages is (BM25's idf); a term no passage holds is the most telling. */
function idf(index: CorpusIndex, term: string, df = index.documentFrequency(term)): number {
  const n = index.passageCount;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** A concept's weight in coverage: how telling it is, less when it only tells the asker's situation. */
function askedWeight(index: CorpusIndex, concept: Concept): number {
  return conceptWeight(index, concept) * (concept.context ? CONTEXT_WEIGHT : 1);
}

function conceptWeight(index: CorpusIndex, concept: Concept): number {
  // A word typed with marks is matched as typed ("bị can", not "cần"): it is as telling as that spelling is rare, and one
  // the corpus never writes so ("lương") as one it never uses at all.
  if (concept.exact) return idf(index, `=${concept.exact}`);
  const perAlternative = concept.alternatives.map((words) => words.reduce((sum, w) => sum + idf(index, w), 0) / words.length);
  return Math.min(...perAlternative);
}

/** The question's concepts, weighted as coverage weighs them, and its typed pairs; met in a quote without regard to marks. */
function quoteTermsOf(index: CorpusIndex, query: AnalyzedQuery): QuoteTerms {
  return { concepts: query.concepts.map((c) => ({ alternatives: c.alternatives, weight: askedWeight(index, c), phrase: c.phrase })), pairs: query.pairs };
}

function refKey(ref: DocumentRef): string {
  return ref.key ?? ref.shortKey;
}

/** Real references that share a kind and number, or a kind and issuer, with one the corpus lacks. */
function suggestReferences(index: CorpusIndex, ref: DocumentRef): string[] {
  const [kind, number] = ref.shortKey.split(' ');
  const issuer = ref.key?.split(/[/-]/).at(-1);
  const scored = index.register
    .filter(({ key }) => key.includes('/') || key.includes('-'))
    .map(({ key, display }) => {
      const sameNumber = key.startsWith(`${number}-`) || key.startsWith(`${number}/`);
      const sameKind = key.includes(`-${kind}/`) || key.includes(`/${kind}-`);
      const sameIssuer = issuer !== undefined && key.endsWith(issuer);
      return { display, score: (sameNumber ? 2 : 0) + (sameKind ? 1 : 0) + (sameIssuer ? 1 : 0) };
    })
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score || a.display.localeCompare(b.display));
  return [...new Set(scored.map((s) => s.display))].slice(0, 3);
}

/**
 * "Ngày bầu cử năm 2026 là ngày nào?" is answered by a sentence that holds a date (of 2026) and the
 * question's words together: the share of the question's concepts in the best such sentence, and
 * the answers that sentence holds.
 */
function answerSupport(text: string, type: AnswerType, years: string[], concepts: Concept[]): { support: number; answers: string[] } {
  let best = { support: 0, answers: [] as string[] };
  if (concepts.length === 0) return best;
  for (const { sentence, answers } of answerSentences(sentences(text), type, years)) {
    // Passage text is already normalised: folding its words is enough, and far cheaper than extractTerms.
    const terms = new Set(foldDiacritics(statementOf(sentence)).match(/[\p{L}\p{N}]+/gu));
    const support = concepts.filter((c) => c.alternatives.some((words) => words.every((w) => terms.has(w)))).length / concepts.length;
    if (support > best.support) best = { support, answers };
  }
  return best;
}

/** How many candidates state each answer: an answer many passages agree on is more likely the one asked for. */
function answerVotes(supported: Array<{ support: number; answers: string[] }>): (answers: string[]) => number {
  const votes = new Map<string, number>();
  for (const { support, answers } of supported) if (support >= 0.5) for (const a of new Set(answers)) votes.set(a, (votes.get(a) ?? 0) + 1);
  const most = Math.max(1, ...votes.values());
  return (answers) => Math.max(0, ...answers.map((a) => (votes.get(a) ?? 0) / most));
}

const hitOf = (index: CorpusIndex, passageIndex: number, score: number): Hit => {
  const passage = index.passage(passageIndex) as Passage;
  return {
    passageIndex,
    passage,
    document: index.document(passage.docId) as DocumentMeta,
    score,
    signals: { lexical: 0, vector: 0, coverage: 1, reference: 0, stated: 0, place: 0, year: 0, guidance: 0, answer: 0, answerVote: 0, asked: 0, heading: 0 },
    wordCoverage: 1,
    pairCoverage: 1,
    matched: [],
    references: [],
  };
};

/** The passages of an article of a law document; with a clause, those of that clause when the law stores it as its own passage. */
function articlePassages(index: CorpusIndex, docId: string, ref: ArticleRef): { passages: number[]; clauseFound: boolean } {
  const passages = index.lawArticles(docId).get(ref.article) ?? [];
  const clauses = ref.clause ? passages.filter((i) => index.passage(i)?.law?.clause === ref.clause) : [];
  return clauses.length > 0 ? { passages: clauses, clauseFound: true } : { passages, clauseFound: false };
}

// Articles of one law looked up at once are shown in full: a long article comes as its clauses.
const ARTICLE_PASSAGES = 12;

/** "luật 85/2015", "nghị định 100/2019": a document number with its year but not its issuer's code, as "85/2015/". */
function numbersWithYear(text: string): string[] {
  return [...foldDiacritics(text).matchAll(/(?<![\p{L}\p{N}/])(\d{1,4})\/((?:19|20)\d{2})(?![\p{N}/])/gu)].map((m) => `${m[1]}/${m[2]}`);
}

/**
 * "Điều 69 luật bầu cử", "khoản 2 điều 30": the article (or clause) of the law the question names,
 * or of the one law that has it; an article the named law lacks is reported with the range it has.
 * Null when the question names no article, or the corpus holds no law with articles.
 */
function lookupArticle(
  index: CorpusIndex,
  query: AnalyzedQuery,
  refs: ArticleRef[],
): { found?: { hits: Hit[]; article: NonNullable<Retrieval['article']> }; missing?: NonNullable<Retrieval['unknownArticle']>; declined?: boolean } | null {
  const [ref] = refs;
  if (!ref) return null;
  const { copies, lawsNamed } = documentStats(index);
  const laws = index.documents.filter((d) => d.kind === 'law' && !copies.has(d.id) && index.lawArticles(d.id).size > 0);
  if (laws.length === 0) return null;
  // A law is named by its number, exact ("85/2015/QH13"), by kind and number ("nghị quyết 1187"), by number and year ("luật 85/2015"), or by its name ("luật bầu cử").
  const ownRefs = new Map(laws.map((d) => [d.id, d.number ? findDocumentRefs(d.number)[0] : undefined]));
  const isLaw = (r: DocumentRef, d: DocumentMeta) => {
    const own = ownRefs.get(d.id);
    return own !== undefined && (r.key !== null ? r.key === own.key : r.shortKey === own.shortKey && yearMatches(r, { key: own.key, date: d.date }));
  };
  const numberYears = numbersWithYear(query.text);
  const hasNumberYear = (n: string, d: DocumentMeta) => ownRefs.get(d.id)?.key?.startsWith(`${n}/`) === true;
  const named = laws.filter(
    (d) => query.refs.some((r) => isLaw(r, d)) || numberYears.some((n) => hasNumberYear(n, d)) || query.laws.some((pair) => lawsNamed(pair).has(d.id)),
  );
  // "Điều 69 Bộ luật Hình sự", "Điều 2 Nghị định 100/2019/NĐ-CP", "điều 5 hiến pháp": a legal text the corpus does not hold is not answered from another.
  const namesOther =
    query.laws.length > 0 ||
    numberYears.length > 0 ||
    query.refs.some((r) => !r.ambiguous && !laws.some((d) => isLaw(r, d))) ||
    /\b(?:hien phap|phap lenh)\b/.test(foldDiacritics(query.text));
  if (named.length === 0 && namesOther) return { declined: true };
  // Without a name, the law the corpus's guides and news cite most is the one meant, and a law (Luật, Bộ luật) before the resolutions that implement it.
  const { citedByGuides } = documentStats(index);
  const isCode = (d: DocumentMeta) => /^(bộ )?luật/iu.test(d.title);
  const candidates =
    named.length > 0
      ? named
      : [...laws].sort((a, b) => (citedByGuides.get(b.id) ?? 0) - (citedByGuides.get(a.id) ?? 0) || Number(isCode(b)) - Number(isCode(a)));
  const holding = candidates.find((d) => index.lawArticles(d.id).has(ref.article));
  if (!holding) {
    const law = candidates[0] as DocumentMeta;
    const articles = [...index.lawArticles(law.id).keys()];
    // A long title (a resolution's) is named by its number.
    const own = ownRefs.get(law.id);
    const name = law.title.length > 80 && own ? `${KIND_NAMES[own.kind]?.vi ?? ''} ${own.display}`.trim() : law.title;
    return { missing: { ...ref, law: name, first: articles[0] as string, last: articles.at(-1) as string } };
  }
  const { passages, clauseFound } = articlePassages(index, holding.id, ref);
  const shown = passages.slice(0, ARTICLE_PASSAGES);
  const title = index.passage(shown[0] as number)?.law?.title ?? '';
  // A clause the article does not hold as a passage of its own: the whole article, headed as the article.
  const clause = clauseFound ? ref.clause : null;
  // Past the last clause the article's passages number, it has no such clause; below it, the clause may share a passage.
  const numbered = passages.map((i) => Number(index.passage(i)?.law?.clause)).filter((n) => Number.isInteger(n) && n > 0);
  const last = Math.max(0, ...numbered);
  const beyond = ref.clause !== null && !clauseFound && last > 0 && Number(ref.clause) > last;
  const missingClause = beyond ? { missingClause: { clause: ref.clause as string, first: String(Math.min(...numbered)), last: String(last) } } : {};
  return { found: { hits: shown.map((i, k) => hitOf(index, i, 1 - k / 100)), article: { article: ref.article, clause, docId: holding.id, title, ...missingClause } } };
}

/**
 * The clauses of the law that a guide passage cites ("(Điều 69 khoản 4, Luật Bầu cử số 85/2015/QH13)"):
 * for each citation, the passage of that article (and clause) sharing most of the question's words.
 */
function legalBasis(index: CorpusIndex, hit: Hit, queryTerms: Set<string>): Retrieval['basis'] {
  const lawKey = (part: string) => findDocumentRefs(part)[0]?.key ?? null;
  const basis: Retrieval['basis'] = [];
  for (const cited of citedArticles(hit.passage.text, lawKey)) {
    if (!cited.law || basis.some((b) => b.cited.article === cited.article && b.cited.clause === cited.clause)) continue;
    const law = index.lookupReference(cited.law).find((e) => e.document)?.document;
    const passages = law ? articlePassages(index, law, cited).passages : [];
    const overlap = (i: number) => [...queryTerms].filter((t) => index.passageHas(i, t)).length;
    const [best] = passages.map((i) => ({ i, score: overlap(i) })).sort((a, b) => b.score - a.score);
    if (best) basis.push({ cited, hit: hitOf(index, best.i, best.score), from: hit.passageIndex });
  }
  return basis;
}

/** Whether a passage is about an out-of-scope thing: named in its document's title or its heading, not merely mentioned. */
function isAbout(index: CorpusIndex, hit: Hit, names: string[][]): boolean {
  const { folded, bigrams } = extractTerms(`${hit.document.title}\n${hit.passage.section ?? ''}`);
  const heading = new Set([...folded, ...bigrams]);
  return names.some((terms) => terms.every((t) => heading.has(t)));
}

/** What the question names beyond this corpus's scope that a passage does not answer for: out-of-scope things it is not about, and laws no document names or is. */
function scopeSignals(index: CorpusIndex, query: AnalyzedQuery, hit: Hit | undefined): { outOfScope: string[]; otherLaw: boolean } {
  return {
    outOfScope: query.outOfScope.filter((f) => !hit || !isAbout(index, hit, f.terms)).map((f) => f.name),
    otherLaw: query.laws.some((pair) => index.documentFrequency(pair) === 0 && documentStats(index).lawsNamed(pair).size === 0),
  };
}

// An amount of money as the corpus states one: "8 tỷ đồng", "500.000 đồng" ("đồng chí", "đồng bào" are no money).
const STATES_AMOUNT = /\d[\d.,]*\s*(?:triệu|tỷ|nghìn|ngàn)\s*đồng|\d[\d.,]{2,}\s*đồng(?!\s*(?:chí|bào))|\d[\d.,]*\s*(?:VND|VNĐ|USD)/u;

/**
 * Years, people and numbered constituencies the question names that a passage (with its title, heading and date; a
 * report's or directive's whole text) does not hold; for a question asking who a person is, "a person" when none of
 * the leading passages names one (only a name answers "chủ tịch HĐBCQG là ai"; only a winner named, who won); for one
 * asking a count of a given election, "a count" when the passage states none (`answerHeld` 0: only a report of that
 * election gives it); for one asking an amount of money, "an amount of money" when none states one; and a kind it asks
 * which one of ("kênh nào") that the corpus never uses.
 */
function missingSpecifics(index: CorpusIndex, query: AnalyzedQuery, hit: Hit, leading: Hit[], answerHeld: number): string[] {
  // Whole words only: "số 1" is not in "số 12".
  const text = ` ${foldedWords(`${hit.document.title} ${hit.document.date ?? ''} ${hit.passage.section ?? ''} ${hit.passage.text}`)} `;
  // A news report or a directive is about one event: a year or a person it names in any passage is every passage's.
  const oneEvent = hit.document.kind === 'news' || hit.document.kind === 'directive';
  const named = [...query.years, ...query.people, ...query.numbered].filter((s) => !namesSpecific(text, s) && !(oneEvent && documentNames(index, hit, s)));
  const person = query.asksPerson && !leading.some((h) => (query.asksWinner ? namesWinner(h.passage.text, query.places) : findPeople(h.passage.text, query.places).length > 0));
  const count = query.asksCountOfOne && answerHeld === 0;
  const money = query.asksMoney && !leading.some((h) => STATES_AMOUNT.test(h.passage.text));
  // "kênh nào", "which app": the corpus cannot name one of a kind it never mentions.
  const kinds = query.language === 'vi' ? query.kindsAsked.filter((k) => index.documentFrequency(k) === 0 && isVietnameseWord(k)) : [];
  return [...named, ...(person ? ['a person'] : []), ...(count ? ['a count'] : []), ...(money ? ['an amount of money'] : []), ...kinds];
}

// Being elected, as a sentence naming a winner says it.
const WON = /\b(?:trung cu|dac cu|thang cu|duoc bau|bau lam|elected|won)\b/;

/** Whether a passage names a person in a sentence that says someone was elected: officials a report names answer no "who won". */
function namesWinner(text: string, places: string[]): boolean {
  return sentences(text).some((s) => WON.test(foldedWords(s)) && findPeople(s, places).length > 0);
}

// The year each National Assembly term was elected: a passage on the election of 15/3/2026 is one on khóa XVI's.
const TERM_ELECTED: Record<string, string> = { xi: '2002', xii: '2007', xiii: '2011', xiv: '2016', xv: '2021', xvi: '2026' };

/**
 * Whether folded text (spaces around) names a year, person or numbered term: as whole words; a term of office also
 * in a list after one "khóa" ("các khóa XIV, XV, XVI" names "khoa xv") or by the year it was elected, and that year by
 * its term.
 */
function namesSpecific(text: string, specific: string): boolean {
  if (spellingsOf(specific).some((spelling) => text.includes(` ${spelling} `))) return true;
  const term = /^khoa ([ivxl]+)$/.exec(specific)?.[1];
  if (term !== undefined) return namesTerm(text, term) || (TERM_ELECTED[term] !== undefined && text.includes(` ${TERM_ELECTED[term]} `));
  const electedIn = Object.keys(TERM_ELECTED).find((t) => TERM_ELECTED[t] === specific);
  return electedIn !== undefined && namesTerm(text, electedIn);
}

/** A specific as the corpus may write it: a quarter in figures or in Roman numerals ("quý 3/2024", "quý I-2021"). */
function spellingsOf(specific: string): string[] {
  const quarter = /^quy ([1-4])$/.exec(specific)?.[1];
  return quarter === undefined ? [specific] : [specific, `quy ${toRomanNumeral(Number(quarter))}`];
}

/** Whether folded text names a term of office, alone or in a list after one "khóa". */
const namesTerm = (text: string, term: string) => new RegExp(` khoa (?:[ivxl]+ (?:va )?)*${term} `).test(text);

/** Whether the hit's document, in any passage, names a name given folded and lower-case ("nguyen van hung"). */
function documentNames(index: CorpusIndex, hit: Hit, name: string): boolean {
  return spellingsOf(name).some((spelling) => nameTerms(spelling.split(/\s+/)).every((term) => index.documentHas(hit.document.id, term)));
}

/** Whether the question asks a count or an agent ("bao nhiêu", "ai") of a place the hit's document never names. */
function asksOfPlaceNotHeld(index: CorpusIndex, query: AnalyzedQuery, hit: Hit): boolean {
  return query.placesAsked.some((place) => hit.document.place !== place && !documentNames(index, hit, foldDiacritics(place).toLowerCase()));
}

function tooSimilar(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared || 1) > 0.8;
}

/** The passages to cite, in the order given (see citedPlaces), the floor measured on `match` from `best`'s; no near-duplicates. */
function chooseHits(index: CorpusIndex, hits: Hit[], opts: RetrieveOptions, best: Hit, match: (hit: Hit) => number): Hit[] {
  // Each passage's terms extracted once for this question, however many chosen passages it is compared with.
  const termSets = new Map<number, Set<string>>();
  const termsOf = (hit: Hit) => {
    let terms = termSets.get(hit.passageIndex);
    if (!terms) termSets.set(hit.passageIndex, (terms = index.indexedTerms(hit.passageIndex)));
    return terms;
  };
  const nearDuplicate = (place: number, taken: number[]) => taken.some((t) => tooSimilar(termsOf(hits[t] as Hit), termsOf(hits[place] as Hit)));
  return citedPlaces(hits.map((h) => h.document.id), hits.map(match), opts, match(best), nearDuplicate).map((i) => hits[i] as Hit);
}

/** How typical of other laws a word or word pair is against this index's corpus: its log ratio (see backgroundRatio). */
export function corpusRatio(index: CorpusIndex, background: Background = shippedBackground()): (term: string) => number {
  return (term) => backgroundRatio(background, index.documentFrequency(term), index.passageCount, term);
}

/** Log ratios of how typical of other laws, against this corpus, each of the question's words and word pairs is. */
function backgroundRatios(index: CorpusIndex, concepts: Concept[], pairs: string[]): Map<string, number> {
  const ratio = corpusRatio(index);
  const terms = [...new Set([...concepts.filter((c) => !c.phrase && !/^\d+$/.test(c.label)).map((c) => c.label), ...pairs])];
  return new Map(terms.map((t) => [t, ratio(t)]));
}

const shippedNeighbours = new WeakMap<CorpusIndex, QuestionNeighbours>();

/** Labelled questions (by default the shipped ones) voting with their terms weighed by how typical of this index's corpus they are. */
export function neighboursFor(index: CorpusIndex, labelled?: Omit<LabelledQuestions, 'heard'>): QuestionNeighbours {
  const cached = labelled ? undefined : shippedNeighbours.get(index);
  if (cached) return cached;
  const { items, count, boost } = labelled ?? shippedLabelledQuestions();
  const neighbours = new QuestionNeighbours(items, count, corpusWeight(corpusRatio(index), boost));
  if (!labelled) shippedNeighbours.set(index, neighbours);
  return neighbours;
}

// Topics offered at most when the corpus may not answer exactly what was asked.
const TOPICS = 3;

/**
 * The share of a text's words and word pairs, weighted by how telling they are, that a document holds in any of its
 * passages: how much of a message the document found for a reading of it speaks of. A word no passage holds weighs
 * the most. The text's terms are weighed once; the function returned asks each document.
 */
export function heldShare(index: CorpusIndex, text: string): (docId: string) => number {
  const written = expandChatSpelling(text);
  // An English message's function words ("the", "is") are no words of its topic.
  const { folded, bigrams } = extractTerms(written, detectLanguage(written, index.lexicon));
  const weighed = [...new Set([...folded, ...bigrams])].map((term) => ({ term, weight: idf(index, term) }));
  const total = weighed.reduce((sum, t) => sum + t.weight, 0);
  return (docId) => (total === 0 ? 0 : weighed.reduce((sum, t) => sum + (index.documentHas(docId, t.term) ? t.weight : 0), 0) / total);
}

/** A passage as a topic a reader can pick: a guide section by its heading, a law article by its number and title, anything else by its document's title. */
export function topicOf(index: CorpusIndex, passageIndex: number): Topic | null {
  const passage = index.passage(passageIndex);
  const document = passage && index.document(passage.docId);
  if (!passage || !document) return null;
  if (passage.law && document.number) {
    const article = articleLabel({ article: passage.law.article, clause: null });
    // "Điều 69 85/2015/QH13" is looked up as that article of that law.
    return { passageIndex, docId: document.id, label: `${article}. ${passage.law.title}`, question: `${article} ${document.number}` };
  }
  const label = passage.section ?? document.title;
  return { passageIndex, docId: document.id, label, question: label };
}

/** The nearest distinct topics among the ranked passages. */
function topicsOf(index: CorpusIndex, hits: Hit[]): Topic[] {
  const topics: Topic[] = [];
  for (const hit of hits) {
    const topic = topicOf(index, hit.passageIndex);
    if (topic && !topics.some((t) => t.label === topic.label)) topics.push(topic);
    if (topics.length >= TOPICS) break;
  }
  return topics;
}

/** The document numbers a question names, the passages mentioning each, and their register entries. */
interface NamedReferences {
  refs: DocumentRef[];
  mentioning: Array<Set<number>>;
  entries: RegisterEntry[];
}

/**
 * Candidates: the lexical and vector leaders, the passages mentioning a named document (the closest of
 * them when it is cited thousands of times), and the passages stating its details; never a second copy.
 */
function gatherCandidates(index: CorpusIndex, lexicalHits: LexicalHit[], queryVector: Float32Array, named: NamedReferences, opts: RetrieveOptions): Set<number> {
  const closestMentions = (set: Set<number>) =>
    set.size <= opts.candidates
      ? [...set]
      : [...set]
          .map((passage) => ({ passage, similarity: index.similarity(passage, queryVector) }))
          .sort((a, b) => b.similarity - a.similarity)
          .slice(0, opts.candidates)
          .map((h) => h.passage);
  const { copies } = documentStats(index);
  return new Set<number>(
    [
      ...lexicalHits.map((h) => h.passage),
      ...index.vectorSearch(queryVector, opts.candidates).map((h) => h.passage),
      ...named.mentioning.flatMap(closestMentions),
      ...named.entries.flatMap((e) => (e.statedIn === null ? [] : [e.statedIn])),
    ].filter((i) => !copies.has(index.documentOf(i)?.id ?? '')),
  );
}

/** The question's concepts and word pairs as this corpus weighs them, and whether it is plainly about the corpus's domain. */
interface QuestionTerms {
  concepts: Concept[];
  /** Weight (idf) of each concept. */
  weights: number[];
  totalWeight: number;
  pairs: string[];
  /** Synonym and glossary phrases: each counts as one pair. */
  phrases: Concept[];
  /** Whether no passage holds a concept. */
  unseen: (concept: Concept) => boolean;
  /** It uses a synonym phrase or a word pair common in the corpus, and no word the corpus lacks. */
  inDomain: boolean;
  /** Share of an English question's words that neither the glossary nor the corpus knows; 0 in Vietnamese. */
  untranslated: number;
}

function questionTerms(index: CorpusIndex, query: AnalyzedQuery): QuestionTerms {
  // A province the corpus never mentions is where the asker lives, not what they ask about: the guide still applies.
  const unknownPlaces = query.places
    .map((p) => foldDiacritics(p).match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((words) => index.documentFrequency(words.join('_')) === 0);
  const placeWords = new Set(unknownPlaces.flat());
  const placePairs = new Set(unknownPlaces.flatMap((words) => words.slice(1).map((w, i) => `${words[i]}_${w}`)));
  // A word the corpus never uses that is no Vietnamese word either (an English word the glossary does not know,
  // "happens"; chat shorthand, "mn", "tbc") cannot be met by any passage: it tells nothing. In a Vietnamese question a
  // loanword ("wifi", "online", "zalo") names what is asked about, as a Vietnamese word the corpus lacks does.
  const foreign = (c: Concept) =>
    !c.phrase &&
    index.documentFrequency(c.label) === 0 &&
    !/^\d+$/.test(c.label) &&
    !isOneWordPlace(c.label) &&
    (query.language === 'en' || (!isVietnameseWord(c.label) && !isLoanword(c.label)));
  // A place written as one word ("Hanoi") is where the asker is, as a province the corpus never mentions is.
  const concepts = query.concepts.filter((c) => c.phrase || (!placeWords.has(c.label) && !isOneWordPlace(c.label) && !foreign(c)));
  // An English word the glossary cannot translate is a real word of another topic ("haiku", "python"), not a typo; in a
  // sentence that tells the asker's situation ("I'll be stuck at work all day.") it is the situation, not the topic.
  const untranslated = query.language === 'en' ? query.concepts.filter((c) => !c.context && foreign(c)).length / Math.max(1, query.concepts.length) : 0;
  // Words that tell the asker's situation weigh less than those of the question itself.
  const weights = concepts.map((c) => askedWeight(index, c));
  // Without diacritics "dang bi" may be "đang bị": a pair that may hold a stopword counts only if the corpus has it.
  // A pair that neither this corpus nor other laws use is two words side by side ("em cầm"), not a term: like a typo, no evidence.
  const background = shippedBackground();
  const pairs = (query.accented ? query.pairs : query.pairs.filter((p) => !p.split('_').some(mayBeStopword) || index.documentFrequency(p) > 0)).filter(
    (p) => !placePairs.has(p) && !p.split('_').some((w) => placeWords.has(w)) && (index.documentFrequency(p) > 0 || background.frequency.has(p)),
  );
  // A word the corpus has never seen ("lớp trưởng", "công đoàn") may mean the question is about something else.
  // Typed with its marks, a word counts as seen only in that spelling: "lương" is not "lượng".
  const unseen = (c: Concept) => !c.phrase && !/^\d+$/.test(c.label) && (c.exact ? !index.vocabulary.has(c.exact) : index.documentFrequency(c.label) === 0);
  const common = 0.05 * index.passageCount;
  const inDomain = !concepts.some(unseen) && (concepts.some((c) => c.phrase) || pairs.some((p) => index.documentFrequency(p) >= common));
  return { concepts, weights, totalWeight: weights.reduce((a, b) => a + b, 0) || 1, pairs, phrases: concepts.filter((c) => c.phrase), unseen, inDomain, untranslated };
}

// For each index, the passages that hold each labelled answer's words, found the first time the answer is heard.
const holdersByIndex = new WeakMap<CorpusIndex, Map<string, Set<number>>>();

/** The passages of an index that hold an answer's words, given as comparable text: read among those indexed under its rarest word. */
function holdersOf(index: CorpusIndex, answer: string): Set<number> {
  let known = holdersByIndex.get(index);
  if (!known) holdersByIndex.set(index, (known = new Map<string, Set<number>>()));
  let holders = known.get(answer);
  if (!holders) {
    const words = [...new Set(extractTerms(answer).folded)];
    const rarest = words.reduce((best, w) => (index.documentFrequency(w) < index.documentFrequency(best) ? w : best), words[0] ?? '');
    holders = new Set([...index.passagesWith(rarest)].filter((i) => foldCaseAndSpace(index.passage(i)?.text ?? '').includes(answer)));
    known.set(answer, holders);
  }
  return holders;
}

/** The answers heard as comparable text, equal answers as one, each with its summed weight. */
function heardAnswers(asked: AskedAnswers): NonNullable<QuoteRequest['heard']> {
  const weights = new Map<string, number>();
  for (const a of asked) {
    const answer = comparableText(a.answer);
    weights.set(answer, (weights.get(answer) ?? 0) + a.weight);
  }
  return [...weights].map(([answer, weight]) => ({ answer, weight }));
}

/** The answers heard, each with the passages holding its words. */
const heard = (index: CorpusIndex, answers: NonNullable<QuoteRequest['heard']>) => answers.map((a) => ({ holders: holdersOf(index, a.answer), weight: a.weight }));

/** The share of the labelled questions like this one (their weights) whose answer's words the passage holds. */
const askedShare = (passageIndex: number, asked: ReturnType<typeof heard>): number => asked.reduce((sum, a) => sum + (a.holders.has(passageIndex) ? a.weight : 0), 0);

// Labelled questions whose answers vote in the ranking: how many of the nearest.
const ASKED_NEIGHBOURS = 10;

/** Labelled questions whose answers vote in the ranking (see askedShare), each term weighed by its idf alone; `items` in order, those without answer words voting nothing. */
export function askedNeighboursOf(items: LabelledQuestion[]): QuestionNeighbours {
  return new QuestionNeighbours(items, ASKED_NEIGHBOURS);
}

/**
 * Where the labelled questions like a question were answered (see RetrieveOptions.asked): the voters' neighbours apart,
 * with their own idf, so what the ranking hears is what it was fitted with; the quote hears the questions heard only too.
 */
export function answersNearOf(voters: LabelledQuestion[], heardOnly: LabelledQuestion[]): NonNullable<RetrieveOptions['asked']> {
  const near = { voters: askedNeighboursOf(voters), all: askedNeighboursOf([...voters, ...heardOnly]) };
  return (reading, typed, votersOnly) => near[votersOnly ? 'voters' : 'all'].answersNear(reading, undefined, undefined, typed);
}

let shippedAsked: NonNullable<RetrieveOptions['asked']> | null = null;
const shippedAnswersNear: NonNullable<RetrieveOptions['asked']> = (reading, typed, votersOnly) => {
  // Built on the first question, and only then: every later one goes straight to it.
  if (!shippedAsked) {
    const { items, heard } = shippedLabelledQuestions();
    shippedAsked = answersNearOf(items, heard);
  }
  return shippedAsked(reading, typed, votersOnly);
};

/** Each candidate's concept coverage and ranking signals, fused into its score; best first. */
function scoreCandidates(
  index: CorpusIndex,
  query: AnalyzedQuery,
  terms: QuestionTerms,
  candidates: Set<number>,
  found: NamedReferences & { lexicalHits: LexicalHit[]; queryVector: Float32Array },
  rankWeights: RankWeights,
  asked: ReturnType<typeof heard>,
  restates: boolean,
): Hit[] {
  const { concepts, weights, pairs } = terms;
  // Squared: a question restating a heading counts far more than one sharing half its words (held out, the fitted ranking
  // with the overlap as it is, squared and cubed got 80.6%, 81.7% and 80.2% of the questions right; 79.5% without it).
  const headings = headingMatcherOf(index);
  const asking = restates ? headings.weigh(query.asking) : null;
  const weighed: QuoteTerms = { concepts: concepts.map((c, i) => ({ ...c, weight: weights[i] as number })), pairs };
  const { refs, mentioning, entries } = found;
  const maxLexical = Math.max(1e-9, ...found.lexicalHits.map((h) => h.score));
  const lexicalScore = new Map(found.lexicalHits.map((h) => [h.passage, h.score / maxLexical]));
  const hits: Hit[] = [];
  for (const passageIndex of candidates) {
    const passage = index.passage(passageIndex) as Passage;
    const document = index.document(passage.docId) as DocumentMeta;
    const has = { has: (term: string) => index.passageHas(passageIndex, term) };
    const heading = headingOf(passage);
    const { coverage, wordCoverage, pairCoverage, met } = coverageOf(weighed, has);
    const matched = concepts.filter((_, i) => met[i]).map((c) => c.label);
    const references = refs.filter((_, i) => mentioning[i]?.has(passageIndex)).map(refKey);
    const signals: RankSignals = {
      lexical: lexicalScore.get(passageIndex) ?? 0,
      vector: index.similarity(passageIndex, found.queryVector),
      coverage,
      reference: refs.length > 0 ? references.length / refs.length : 0,
      // The passage that says who issued a referenced document and when leads its card.
      stated: entries.some((e) => e.statedIn === passageIndex) ? 1 : 0,
      place: query.places.some((p) => document.place === p || has.has(foldDiacritics(p).replace(/\s+/g, '_'))) ? 1 : 0,
      year: query.years.some((y) => document.date?.startsWith(y) || has.has(y)) ? 1 : 0,
      // A question naming no place or year asks for the rule in force, which the guide states.
      guidance: query.places.length === 0 && query.years.length === 0 && document.kind === 'guidance' ? 1 : 0,
      answer: 0,
      answerVote: 0,
      asked: askedShare(passageIndex, asked),
      heading: heading && asking ? headings.match(heading, asking) ** 2 : 0,
    };
    hits.push({ passageIndex, passage, document, score: rankScore(signals, rankWeights), signals, wordCoverage, pairCoverage, matched, references });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** A question asking for a date, time or number: the leading candidates re-ranked by the answers they hold and agree on. */
function rerankByAnswers(hits: Hit[], query: AnalyzedQuery, concepts: Concept[], rankWeights: RankWeights): void {
  const leading = hits.slice(0, ANSWER_CANDIDATES);
  const support = leading.map((hit) => answerSupport(hit.passage.text, query.answerType as AnswerType, query.years, concepts));
  const votes = answerVotes(support);
  leading.forEach((hit, i) => {
    const { support: share, answers } = support[i] as { support: number; answers: string[] };
    hit.signals.answer = share;
    hit.signals.answerVote = votes(answers);
    hit.score = rankScore(hit.signals, rankWeights);
  });
  hits.sort((a, b) => b.score - a.score);
}

/** The decision's evidence about a question and its ranked passages (best first). */
function featuresOf(
  index: CorpusIndex,
  query: AnalyzedQuery,
  terms: QuestionTerms,
  hits: Hit[],
  lexicalHits: LexicalHit[],
  namesReference: boolean,
  neighbours: number,
  match: (hit: Hit) => number,
): AnswerFeatures {
  const best = hits[0] as Hit;
  const { concepts, pairs } = terms;
  const scope = scopeSignals(index, query, best);
  // A situation told ("em mới ly hôn, …") is not what is asked: its other-law words are weighed apart.
  const ratios = backgroundRatios(index, concepts.filter((c) => !c.context), pairs);
  const told = backgroundRatios(index, concepts.filter((c) => c.context), []);
  // The re-ranking scored the leading candidates' answers; a best passage from beyond them is scored here.
  const answerHeld = query.answerType ? best.signals.answer || answerSupport(best.passage.text, query.answerType, query.years, concepts).support : 0;
  return answerFeatures({
    ranked: hits.slice(0, 5).map((h) => ({ ...h, coverage: h.signals.coverage, similarity: h.signals.vector, documentId: h.document.id, kind: h.document.kind })),
    margin: match(best) - (hits[1] ? match(hits[1]) : 0),
    bestLexical: lexicalHits.find((h) => h.passage === best.passageIndex)?.score ?? 0,
    totalWeight: terms.totalWeight,
    similarityMax: Math.max(...hits.map((h) => h.signals.vector)),
    concepts: concepts.map((c, i) => ({ weight: terms.weights[i] as number, unseen: terms.unseen(c) && (isVietnameseWord(c.label) || isLoanword(c.label)), phrase: c.phrase, context: c.context === true })),
    inDomain: terms.inDomain,
    asksAnswer: query.answerType !== null,
    answerHeld,
    namesReference,
    background: backgroundEvidence([...ratios.values()]),
    // Words of another law's topic that the best passage does not hold are what it leaves unanswered.
    backgroundUnmet: [...ratios].reduce((sum, [term, ratio]) => sum + (ratio > 0 && !index.passageHas(best.passageIndex, term) ? ratio : 0), 0),
    backgroundTold: [...told.values()].reduce((sum, ratio) => sum + Math.max(0, ratio), 0),
    asksOpinion: asksOpinion(query.text),
    untranslated: terms.untranslated,
    neighbours,
    otherTitleMatch: otherTitles()(query.embedText),
    ownTitleMatch: ownTitles(index)(query.embedText),
    outOfScope: scope.outOfScope.length > 0,
    otherLaw: scope.otherLaw,
    missingSpecifics: missingSpecifics(index, query, best, hits.slice(0, DEFAULT_RETRIEVE_OPTIONS.limit), answerHeld).length,
    placeAsked: asksOfPlaceNotHeld(index, query, best),
    // Typed without diacritics, words collide ("gia vang hom" is "giá", "vắng", "hòm" somewhere).
    chanceMatch: !query.accented && pairs.length > 0 && concepts.every((c) => !c.phrase) && !pairs.some((p) => index.passageHas(best.passageIndex, p)),
    accented: query.accented,
    english: query.language === 'en',
  });
}

/**
 * Finds the passages that answer a question: lexical and vector candidates fused with concept
 * coverage, exact document references first, near-duplicates dropped, and a verdict on whether
 * anything relevant was found at all.
 */
export async function retrieve(
  index: CorpusIndex,
  embedder: Embedder,
  question: string,
  options: Partial<RetrieveOptions> = {},
): Promise<Retrieval> {
  const opts = { ...DEFAULT_RETRIEVE_OPTIONS, ...options };
  const rankWeights = opts.weights ?? shippedRankWeights();
  const query = analyzeQuery(question, index.lexicon, spellerOf(index), opts.carried);
  // "quy định 5 trường hợp" may be a verb and a count: read as words unless the corpus holds such a document.
  const refs = query.refs.filter((ref) => !ref.ambiguous || index.lookupReference(refKey(ref)).length > 0);
  const { inLaw } = documentStats(index);
  const resolved = resolveReferences(query.text, refs, (key) => index.lookupReference(key)).map((r) =>
    r.ref.key === null && r.entries.length > 1 ? { ...r, entries: preferMentioned(r.entries, inLaw) } : r,
  );
  const entries = [...new Set(resolved.flatMap((r) => r.entries))];
  const request: QuoteRequest = { terms: quoteTermsOf(index, query), answerType: query.answerType ?? query.keywordType, focus: query.focus, counted: query.counted, asks: query.asks, years: query.years, abbreviations: abbreviationsOf(index.lexicon.synonyms) };
  const result = (outcome: Outcome, hits: Hit[] = [], extra: Partial<Retrieval> = {}): Retrieval => ({
    query,
    outcome,
    hits,
    references: outcome === 'answered' ? entries : [],
    unknownReferences: [],
    suggestions: [],
    otherIssuers: [],
    article: null,
    unknownArticle: null,
    basis: [],
    declineReason: null,
    features: null,
    probability: null,
    // What the ranking chose is what was cited, unless the decision set it aside.
    ranked: hits,
    scored: [],
    topics: [],
    request,
    ...extra,
  });
  if (query.smallTalk) return result(query.smallTalk === 'contentless' ? 'empty' : query.smallTalk);
  if (query.concepts.length === 0 && refs.length === 0) return result('empty');

  const lookup = lookupArticle(index, query, findArticleRefs(query.text));
  if (lookup?.found) {
    // "Điều 10 luật bầu cử của Mỹ": an article of another country's or another law is not this law's.
    const scope = scopeSignals(index, query, lookup.found.hits[0]);
    if (scope.outOfScope.length > 0) return result('no_match', [], { declineReason: 'out_of_scope' });
    if (scope.otherLaw) return result('no_match', [], { declineReason: 'other_law' });
    return result('answered', lookup.found.hits, { article: lookup.found.article });
  }
  if (lookup?.missing) return result('unknown_article', [], { unknownArticle: lookup.missing });
  if (lookup?.declined) return result('no_match');

  const mentioning = resolved.map((r) => new Set(r.entries.flatMap((e) => e.passages)));
  const unknown = resolved.filter((r) => r.entries.length === 0);
  if (unknown.length > 0) {
    const otherIssuers = unknown.flatMap((r) => (r.issuer && r.otherIssuers.length > 0 ? [{ ref: r.ref, named: r.issuer.text, held: r.otherIssuers }] : []));
    const missing = unknown.filter((r) => r.otherIssuers.length === 0).map((r) => r.ref);
    return result('unknown_reference', [], {
      unknownReferences: missing,
      suggestions: [...new Set(missing.flatMap((ref) => suggestReferences(index, ref)))],
      otherIssuers,
    });
  }

  // Candidates come from every kind of document: the law's hundreds of articles must not crowd out the guide or the news.
  const lexicalHits = index.lexicalSearchByKind(query.lexical, KIND_CANDIDATES);
  const queryVector = await embedder.embedQuery(query.embedText);
  const references = { refs, mentioning, entries };
  const candidates = gatherCandidates(index, lexicalHits, queryVector, references, opts);
  const terms = questionTerms(index, query);
  // Where the labelled questions most like this one were answered, looked up by its reading (Telex, chat spelling and
  // typos read): however it was typed, the same question hears the same ones. The ranking and the choice of passages
  // to cite hear the voters, the sets they were fitted with (see orderForCiting, scoreBlocks).
  const hear = opts.asked ?? (rankWeights.asked ? shippedAnswersNear : () => []);
  request.heard = heardAnswers(hear(query.text, question, true));
  const asked = heard(index, request.heard);
  let hits = scoreCandidates(index, query, terms, candidates, { lexicalHits, queryVector, ...references }, rankWeights, asked, !opts.followUp);
  if (query.answerType) rerankByAnswers(hits, query, terms.concepts, rankWeights);
  // The guide answers in plain words and brings the law's clause as its basis: where it covers the question, its
  // passage (or the news') leads and the law's articles follow, for the details only the law states.
  const bar = terms.inDomain ? opts.minCoverageInDomain : opts.minCoverage;
  const guideFirst = (order: Hit[]) => {
    const coverageOf = (kind: string) => Math.max(0, ...order.filter((h) => h.document.kind === kind).map((h) => h.signals.coverage));
    const lead = order.find((h) => h.document.kind !== 'law');
    return lead && refs.length === 0 && coverageOf('guidance') >= bar && coverageOf('guidance') >= coverageOf('law') ? [lead, ...order.filter((h) => h !== lead)] : order;
  };
  hits = guideFirst(hits);
  // Whether to answer, and how close the others come to be cited, are the matching evidence's: a heading restated says
  // which matching passage leads, not how well the corpus matches ("Khóa XV có bao nhiêu nữ đại biểu…" restates "Quốc hội
  // có bao nhiêu đại biểu?"; "Mấy giờ thì bắt đầu bỏ phiếu?" would cite its section alone).
  const match = (h: Hit) => matchScore(h.signals, rankWeights);
  const matching = rankWeights.heading ? guideFirst([...hits].sort((a, b) => match(b) - match(a))) : hits;

  const best = hits[0];
  // The floor is measured from the passage the ranking put first, which may be a guide passage put before a higher score.
  const chosen = best ? chooseHits(index, orderForCiting(hits, request, opts.citing ?? shippedCiteModel()), opts, best, match) : [];
  const shipped = opts.model ?? decisionModelFor(embedder.id).model;
  const model = opts.inConversation && shipped.inConversation ? shipped.inConversation : shipped;
  // The labelled questions were kept as typed, and `npm run fit` votes on them so: the vote reads the question as typed
  // too, and only for a model that weighs it.
  const vote = () => (model.features.includes('neighbours') ? (opts.neighbours ?? neighboursFor(index)).vote(question) : 0);
  const features = best ? featuresOf(index, query, terms, matching, lexicalHits, refs.length > 0, vote(), match) : null;
  const decision = decideAnswer(features, { referenced: refs.length > 0 && best !== undefined && best.references.length > 0 }, model);
  const decided = { features, probability: decision.probability, ranked: chosen, scored: hits };
  if (decision.outcome === 'decline') return result('no_match', [], { ...decided, declineReason: decision.reason });
  if (decision.outcome === 'not_sure') return result('not_sure', [], { ...decided, declineReason: decision.reason, topics: topicsOf(index, hits) });
  // Which of a cited passage's sentences to quote hears the questions heard only too: the sentence that answered
  // questions like this one leads (see chooseQuote).
  request.heard = heardAnswers(hear(query.text, question, false));
  // A voter's answer from the guide comes with the clauses of the law it rests on: each cited guide passage's, since
  // the reply may lead with any of them.
  const queryTerms = new Set([...query.lexical.folded, ...query.lexical.bigrams]);
  const basis = chosen.filter((h) => h.document.kind === 'guidance').flatMap((guide) => legalBasis(index, guide, queryTerms));
  return result('answered', chosen, { ...decided, basis });
}
