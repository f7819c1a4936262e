import { comparableText } from '../text/normalize.ts';
import type { Hit, Retrieval } from './retrieve.ts';

export interface EvalQuestion {
  question: string;
  /** Documents that answer it, any of which counts; empty when it must be declined. */
  expect: string[];
  group: string;
  /** Words of the corpus sentence that answers it, which the reply must quote. */
  answer?: string;
}

export interface EvalResult {
  item: EvalQuestion;
  retrieval: Retrieval;
  /** The reply as the user reads it. */
  reply?: string;
}

export interface GroupScore {
  group: string;
  questions: number;
  /** Over questions that expect an answer. */
  hitAt1: number | null;
  hitAt3: number | null;
  /** hit@3 of the ranking alone, every question answered: what the decision can at best keep. */
  rawHitAt3: number | null;
  mrr: number | null;
  /** Over questions that must be declined. */
  refusalRate: number | null;
  /** Over questions with an answer phrase: the share whose reply quotes it. */
  quoted: number | null;
  /** Of those, the share whose first quote opens with it: within its first FIRST_SCREEN characters, what a phone shows first. */
  quotedFirst: number | null;
  /** Questions with an answer that were declined anyway. */
  wronglyDeclined: number;
  /** Of those, the ones answered "not sure", and the share of these whose first topic is an expected document. */
  notSure: number;
  topicHit: number | null;
  failures: string[];
}

/** Rank (1-based) of the first expected document among the documents of `hits`, or null. */
export function rankIn(hits: Hit[], expect: string[]): number | null {
  const docs = [...new Set(hits.map((h) => h.document.id))];
  const i = docs.findIndex((d) => expect.includes(d));
  return i < 0 ? null : i + 1;
}

/** Rank of the first expected document among the cited documents, or null when the question was not answered. */
export function rankOf(retrieval: Retrieval, expect: string[]): number | null {
  return retrieval.outcome === 'answered' ? rankIn(retrieval.hits, expect) : null;
}

/** Whether a reply quotes the answer's words (case and spacing aside). */
export function quotes(reply: string, answer: string): boolean {
  return comparableText(reply).includes(comparableText(answer));
}

// Characters of the first quote a phone shows before the reader scrolls: about three lines.
export const FIRST_SCREEN = 200;

/** Whether a reply's first quote («…») opens with the answer's words: within its first FIRST_SCREEN characters. */
export function opensWith(reply: string, answer: string): boolean {
  const start = reply.indexOf('«');
  const end = reply.indexOf('»', start);
  return start >= 0 && quotes(reply.slice(start + 1, Math.min(end < 0 ? reply.length : end, start + 1 + FIRST_SCREEN)), answer);
}

/** hit@1, hit@3, MRR, refusal rate and quoted answers for one group of questions and their retrievals. */
export function scoreGroup(group: string, results: EvalResult[]): GroupScore {
  const answerable = results.filter((r) => r.item.expect.length > 0);
  const declinable = results.filter((r) => r.item.expect.length === 0);
  const ranks = answerable.map((r) => rankOf(r.retrieval, r.item.expect));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const failures = [
    ...answerable.filter((_, i) => (ranks[i] ?? 99) > 3).map((r) => `missed: ${r.item.question} (${r.retrieval.outcome})`),
    ...declinable.filter((r) => r.retrieval.outcome === 'answered').map((r) => `answered out-of-scope: ${r.item.question}`),
  ];
  const unsure = answerable.filter((r) => r.retrieval.outcome === 'not_sure');
  const withPhrase = answerable.filter((r) => r.item.answer !== undefined && r.reply !== undefined);
  return {
    group,
    questions: results.length,
    hitAt1: mean(ranks.map((r) => (r === 1 ? 1 : 0))),
    hitAt3: mean(ranks.map((r) => (r !== null && r <= 3 ? 1 : 0))),
    rawHitAt3: mean(answerable.map((r) => ((rankIn(r.retrieval.ranked, r.item.expect) ?? 99) <= 3 ? 1 : 0))),
    mrr: mean(ranks.map((r) => (r ? 1 / r : 0))),
    refusalRate: mean(declinable.map((r) => (r.retrieval.outcome === 'answered' ? 0 : 1))),
    quoted: mean(withPhrase.map((r) => (quotes(r.reply as string, r.item.answer as string) ? 1 : 0))),
    quotedFirst: mean(withPhrase.map((r) => (opensWith(r.reply as string, r.item.answer as string) ? 1 : 0))),
    wronglyDeclined: answerable.filter((r) => r.retrieval.outcome !== 'answered').length,
    notSure: unsure.length,
    topicHit: mean(unsure.map((r) => (r.item.expect.includes(r.retrieval.topics[0]?.docId ?? '') ? 1 : 0))),
    failures,
  };
}
