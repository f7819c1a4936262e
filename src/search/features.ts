import type { BackgroundEvidence } from './background.ts';

/**
 * What retrieval found out about a question and its leading passages: the evidence the fitted
 * decision weighs. Every field is a number (flags are 0 or 1) so the model reads them alike.
 */
export interface AnswerFeatures {
  /** Mean of the best passage's weighted word share and word-pair share (0–1). */
  coverage: number;
  /** Coverage when the question is plainly about elections, else 0: the same coverage means more in the domain. */
  coverageInDomain: number;
  /** The highest coverage among the five leading passages. */
  coverageMax: number;
  /** Share of the question's idf-weighted words the best passage holds. */
  wordCoverage: number;
  /** Share of its word pairs and synonym phrases the best passage holds; 1 when it has none. */
  pairCoverage: number;
  /** The best passage's BM25 score over the question's total word weight: how much of the question the best lexical match carries. */
  lexicalStrength: number;
  /** Cosine similarity of the best passage to the question. */
  similarity: number;
  /** The highest similarity among the candidates. */
  similarityMax: number;
  /** Score of the best passage minus that of the second, the heading signal left out (see matchScore). */
  margin: number;
  /** Share of the five leading passages from the best one's document. */
  agreement: number;
  /** Share of the question's word weight from words no passage holds (that are Vietnamese words, not typos). */
  unseenShare: number;
  /** The question uses a synonym or glossary phrase, or a word pair common in the corpus. */
  inDomain: number;
  /** Share of the question's concepts that are synonym or glossary phrases. */
  phraseShare: number;
  /** The question asks for a date, time or number. */
  asksAnswer: number;
  /** Share of the question's concepts in the best passage's sentence holding such an answer (0 when none is asked). */
  answerHeld: number;
  /** The question names a document number. */
  namesReference: number;
  /** Background evidence (other laws against this corpus), see background.ts. */
  backgroundSum: number;
  backgroundMax: number;
  backgroundMin: number;
  backgroundShare: number;
  /** The summed log ratios of the question's other-law words that the best passage lacks. */
  backgroundUnmet: number;
  /** The summed log ratios of the other-law words of the situation told (the other background features read what is asked). */
  backgroundTold: number;
  /** It asks for an opinion or a prediction, which no law states. */
  asksOpinion: number;
  /** How closely the question matches the best article title of other laws, and the best title or heading of this corpus (F1 of shared weighted words, 0–1). */
  otherTitleMatch: number;
  ownTitleMatch: number;
  /** The question names another country, kind of election or near-domain topic the best passage is not about. */
  outOfScope: number;
  /** It names a law the corpus neither holds nor mentions. */
  otherLaw: number;
  /** Years, people or numbered constituencies it names that the best passage lacks (0, 1 or 2 for more). */
  missingSpecifics: number;
  /** Typed without diacritics, and the best passage holds none of its word pairs. */
  chanceMatch: number;
  /** It asks how many or who of a province or city the best passage's document never names: that place's own figures or office holders. */
  placeAsked: number;
  accented: number;
  english: number;
  /** Share of an English question's words that neither the glossary nor the corpus knows. */
  untranslated: number;
  /** log(1 + number of concepts). */
  length: number;
  /** Share of the question's word weight from clauses telling the asker's situation. */
  contextShare: number;
  /** The best passage is from the guide, or from a law. */
  bestGuide: number;
  bestLaw: number;
  /** How the labelled questions most like it turned out: +1 all answered, −1 all declined (see neighbours.ts). */
  neighbours: number;
}

export type FeatureName = keyof AnswerFeatures;

/** Features read off the embedder's cosines, whose levels are the embedder's own: a model fitted under one embedder misreads another's. */
export const VECTOR_FEATURES: readonly FeatureName[] = ['similarity', 'similarityMax'];

export const FEATURE_NAMES: FeatureName[] = [
  'coverage',
  'coverageInDomain',
  'coverageMax',
  'wordCoverage',
  'pairCoverage',
  'lexicalStrength',
  'similarity',
  'similarityMax',
  'margin',
  'agreement',
  'unseenShare',
  'inDomain',
  'phraseShare',
  'asksAnswer',
  'answerHeld',
  'namesReference',
  'backgroundSum',
  'backgroundMax',
  'backgroundMin',
  'backgroundShare',
  'backgroundUnmet',
  'backgroundTold',
  'asksOpinion',
  'otherTitleMatch',
  'ownTitleMatch',
  'outOfScope',
  'otherLaw',
  'missingSpecifics',
  'chanceMatch',
  'placeAsked',
  'accented',
  'english',
  'untranslated',
  'length',
  'contextShare',
  'bestGuide',
  'bestLaw',
  'neighbours',
];

export function featureVector(features: AnswerFeatures, names: readonly string[] = FEATURE_NAMES): number[] {
  return names.map((name) => (features as unknown as Record<string, number>)[name] ?? 0);
}

/** One leading passage as the features read it. */
export interface RankedPassage {
  coverage: number;
  wordCoverage: number;
  pairCoverage: number;
  similarity: number;
  documentId: string;
  kind: string;
}

export interface FeatureInput {
  /** Leading passages, best first. */
  ranked: RankedPassage[];
  /** How far the best match stands out: its score minus the next one's (see AnswerFeatures.margin). */
  margin: number;
  /** The raw BM25 score of the best passage, and the question's total word weight. */
  bestLexical: number;
  totalWeight: number;
  similarityMax: number;
  /** Weight of each concept, whether no passage holds it, whether it is a phrase, whether it tells the situation. */
  concepts: Array<{ weight: number; unseen: boolean; phrase: boolean; context: boolean }>;
  inDomain: boolean;
  asksAnswer: boolean;
  answerHeld: number;
  namesReference: boolean;
  background: BackgroundEvidence;
  backgroundUnmet: number;
  backgroundTold: number;
  asksOpinion: boolean;
  otherTitleMatch: number;
  ownTitleMatch: number;
  outOfScope: boolean;
  otherLaw: boolean;
  missingSpecifics: number;
  chanceMatch: boolean;
  placeAsked: boolean;
  accented: boolean;
  english: boolean;
  untranslated: number;
  neighbours: number;
}

const flag = (b: boolean) => (b ? 1 : 0);

/** The feature vector of a question and its ranked passages. */
export function answerFeatures(input: FeatureInput): AnswerFeatures {
  const [best] = input.ranked;
  const weightOf = (pick: (c: FeatureInput['concepts'][number]) => boolean) => input.concepts.filter(pick).reduce((s, c) => s + c.weight, 0);
  const totalConceptWeight = weightOf(() => true) || 1;
  const leading = input.ranked.slice(0, 5);
  return {
    coverage: best?.coverage ?? 0,
    coverageInDomain: input.inDomain ? (best?.coverage ?? 0) : 0,
    coverageMax: Math.max(0, ...leading.map((p) => p.coverage)),
    wordCoverage: best?.wordCoverage ?? 0,
    pairCoverage: best?.pairCoverage ?? 0,
    lexicalStrength: input.totalWeight > 0 ? Math.min(3, input.bestLexical / input.totalWeight) : 0,
    similarity: best?.similarity ?? 0,
    similarityMax: input.similarityMax,
    margin: input.margin,
    agreement: best ? leading.filter((p) => p.documentId === best.documentId).length / leading.length : 0,
    unseenShare: weightOf((c) => c.unseen) / totalConceptWeight,
    inDomain: flag(input.inDomain),
    phraseShare: input.concepts.length > 0 ? input.concepts.filter((c) => c.phrase).length / input.concepts.length : 0,
    asksAnswer: flag(input.asksAnswer),
    answerHeld: input.answerHeld,
    namesReference: flag(input.namesReference),
    backgroundSum: Math.max(-30, Math.min(30, input.background.sum)),
    backgroundMax: input.background.max,
    backgroundMin: input.background.min,
    backgroundShare: input.background.share,
    backgroundUnmet: Math.min(30, input.backgroundUnmet),
    backgroundTold: Math.min(30, input.backgroundTold),
    asksOpinion: flag(input.asksOpinion),
    otherTitleMatch: input.otherTitleMatch,
    ownTitleMatch: input.ownTitleMatch,
    outOfScope: flag(input.outOfScope),
    otherLaw: flag(input.otherLaw),
    missingSpecifics: Math.min(2, input.missingSpecifics),
    chanceMatch: flag(input.chanceMatch),
    placeAsked: flag(input.placeAsked),
    accented: flag(input.accented),
    english: flag(input.english),
    untranslated: input.untranslated,
    length: Math.log1p(input.concepts.length),
    contextShare: weightOf((c) => c.context) / totalConceptWeight,
    bestGuide: flag(best?.kind === 'guidance'),
    bestLaw: flag(best?.kind === 'law'),
    neighbours: input.neighbours,
  };
}
