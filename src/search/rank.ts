import { readFileSync } from 'node:fs';
import { foldOf } from './logistic.ts';

/** What a candidate passage scores on, each 0–1: the fused score is their weighted sum. */
export interface RankSignals {
  /** BM25 over the best candidate's. */
  lexical: number;
  /** Cosine similarity to the question. */
  vector: number;
  /** Concept coverage (idf-weighted words and word pairs). */
  coverage: number;
  /** Share of the document numbers the question names that the passage mentions. */
  reference: number;
  /** The passage states who issued a named document and when. */
  stated: number;
  /** It is about, or names, the province the question names. */
  place: number;
  /** It is dated, or names, the year the question names. */
  year: number;
  /** A guide passage, for a question naming no place or year (the rule in force). */
  guidance: number;
  /** For a date, time or number question: the share of the question in the passage's sentence holding such an answer. */
  answer: number;
  /** How many leading candidates state the same answer, relative to the most agreed one. */
  answerVote: number;
  /** Share of the labelled questions most like this one whose answer's words the passage holds: where such questions were answered. */
  asked: number;
  /** How closely the question says what the passage's heading says, question words included: HeadingMatcher.match, squared. */
  heading: number;
}

export type RankWeights = Record<keyof RankSignals, number>;

export const RANK_SIGNALS: Array<keyof RankSignals> = ['lexical', 'vector', 'coverage', 'reference', 'stated', 'place', 'year', 'guidance', 'answer', 'answerVote', 'asked', 'heading'];

export const RANKING_FILE = new URL('./data/ranking.json', import.meta.url);

let shipped: RankWeights | null = null;

/** The weights `npm run fit` wrote into the repository, read once. */
export function shippedRankWeights(): RankWeights {
  return (shipped ??= (JSON.parse(readFileSync(RANKING_FILE, 'utf8')) as { weights: RankWeights }).weights);
}

export function rankScore(signals: RankSignals, weights: RankWeights): number {
  return RANK_SIGNALS.reduce((sum, name) => sum + weights[name] * signals[name], 0);
}

/**
 * A passage's score as evidence that it matches the question: the fused score without the heading signal, which
 * orders matching passages (a heading restating the question leads) but says nothing of how well they match. The floor
 * of what is cited and the decision's margin read it.
 */
export function matchScore(signals: RankSignals, weights: RankWeights): number {
  return rankScore(signals, weights) - weights.heading * signals.heading;
}

/** How the passages to cite are taken from an order (see citedPlaces). */
export interface CiteRule {
  limit: number;
  perDocument: number;
  relativeFloor: number;
}

/** A question with its scored candidates, for fitting the weights. */
export interface RankingQuestion {
  /** `answers`: the passage holds the words of the sentence that answers, where the set gives them. */
  candidates: Array<{ docId: string; signals: RankSignals; answers?: boolean }>;
  expect: string[];
  group: string;
  /** Written by people (a dev set), not generated from the corpus's own headings. */
  written?: boolean;
}

/**
 * Which places of an order are cited, in order: at most `limit`, none scoring under `relativeFloor` of `best`, at most
 * `perDocument` from one document, none that `skip` rejects (a near-duplicate of one already taken).
 */
export function citedPlaces(docIds: string[], scores: number[], rule: CiteRule, best: number, skip?: (place: number, taken: number[]) => boolean): number[] {
  const taken: number[] = [];
  const perDocument = new Map<string, number>();
  for (let i = 0; i < docIds.length && taken.length < rule.limit; i++) {
    const docId = docIds[i] as string;
    if ((scores[i] as number) < best * rule.relativeFloor || (perDocument.get(docId) ?? 0) >= rule.perDocument || skip?.(i, taken)) continue;
    taken.push(i);
    perDocument.set(docId, (perDocument.get(docId) ?? 0) + 1);
  }
  return taken;
}

/** The documents a ranking cites: the leading passages within a fraction of the best, a few per document. */
export function citedDocuments(question: RankingQuestion, weights: RankWeights, rule: CiteRule): string[] {
  const scored = question.candidates.map((c) => ({ docId: c.docId, score: rankScore(c.signals, weights), match: matchScore(c.signals, weights) })).sort((a, b) => b.score - a.score);
  const places = citedPlaces(scored.map((c) => c.docId), scored.map((c) => c.match), rule, scored[0]?.match ?? 0);
  return [...new Set(places.map((i) => (scored[i] as (typeof scored)[number]).docId))];
}

/** Whether documents cited include an expected one, and whether the first of them is one. */
const citesExpected = (question: RankingQuestion, cited: string[]) => cited.some((d) => question.expect.includes(d));
const leadsWithExpected = (question: RankingQuestion, cited: string[]) => question.expect.includes(cited[0] ?? '');

/**
 * Whether a ranking gets a question right: it cites an expected document and, where the question's set gives
 * the answer's words and some candidate holds them, leads with such a passage (the first quote must answer).
 */
export function rankedRight(question: RankingQuestion, weights: RankWeights, rule: CiteRule, cited = citedDocuments(question, weights, rule)): boolean {
  if (!citesExpected(question, cited)) return false;
  if (!question.candidates.some((c) => c.answers)) return true;
  const lead = question.candidates.reduce((best, c) => (rankScore(c.signals, weights) > rankScore(best.signals, weights) ? c : best));
  return lead.answers === true;
}

/** Share of questions ranked right, and (to break ties) whose first cited document is expected. */
export function rankingScore(questions: RankingQuestion[], weights: RankWeights, rule: CiteRule): { hit: number; first: number } {
  let hit = 0;
  let first = 0;
  for (const q of questions) {
    const docs = citedDocuments(q, weights, rule);
    if (rankedRight(q, weights, rule, docs)) hit++;
    if (leadsWithExpected(q, docs)) first++;
  }
  return { hit: hit / (questions.length || 1), first: first / (questions.length || 1) };
}

// Each weight is tried at these multiples of its value (and at these values when it is 0: a new signal may matter as
// much as the old ones together), a few passes over all.
const STEPS = [0, 0.5, 0.75, 1.33, 2];
const FROM_ZERO = [0.05, 0.2, 0.5, 1];
const PASSES = 4;

/**
 * Coordinate ascent on the share of questions ranked right (see rankedRight), from `start`, never through weights that
 * lose one of `keep` (the product's own example questions) that `start` ranks right.
 */
export function fitRankWeights(questions: RankingQuestion[], start: RankWeights, rule: CiteRule, keep: RankingQuestion[] = []): RankWeights {
  const kept = keep.filter((q) => rankedRight(q, start, rule));
  const objective = (w: RankWeights) => {
    if (kept.some((q) => !rankedRight(q, w, rule))) return -Infinity;
    const s = rankingScore(questions, w, rule);
    return s.hit + 0.01 * s.first;
  };
  let weights = { ...start };
  let best = objective(weights);
  for (let pass = 0; pass < PASSES; pass++) {
    let improved = false;
    for (const name of RANK_SIGNALS) {
      const values = weights[name] === 0 ? FROM_ZERO : STEPS.map((m) => m * weights[name]);
      for (const value of values) {
        const trial = { ...weights, [name]: value };
        const score = objective(trial);
        if (score > best + 1e-9) [best, weights, improved] = [score, trial, true];
      }
    }
    if (!improved) break;
  }
  return weights;
}

/** Whether a change that alone gets `wins` cases right, against `losses` only the old gets right, is clearly better: a sign test at about 95%. */
export function clearlyBetter(wins: number, losses: number): boolean {
  return wins - losses > 2 * Math.sqrt(wins + losses);
}

export interface RankingComparison {
  /** Held-out share of questions ranked right (see rankedRight) with weights fitted on the other folds, and with `start`. */
  fitted: number;
  start: number;
  /** Held-out questions only the fitted weights get right, and only `start` gets right; of those, the written ones. */
  wins: number;
  losses: number;
  writtenWins: number;
  writtenLosses: number;
  /** Held-out share of questions citing an expected document at all, fitted and with `start`. */
  citedFitted: number;
  citedStart: number;
  /** Held-out share of questions whose first cited document is expected, fitted and with `start`. */
  firstFitted: number;
  firstStart: number;
  /**
   * The fitted weights win clearly (a sign test on wins against losses at about 95%), on all questions and on those
   * people wrote (where any are marked), and cite an expected document as often.
   */
  better: boolean;
}

/** Fitted weights (held to `keep`, see fitRankWeights) against `start` on held-out folds by question. */
export function crossValidateRanking(questions: RankingQuestion[], start: RankWeights, rule: CiteRule, { folds = 5, keep = [] as RankingQuestion[] } = {}): RankingComparison {
  const t = { fitted: 0, start: 0, wins: 0, losses: 0, writtenWins: 0, writtenLosses: 0, citedFitted: 0, citedStart: 0, firstFitted: 0, firstStart: 0 };
  for (let f = 0; f < folds; f++) {
    const held = questions.filter((q) => foldOf(q.group, folds) === f);
    const weights = fitRankWeights(
      questions.filter((q) => foldOf(q.group, folds) !== f),
      start,
      rule,
      keep,
    );
    for (const q of held) {
      const [fittedDocs, startDocs] = [citedDocuments(q, weights, rule), citedDocuments(q, start, rule)];
      t.citedFitted += Number(citesExpected(q, fittedDocs));
      t.citedStart += Number(citesExpected(q, startDocs));
      t.firstFitted += Number(leadsWithExpected(q, fittedDocs));
      t.firstStart += Number(leadsWithExpected(q, startDocs));
      const withFitted = rankedRight(q, weights, rule, fittedDocs);
      const withStart = rankedRight(q, start, rule, startDocs);
      t.fitted += Number(withFitted);
      t.start += Number(withStart);
      t.wins += Number(withFitted && !withStart);
      t.losses += Number(withStart && !withFitted);
      t.writtenWins += Number(q.written === true && withFitted && !withStart);
      t.writtenLosses += Number(q.written === true && withStart && !withFitted);
    }
  }
  const n = questions.length || 1;
  // Leading with the answer's words is worth nothing if the right document drops out of the citations; questions
  // generated from the headings echo the corpus's words, so weights must also win on the questions people wrote.
  const written = questions.some((q) => q.written === true);
  const better = clearlyBetter(t.wins, t.losses) && (!written || clearlyBetter(t.writtenWins, t.writtenLosses)) && t.citedFitted >= t.citedStart;
  const share = (count: number) => count / n;
  return {
    ...t,
    fitted: share(t.fitted),
    start: share(t.start),
    citedFitted: share(t.citedFitted),
    citedStart: share(t.citedStart),
    firstFitted: share(t.firstFitted),
    firstStart: share(t.firstStart),
    better,
  };
}
