import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeAnswer } from '../answer/index.ts';
import { createAssistant, replayConversation, type Assistant } from '../assistant.ts';
import { chooseReading, READING_CHOICE, READING_CHOICE_FILE, type ReadingChoice, type ReadingEvidence } from '../conversation/index.ts';
import { loadConfig } from '../config.ts';
import { parseLegalText } from '../corpus/index.ts';
import type { CorpusIndex, Embedder } from '../index/index.ts';
import { createCliLogger } from '../logger.ts';
import {
  answersNearOf,
  askedNeighboursOf,
  auc,
  BACKGROUND_FILE,
  citedArticles,
  clearlyBetter,
  corpusRatio,
  crossValidate,
  crossValidateRanking,
  CITE_CANDIDATES,
  CITE_FEATURES,
  citeFeatures,
  CITING_FILE,
  compareCiting,
  crossValidateCiting,
  shippedCiteModel,
  fitCiteModel,
  neutralCiteModel,
  type CiteModel,
  type CiteQuestion,
  DEFAULT_RETRIEVE_OPTIONS,
  fitRankWeights,
  matchScore,
  RANK_SIGNALS,
  RANKING_FILE,
  shippedRankWeights,
  type RankingQuestion,
  type RankWeights,
  DECISION_MODEL_FILE,
  FEATURE_NAMES,
  featureVector,
  fitLogistic,
  formatBackground,
  keywordsOf,
  logLoss,
  toldAsStory,
  predict,
  questionsAbout,
  quotes,
  rankIn,
  rankOf,
  retrieve,
  seededRandom,
  heldOutSkip,
  heldOutVoter,
  neighboursFor,
  questionKey,
  compareDecisions,
  shippedDecisionModel,
  shippedLabelledQuestions,
  type LabelledQuestions,
  type AskedAnswers,
  type HeldOutQuestion,
  type QuestionNeighbours,
  type RetrieveOptions,
  formatLabelledQuestions,
  LABELLED_QUESTIONS_FILE,
  VECTOR_FEATURES,
  type Background,
  type DecisionModel,
  type EvalQuestion,
  type FeatureName,
  type Sample,
} from '../search/index.ts';
import { formatTitles, OTHER_TITLES_FILE } from '../search/titles.ts';
import { findDocumentRefs } from '../text/identifiers.ts';
import { foldedWords, stripDiacritics } from '../text/normalize.ts';
import { extractTerms, passageTerms } from '../text/terms.ts';
import { readArgs } from './args.ts';

const USAGE = `Usage: npm run fit -- [--legal DIR]
  Refits the background table of other laws' words (src/search/data/background.tsv) and their article
  titles (src/search/data/other-titles.txt), the ranking's
  weights (src/search/data/ranking.json, kept only when they clearly beat the shipped ones), which of a
  document's leading passages to cite (src/search/data/citing.json, from the dev sets' answer words), the
  answer-or-decline model (src/search/data/decision-model.json, with the labelled questions its vote asks in
  src/search/data/labelled-questions.tsv, beside the answered questions of the dev sets nothing is fitted on, whose
  answers are heard; kept only when it clearly beats the shipped one on those sets) from the dev question sets, questions
  built from the corpus's own headings, and the articles of other laws in DIR (default:
  ../shared/legal/phap-dien); then, on the dev dialogues, how sure an answer to a fragment read as it
  stands must be to keep that reading, and how much of a full question's words the document it borrows
  from the last topic must hold (src/conversation/data/reading-choice.json, moved from the shipped values only
  when clearly better held out).`;

// Tuned on: the model is fitted on these and its operating point chosen on them.
const DEV_SETS = ['questions.json', 'dev2-questions.json', 'dev3-questions.json', 'dev4-questions.json', 'law-questions.json'];
// Tuned on, nothing fitted on them: where their answerable questions were answered is heard by the quote (see
// retrieve), so a question like one of them quotes the sentence that answered it; the ranking, the passages cited and
// the decision do not hear them, and they cast no vote.
const HEARD_SETS = ['dev5-questions.json', 'dev6-questions.json', 'dev7-questions.json', 'dev8-questions.json', 'dev9-questions.json', 'dev10-questions.json', 'dev11-questions.json'];
// Dev sets nothing is fitted on, in the shapes users type (chat, stories told first, English): the operating point is
// chosen on them too, as the shipped model reads them, beside the fitted sets read out of fold. Tuned on, never fitted on.
const UNFITTED_SETS = [...HEARD_SETS, 'dev13-questions.json', 'dev12-told-questions.json', 'dev14-questions.json', 'dev15-questions.json', 'dev16-questions.json'];
// The example questions the product offers, with what their first quote must hold: a check on the ranking.
const EXAMPLES_SET = 'examples.json';
// Frozen: only scored, for the curves printed at the end.
const TEST_SETS = ['test-questions.json', 'test2-questions.json', 'test3-questions.json'];
const EVAL_DIR = 'tests/eval';
// Conversations the reading choice is tuned on.
const DIALOGUE_DEV_SETS = ['dialogues-dev.json', 'dialogues-dev2.json', 'dialogues-dev3.json', 'dialogues-dev4.json', 'dialogues-dev5.json', 'dialogues-dev6.json'];
// Folds, by conversation, for the reading choice's held-out score.
const READING_FOLDS = 5;
// Candidate probabilities at which a fragment answered as it stands keeps that reading; 0 keeps it whenever answered.
const STANDS_ALONE_GRID = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01];
// Candidate shares of a full question's own words the answer it borrows must hold; above 1 it never borrows.
const BORROWS_AT_GRID = [...Array.from({ length: 20 }, (_, i) => (i + 1) / 20), 1.01];
// The choice that reads every message as it stands where the thresholds decide: conversations are replayed under it.
const AS_IT_STANDS: ReadingChoice = { standsAlone: 0, borrowsAt: 1.01 };
// A word or pair in fewer of the other laws' articles than this is left out of the background table.
const MIN_BACKGROUND_ARTICLES = 5;
// Articles of other laws turned into questions to decline, and how many of the files closest to the corpus give half of them.
const NEGATIVE_ARTICLES = 900;
const NEAR_FILES = 10;
// A word pair this much more typical (log ratio) of the corpus than of other laws names the corpus's own matter: "bầu cử",
// "ứng cử", "cử tri", "hiệp thương" sit at −5 to −6, the institutions it shares with other laws ("Quốc hội", "đại biểu") at −3.5 to −4.2.
const OWN_MATTER = -4.5;
// How many of the nearest labelled questions vote (see neighbours.ts): candidates, chosen by cross-validated log loss.
const NEIGHBOUR_COUNTS = [5, 10, 20, 40];
// How much more the corpus's own words count in the vote (see corpusWeight): candidates, chosen the same way.
const NEIGHBOUR_BOOSTS = [0, 0.5, 1, 2, 4];
// Folds of the decision's cross-validation, by question.
const DECISION_FOLDS = 5;
// Candidate L2 penalties, chosen by cross-validated log loss.
const LAMBDAS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3];
// Shares of each feature's tails the decision may read as its bound, tried by cross-validation after the penalty (0 is tried first).
const CLIPS = [0.0025, 0.005, 0.01, 0.025];
// Share of right-ranked dev questions the answer threshold must answer.
const ANSWERED_SHARE = 0.97;
// The decline region must be this pure: of dev questions scored below the decline threshold, at most this share answerable.
// A flat decline offers nothing, so it may turn away one answerable question in fifty; above it, "not sure" still offers topics.
const DECLINE_PURITY = 0.02;

interface LegalArticleText {
  file: string;
  title: string;
  text: string;
}

/** The articles of the legal texts below `dir`, less the files that hold a document the corpus holds (its own topic). */
async function readOtherLaws(dir: string, heldNumbers: Set<string>): Promise<LegalArticleText[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  const articles: LegalArticleText[] = [];
  for (const file of files) {
    const parsed = parseLegalText(await readFile(path.join(dir, file), 'utf8'));
    const held = parsed.documents.some((d) => d.number && heldNumbers.has(findDocumentRefs(d.number)[0]?.key ?? ''));
    if (held) continue;
    for (const d of parsed.documents)
      for (const a of d.articles) articles.push({ file, title: a.title, text: a.paragraphs.map((p) => p.text).join('\n') });
  }
  return articles;
}

function buildBackground(articles: LegalArticleText[]): Background {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const { folded, bigrams } = passageTerms(`${a.title}\n${a.text}`);
    for (const t of new Set([...folded, ...bigrams])) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return { articles: articles.length, frequency: new Map([...counts].filter(([, n]) => n >= MIN_BACKGROUND_ARTICLES)) };
}

interface Labelled {
  question: string;
  expect: string[];
  group: string;
  /** Where it comes from: a dev set, a frozen test set, or generated. */
  source: 'dev' | 'test' | 'generated';
  set: string;
  /** Words of the sentence that answers it, where the set gives them. */
  answer?: string;
}

async function readSet(file: string, source: Labelled['source']): Promise<Labelled[]> {
  if (!existsSync(file)) return [];
  const set = path.basename(file, '.json');
  const items = JSON.parse(await readFile(file, 'utf8')) as EvalQuestion[];
  return items.flatMap((item, i) =>
    [item.question, stripDiacritics(item.question)].map((question) => ({ question, expect: item.expect, group: `${set}#${i}`, source, set, ...(item.answer ? { answer: item.answer } : {}) })),
  );
}

/** The questions of several sets of EVAL_DIR, in order. */
async function readSets(files: string[], source: Labelled['source']): Promise<Labelled[]> {
  return (await Promise.all(files.map((f) => readSet(path.join(EVAL_DIR, f), source)))).flat();
}

/** Each question once, however it is spelled or marked: the first kept, in the order given. */
function onceEach(items: Labelled[]): Labelled[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = questionKey(item.question);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Questions the corpus answers, built from its guide's headings and its laws' article titles. */
function corpusQuestions(index: CorpusIndex, random: () => number): Labelled[] {
  const out: Labelled[] = [];
  const guidesCiting = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (let i = 0; i < index.passageCount; i++) {
    const passage = index.passage(i);
    const document = passage && index.document(passage.docId);
    if (!passage || !document) continue;
    if (document.kind === 'guidance') {
      for (const cited of citedArticles(passage.text, () => null)) {
        guidesCiting.set(cited.article, new Set([...(guidesCiting.get(cited.article) ?? []), document.id]));
      }
      const heading = passage.section;
      if (heading && !seen.has(heading)) {
        seen.add(heading);
        for (const question of [heading, stripDiacritics(heading), keywordsOf(heading), toldAsStory(heading, random)]) {
          out.push({ question, expect: [document.id], group: `guide:${heading}`, source: 'generated', set: 'corpus headings' });
        }
      }
    }
  }
  for (let i = 0; i < index.passageCount; i++) {
    const passage = index.passage(i);
    const law = passage?.law;
    if (!passage || !law || law.title.split(/\s+/).length < 2) continue;
    const key = `${passage.docId}:${law.article}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expect = [passage.docId, ...(guidesCiting.get(law.article) ?? [])];
    for (const question of questionsAbout(law.title, 2, random)) {
      out.push({ question, expect, group: `law:${key}`, source: 'generated', set: 'corpus headings' });
    }
  }
  return out;
}

/** The files of other laws, closest to the corpus first: cosine of their diacritic-free word counts with the passages'. */
function closestFiles(articles: LegalArticleText[], index: CorpusIndex): string[] {
  const count = (into: Map<string, number>, text: string) => {
    for (const word of extractTerms(text).folded) into.set(word, (into.get(word) ?? 0) + 1);
  };
  const norm = (counts: Map<string, number>) => Math.sqrt([...counts.values()].reduce((sum, n) => sum + n * n, 0)) || 1;
  const corpus = new Map<string, number>();
  for (let i = 0; i < index.passageCount; i++) count(corpus, index.passage(i)?.text ?? '');
  const byFile = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const counts = byFile.get(a.file) ?? new Map<string, number>();
    count(counts, `${a.title}\n${a.text}`);
    byFile.set(a.file, counts);
  }
  const closeness = new Map([...byFile].map(([file, counts]) => [file, [...counts].reduce((sum, [w, n]) => sum + n * (corpus.get(w) ?? 0), 0) / (norm(counts) * norm(corpus))]));
  return [...closeness.keys()].sort((a, b) => (closeness.get(b) as number) - (closeness.get(a) as number));
}

/**
 * Questions about other laws' articles, which the corpus must decline: half drawn from all the files given, half from
 * the closest of them (the National Assembly's organisation, the Fatherland Front, associations, village democracy),
 * where declining is hardest. An article whose title speaks of the corpus's own matter is left out: it is no question
 * to decline.
 */
function otherLawQuestions(articles: LegalArticleText[], index: CorpusIndex, corpusTitles: Set<string>, ownMatter: (title: string) => boolean, random: () => number): Labelled[] {
  const byTitle = new Map<string, LegalArticleText>();
  for (const a of articles) {
    const folded = foldedWords(a.title).trim();
    if (folded.split(' ').length >= 3 && !corpusTitles.has(folded) && !ownMatter(a.title)) byTitle.set(folded, a);
  }
  const titles = [...byTitle.values()];
  const near = new Set(closestFiles(articles, index).slice(0, NEAR_FILES));
  const draw = (pool: LegalArticleText[], count: number) => {
    const drawn: LegalArticleText[] = [];
    while (drawn.length < Math.min(count, pool.length)) drawn.push(...pool.splice(Math.floor(random() * pool.length), 1));
    return drawn;
  };
  const spread = draw(titles, NEGATIVE_ARTICLES / 2);
  const close = draw(titles.filter((a) => near.has(a.file)), NEGATIVE_ARTICLES / 2);
  console.log(`questions to decline: ${spread.length} drawn from all ${new Set(articles.map((a) => a.file)).size} files, ${close.length} from the ${near.size} closest (${[...near].slice(0, 4).map((f) => path.basename(f, '.md')).join(', ')}, …)`);
  return [...spread, ...close].flatMap((a) =>
    questionsAbout(a.title, 1, random).map((question) => ({ question, expect: [], group: `other:${a.title}`, source: 'generated' as const, set: 'other laws' })),
  );
}

/**
 * A decision model on the named features (the columns of each sample's `x`): the L2 penalty with the best cross-validated
 * log loss, thresholds chosen on the dev questions: the fitted ones' out-of-fold probabilities and the unfitted ones'
 * (`unfitted`, same columns) as the model reads them; prints what it chose.
 */
function fitDecision(
  names: readonly FeatureName[],
  samples: Sample[],
  training: Retrieved[],
  unfitted: Array<{ x: number[]; y: number }>,
): { model: DecisionModel & { fit: Record<string, number> }; oof: number[]; devScored: Array<{ p: number; y: number }>; unfittedScored: Array<{ p: number; y: number }> } {
  let best = { lambda: LAMBDAS[0] as number, loss: Infinity, oof: [] as number[] };
  for (const lambda of LAMBDAS) {
    const oof = crossValidate([...names], samples, lambda, DECISION_FOLDS);
    const loss = logLoss(samples, oof);
    console.log(`  lambda ${lambda}: ${DECISION_FOLDS}-fold log loss ${loss.toFixed(4)}, AUC ${auc(samples, oof).toFixed(4)}`);
    if (loss < best.loss) best = { lambda, loss, oof };
  }
  // Then how much of each feature's tails to read as its bound (see LogisticModel.low), at that penalty.
  let clip = 0;
  for (const share of CLIPS) {
    const oof = crossValidate([...names], samples, best.lambda, DECISION_FOLDS, share);
    const loss = logLoss(samples, oof);
    console.log(`  tails held at ${share * 100}% on each side: ${DECISION_FOLDS}-fold log loss ${loss.toFixed(4)}, AUC ${auc(samples, oof).toFixed(4)}`);
    if (loss < best.loss) [best, clip] = [{ lambda: best.lambda, loss, oof }, share];
  }
  const model = fitLogistic([...names], samples, best.lambda, clip);
  const devScored = training.flatMap((s, i) => (s.source === 'dev' ? [{ p: best.oof[i] as number, y: s.y }] : []));
  const devSamples = samples.filter((_, i) => training[i]?.source === 'dev');
  console.log(`dev questions alone, out of fold: AUC ${auc(devSamples, devScored.map((d) => d.p)).toFixed(4)}`);
  const unfittedScored = unfitted.map((u) => ({ p: predict(model, u.x), y: u.y }));
  const thresholds = chooseThresholds([...devScored, ...unfittedScored]);
  console.log(`model: lambda ${best.lambda}, tails held at ${clip * 100}%, thresholds answer ≥ ${thresholds.answer}, decline < ${thresholds.decline}`);
  console.log('weights (standardised):');
  for (const [i, name] of model.features.entries()) console.log(`  ${name.padEnd(16)} ${(model.weights[i] as number).toFixed(3)}`);
  return {
    model: {
      features: model.features,
      mean: model.mean.map(round),
      scale: model.scale.map(round),
      weights: model.weights.map(round),
      bias: round(model.bias),
      ...(model.low && model.high ? { low: model.low.map(round), high: model.high.map(round) } : {}),
      thresholds,
      fit: { lambda: best.lambda, clip, samples: samples.length, cvLogLoss: round(best.loss), cvAuc: round(auc(samples, best.oof)) },
    },
    oof: best.oof,
    devScored,
    unfittedScored,
  };
}

/** Share answered and the share of those answered right, at each tenth of the questions answered, most confident first. */
function riskCoverage(scored: Array<{ p: number; y: number }>): string {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  const rows: string[] = [];
  for (let tenth = 1; tenth <= 10; tenth++) {
    const k = Math.max(1, Math.round((sorted.length * tenth) / 10));
    const right = sorted.slice(0, k).filter((s) => s.y === 1).length;
    rows.push(`${(tenth * 10).toString().padStart(4)}%  ${((right / k) * 100).toFixed(1).padStart(5)}%  p≥${(sorted[k - 1] as { p: number }).p.toFixed(3)}`);
  }
  return `  answered  right   threshold\n${rows.map((r) => `  ${r}`).join('\n')}`;
}

/** At a threshold: the share of right-ranked questions answered, and the share of the others answered anyway. */
function operating(scored: Array<{ p: number; y: number }>, threshold: number) {
  const positives = scored.filter((s) => s.y === 1);
  const negatives = scored.filter((s) => s.y === 0);
  return {
    tpr: positives.filter((s) => s.p >= threshold).length / (positives.length || 1),
    fpr: negatives.filter((s) => s.p >= threshold).length / (negatives.length || 1),
  };
}

/**
 * The answer threshold: the highest that still answers the share of right-ranked dev questions the
 * product promises (at most 5% of answerable questions left unanswered). The decline threshold: the
 * highest below it under which dev questions are nearly all unanswerable.
 */
function chooseThresholds(scored: Array<{ p: number; y: number }>): { answer: number; decline: number } {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const answer = grid.filter((t) => operating(scored, t).tpr >= ANSWERED_SHARE).at(-1) ?? 0.01;
  let decline = 0.01;
  for (const t of grid.filter((g) => g <= answer)) {
    const below = scored.filter((s) => s.p < t);
    if (below.length > 0 && below.filter((s) => s.y === 1).length / below.length <= DECLINE_PURITY) decline = t;
  }
  return { answer, decline };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

// Candidates of each question kept for fitting the ranking: far more than are ever cited.
const RANKING_CANDIDATES = 60;

/**
 * Fits the fused score's weights by coordinate ascent on the answerable dev and generated questions, never through
 * weights that lose an example question the product offers (`examples`), and keeps them only if they clearly beat the
 * shipped ones on held-out folds, on all questions and on the written ones, without citing the expected document less
 * often, and, answered in full (`missed` lists the examples whose first quote lacks their answer), lose no example the
 * shipped ones lead with its answer; writes what it keeps.
 */
async function fitRanking(
  questions: RankingQuestion[],
  shippedWeights: RankWeights,
  examples: Array<RankingQuestion & { question: string }>,
  missed: (weights: RankWeights) => Promise<string[]>,
): Promise<RankWeights> {
  const cv = crossValidateRanking(questions, shippedWeights, DEFAULT_RETRIEVE_OPTIONS, { keep: examples });
  const fitted = cv.better ? fitRankWeights(questions, shippedWeights, DEFAULT_RETRIEVE_OPTIONS, examples) : shippedWeights;
  // The fit never loses an example the shipped weights rank right; answered in full, none may lose its first quote either.
  const before = new Set(await missed(shippedWeights));
  const broken = fitted === shippedWeights ? [] : (await missed(fitted)).filter((q) => !before.has(q));
  const kept = broken.length === 0 ? fitted : shippedWeights;
  const verdict = !cv.better
    ? 'shipped weights kept'
    : broken.length > 0
      ? `shipped weights kept: under the fitted ones these example questions the product offers no longer lead with their answer: ${broken.join('; ')}`
      : 'fitted weights kept';
  console.log(
    `ranking: ${questions.length} questions; held-out ranked right (an expected document cited, led by the answer's words where given) ${(cv.start * 100).toFixed(1)}% with the shipped weights, ${(cv.fitted * 100).toFixed(1)}% fitted ` +
      `(${cv.wins} won, ${cv.losses} lost; of the written questions ${cv.writtenWins} won, ${cv.writtenLosses} lost; an expected document cited ${(cv.citedStart * 100).toFixed(1)}% shipped, ${(cv.citedFitted * 100).toFixed(1)}% fitted; first ${(cv.firstStart * 100).toFixed(1)}% / ${(cv.firstFitted * 100).toFixed(1)}%) → ${verdict}`,
  );
  console.log(`  ${RANK_SIGNALS.map((n) => `${n} ${round(kept[n])}`).join(', ')}`);
  await writeFile(RANKING_FILE, `${JSON.stringify({ weights: Object.fromEntries(RANK_SIGNALS.map((n) => [n, round(kept[n])])) }, null, 1)}\n`);
  return kept;
}

/** The example questions whose first quote does not hold their answer under these options. */
async function examplesMissed(index: CorpusIndex, embedder: Embedder, examples: Labelled[], options: Partial<RetrieveOptions>): Promise<string[]> {
  const missed: string[] = [];
  for (const example of examples) {
    const retrieval = await retrieve(index, embedder, example.question, options);
    const first = composeAnswer(retrieval, retrieval.query.language).quotes[0]?.text ?? '';
    if (example.answer && !first.includes(example.answer)) missed.push(example.question);
  }
  return missed;
}

// Candidate L2 penalties of the citing model, chosen by held-out share of questions whose cited passages hold the answer.
const CITING_LAMBDAS = [0.001, 0.01, 0.1];

/**
 * Fits which leading passages to cite on the dev questions whose sets give the answer's words; the penalty is chosen,
 * and the model kept over the ranking's own order, on held-out folds.
 */
async function fitCiting(questions: CiteQuestion[]): Promise<CiteModel> {
  const rule = DEFAULT_RETRIEVE_OPTIONS;
  const tried = CITING_LAMBDAS.map((lambda) => ({ lambda, ...crossValidateCiting(questions, lambda, rule, DECISION_FOLDS) }));
  const best = tried.reduce((a, b) => (b.fitted > a.fitted ? b : a));
  const fitted = best.fitted > best.ranked;
  const features = [...CITE_FEATURES];
  const model = fitted ? fitCiteModel(questions, best.lambda) : neutralCiteModel();
  console.log(
    `citing: ${best.questions} dev questions with the answer's words among their leading ${CITE_CANDIDATES} passages; held out, the cited passages hold them for ` +
      `${(best.ranked * 100).toFixed(1)}% in the ranking's order, ${tried.map((t) => `${(t.fitted * 100).toFixed(1)}% fitted at ${t.lambda}`).join(', ')} → ${fitted ? 'fitted' : "ranking's order"} kept`,
  );
  console.log(`  ${features.map((n, i) => `${n} ${round(model.weights[i] as number)}`).join(', ')}`);
  return { features, mean: model.mean.map(round), scale: model.scale.map(round), weights: model.weights.map(round) };
}

/**
 * The citing model to ship: the refit only when, on the unfitted dev sets' questions that give the answer's words
 * (neither model was fitted on them), its cited passages clearly hold the answer more often than the shipped model's (a
 * sign test, as the ranking's weights are kept). A shipped model that no longer reads these features gives way. Writes it.
 */
async function keptCiting(refitted: CiteModel, unfitted: Retrieved[]): Promise<CiteModel> {
  let shipped: CiteModel;
  try {
    shipped = shippedCiteModel();
  } catch {
    console.log('citing: refit kept (the shipped model reads other features)');
    return writeCiting(refitted);
  }
  const questions = unfitted.filter((r) => r.citing.some((c) => c.answers)).map((r) => ({ group: r.group, candidates: r.citing }));
  const { wins, losses } = compareCiting(questions, refitted, shipped, DEFAULT_RETRIEVE_OPTIONS);
  const better = clearlyBetter(wins, losses);
  console.log(
    `citing, on ${questions.length} questions of the unfitted dev sets: the refit alone cites the answer for ${wins}, the shipped model alone for ${losses} → ${better ? 'refit' : 'shipped model'} kept`,
  );
  return writeCiting(better ? refitted : shipped);
}

async function writeCiting(model: CiteModel): Promise<CiteModel> {
  await writeFile(CITING_FILE, `${JSON.stringify(model, null, 1)}\n`);
  return model;
}

interface Retrieved extends Labelled {
  /** The decision's features; null when the question never reached the decision (an article lookup, small talk). */
  x: number[] | null;
  /** Whether the ranking puts an expected document in its top 3. */
  y: 0 | 1;
  /** The leading scored candidates, for fitting the ranking. */
  candidates: RankingQuestion['candidates'];
  /** The leading candidates the citing model reorders, where the set gives the answer's words. */
  citing: CiteQuestion['candidates'];
}

/** Where the labelled questions like a question were answered, as a question the fit learns from may hear it. */
type AskedFor = (item: Labelled) => (reading: string, typed: string) => AskedAnswers;

/** Each question retrieved once with the given ranking weights. */
async function retrieveAll(index: CorpusIndex, embedder: Embedder, items: Labelled[], weights: RankWeights, neighbours: QuestionNeighbours, citing: CiteModel, askedFor: AskedFor): Promise<Retrieved[]> {
  const out: Retrieved[] = [];
  for (const item of items) {
    // Nothing here reads a quote: the question hears the voters alone, as the ranking and the passages cited do.
    const retrieval = await retrieve(index, embedder, item.question, { weights, neighbours, citing, asked: askedFor(item) });
    const { answer } = item;
    const leading = retrieval.scored.slice(0, CITE_CANDIDATES);
    const features = answer ? citeFeatures(leading, retrieval.request) : [];
    const rank = item.expect.length > 0 ? rankIn(retrieval.ranked, item.expect) : null;
    out.push({
      ...item,
      x: retrieval.features ? featureVector(retrieval.features) : null,
      y: rank !== null && rank <= 3 ? 1 : 0,
      candidates: retrieval.scored
        .slice(0, RANKING_CANDIDATES)
        .map((h) => ({ docId: h.document.id, signals: { ...h.signals }, ...(answer ? { answers: quotes(h.passage.text, answer) } : {}) })),
      citing: answer ? leading.map((h, i) => ({ x: features[i] ?? null, score: h.score, match: matchScore(h.signals, weights), answers: quotes(h.passage.text, answer), docId: h.document.id })) : [],
    });
  }
  return out;
}

/**
 * A dev conversation turn whose reading the choice decides: a fragment (a question with no topic of its own, read as
 * it stands or as the last question with it put in) or a full question, leaning on nothing, each reading weighed, and
 * which readings are right.
 */
interface ChoiceTurn {
  /** Which conversation of the dev dialogues it is in, counted across the sets: both spellings of it share one fold. */
  conversation: number;
  full: boolean;
  readings: ReadingEvidence[];
  right: boolean[];
}

/** The turns of the dev dialogues whose reading the choice decides, asked as written and without diacritics, one minute apart. */
async function choiceTurns(assistant: Assistant): Promise<ChoiceTurn[]> {
  const turns: ChoiceTurn[] = [];
  let counted = 0;
  for (const file of DIALOGUE_DEV_SETS) {
    const dialogues = JSON.parse(await readFile(path.join(EVAL_DIR, file), 'utf8')) as Array<{ turns: Array<{ message: string; kind: string; expect: string[] }> }>;
    for (const typed of [(q: string) => q, stripDiacritics]) {
      for (const [n, dialogue] of dialogues.entries()) {
        for await (const [i, reply] of replayConversation(assistant, dialogue.turns.map((t) => typed(t.message)))) {
          const turn = dialogue.turns[i] as (typeof dialogue.turns)[number];
          const first = reply.readings[0]?.resolution;
          if (!first || first.leaning || !first.otherwise) continue;
          // Right as the eval scores a turn: answered with a passage of an expected document in the top 3, or declined when none is;
          // a new topic only when read as it stands.
          const right = reply.readings.map(
            ({ retrieval, resolution }) =>
              (turn.kind !== 'new-topic' || resolution.kind === 'fresh') && (turn.expect.length > 0 ? (rankOf(retrieval, turn.expect) ?? 99) <= 3 : retrieval.outcome !== 'answered'),
          );
          turns.push({ conversation: counted + n, full: first.full === true, readings: reply.readings, right });
        }
      }
    }
    counted += dialogues.length;
  }
  return turns;
}

/** One threshold of the reading choice, the turns it decides, and its candidate values. */
interface ChoiceParameter {
  name: keyof ReadingChoice;
  turns: ChoiceTurn[];
  grid: number[];
}

/** The value that reads the most turns right, the nearest to changing nothing among equals. */
function bestValue(parameter: ChoiceParameter, turns: ChoiceTurn[]): { value: number; right: number } {
  const unchanged = AS_IT_STANDS[parameter.name];
  return parameter.grid
    .map((value) => ({ value, right: rightAt(turns, { ...AS_IT_STANDS, [parameter.name]: value }) }))
    .reduce((best, s) => (s.right > best.right || (s.right === best.right && Math.abs(s.value - unchanged) < Math.abs(best.value - unchanged)) ? s : best));
}

const readsRight = (turn: ChoiceTurn, choice: ReadingChoice) => turn.right[chooseReading(turn.readings, choice)] === true;
const rightAt = (turns: ChoiceTurn[], choice: ReadingChoice) => turns.filter((t) => readsRight(t, choice)).length;

/**
 * Chooses each threshold of the reading choice on the dev dialogues, on the turns it decides. It moves from the shipped
 * value only on clear held-out evidence (five folds, by conversation, so both spellings of a turn fall in one): a sign
 * test on the turns only the value fitted on the other folds, or only the shipped one, reads right, as the ranking's
 * weights are kept; and only to a value that beats reading every such message as it stands. Its held-out margin is a few
 * turns, so without the test it flipped from refit to refit.
 */
async function fitReadingChoice(assistant: Assistant): Promise<void> {
  const turns = await choiceTurns(assistant);
  const parameters: ChoiceParameter[] = [
    { name: 'standsAlone', turns: turns.filter((t) => !t.full), grid: STANDS_ALONE_GRID },
    { name: 'borrowsAt', turns: turns.filter((t) => t.full), grid: BORROWS_AT_GRID },
  ];
  const choice = { ...AS_IT_STANDS };
  const fit: Record<string, { turns: number; right: number; heldOut: number; asItStands: number; wins: number; losses: number }> = {};
  const lines: string[] = [];
  for (const parameter of parameters) {
    const shipped = READING_CHOICE[parameter.name];
    const rightWith = (turn: ChoiceTurn, value: number) => readsRight(turn, { ...AS_IT_STANDS, [parameter.name]: value });
    let [heldOut, wins, losses] = [0, 0, 0];
    for (let fold = 0; fold < READING_FOLDS; fold++) {
      const { value } = bestValue(parameter, parameter.turns.filter((t) => t.conversation % READING_FOLDS !== fold));
      for (const turn of parameter.turns.filter((t) => t.conversation % READING_FOLDS === fold)) {
        const [fitted, kept] = [rightWith(turn, value), rightWith(turn, shipped)];
        heldOut += Number(fitted);
        wins += Number(fitted && !kept);
        losses += Number(kept && !fitted);
      }
    }
    const asItStands = rightAt(parameter.turns, AS_IT_STANDS);
    const best = bestValue(parameter, parameter.turns);
    const moves = best.value !== shipped && clearlyBetter(wins, losses) && heldOut > asItStands;
    choice[parameter.name] = moves ? best.value : shipped;
    fit[parameter.name] = { turns: parameter.turns.length, right: rightAt(parameter.turns, { ...AS_IT_STANDS, [parameter.name]: choice[parameter.name] }), heldOut, asItStands, wins, losses };
    lines.push(
      `  ${parameter.name} = ${choice[parameter.name]} (shipped ${shipped}): ${parameter.turns.length} turns; most right ${best.right} at ${best.value}; ${READING_FOLDS}-fold held out ${heldOut} ` +
        `(${wins} won, ${losses} lost against the shipped value); always as it stands ${asItStands}`,
    );
  }
  await writeFile(READING_CHOICE_FILE, `${JSON.stringify({ ...choice, fit }, null, 1)}\n`);
  console.log(
    `\nreading choice (a fragment keeps its own reading when answered with p ≥ standsAlone; a full question borrows the last topic when the answer's document holds borrowsAt of its words) → ${path.relative(process.cwd(), READING_CHOICE_FILE.pathname)}\n${lines.join('\n')}`,
  );
}

/** A model's probability for a feature vector in FEATURE_NAMES order, read by its own features' names (it may read fewer). */
const probabilityOf = (model: DecisionModel, x: number[]) => predict(model, model.features.map((name) => x[FEATURE_NAMES.indexOf(name as FeatureName)] as number));

/**
 * The decision to ship: the refitted one (with the vote it was fitted with) only when it clearly beats the shipped one on
 * the unfitted dev sets, which neither was fitted on, each read with its own vote and at its own answer threshold; a refit
 * moves many questions both ways, and one that is not clearly better is noise. A shipped model that reads a feature
 * no longer computed, or another embedder's cosines, cannot be compared: then the refit ships.
 */
function keptDecision(
  index: CorpusIndex,
  refitted: DecisionModel,
  refittedVote: Omit<LabelledQuestions, 'heard'>,
  unfitted: Array<Retrieved & { x: number[] }>,
  withVote: (voters: QuestionNeighbours) => (r: Retrieved & { x: number[] }) => Retrieved & { x: number[] },
): { model: DecisionModel; vote: Omit<LabelledQuestions, 'heard'>; verdict: string } {
  const shipped = shippedDecisionModel();
  const refit = { model: refitted, vote: refittedVote };
  // The shipped model reads its features by name: one a new feature was added beside is still read as it ships.
  if (shipped.embedder !== refitted.embedder || shipped.features.some((name) => !FEATURE_NAMES.includes(name as FeatureName)))
    return { ...refit, verdict: 'decision refitted (the shipped model reads a feature no longer computed, or another embedder)' };
  const { count, boost } = shippedLabelledQuestions();
  const shippedVote = { items: refittedVote.items, count, boost };
  const asShipped = unfitted.map(withVote(neighboursFor(index, shippedVote)));
  const asRefitted = unfitted.map(withVote(neighboursFor(index, refittedVote)));
  const duels = asShipped.map((r, i) => ({
    y: r.y,
    incumbent: probabilityOf(shipped, r.x),
    challenger: probabilityOf(refitted, (asRefitted[i] as Retrieved & { x: number[] }).x),
  }));
  const { wins, losses } = compareDecisions(duels, { challenger: refitted.thresholds.answer, incumbent: shipped.thresholds.answer });
  const summary = `on ${duels.length} questions of the unfitted dev sets the refit alone decides ${wins} right, the shipped model alone ${losses}`;
  return clearlyBetter(wins, losses)
    ? { ...refit, verdict: `decision refitted: ${summary}` }
    : { model: shipped, vote: shippedVote, verdict: `shipped decision kept: ${summary}, not clearly better` };
}

async function main(): Promise<number> {
  const args = readArgs({ options: { legal: { type: 'string' } } }, USAGE);
  if (!args) return process.exitCode as number;
  const { values } = args;
  const legalDir = values.legal ?? path.join('..', 'shared', 'legal', 'phap-dien');
  if (!existsSync(legalDir)) {
    console.error(`No legal texts at ${legalDir}: pass --legal DIR, a folder of Legal Code Markdown files.\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createCliLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const assistant = await createAssistant({ config, logger });
  const { index, embedder } = assistant;
  const random = seededRandom(20261204);

  const heldNumbers = new Set(index.documents.flatMap((d) => (d.number ? [findDocumentRefs(d.number)[0]?.key ?? ''] : [])));
  const articles = await readOtherLaws(legalDir, heldNumbers);
  // Half the files give the background, the other half the questions to decline, so no question is scored against its own words.
  const files = [...new Set(articles.map((a) => a.file))];
  const backgroundFiles = new Set(files.filter((_, i) => i % 2 === 0));
  const background = buildBackground(articles.filter((a) => backgroundFiles.has(a.file)));
  await writeFile(BACKGROUND_FILE, formatBackground(background));
  await writeFile(OTHER_TITLES_FILE, formatTitles(articles.filter((a) => backgroundFiles.has(a.file)).map((a) => a.title)));
  console.log(`background: ${background.frequency.size} words and pairs from ${background.articles} articles of ${backgroundFiles.size} files`);

  const corpusTitles = new Set<string>();
  for (let i = 0; i < index.passageCount; i++) {
    const law = index.passage(i)?.law;
    if (law) corpusTitles.add(foldedWords(law.title).trim());
  }
  const ratio = corpusRatio(index, background);
  const ownMatter = (title: string) => extractTerms(title).bigrams.some((pair) => ratio(pair) <= OWN_MATTER);
  const dev = await readSets(DEV_SETS, 'dev');
  const test = await readSets(TEST_SETS, 'test');
  // The heard sets are among the unfitted ones: read once.
  const unfittedItems = await readSets(UNFITTED_SETS, 'dev');
  const heardSets = new Set(HEARD_SETS.map((f) => path.basename(f, '.json')));
  const generated = [...corpusQuestions(index, random), ...otherLawQuestions(articles.filter((a) => !backgroundFiles.has(a.file)), index, corpusTitles, ownMatter, random)];

  // The ranking first: the decision's features describe what the ranking puts first, so they are read again if it changes.
  const shippedWeights = shippedRankWeights();
  // The labelled questions the decision's `neighbours` feature asks: the dev sets' and the generated ones, once each.
  const labelled = onceEach([...dev, ...generated]);
  const labelledItems = labelled.map((l) => ({ question: l.question, answerable: l.expect.length > 0, ...(l.answer ? { answer: l.answer } : {}) }));
  // Where the labelled questions like a question were answered, a ranking signal: a question the fit learns from hears
  // neither its own fold nor its own set, a dev set or a generator's (as a user's question is written elsewhere); the frozen and
  // the example questions hear them all, as the product does.
  const heldOut = (l: Labelled): HeldOutQuestion => ({ question: l.question, group: l.group, set: l.set });
  const voterKeys = new Set(labelled.map((l) => questionKey(l.question)));
  const heardItems = onceEach(unfittedItems.filter((l) => heardSets.has(l.set)))
    .filter((l) => l.expect.length > 0 && l.answer !== undefined && !voterKeys.has(questionKey(l.question)))
    .map((l) => ({ question: l.question, answerable: true, answer: l.answer as string }));
  const asking = askedNeighboursOf(labelledItems);
  const skipFor = heldOutSkip(labelled.map(heldOut), DECISION_FOLDS);
  const heldOutAsked: AskedFor = (item) => {
    const skip = skipFor(heldOut(item));
    return (reading, typed) => asking.answersNear(reading, skip, undefined, typed);
  };
  // The examples' first quotes and the dialogues' replies are read as the product gives them: the quote hears the
  // questions heard only too (see retrieve).
  const answersNear = answersNearOf(labelledItems, heardItems);
  const allAsked: AskedFor = () => (reading, typed) => answersNear(reading, typed, true);
  // Voters at a boost; the grid below asks each for as many neighbours as it tries.
  const votingWith = (boost: number) => neighboursFor(index, { items: labelledItems, count: NEIGHBOUR_COUNTS[0] as number, boost });
  // Until the vote is chosen the questions are retrieved with a provisional one; its column is recomputed below.
  const provisionalVote = votingWith(0);
  // Until the citing model is fitted, the ranking's order stands: what the ranking and the citing model are fitted on does not depend on it.
  let retrieved = await retrieveAll(index, embedder, [...dev, ...generated], shippedWeights, provisionalVote, neutralCiteModel(), heldOutAsked);
  const rankingQuestions = retrieved.filter((r) => r.expect.length > 0 && r.candidates.length > 0).map((r) => ({ ...r, written: r.source === 'dev' }));
  // The product's own example questions, as offered: not added to what the ranking is fitted on (a few also sit in dev
  // sets, asked there by users), but no ranking may lose them.
  const examples = onceEach(await readSet(path.join(EVAL_DIR, EXAMPLES_SET), 'dev'));
  const offered = (await retrieveAll(index, embedder, examples, shippedWeights, provisionalVote, neutralCiteModel(), allAsked)).map((r) => ({ ...r, written: true }));
  const answeredUnder = (weights: RankWeights) => examplesMissed(index, embedder, examples, { weights, neighbours: provisionalVote, asked: answersNear });
  const rankWeights = await fitRanking(rankingQuestions, shippedWeights, offered, answeredUnder);
  if (rankWeights !== shippedWeights) retrieved = await retrieveAll(index, embedder, [...dev, ...generated], rankWeights, provisionalVote, neutralCiteModel(), heldOutAsked);
  // Which passages to cite, then: the decision's labels read the documents cited.
  const citing = await fitCiting(retrieved.filter((r) => r.source === 'dev' && r.citing.length > 0).map((r) => ({ group: r.group, candidates: r.citing })));
  retrieved = await retrieveAll(index, embedder, [...dev, ...generated], rankWeights, provisionalVote, citing, heldOutAsked);
  const decided = (r: Retrieved): r is Retrieved & { x: number[] } => r.x !== null;
  const training = retrieved.filter(decided);
  const testRetrieved = (await retrieveAll(index, embedder, test, rankWeights, provisionalVote, citing, allAsked)).filter(decided);
  // Read as the product reads them: they vote for nothing and no fold holds them.
  const unfittedAll = await retrieveAll(index, embedder, unfittedItems, rankWeights, provisionalVote, citing, allAsked);
  const unfittedRetrieved = unfittedAll.filter(decided);
  // Which passages to cite decides no label or feature of the decision: the model kept is chosen here, on what was just read.
  const citingKept = await keptCiting(citing, unfittedAll);

  // Each class weighs the same in all, and within it the dev sets and the generated questions weigh half each.
  const bucket = (s: { y: number; source: string }) => `${s.y}:${s.source}`;
  const sizes = new Map<string, number>();
  for (const s of training) sizes.set(bucket(s), (sizes.get(bucket(s)) ?? 0) + 1);
  let samples: Sample[] = training.map((s) => ({ x: s.x, y: s.y, group: s.group, weight: training.length / 4 / (sizes.get(bucket(s)) as number) }));
  console.log(`training: ${samples.length} questions (${[...sizes].map(([k, n]) => `${k} ${n}`).join(', ')}; label:source)`);

  // Each question's vote is held out (see heldOutVoter); how many neighbours vote, and the boost, are chosen by
  // cross-validated log loss.
  const column = FEATURE_NAMES.indexOf('neighbours');
  const heldOutVote = heldOutVoter(labelled.map(heldOut), DECISION_FOLDS);
  const withVotes = (voters: QuestionNeighbours, count: number): Sample[] =>
    samples.map((s, i) => {
      const x = [...s.x];
      x[column] = heldOutVote(voters, heldOut(training[i] as Retrieved), count);
      return { ...s, x };
    });
  const grid = NEIGHBOUR_BOOSTS.flatMap((boost) => {
    const voters = votingWith(boost);
    return NEIGHBOUR_COUNTS.map((count) => {
      const voted = withVotes(voters, count);
      return { count, boost, voted, loss: Math.min(...LAMBDAS.map((lambda) => logLoss(voted, crossValidate(FEATURE_NAMES, voted, lambda, DECISION_FOLDS)))) };
    });
  });
  console.log(`neighbours: ${labelled.length} labelled questions; ${DECISION_FOLDS}-fold log loss by count and boost:`);
  for (const boost of NEIGHBOUR_BOOSTS) console.log(`  boost ${boost}: ${grid.filter((c) => c.boost === boost).map((c) => `${c.loss.toFixed(4)} with ${c.count}`).join(', ')}`);
  const chosen = grid.reduce((best, c) => (c.loss < best.loss ? c : best));
  samples = chosen.voted;
  const chosenVote = { items: labelledItems, count: chosen.count, boost: chosen.boost };
  const neighboursChosen = neighboursFor(index, chosenVote);
  // The unfitted sets are scored with the vote the model would ship with: they vote for nothing and no fold holds them.
  const withVote = (voters: QuestionNeighbours) => (r: Retrieved & { x: number[] }) => ({ ...r, x: r.x.map((v, j) => (j === column ? voters.vote(r.question) : v)) });
  const unfitted = unfittedRetrieved.map(withVote(neighboursChosen));
  console.log(`operating point also chosen on ${unfitted.length} questions of the unfitted dev sets (${UNFITTED_SETS.map((f) => path.basename(f, '.json')).join(', ')})`);

  const { model: full, oof, devScored } = fitDecision(FEATURE_NAMES, samples, training, unfitted);
  // The same decision on fewer features: without the embedder's cosines (for an index built with another embedder, see
  // decisionModelFor), and without the labelled questions' vote (for a message in a conversation).
  const fitOn = (names: FeatureName[], heading: string) => {
    console.log(`\n${heading}:`);
    const columns = names.map((name) => FEATURE_NAMES.indexOf(name));
    const select = <T extends { x: number[] }>(s: T): T => ({ ...s, x: columns.map((j) => s.x[j] as number) });
    return fitDecision(names, samples.map(select), training, unfitted.map(select)).model;
  };
  const vectorNames = FEATURE_NAMES.filter((name) => !VECTOR_FEATURES.includes(name));
  const withoutVote = (names: FeatureName[]) => names.filter((name) => name !== 'neighbours');
  const vectorFree = { ...fitOn(vectorNames, 'without the vector features'), inConversation: fitOn(withoutVote(vectorNames), 'without the vector features and the vote') };
  const refitted: DecisionModel = { ...full, embedder: embedder.id, vectorFree, inConversation: fitOn(withoutVote(FEATURE_NAMES), 'without the vote') };
  const kept = keptDecision(index, refitted, chosenVote, unfittedRetrieved, withVote);
  const decision = kept.model;
  const neighbours = neighboursFor(index, kept.vote);
  await writeFile(LABELLED_QUESTIONS_FILE, formatLabelledQuestions({ ...kept.vote, heard: heardItems }));
  await writeFile(DECISION_MODEL_FILE, `${JSON.stringify(decision, null, 1)}\n`);
  console.log(`\n${kept.verdict} → ${path.relative(process.cwd(), DECISION_MODEL_FILE.pathname)}`);
  // The frozen questions are scored with the vote the model ships with.
  const testScored = testRetrieved.map(withVote(neighbours));
  const { thresholds } = decision;

  // The conversation's reading choice weighs the probabilities of the model kept and the ranking; conversations are
  // replayed with every answered fragment read as it stands, so what came before a turn does not depend on the threshold being fitted.
  await fitReadingChoice(await createAssistant({ config, logger, embedder, retrieveOptions: { model: decision, weights: rankWeights, neighbours, citing: citingKept, asked: answersNear }, readingChoice: AS_IT_STANDS, everyReading: true }));

  // The refit's own curves, out of fold, at its own threshold; then the unfitted sets under the model kept.
  const dOp = operating(devScored, refitted.thresholds.answer);
  console.log(`\ndev, refitted (out of fold): right-ranked answered ${(dOp.tpr * 100).toFixed(1)}%, others answered ${(dOp.fpr * 100).toFixed(1)}%`);
  console.log(riskCoverage(devScored));
  for (const set of DEV_SETS.map((f) => path.basename(f, '.json'))) {
    const scored = training.flatMap((s, i) => (s.set === set ? [{ p: oof[i] as number, y: s.y }] : []));
    const op = operating(scored, refitted.thresholds.answer);
    console.log(`  ${set} (out of fold): right-ranked answered ${(op.tpr * 100).toFixed(1)}%, others answered ${(op.fpr * 100).toFixed(1)}%`);
  }
  const uOp = operating(
    unfittedRetrieved.map(withVote(neighbours)).map((r) => ({ p: probabilityOf(decision, r.x), y: r.y })),
    thresholds.answer,
  );
  console.log(`unfitted dev sets (as shipped): right-ranked answered ${(uOp.tpr * 100).toFixed(1)}%, others answered ${(uOp.fpr * 100).toFixed(1)}%`);
  const sets = [...new Set(testScored.map((s) => s.set))];
  for (const set of sets) {
    const scored = testScored.filter((s) => s.set === set).map((s) => ({ p: probabilityOf(decision, s.x), y: s.y }));
    const op = operating(scored, thresholds.answer);
    console.log(`\n${set} (frozen, never fitted): right-ranked answered ${(op.tpr * 100).toFixed(1)}%, others answered ${(op.fpr * 100).toFixed(1)}%`);
    console.log(riskCoverage(scored));
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
});
