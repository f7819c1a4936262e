import { describe, expect, it } from 'vitest';
import { checkedCiteModel, CITE_CANDIDATES, CITE_FEATURES, citeFeatures, citesAnswer, compareCiting, citeScore, citingOrder, crossValidateCiting, fitCiteModel, headingAsked, neutralCiteModel, orderForCiting, shippedCiteModel, type CiteModel, type CiteQuestion } from '../../src/search/cite.ts';
import type { QuoteRequest } from '../../src/search/blocks.ts';
import { seededRandom } from '../../src/search/training.ts';

const word = (w: string) => ({ alternatives: [[w]], weight: 1, phrase: false });
// "Mấy giờ bắt đầu bỏ phiếu?": asks for a time, with these words.
const request: QuoteRequest = { terms: { concepts: ['bat', 'dau', 'bo', 'phieu'].map(word), pairs: [] }, answerType: 'time', focus: null, counted: null, years: [] };
const passage = (text: string, docId = 'guide', section: string | null = null) => ({ passage: { text, section, docId } });
const column = (name: (typeof CITE_FEATURES)[number]) => CITE_FEATURES.indexOf(name);

describe('citeFeatures', () => {
  const candidates = [
    { ...passage('Kết quả được công bố sau ngày bỏ phiếu.'), score: 2 },
    { ...passage('Việc bỏ phiếu bắt đầu lúc 7 giờ sáng.', 'guide', 'Mấy giờ bắt đầu bỏ phiếu?'), score: 1.5 },
    { ...passage('1. Việc bỏ phiếu bắt đầu từ bảy giờ sáng.', 'law'), score: 1 },
    { ...passage('Điều 72. Bỏ phiếu sớm, hoãn ngày bỏ phiếu.', 'law'), score: 0.5 },
    { ...passage('Tin bầu cử.', 'news'), score: 0.4 },
  ];
  const x = citeFeatures(candidates, request);
  const feature = (name: (typeof CITE_FEATURES)[number]) => x.map((v) => v?.[column(name)]);

  it('scores each leading passage by its place, its score against the best, and how well its best sentence answers', () => {
    expect(feature('score').slice(0, 4)).toEqual([1, 0.75, 0.5, 0.25]);
    expect(feature('rank').slice(0, 4)).toEqual([1, 1 / 2, 1 / 3, 1 / 4]);
    // The passage holding a time and every word of the question answers best; the one without a time, least.
    const answers = feature('answers') as number[];
    expect(answers[1]).toBeGreaterThan(answers[0] as number);
    expect(answers[1]).toBeGreaterThan(1);
  });

  it("counts a passage's place within its document and the heading's share of the question", () => {
    expect(feature('withinDocument').slice(0, 4)).toEqual([1, 1 / 2, 1, 1 / 2]);
    expect(feature('heading').slice(0, 2)).toEqual([0, 1]);
  });

  it('counts how much of its heading the question asks: an article whose title is what was asked, all of it', () => {
    expect(feature('headingAsked')[0]).toBe(0);
    expect(feature('headingAsked')[1]).toBeGreaterThan(0);
    // "khi nào bầu cử bổ sung": the article on supplementary elections, not the one on who organises them.
    const terms = { concepts: [{ alternatives: [['bau', 'cu', 'bo', 'sung']], weight: 1, phrase: true }], pairs: [] };
    const article = (article: string, title: string) => ({ section: `Điều ${article}. ${title}`, law: { article, clause: null, title, chapter: null } });
    expect(headingAsked(article('89', 'Bầu cử bổ sung'), terms)).toBe(1);
    expect(headingAsked(article('90', 'Tổ chức phụ trách bầu cử bổ sung'), terms)).toBeLessThan(0.6);
    expect(headingAsked({ section: null }, terms)).toBe(0);
  });

  it('scores nothing for a passage alone of its document among the leading ones: there is nothing to choose between', () => {
    expect(x[4]).toBeNull();
  });

  const zero = neutralCiteModel();
  const byAnswer: CiteModel = { ...zero, weights: CITE_FEATURES.map((n) => (n === 'answers' ? 1 : 0)) };

  it("reorders a document's passages within the places the ranking gave it, never the documents", () => {
    expect(orderForCiting(candidates, request, zero)).toEqual(candidates);
    // The guide's answering passage moves ahead of its other passage; the law keeps its place.
    expect(orderForCiting(candidates, request, byAnswer)).toEqual([candidates[1], candidates[0], ...candidates.slice(2)]);
    expect(citingOrder([0, 5, 9, 1], ['a', 'b', 'a', 'b'])).toEqual([2, 1, 0, 3]);
  });

  it('leaves the candidates below the leading ones as ranked', () => {
    const many = Array.from({ length: CITE_CANDIDATES + 2 }, (_, i) => ({ ...passage(i >= CITE_CANDIDATES ? 'Bỏ phiếu bắt đầu lúc 7 giờ sáng.' : `Đoạn ${i}.`), score: 10 - i / 10 }));
    expect(orderForCiting(many, request, byAnswer)).toEqual(many);
  });
});

// The passage holding the answer is the one whose `answers` feature is high; its rank is noise.
function questions(n: number, seed: number): CiteQuestion[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const right = Math.floor(random() * 6);
    return {
      group: `q${i}`,
      candidates: Array.from({ length: 6 }, (_, k) => ({
        x: [1 - k / 10, 1 / (1 + k), k === right ? 1 + random() : random(), random(), random(), 1],
        score: 1 - k / 10,
        answers: k === right,
        docId: `d${k % 2}`,
      })),
    };
  });
}

describe('fitCiteModel', () => {
  it('weighs the feature that tells the answering passage, and beats the ranking held out', () => {
    const model = fitCiteModel(questions(200, 1), 0.01);
    expect(model.weights[column('answers')]).toBeGreaterThan(Math.abs(model.weights[column('rank')] as number));
    const cv = crossValidateCiting(questions(200, 2), 0.01, { limit: 1, perDocument: 1, relativeFloor: 0.5 });
    // Only the first document is cited, so the best the model can do is lead it with its answering passage.
    expect(cv.fitted).toBeGreaterThan(0.45);
    expect(cv.ranked).toBeLessThan(0.25);
    expect(cv.questions).toBe(200);
  });

  it("learns only from a document's passages that both hold and lack the answer", () => {
    const data = questions(100, 3);
    const all = (answers: boolean) => data.map((q) => ({ ...q, candidates: q.candidates.map((c) => ({ ...c, answers })) }));
    for (const flat of [all(false), all(true)]) expect(fitCiteModel(flat, 0.01).weights.every((w) => w === 0)).toBe(true);
    // Two documents each: the answering passage's document gives a list, the other (all lacking) none.
    expect(fitCiteModel(data, 0.01).weights.some((w) => w !== 0)).toBe(true);
  });

  it('takes the cited passages from an order a few per document, above the floor measured from the first, and says whether one holds the answer', () => {
    const candidates = [
      { x: null, score: 1, answers: false, docId: 'a' },
      { x: null, score: 0.9, answers: false, docId: 'a' },
      { x: null, score: 0.8, answers: true, docId: 'a' },
      { x: null, score: 0.7, answers: false, docId: 'b' },
      { x: null, score: 0.3, answers: true, docId: 'c' },
    ];
    const rule = { limit: 3, perDocument: 2, relativeFloor: 0.5 };
    expect(citesAnswer(candidates, [0, 1, 2, 3, 4], rule)).toBe(false);
    expect(citesAnswer(candidates, [2, 0, 1, 3, 4], rule)).toBe(true);
    // Below half the first one's score: never cited, wherever the order puts it.
    expect(citesAnswer(candidates, [4, 0, 1, 2, 3], rule)).toBe(false);
  });

  it('counts the questions whose cited passages hold the answer under one model alone, for the fit to keep the shipped one unless the refit clearly wins', () => {
    const data = questions(200, 4);
    const rule = { limit: 1, perDocument: 1, relativeFloor: 0.5 };
    const by = (feature: (typeof CITE_FEATURES)[number]): CiteModel => ({ ...neutralCiteModel(), weights: CITE_FEATURES.map((n) => (n === feature ? 1 : 0)) });
    const [byAnswer, byRank] = [by('answers'), by('rank')];
    const { wins, losses } = compareCiting(data, byAnswer, byRank, rule);
    // Leading with the answering passage wins wherever the ranking's first lacks it in the first document; it never loses.
    expect(wins).toBeGreaterThan(40);
    expect(losses).toBe(0);
    expect(compareCiting(data, byRank, byAnswer, rule)).toEqual({ wins: losses, losses: wins });
    expect(compareCiting(data, byAnswer, byAnswer, rule)).toEqual({ wins: 0, losses: 0 });
  });

  it('ships a model over the features it names, and refuses one that does not match them', () => {
    const model = shippedCiteModel();
    expect(checkedCiteModel(model)).toBe(model);
    expect(Number.isFinite(citeScore(model, model.mean))).toBe(true);
    expect(() => checkedCiteModel({ ...model, features: ['score'] })).toThrow(/npm run fit/);
    expect(() => checkedCiteModel({ ...model, weights: model.weights.slice(1) })).toThrow(/npm run fit/);
    expect(() => checkedCiteModel({ ...model, scale: model.scale.map(() => Number.NaN) })).toThrow(/npm run fit/);
  });
});
