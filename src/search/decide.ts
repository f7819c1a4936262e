/** What retrieval found out about a question and its best passage, for deciding whether to answer. */
export interface AnswerSignals {
  /** A passage was found at all. */
  found: boolean;
  /** The best passage holds a document number the question names. */
  referenced: boolean;
  /** Share of the question's weighted words and word pairs the best passage holds (0–1). */
  coverage: number;
  /** The question is plainly about elections: it uses a phrase of the synonym table or glossary, or a word pair common in the corpus. */
  inDomain: boolean;
  /** Typed without diacritics, and the best passage holds none of the question's word pairs: its words met by chance. */
  chanceMatch: boolean;
  /** Another country, kind of election or near-domain topic the question names that the best passage is not about. */
  outOfScope: string[];
  /** A law the question names that the corpus neither holds nor mentions ("luật đất đai"). */
  otherLaw: boolean;
  /** Years, people and numbered constituencies the question names that the best passage does not hold. */
  missingSpecifics: string[];
}

export interface AnswerThresholds {
  /** Coverage the best passage must reach. */
  minCoverage: number;
  /** The same for a question that is plainly about elections. */
  minCoverageInDomain: number;
}

/** The coverage a question's best passage must reach. */
export function coverageBar(inDomain: boolean, thresholds: AnswerThresholds): number {
  return inDomain ? thresholds.minCoverageInDomain : thresholds.minCoverage;
}

export type DeclineReason = 'nothing_found' | 'out_of_scope' | 'other_law' | 'missing_specifics' | 'low_coverage' | 'chance_match';

export type Decision = { answer: true } | { answer: false; reason: DeclineReason };

/**
 * Answer or decline: a question is answered when its best passage covers enough of what it asks and
 * holds the specific things it names (a year, a person); a document number it names and the
 * passage holds settles it. Another country, election or topic, and a law the corpus lacks, decline.
 */
export function decideAnswer(signals: AnswerSignals, thresholds: AnswerThresholds): Decision {
  const decline = (reason: DeclineReason): Decision => ({ answer: false, reason });
  if (!signals.found) return decline('nothing_found');
  if (signals.outOfScope.length > 0) return decline('out_of_scope');
  if (signals.otherLaw) return decline('other_law');
  if (signals.referenced) return { answer: true };
  if (signals.missingSpecifics.length > 0) return decline('missing_specifics');
  if (signals.coverage < coverageBar(signals.inDomain, thresholds)) return decline('low_coverage');
  if (signals.chanceMatch) return decline('chance_match');
  return { answer: true };
}
