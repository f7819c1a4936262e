import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex } from '../../src/index/index.ts';
import { foldOf, neighboursFor, retrieve, shippedRankWeights } from '../../src/search/index.ts';
import { corpusWeight, formatLabelledQuestions, heldOutVoter, parseLabelledQuestions, QuestionNeighbours, questionKey, shippedLabelledQuestions, withoutSpecifics, type HeldOutQuestion, type LabelledQuestion } from '../../src/search/neighbours.ts';
import { scratchWorkspace } from '../helpers.ts';

const labelled: LabelledQuestion[] = [
  { question: 'Quốc hội khóa XV có bao nhiêu đại biểu nữ?', answerable: false },
  { question: 'Quốc hội khóa XIV có bao nhiêu đại biểu là người dân tộc thiểu số?', answerable: false },
  { question: 'Mấy giờ thì bắt đầu bỏ phiếu?', answerable: true },
  { question: 'Bỏ phiếu kết thúc lúc mấy giờ?', answerable: true },
];

describe('QuestionNeighbours', () => {
  const neighbours = new QuestionNeighbours(labelled, 2);

  it('votes as the labelled questions most like it turned out: +1 all answered, −1 all declined', () => {
    expect(neighbours.vote('Quốc hội khóa XIII có bao nhiêu đại biểu nữ?')).toBeCloseTo(-1);
    expect(neighbours.vote('Mấy giờ bắt đầu bỏ phiếu vậy?')).toBeCloseTo(1);
  });

  it('weighs the nearest by similarity, so a mixed neighbourhood leans to the closer', () => {
    const mixed = new QuestionNeighbours(labelled, 4).vote('Quốc hội khóa XV có bao nhiêu đại biểu, bỏ phiếu mấy giờ?');
    expect(mixed).toBeGreaterThan(-1);
    expect(mixed).toBeLessThan(0);
  });

  it('gives 0 when no labelled question shares a word', () => {
    expect(neighbours.vote('xyzzy plugh')).toBe(0);
  });

  it('never lets a question vote for itself, typed with or without diacritics', () => {
    const alone = new QuestionNeighbours([{ question: 'Mấy giờ thì bắt đầu bỏ phiếu?', answerable: true }], 1);
    expect(alone.vote('Mấy giờ thì bắt đầu bỏ phiếu?')).toBe(0);
    expect(alone.vote('May gio thi bat dau bo phieu?')).toBe(0);
  });

  it('leaves out the items it is told to skip (a fold being fitted), and counts as many as asked', () => {
    const both = 'Quốc hội khóa XV có bao nhiêu đại biểu, bỏ phiếu mấy giờ?';
    expect(neighbours.vote(both, (item) => item < 2, 4)).toBeCloseTo(1);
    expect(neighbours.vote(both, (item) => item >= 2, 4)).toBeCloseTo(-1);
    expect(neighbours.vote('Quốc hội khóa XIII có bao nhiêu đại biểu nữ?', () => false, 1)).toBeCloseTo(-1);
    expect(neighbours.vote(both, () => false, 4)).toBeGreaterThan(-1);
  });

  it('holds a question\'s vote out of its own fold and its own set, generated or not: only questions written elsewhere vote', () => {
    const items: HeldOutQuestion[] = [
      { question: 'Mấy giờ thì bắt đầu bỏ phiếu?', group: 'dev2#1', set: 'dev2' },
      { question: 'Mấy giờ bắt đầu bỏ phiếu ở Nhật?', group: 'generated#2', set: 'generated' },
    ];
    const voters = new QuestionNeighbours([{ question: items[0]!.question, answerable: true }, { question: items[1]!.question, answerable: false }], 1);
    const vote = heldOutVoter(items, 5);
    // A group in neither labelled question's fold.
    const taken = items.map((i) => foldOf(i.group, 5));
    const group = Array.from({ length: 100 }, (_, i) => `q#${i}`).find((g) => !taken.includes(foldOf(g, 5))) as string;
    const asked = 'Mấy giờ thì bắt đầu bỏ phiếu vậy?';
    expect(vote(voters, { question: asked, group, set: 'dev3' }, 1)).toBeCloseTo(1);
    expect(vote(voters, { question: asked, group, set: 'dev2' }, 1)).toBeCloseTo(-1);
    // A generated question hears no generated one: their shapes repeat across the set as no user's question does.
    expect(vote(voters, { question: 'Mấy giờ bắt đầu bỏ phiếu ở Nhật vậy?', group, set: 'generated' }, 1)).toBeCloseTo(1);
    expect(vote(voters, { question: 'Mấy giờ bắt đầu bỏ phiếu ở Nhật vậy?', group, set: 'dev3' }, 1)).toBeCloseTo(-1);
    // The first labelled question's fold, not the second's.
    expect(taken[0]).not.toBe(taken[1]);
    expect(vote(voters, { question: asked, group: 'dev2#1', set: 'dev3' }, 1)).toBeCloseTo(-1);
  });

  it('reads back what it writes: labels, questions, their answers\' words where known, how many vote and the boost', () => {
    const read = parseLabelledQuestions(formatLabelledQuestions({ items: labelled, count: 3, boost: 1.5, heard: [] }));
    expect(read).toEqual({ items: labelled, count: 3, boost: 1.5, heard: [] });
    const withAnswers = [...labelled, { question: 'Bầu cử ngày nào?', answerable: true, answer: 'ngày 15/3/2026' }];
    const heard = [{ question: 'Mấy giờ đóng hòm phiếu?', answerable: true, answer: 'kết thúc lúc 7 giờ tối' }];
    const both = parseLabelledQuestions(formatLabelledQuestions({ items: withAnswers, count: 3, boost: 0, heard }));
    expect(both.items).toEqual(withAnswers);
    // A question heard only is kept apart: it casts no vote.
    expect(both.heard).toEqual(heard);
  });

  it('refuses a file without its header or with a line it cannot read, naming the line', () => {
    expect(() => parseLabelledQuestions('1\tMấy giờ bỏ phiếu?\n')).toThrow(/first line/);
    expect(() => parseLabelledQuestions('neighbours\t0\tboost\t1\n')).toThrow(/first line/);
    expect(() => parseLabelledQuestions('neighbours\t5\tboost\t0.5\n1\tMấy giờ bỏ phiếu?\nyes\tBầu ở đâu?\n')).toThrow(/line 3/);
    // Heard only, a question is worth its answer's words: without them the line says nothing.
    expect(() => parseLabelledQuestions('neighbours\t5\tboost\t0.5\nh\tBầu ở đâu?\n')).toThrow(/line 2/);
  });

  it('leaves out the provinces a question names, and only them', () => {
    const places = new QuestionNeighbours(
      [
        { question: 'Cử tri bị ốm có được bầu tại nhà không?', answerable: true },
        { question: 'Quảng Trị có bao nhiêu huyện?', answerable: false },
      ],
      1,
    );
    expect(places.vote('Cử tri ở Quảng Trị bị ốm thì sao?')).toBeCloseTo(1);
    expect(places.vote('Quảng Trị')).toBe(0);
  });

  it('leaves out the numbers and term numerals a question names: which election it means says nothing of what it asks', () => {
    const items: LabelledQuestion[] = [
      { question: 'Khóa XVI có bao nhiêu đại biểu tái cử?', answerable: false },
      { question: 'Đoàn đại biểu khóa XVI gồm những ai?', answerable: false },
      { question: 'Ngày bầu cử là ngày nào?', answerable: true },
      { question: 'Bầu cử lúc mấy giờ?', answerable: true },
      { question: 'Ai được bầu cử?', answerable: true },
    ];
    // "XVI" is as typical of the corpus as a term gets, so it would outweigh what is asked.
    const neighbours = new QuestionNeighbours(items, 2, corpusWeight((term) => (term.includes('xvi') ? -5 : 0), 1));
    expect(neighbours.vote('bau cu khoa XVI ngay nao')).toBeCloseTo(1);
    expect(neighbours.vote('Khóa XV có bao nhiêu đại biểu nữ?')).toBeCloseTo(-1);
    expect(withoutSpecifics('Bầu cử ngày 15/3/2026 khóa XVI')).toBe('Bầu cử ngày ,  khóa , ');
    expect(withoutSpecifics('vì sao xi măng, vi phạm')).toBe('vì sao xi măng, vi phạm');
  });

  it("counts the corpus's own words more when told how typical of the corpus they are, so the asker's situation does not decide", () => {
    const situation: LabelledQuestion[] = [
      { question: 'Đi nghĩa vụ quân sự mấy năm?', answerable: false },
      { question: 'Con đi học xa thì bầu ở đâu?', answerable: true },
    ];
    const question = 'Con trai tôi đang đi nghĩa vụ quân sự thì nó bầu ở đâu?';
    const ratio = (term: string) => (term === 'bau' ? -5 : term.startsWith('nghia') || term.includes('quan_su') ? 2 : 0);
    expect(new QuestionNeighbours(situation, 1).vote(question)).toBeCloseTo(-1);
    expect(new QuestionNeighbours(situation, 1, corpusWeight(ratio, 1)).vote(question)).toBeCloseTo(1);
    expect(new QuestionNeighbours(situation, 1, corpusWeight(ratio, 0)).vote(question)).toBeCloseTo(-1);
  });
});

describe('answersNear', () => {
  const answered: LabelledQuestion[] = [
    { question: 'Mấy giờ thì bắt đầu bỏ phiếu?', answerable: true, answer: 'bắt đầu từ 7 giờ sáng' },
    { question: 'Bỏ phiếu bắt đầu lúc nào vậy?', answerable: true, answer: 'bắt đầu từ 7 giờ sáng' },
    { question: 'Bỏ phiếu kết thúc lúc mấy giờ?', answerable: true, answer: 'kết thúc lúc 7 giờ tối' },
    { question: 'Mấy giờ bỏ phiếu ở Nhật?', answerable: false },
  ];
  const near = new QuestionNeighbours(answered, 3);

  const total = (answers: Array<{ weight: number }>) => answers.reduce((sum, a) => sum + a.weight, 0);

  it('gives the answers of the nearest labelled questions that give one, weighted by their share of the similarity', () => {
    const answers = near.answersNear('Mấy giờ bắt đầu bỏ phiếu?');
    expect(answers.map((a) => a.answer)).toEqual(['bắt đầu từ 7 giờ sáng', 'bắt đầu từ 7 giờ sáng', 'kết thúc lúc 7 giờ tối']);
    expect(answers[0]?.weight).toBeGreaterThan(answers[2]?.weight as number);
    expect(total(answers)).toBeCloseTo(1);
  });

  it('never gives a question its own answer, however typed, and leaves out what it is told to skip', () => {
    expect(near.answersNear('Mấy giờ thì bắt đầu bỏ phiếu?').map((a) => a.answer)).toEqual(['bắt đầu từ 7 giờ sáng', 'kết thúc lúc 7 giờ tối']);
    // Read ("ko" → "không") or typed: neither hears itself.
    expect(near.answersNear('Mấy giờ thì bắt đầu bỏ phiếu?', undefined, undefined, 'may gio thi bat dau bo phieu').map((a) => a.answer)).toHaveLength(2);
    expect(near.answersNear('Bỏ phiếu kết thúc lúc mấy giờ vậy?', undefined, undefined, 'Bỏ phiếu kết thúc lúc mấy giờ?').map((a) => a.answer)).not.toContain('kết thúc lúc 7 giờ tối');
    expect(near.answersNear('Mấy giờ bắt đầu bỏ phiếu?', (item) => item < 2).map((a) => a.answer)).toEqual(['kết thúc lúc 7 giờ tối']);
    expect(near.answersNear('xyzzy plugh')).toEqual([]);
  });
});

describe('the neighbours feature in retrieval', () => {
  let index: CorpusIndex;
  const embedder = new LocalEmbedder();
  beforeAll(async () => {
    const ws = await scratchWorkspace();
    await buildIndex({ ...ws, embedder });
    index = await loadIndex(ws.indexDir);
  });

  it('is the vote of the labelled questions retrieval is given, and weighs in the decision', async () => {
    const question = 'Mấy giờ bắt đầu bỏ phiếu vậy?';
    const declined = await retrieve(index, embedder, question, { neighbours: new QuestionNeighbours(labelled.map((l) => ({ ...l, answerable: false })), 2) });
    expect(declined.features?.neighbours).toBeCloseTo(-1);
    const answered = await retrieve(index, embedder, question, { neighbours: new QuestionNeighbours(labelled.map((l) => ({ ...l, answerable: true })), 2) });
    expect(answered.features?.neighbours).toBeCloseTo(1);
    expect(answered.probability as number).toBeGreaterThan(declined.probability as number);
  });

  it('reads the question as it was typed, so a labelled question never votes for itself however it is spelled', async () => {
    const question = 'bau cu ko di co bi phat ko';
    const alone = new QuestionNeighbours([{ question, answerable: false }], 1);
    expect((await retrieve(index, embedder, question, { neighbours: alone })).features?.neighbours).toBe(0);
    expect((await retrieve(index, embedder, 'Bầu cử không đi có bị phạt không', { neighbours: alone })).features?.neighbours).toBeCloseTo(-1);
  });

  it('ranks by where the labelled questions like this one were answered: the share of them whose answer\'s words a passage holds', async () => {
    const question = 'Giờ giấc bỏ phiếu thế nào?';
    const phrase = 'có thể cho kết thúc muộn hơn nhưng không quá 9 giờ tối';
    const asked = () => [{ answer: phrase, weight: 0.75 }, { answer: 'không có trong kho', weight: 0.25 }];
    // Given the answers, the signal is read whatever its weight (the fit needs it to weigh it).
    const read = await retrieve(index, embedder, question, { asked, weights: { ...shippedRankWeights(), asked: 0 } });
    const holding = read.scored.filter((h) => h.passage.text.includes(phrase));
    expect(holding.length).toBeGreaterThan(0);
    expect(holding.every((h) => h.signals.asked === 0.75)).toBe(true);
    // Looked up by its reading, the question as typed beside it.
    const heard: Array<[string, string, boolean]> = [];
    await retrieve(index, embedder, 'gio giac bo phieu the nao ko', { asked: (reading, typed, votersOnly) => (heard.push([reading, typed, votersOnly]), []) });
    // The ranking hears the voters alone; the quote of an answer, every labelled question.
    expect(heard).toEqual([
      ['gio giac bo phieu the nao khong', 'gio giac bo phieu the nao ko', true],
      ['gio giac bo phieu the nao khong', 'gio giac bo phieu the nao ko', false],
    ]);
    expect(read.scored.filter((h) => !h.passage.text.includes(phrase)).every((h) => h.signals.asked === 0)).toBe(true);
    const led = await retrieve(index, embedder, question, { asked, weights: { ...shippedRankWeights(), asked: 10 } });
    expect(led.scored[0]?.passage.text).toContain(phrase);
  });

  // A question told of one's family ("Con tôi đi bộ đội thì bầu ở đâu?") may get a vote near nothing: the decision
  // still answers it (retrieve.test.ts, "answers where a soldier votes").
  it('ships the labelled questions npm run fit chose: another law votes to decline, polling to answer', () => {
    const { items } = shippedLabelledQuestions();
    expect(items.filter((i) => i.answerable).length).toBeGreaterThan(500);
    expect(items.filter((i) => !i.answerable).length).toBeGreaterThan(500);
    const shipped = neighboursFor(index);
    expect(shipped.vote('Thời hạn kháng nghị trong tố tụng hình sự được quy định như thế nào?')).toBeLessThan(0);
    expect(shipped.vote('Mấy giờ mở cửa bỏ phiếu?')).toBeGreaterThan(0);
  });

  it('ships the answered questions of the sets nothing is fitted on as heard only: each with its answer, none a voter too', () => {
    const { items, heard } = shippedLabelledQuestions();
    expect(heard.length).toBeGreaterThan(300);
    expect(heard.every((h) => h.answerable && (h.answer ?? '').length > 0)).toBe(true);
    const voters = new Set(items.map((i) => questionKey(i.question)));
    expect(heard.filter((h) => voters.has(questionKey(h.question)))).toEqual([]);
  });
});
