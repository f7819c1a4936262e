import { describe, expect, it } from 'vitest';
import { citedDocuments, citedPlaces, clearlyBetter, crossValidateRanking, fitRankWeights, matchScore, rankedRight, rankingScore, rankScore, shippedRankWeights, type RankingQuestion, type RankSignals, type RankWeights } from '../../src/search/rank.ts';
import { seededRandom } from '../../src/search/training.ts';

const none: RankSignals = { lexical: 0, vector: 0, coverage: 0, reference: 0, stated: 0, place: 0, year: 0, guidance: 0, answer: 0, answerVote: 0, asked: 0, heading: 0 };
const rule = { limit: 3, perDocument: 2, relativeFloor: 0.5 };
const weights = (overrides: Partial<RankWeights>): RankWeights => ({ ...none, ...overrides });

// The right document is the one the coverage signal points to; the lexical signal is noise that a bad weighting follows.
function questions(n: number, seed: number): RankingQuestion[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    group: `q${i}`,
    written: true,
    expect: ['right'],
    candidates: [
      { docId: 'right', signals: { ...none, coverage: 0.6 + 0.4 * random(), lexical: random() } },
      ...['a', 'b', 'c', 'd'].map((docId) => ({ docId, signals: { ...none, coverage: 0.5 * random(), lexical: 0.5 + 0.5 * random() } })),
    ],
  }));
}

describe('ranking weights', () => {
  it('calls a change clearly better only when its wins beat its losses by two standard deviations of a sign test', () => {
    expect(clearlyBetter(10, 2)).toBe(true);
    expect(clearlyBetter(5, 0)).toBe(true);
    expect(clearlyBetter(3, 0)).toBe(false);
    expect(clearlyBetter(7, 7)).toBe(false);
    expect(clearlyBetter(0, 0)).toBe(false);
  });

  it('scores a candidate as the weighted sum of its signals', () => {
    expect(rankScore({ ...none, lexical: 0.5, coverage: 1 }, weights({ lexical: 2, coverage: 0.5 }))).toBe(1.5);
  });

  it('lets a heading the question restates lead, and measures how close the others come without it', () => {
    const w = weights({ coverage: 1, heading: 1 });
    const restated = { ...none, coverage: 1, heading: 1 };
    const other = { ...none, coverage: 0.9 };
    expect(matchScore(restated, w)).toBe(1);
    const q: RankingQuestion = { group: 'q', expect: ['b'], candidates: [{ docId: 'a', signals: restated }, { docId: 'b', signals: other }] };
    // By the fused score b (0.9) is under half of a's (2); as a match it is nearly as good (0.9 against 1), so it is cited after a.
    expect(citedDocuments(q, w, rule)).toEqual(['a', 'b']);
  });

  it('cites the leading passages within a fraction of the best, at most so many per document', () => {
    const q: RankingQuestion = {
      group: 'q',
      expect: ['c'],
      candidates: [
        { docId: 'a', signals: { ...none, coverage: 1 } },
        { docId: 'a', signals: { ...none, coverage: 0.9 } },
        { docId: 'a', signals: { ...none, coverage: 0.8 } },
        { docId: 'b', signals: { ...none, coverage: 0.7 } },
        { docId: 'c', signals: { ...none, coverage: 0.4 } },
      ],
    };
    expect(citedDocuments(q, weights({ coverage: 1 }), rule)).toEqual(['a', 'b']);
    expect(rankingScore([q], weights({ coverage: 1 }), rule).hit).toBe(0);
  });

  it('cites places in the order given, the floor measured from the score given, skipping what the caller rejects', () => {
    // A guide passage put first with a lower score than the law's keeps its place; the floor is half of its score.
    const docIds = ['guide', 'law', 'law', 'law', 'news'];
    const scores = [0.6, 1, 0.9, 0.8, 0.25];
    expect(citedPlaces(docIds, scores, rule, 0.6)).toEqual([0, 1, 2]);
    expect(citedPlaces(docIds, scores, { ...rule, limit: 5 }, 0.6)).toEqual([0, 1, 2]);
    expect(citedPlaces(docIds, scores, { ...rule, limit: 5 }, 0.4)).toEqual([0, 1, 2, 4]);
    expect(citedPlaces(docIds, scores, rule, 0.6, (place) => place === 1)).toEqual([0, 2, 3]);
  });

  it('counts a question right only when, where the answer\'s words are known, a passage holding them leads', () => {
    const q: RankingQuestion = {
      group: 'q',
      expect: ['a'],
      candidates: [
        { docId: 'a', signals: { ...none, coverage: 1 }, answers: false },
        { docId: 'a', signals: { ...none, coverage: 0.9, vector: 1 }, answers: true },
      ],
    };
    expect(rankedRight(q, weights({ coverage: 1 }), rule)).toBe(false);
    expect(rankedRight(q, weights({ coverage: 1, vector: 1 }), rule)).toBe(true);
    // Without the answer's words, the expected document among those cited is enough.
    const plain = { ...q, candidates: q.candidates.map(({ docId, signals }) => ({ docId, signals })) };
    expect(rankedRight(plain, weights({ coverage: 1 }), rule)).toBe(true);
  });

  it('fits weights by coordinate ascent that follow the informative signal, and says so on held-out folds', () => {
    const data = questions(300, 1);
    const start = weights({ lexical: 1, coverage: 0.2 });
    const fitted = fitRankWeights(data, start, rule);
    expect(rankingScore(data, fitted, rule).hit).toBeGreaterThan(rankingScore(data, start, rule).hit);
    expect(fitted.coverage / fitted.lexical).toBeGreaterThan(start.coverage / start.lexical);
    const cv = crossValidateRanking(data, start, rule);
    expect(cv.fitted).toBeGreaterThan(cv.start);
    expect(cv.better).toBe(true);
    // Weights that already follow it have nothing to gain: the fitted ones are not kept.
    expect(crossValidateRanking(data, weights({ coverage: 1 }), rule).better).toBe(false);
  });

  it('never fits its way through weights that lose an example question the start ranks right', () => {
    const data = questions(300, 1);
    const start = weights({ lexical: 1, coverage: 0.2 });
    // Its answer is in the passage the lexical signal finds, not in the one coverage prefers.
    const example: RankingQuestion = {
      group: 'example',
      expect: ['right'],
      candidates: [
        { docId: 'right', signals: { ...none, lexical: 1, coverage: 0.3 }, answers: true },
        { docId: 'right', signals: { ...none, coverage: 0.9 }, answers: false },
      ],
    };
    expect(rankedRight(example, start, rule)).toBe(true);
    expect(rankedRight(example, fitRankWeights(data, start, rule), rule)).toBe(false);
    const held = fitRankWeights(data, start, rule, [example]);
    expect(rankedRight(example, held, rule)).toBe(true);
    expect(rankingScore(data, held, rule).hit).toBeGreaterThanOrEqual(rankingScore(data, start, rule).hit);
  });

  it('keeps the start when the fitted weights win only on questions generated from the corpus, not on those people wrote', () => {
    const generated = questions(300, 1).map((q) => ({ ...q, written: false }));
    // Written questions any weighting gets right: nothing there to win.
    const written = questions(60, 2).map((q) => ({ ...q, candidates: q.candidates.filter((c) => c.docId === 'right') }));
    const cv = crossValidateRanking([...generated, ...written], weights({ lexical: 1, coverage: 0.2 }), rule);
    expect(cv.wins).toBeGreaterThan(cv.losses);
    expect(cv.writtenWins).toBe(0);
    expect(cv.better).toBe(false);
  });

  it('keeps the start when fitted weights lead with the answer more often but cite the expected document less often', () => {
    // Most questions reward the vector signal for leading with the answer's passage; a few lose their document to it.
    const leads = (i: number): RankingQuestion => ({
      group: `lead${i}`,
      written: true,
      expect: ['a'],
      candidates: [
        { docId: 'a', signals: { ...none, coverage: 1 }, answers: false },
        { docId: 'a', signals: { ...none, coverage: 0.4, vector: 1 }, answers: true },
      ],
    });
    const drops = (i: number): RankingQuestion => ({
      group: `drop${i}`,
      written: true,
      expect: ['a'],
      candidates: [{ docId: 'a', signals: { ...none, coverage: 1 } }, ...['b', 'c', 'd'].map((docId) => ({ docId, signals: { ...none, coverage: 0.5, vector: 1 } }))],
    });
    const data = [...Array.from({ length: 100 }, (_, i) => leads(i)), ...Array.from({ length: 30 }, (_, i) => drops(i))];
    const cv = crossValidateRanking(data, weights({ coverage: 1, vector: 0.4 }), rule);
    expect(cv.fitted).toBeGreaterThan(cv.start);
    expect(cv.wins).toBeGreaterThan(cv.losses);
    expect(cv.citedFitted).toBeLessThan(cv.citedStart);
    expect(cv.better).toBe(false);
  });

  it('ships a weight for every signal', () => {
    const shipped = shippedRankWeights();
    expect(Object.keys(shipped).sort()).toEqual(Object.keys(none).sort());
    expect(shipped.coverage).toBeGreaterThan(0);
  });
});
