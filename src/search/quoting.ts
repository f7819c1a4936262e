import { BLOCK_FEATURES, blockScore, type QuotingWeights } from './blocks.ts';
import { fitListwise, foldOf, type ListItem } from './logistic.ts';

/** One question's passages that hold the answer's words, each as its blocks: their features, and which hold those words. */
export interface QuotingQuestion {
  group: string;
  passages: ListItem[][];
}

/** The block a passage leads its quote with under these weights: the best scored, the first of equals (as chooseQuote). */
export function leadBlock(weights: QuotingWeights, blocks: ListItem[]): number {
  let lead = 0;
  blocks.forEach((b, k) => {
    if (blockScore(weights, b.x) > blockScore(weights, (blocks[lead] as ListItem).x)) lead = k;
  });
  return lead;
}

/** The share of passages (of more than one block, holding the answer's words) whose lead block holds them. */
export function leadsRight(weights: QuotingWeights, questions: QuotingQuestion[]): { right: number; passages: number } {
  const lists = questions.flatMap((q) => q.passages.filter((p) => p.length > 1 && p.some((b) => b.right)));
  return { right: lists.filter((p) => (p[leadBlock(weights, p)] as ListItem).right).length, passages: lists.length };
}

/**
 * Block weights fitted on the listwise log loss (see fitListwise): in each passage holding the answer's words, the
 * blocks that hold them against the others; L2 penalty `lambda` on the standardised weights, which are then unscaled so
 * that a block's score is its raw features weighed (a constant shift is dropped: it never changes which block leads).
 */
export function fitQuotingWeights(questions: QuotingQuestion[], lambda: number): QuotingWeights {
  const lists = questions.flatMap((q) => q.passages);
  const { scale, weights } = fitListwise(lists, lists.flat().map((b) => b.x), BLOCK_FEATURES.length, lambda);
  return { features: [...BLOCK_FEATURES], weights: weights.map((w, j) => w / (scale[j] as number)) };
}

/** Held out by question, the share of passages whose lead block holds the answer's words: under `start`, and fitted. */
export function crossValidateQuoting(questions: QuotingQuestion[], start: QuotingWeights, lambda: number, folds = 5): { start: number; fitted: number; passages: number } {
  let [before, after, passages] = [0, 0, 0];
  for (let f = 0; f < folds; f++) {
    const weights = fitQuotingWeights(
      questions.filter((q) => foldOf(q.group, folds) !== f),
      lambda,
    );
    const held = questions.filter((q) => foldOf(q.group, folds) === f);
    const shipped = leadsRight(start, held);
    before += shipped.right;
    after += leadsRight(weights, held).right;
    passages += shipped.passages;
  }
  const n = passages || 1;
  return { start: before / n, fitted: after / n, passages };
}
