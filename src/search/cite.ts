import { readFileSync } from 'node:fs';
import type { Passage } from '../corpus/index.ts';
import { passageTerms, wordsAndPairsOnce } from '../text/terms.ts';
import { LEAD_QUOTE_WORDS, scoreBlocks, type QuoteRequest } from './blocks.ts';
import type { QuoteTerms } from './coverage.ts';
import { headingOf } from './headings.ts';
import { foldOf, type LogisticModel } from './logistic.ts';
import { citedPlaces, type CiteRule } from './rank.ts';

/**
 * Which of a document's leading passages to cite: the ranking finds the documents, but the passage whose sentences
 * answer is often the second or fifth of its document. A model fitted on the dev questions' answer sentences
 * (`npm run fit`) scores each leading passage by its score and rank, how well its best block answers (see
 * scoreBlocks), how much of the question its heading holds and how much of its heading the question asks, and its
 * place within its document.
 */
export const CITE_FEATURES = ['score', 'rank', 'answers', 'heading', 'headingAsked', 'withinDocument'] as const;

export type CiteModel = Omit<LogisticModel, 'bias'>;

export const CITING_FILE = new URL('./data/citing.json', import.meta.url);

// Leading passages the model reorders; below them the ranking's order stands.
export const CITE_CANDIDATES = 12;

/** The model that weighs nothing: the ranking's order stands. */
export function neutralCiteModel(): CiteModel {
  return { features: [...CITE_FEATURES], mean: CITE_FEATURES.map(() => 0), scale: CITE_FEATURES.map(() => 1), weights: CITE_FEATURES.map(() => 0) };
}

let shipped: CiteModel | null = null;

/** The model `npm run fit` wrote into the repository, read once. */
export function shippedCiteModel(): CiteModel {
  if (shipped) return shipped;
  return (shipped = checkedCiteModel(JSON.parse(readFileSync(CITING_FILE, 'utf8')) as CiteModel));
}

/** A model over CITE_FEATURES with a mean, scale and weight for each, or an error naming what is wrong. */
export function checkedCiteModel(model: CiteModel): CiteModel {
  const sized = [model.mean, model.scale, model.weights].every((values) => Array.isArray(values) && values.length === CITE_FEATURES.length && values.every(Number.isFinite));
  if (model.features?.join() !== CITE_FEATURES.join() || !sized)
    throw new Error(`${CITING_FILE.pathname} is not a model over ${CITE_FEATURES.join(', ')} with a finite mean, scale and weight for each: run npm run fit`);
  return model;
}

// Each heading's words and word pairs, read as the corpus's text: the corpus has a few hundred headings, every question meets many of them.
const headingTerms = wordsAndPairsOnce(passageTerms);
// A question's words and word pairs, with every alternative's, gathered once however many headings it is compared with.
const askedTerms = new WeakMap<QuoteTerms, Set<string>>();

/**
 * The share of a passage's heading words and word pairs that the question asks (a law article's title without its
 * number, as the chunker keeps it; a guide section's question): 1 when the heading is what was asked ("Điều 89. Bầu
 * cử bổ sung" for "khi nào bầu cử bổ sung"), less the more it names besides ("Điều 90. Tổ chức phụ trách bầu cử bổ
 * sung"). The heading's share of the question cannot tell these two apart.
 */
export function headingAsked(passage: Pick<Passage, 'section' | 'law'>, terms: QuoteTerms): number {
  const heading = headingOf(passage);
  if (!heading) return 0;
  const own = headingTerms(heading);
  if (own.size === 0) return 0;
  let asked = askedTerms.get(terms);
  if (!asked) {
    const gathered = new Set(terms.pairs);
    for (const words of terms.concepts.flatMap((c) => c.alternatives)) {
      words.forEach((word, i) => {
        gathered.add(word);
        if (i > 0) gathered.add(`${words[i - 1]}_${word}`);
      });
    }
    askedTerms.set(terms, (asked = gathered));
  }
  let held = 0;
  for (const term of own) if (asked.has(term)) held++;
  return held / own.size;
}

interface Candidate {
  passage: Pick<Passage, 'text' | 'section' | 'docId' | 'law'>;
  score: number;
}

/**
 * Each leading candidate's features, in CITE_FEATURES order; null for one alone of its document among them, as there is
 * nothing to choose between (and its sentences need not be scored).
 */
export function citeFeatures(candidates: Candidate[], request: QuoteRequest): Array<number[] | null> {
  const best = Math.max(1e-9, ...candidates.map((c) => c.score));
  const count = new Map<string, number>();
  for (const c of candidates) count.set(c.passage.docId, (count.get(c.passage.docId) ?? 0) + 1);
  const seen = new Map<string, number>();
  return candidates.map((c, k) => {
    const withinDocument = seen.get(c.passage.docId) ?? 0;
    seen.set(c.passage.docId, withinDocument + 1);
    if ((count.get(c.passage.docId) as number) < 2) return null;
    // Scored as its first quote would be: its best block's score; and its heading's share of the question, and the question's of it.
    const { blocks, heading } = scoreBlocks(c.passage, request, LEAD_QUOTE_WORDS);
    return [c.score / best, 1 / (1 + k), Math.max(0, ...blocks.map((b) => b.score)), heading, headingAsked(c.passage, request.terms), 1 / (1 + withinDocument)];
  });
}

/** A candidate's score under the model: its log odds against the others of its document; 0 for one alone of its document. */
export function citeScore(model: CiteModel, x: number[] | null): number {
  if (!x) return 0;
  return model.weights.reduce((sum, w, i) => sum + (w * ((x[i] ?? 0) - (model.mean[i] as number))) / (model.scale[i] as number), 0);
}

/**
 * Each document's leading passages reordered by the model within the places the ranking gave that document: which
 * documents lead stays the ranking's call, which of a document's passages to cite is the model's.
 */
export function citingOrder(scores: number[], docIds: string[]): number[] {
  const byDocument = new Map<string, number[]>();
  docIds.forEach((d, i) => byDocument.set(d, [...(byDocument.get(d) ?? []), i]));
  const order = docIds.map((_, i) => i);
  for (const places of byDocument.values()) {
    const ranked = [...places].sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
    places.forEach((place, k) => (order[place] = ranked[k] as number));
  }
  return order;
}

/** The leading candidates in the order to cite them (see citingOrder), the rest after them as they were. */
export function orderForCiting<T extends Candidate>(hits: T[], request: QuoteRequest, model: CiteModel): T[] {
  const leading = hits.slice(0, CITE_CANDIDATES);
  const scores = citeFeatures(leading, request).map((x) => citeScore(model, x));
  return [...citingOrder(scores, leading.map((h) => h.passage.docId)).map((i) => leading[i] as T), ...hits.slice(CITE_CANDIDATES)];
}

/** One question's leading candidates, in the ranking's order, for fitting: their features, their fused score, and which hold the words of the sentence that answers. */
export interface CiteQuestion {
  group: string;
  /** `match`: the score the floor of citing reads (see matchScore); the fused score when absent. */
  candidates: Array<{ x: number[] | null; score: number; match?: number; answers: boolean; docId: string }>;
}

// Gradient steps of the fit; the loss is smooth and the features standardised, so a fixed step converges.
const STEPS = 400;
const STEP_SIZE = 0.5;

/**
 * Fits the weights by gradient descent on the listwise log loss: for each document of a question whose candidates both
 * hold and lack the answer, the log of the softmax share of the ones that hold it; L2 penalty `lambda` on the
 * standardised weights.
 */
export function fitCiteModel(questions: CiteQuestion[], lambda: number): CiteModel {
  const features = [...CITE_FEATURES];
  const rows = questions.flatMap((q) => q.candidates.flatMap((c) => (c.x ? [c.x] : [])));
  const mean = features.map((_, j) => rows.reduce((s, x) => s + (x[j] ?? 0), 0) / (rows.length || 1));
  const scale = features.map((_, j) => Math.sqrt(rows.reduce((s, x) => s + ((x[j] ?? 0) - (mean[j] as number)) ** 2, 0) / (rows.length || 1)) || 1);
  // The model only ever chooses among one document's passages: each list is a question's candidates from one document.
  const lists = questions
    .flatMap((q) => [...new Set(q.candidates.map((c) => c.docId))].map((d) => q.candidates.filter((c) => c.docId === d)))
    .filter((list) => list.some((c) => c.answers) && list.some((c) => !c.answers))
    .map((list) => list.map((c) => ({ z: features.map((_, j) => ((c.x?.[j] ?? 0) - (mean[j] as number)) / (scale[j] as number)), answers: c.answers })));
  const weights = features.map(() => 0);
  for (let step = 0; step < STEPS && lists.length > 0; step++) {
    const gradient = features.map(() => 0);
    for (const list of lists) {
      const s = list.map((c) => c.z.reduce((sum, v, j) => sum + v * (weights[j] as number), 0));
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const all = e.reduce((a, b) => a + b, 0);
      const held = list.reduce((sum, c, i) => sum + (c.answers ? (e[i] as number) : 0), 0);
      list.forEach((c, i) => {
        const share = (e[i] as number) / all - (c.answers ? (e[i] as number) / held : 0);
        c.z.forEach((v, j) => (gradient[j] = (gradient[j] as number) + share * v));
      });
    }
    weights.forEach((w, j) => (weights[j] = w - STEP_SIZE * ((gradient[j] as number) / lists.length + lambda * w)));
  }
  return { features, mean, scale, weights };
}

/** Whether the passages an order cites (see citedPlaces; the floor measured from the ranking's first) hold the answer's words. */
export function citesAnswer(candidates: CiteQuestion['candidates'], order: number[], rule: CiteRule): boolean {
  const ordered = order.map((i) => candidates[i] as CiteQuestion['candidates'][number]);
  const floorOf = (c: CiteQuestion['candidates'][number] | undefined) => c?.match ?? c?.score ?? 0;
  const places = citedPlaces(ordered.map((c) => c.docId), ordered.map(floorOf), rule, floorOf(candidates[0]));
  return places.some((p) => ordered[p]?.answers === true);
}

/** Held out by question, the share of questions (with an answer among their candidates) whose cited passages hold it: in the ranking's order, and in the fitted model's. */
export function crossValidateCiting(questions: CiteQuestion[], lambda: number, rule: CiteRule, folds = 5): { ranked: number; fitted: number; questions: number } {
  const answerable = questions.filter((q) => q.candidates.some((c) => c.answers));
  let [ranked, fitted] = [0, 0];
  for (let f = 0; f < folds; f++) {
    const model = fitCiteModel(
      questions.filter((q) => foldOf(q.group, folds) !== f),
      lambda,
    );
    for (const q of answerable.filter((a) => foldOf(a.group, folds) === f)) {
      const byModel = citingOrder(q.candidates.map((c) => citeScore(model, c.x)), q.candidates.map((c) => c.docId));
      ranked += Number(citesAnswer(q.candidates, q.candidates.map((_, i) => i), rule));
      fitted += Number(citesAnswer(q.candidates, byModel, rule));
    }
  }
  const n = answerable.length || 1;
  return { ranked: ranked / n, fitted: fitted / n, questions: answerable.length };
}

/** The questions whose cited passages hold the answer only under the challenger's order, and those only under the incumbent's. */
export function compareCiting(questions: CiteQuestion[], challenger: CiteModel, incumbent: CiteModel, rule: CiteRule): { wins: number; losses: number } {
  let wins = 0;
  let losses = 0;
  for (const q of questions) {
    const docIds = q.candidates.map((c) => c.docId);
    const cites = (model: CiteModel) => citesAnswer(q.candidates, citingOrder(q.candidates.map((c) => citeScore(model, c.x)), docIds), rule);
    const [byChallenger, byIncumbent] = [cites(challenger), cites(incumbent)];
    if (byChallenger && !byIncumbent) wins++;
    if (byIncumbent && !byChallenger) losses++;
  }
  return { wins, losses };
}
