import { readFileSync } from 'node:fs';
import { featureVector, type AnswerFeatures, type FeatureName } from './features.ts';
import { contributions, predict, type LogisticModel } from './logistic.ts';

/** The fitted decision: a logistic model of "the leading passages answer the question", and where to cut it. */
export interface DecisionModel extends LogisticModel {
  /** At or above `answer` the question is answered; below `decline` it is declined; between, "not sure". */
  thresholds: { answer: number; decline: number };
  /** The embedder whose cosines the model was fitted on. */
  embedder?: string;
  /** The same decision fitted without the embedder's cosines, for an index built with another embedder. */
  vectorFree?: DecisionModel;
  /** The same decision fitted without the labelled questions' vote, for a message in a conversation: they were asked alone. */
  inConversation?: DecisionModel;
}

export const DECISION_MODEL_FILE = new URL('./data/decision-model.json', import.meta.url);

let shipped: DecisionModel | null = null;

/** The model `npm run fit` wrote into the repository, read once. */
export function shippedDecisionModel(): DecisionModel {
  return (shipped ??= JSON.parse(readFileSync(DECISION_MODEL_FILE, 'utf8')) as DecisionModel);
}

/**
 * The model to decide with under an embedder: the shipped one when it was fitted on that embedder's cosines; otherwise
 * its vector-free twin, since another embedder's cosines sit at other levels (a neural model's near 0.8 where the
 * weight-free one's are near 0.3) and would read as strong evidence for every question. `fitted` says which.
 */
export function decisionModelFor(embedderId: string, model: DecisionModel = shippedDecisionModel()): { model: DecisionModel; fitted: boolean } {
  if (model.embedder === embedderId || !model.vectorFree) return { model, fitted: model.embedder === embedderId };
  return { model: model.vectorFree, fitted: false };
}

export type DeclineReason = 'nothing_found' | 'out_of_scope' | 'other_law' | 'other_topic' | 'missing_specifics' | 'unseen_words' | 'chance_match' | 'like_declined' | 'low_coverage';

export interface Decision {
  outcome: 'answer' | 'not_sure' | 'decline';
  /** The model's probability that the leading passages answer the question; 1 when a held reference settles it. */
  probability: number;
  /** For "not sure" and "decline": the evidence that weighed most against answering. */
  reason: DeclineReason | null;
}

// Which reason a feature that weighs against answering stands for.
const REASONS: Partial<Record<FeatureName, DeclineReason>> = {
  outOfScope: 'out_of_scope',
  otherLaw: 'other_law',
  backgroundSum: 'other_topic',
  backgroundMax: 'other_topic',
  backgroundMin: 'other_topic',
  backgroundShare: 'other_topic',
  missingSpecifics: 'missing_specifics',
  unseenShare: 'unseen_words',
  chanceMatch: 'chance_match',
  neighbours: 'like_declined',
};

/** The feature that lowers the log odds most, as a reason a reader can be told. */
function strongestAgainst(model: LogisticModel, x: number[]): DeclineReason {
  const parts = contributions(model, x);
  let worst = 0;
  let reason: DeclineReason = 'low_coverage';
  parts.forEach((c, i) => {
    if (c < worst) {
      worst = c;
      reason = REASONS[model.features[i] as FeatureName] ?? 'low_coverage';
    }
  });
  return reason;
}

/**
 * Answer, "not sure" or decline. Three things are settled without the model: a document number the
 * question names and the best passage holds answers (numbers match exactly); a year, person or
 * numbered constituency the question asks about (see analyzeQuery) that the best passage lacks declines (no wording can
 * make a passage about 2016 answer for 2011), as does asking who a person is or a sum of money when no
 * leading passage names anyone or states one, or which one of a kind the corpus never mentions; and so
 * does another country or kind of election it asks about that the best passage is not about (the
 * corpus answers for Vietnam's elections only).
 * Everything else is the fitted model's probability against its two thresholds.
 */
export function decideAnswer(features: AnswerFeatures | null, evidence: { referenced: boolean }, model: DecisionModel): Decision {
  if (!features) return { outcome: 'decline', probability: 0, reason: 'nothing_found' };
  if (evidence.referenced && features.outOfScope === 0 && features.otherLaw === 0) return { outcome: 'answer', probability: 1, reason: null };
  if (features.missingSpecifics > 0) return { outcome: 'decline', probability: 0, reason: 'missing_specifics' };
  if (features.outOfScope > 0) return { outcome: 'decline', probability: 0, reason: 'out_of_scope' };
  const x = featureVector(features, model.features);
  const probability = predict(model, x);
  if (probability >= model.thresholds.answer) return { outcome: 'answer', probability, reason: null };
  return { outcome: probability < model.thresholds.decline ? 'decline' : 'not_sure', probability, reason: strongestAgainst(model, x) };
}

/** One question neither decision was fitted on: whether it should be answered (1) or not (0), and each one's probability. */
export interface DecisionDuel {
  y: number;
  challenger: number;
  incumbent: number;
}

/**
 * Two decisions compared, each at its own answer threshold: the questions only the challenger decides right (answers
 * one that should be answered, or leaves one that should not unanswered), and those only the incumbent does.
 */
export function compareDecisions(questions: readonly DecisionDuel[], thresholds: { challenger: number; incumbent: number }): { wins: number; losses: number } {
  let wins = 0;
  let losses = 0;
  for (const q of questions) {
    const challengerRight = q.challenger >= thresholds.challenger === (q.y === 1);
    const incumbentRight = q.incumbent >= thresholds.incumbent === (q.y === 1);
    if (challengerRight && !incumbentRight) wins++;
    if (incumbentRight && !challengerRight) losses++;
  }
  return { wins, losses };
}
