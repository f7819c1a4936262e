import type { Concept } from './query.ts';

/**
 * A question's words and phrases, each met by a text that holds every word of one of its alternatives (a phrase counts
 * once however many of its synonyms a text holds: "kiểm phiếu" is met by "đếm phiếu" too, not twice), weighted, and the
 * word pairs it typed: what coverage measures a passage or a quote by.
 */
export interface QuoteTerms {
  concepts: Array<Pick<Concept, 'alternatives' | 'exact' | 'phrase'> & { weight: number }>;
  pairs: string[];
}

/** A concept is met by terms holding its word as typed (with diacritics), or every word of one of its alternatives. */
export function conceptMet(concept: Pick<Concept, 'alternatives' | 'exact'>, terms: Pick<Set<string>, 'has'>): boolean {
  return concept.exact ? terms.has(`=${concept.exact}`) : concept.alternatives.some((words) => words.every((w) => terms.has(w)));
}

/**
 * How much of a question a text holds, as ranking and quoting both measure it: the share of its words' weight, and the
 * share of its word pairs and phrases (1 when it has neither); `coverage` is their mean, or the words' share alone when
 * there are no pairs or phrases. `met` tells which concepts the text holds.
 */
export function coverageOf(terms: QuoteTerms, has: Pick<Set<string>, 'has'>): { coverage: number; wordCoverage: number; pairCoverage: number; met: boolean[] } {
  const met = terms.concepts.map((c) => conceptMet(c, has));
  const total = terms.concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
  const wordCoverage = terms.concepts.length > 0 ? terms.concepts.reduce((sum, c, i) => sum + (met[i] ? c.weight : 0), 0) / total : 0;
  const units = terms.pairs.length + terms.concepts.filter((c) => c.phrase).length;
  // Word pairs tell "kết hôn" from "kết quả" and "hơn": single syllables alone match almost anything.
  const unitsMet = terms.pairs.filter((p) => has.has(p)).length + terms.concepts.filter((c, i) => c.phrase && met[i]).length;
  const pairCoverage = units > 0 ? unitsMet / units : 1;
  return { coverage: units > 0 ? (wordCoverage + pairCoverage) / 2 : wordCoverage, wordCoverage, pairCoverage, met };
}
