import { readFileSync } from 'node:fs';
import { foldOf } from './logistic.ts';
import { isRomanNumeral } from '../text/identifiers.ts';
import { foldedWords } from '../text/normalize.ts';
import { withoutPlaces } from '../text/places.ts';
import { isSyllable } from '../text/spelling.ts';
import { extractTerms } from '../text/terms.ts';

/** A question whose answer is known: the corpus answers it, or it must be declined. */
export interface LabelledQuestion {
  question: string;
  answerable: boolean;
  /** Words of the corpus sentence that answers it, where its set gives them. */
  answer?: string;
}

/** The answers of the labelled questions most like a question, each weighted by its share of their similarity. */
export type AskedAnswers = Array<{ answer: string; weight: number }>;

export const LABELLED_QUESTIONS_FILE = new URL('./data/labelled-questions.tsv', import.meta.url);

/** The question itself, typed with or without its marks: a labelled question never votes for itself. */
export const questionKey = (question: string) => foldedWords(question).toLowerCase().trim().replace(/\s+/g, ' ');

/** How much a term counts beyond its idf; 1 for every term unless the caller knows the corpus (see `corpusWeight`). */
type TermWeight = (term: string) => number;

/**
 * The labelled questions most like a question, by cosine of their idf-weighted diacritic-free words and word pairs
 * (idf over the labelled questions, times `weigh`), and how they were labelled: what questions of this kind turned out to be.
 */
export class QuestionNeighbours {
  private readonly postings = new Map<string, Array<{ item: number; weight: number }>>();
  private readonly idf = new Map<string, number>();
  private readonly keys: string[];

  constructor(
    private readonly items: LabelledQuestion[],
    readonly count: number,
    private readonly weigh: TermWeight = () => 1,
  ) {
    this.keys = items.map((item) => questionKey(item.question));
    const terms = items.map((item) => termsOf(item.question));
    const df = new Map<string, number>();
    for (const t of terms) for (const term of new Set(t)) df.set(term, (df.get(term) ?? 0) + 1);
    for (const [term, n] of df) this.idf.set(term, Math.log(1 + items.length / (n + 1)));
    terms.forEach((t, item) => {
      for (const [term, weight] of this.vector(t)) {
        const list = this.postings.get(term) ?? [];
        list.push({ item, weight });
        this.postings.set(term, list);
      }
    });
  }

  private vector(terms: string[]): Map<string, number> {
    const vector = new Map<string, number>();
    // A term no labelled question uses weighs as one used once: it makes the question less like all of them.
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + (this.idf.get(term) ?? Math.log(1 + this.items.length / 2)) * this.weigh(term));
    const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
    for (const [term, w] of vector) vector.set(term, w / norm);
    return vector;
  }

  /**
   * The nearest `count` labelled questions' vote, weighted by similarity: +1 when all are answered, −1 when all are
   * declined, 0 when none shares a word. `skip` leaves items out (a fold being fitted).
   */
  vote(question: string, skip: (item: number) => boolean = () => false, count = this.count): number {
    const nearest = this.nearest(question, skip, count);
    const total = nearest.reduce((sum, [, s]) => sum + s, 0);
    return total > 0 ? nearest.reduce((sum, [item, s]) => sum + s * ((this.items[item] as LabelledQuestion).answerable ? 1 : -1), 0) / total : 0;
  }

  /**
   * The answers of the nearest `count` labelled questions that give one, each weighted by its share of their
   * similarity: where questions like this one found their answer. `question` is its reading; neither it nor the
   * question as `typed` hears itself; `skip` leaves items out (a fold being fitted).
   */
  answersNear(question: string, skip: (item: number) => boolean = () => false, count = this.count, typed = question): AskedAnswers {
    const nearest = this.nearest(question, (item) => this.items[item]?.answer === undefined || skip(item), count, [question, typed]);
    const total = nearest.reduce((sum, [, s]) => sum + s, 0);
    return total > 0 ? nearest.map(([item, s]) => ({ answer: (this.items[item] as LabelledQuestion).answer as string, weight: s / total })) : [];
  }

  /** The `count` labelled questions most like a question, never one of `selves` (the question, however typed), with their cosine. */
  private nearest(question: string, skip: (item: number) => boolean, count: number, selves = [question]): Array<[number, number]> {
    const similarity = new Map<number, number>();
    const keys = new Set(selves.map(questionKey));
    for (const [term, weight] of this.vector(termsOf(question))) {
      for (const posting of this.postings.get(term) ?? []) {
        if (!skip(posting.item) && !keys.has(this.keys[posting.item] as string)) similarity.set(posting.item, (similarity.get(posting.item) ?? 0) + weight * posting.weight);
      }
    }
    return closest(similarity, count);
  }
}

/** The `count` items of highest similarity (ties to the earlier item), best first, without sorting them all: this runs per question. */
function closest(similarity: Map<number, number>, count: number): Array<[number, number]> {
  const best: Array<[number, number]> = [];
  const before = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const entry of similarity) {
    if (best.length === count && !before(entry, best[count - 1] as [number, number])) continue;
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1] as [number, number])) at--;
    best.splice(at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best;
}

/** A labelled question as the fit knows it: its group (which fold) and the set it comes from (a dev set, or one generator's questions). */
export interface HeldOutQuestion {
  question: string;
  group: string;
  set: string;
}

/**
 * The vote for a question the fit learns from, without its own fold's labelled questions or its own set's: what the
 * vote is worth on questions written elsewhere, as users' are. `labelled` is the voters' items, in order.
 */
export function heldOutVoter(labelled: readonly HeldOutQuestion[], folds: number): (voters: QuestionNeighbours, question: HeldOutQuestion, count: number) => number {
  const skipFor = heldOutSkip(labelled, folds);
  return (voters, question, count) => voters.vote(question.question, skipFor(question), count);
}

/**
 * The labelled items (`labelled`, in order) a question the fit learns from must not hear from: its own fold's and its own
 * set's. A generated question's set repeats its shapes ("… được quy định như thế nào?"): heard, they vouch for it as
 * nothing vouches for a user's question.
 */
export function heldOutSkip(labelled: readonly HeldOutQuestion[], folds: number): (question: HeldOutQuestion) => (item: number) => boolean {
  const itemFold = labelled.map((l) => foldOf(l.group, folds));
  return (question) => {
    const fold = foldOf(question.group, folds);
    return (item) => itemFold[item] === fold || (labelled[item] as HeldOutQuestion).set === question.set;
  };
}

// A number, a date, or a Roman numeral that is no Vietnamese syllable ("XVI" of "khóa XVI"; not "vi", "xi").
const SPECIFIC = /(?<![\p{L}\p{N}])(?:\p{N}[\p{N}/.-]*|[ivxl]{2,})(?![\p{L}\p{N}])/giu;

/** The question without the numbers and term numerals it names, each a clause break: which instance is asked of says nothing of what is asked. */
export function withoutSpecifics(question: string): string {
  return question.replace(SPECIFIC, (token) => (/^\p{N}/u.test(token) || (isRomanNumeral(token.toLowerCase()) && !isSyllable(token.toLowerCase())) ? ', ' : token));
}

/**
 * Its diacritic-free words and word pairs, less the provinces, numbers and term numerals it names: where the asker is
 * and which election or year she means say nothing of what kind of question it is.
 */
function termsOf(question: string): string[] {
  if (lastTerms?.question === question) return lastTerms.terms;
  const { folded, bigrams } = extractTerms(withoutSpecifics(withoutPlaces(question)));
  lastTerms = { question, terms: [...folded, ...bigrams] };
  return lastTerms.terms;
}

// The last question's terms: a question is looked up among the voters, then among every labelled question for its quote.
let lastTerms: { question: string; terms: string[] } | null = null;

/**
 * A term's weight from how typical of this corpus it is against other laws (`ratio`, a log ratio, negative when the
 * corpus's): 1 + boost × how far below 0. The labelled questions are mostly the corpus's, so idf alone lets the asker's
 * situation ("con trai đi nghĩa vụ quân sự") outweigh the corpus's topic ("bầu ở đâu") it asks about.
 */
export const corpusWeight =
  (ratio: (term: string) => number, boost: number): TermWeight =>
  (term) =>
    1 + boost * Math.max(0, -ratio(term));

/** The labelled questions and how they vote: how many neighbours, and how much the corpus's own words count (`corpusWeight`). */
export interface LabelledQuestions {
  items: LabelledQuestion[];
  count: number;
  boost: number;
  /** Answered questions of the dev sets nothing is fitted on: where they were answered is heard (see answersNear), they cast no vote. */
  heard: LabelledQuestion[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * One question per line, its label first: "1" answered, "0" declined, "h" answered and heard only (it casts no vote),
 * then the question and, where known, the words of the sentence that answers it; the first line gives how many
 * neighbours vote and the boost.
 */
export function formatLabelledQuestions({ items, count, boost, heard }: LabelledQuestions): string {
  const line = (label: string, i: LabelledQuestion) => [label, oneLine(i.question), ...(i.answer ? [oneLine(i.answer)] : [])].join('\t');
  return [`neighbours\t${count}\tboost\t${boost}`, ...items.map((i) => line(i.answerable ? '1' : '0', i)), ...heard.map((i) => line('h', i))].join('\n') + '\n';
}

export function parseLabelledQuestions(text: string): LabelledQuestions {
  const [head = '', ...lines] = text.split('\n');
  const header = /^neighbours\t([1-9]\d*)\tboost\t(\d+(?:\.\d+)?)$/.exec(head);
  if (!header) throw new Error('labelled questions: the first line must be "neighbours<TAB>N<TAB>boost<TAB>B" (N ≥ 1, B ≥ 0)');
  const items: LabelledQuestion[] = [];
  const heard: LabelledQuestion[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    const [, label, question, answer] = /^([01h])\t([^\t]+)(?:\t([^\t]+))?$/.exec(line) ?? [];
    if (!label || !question || (label === 'h' && !answer))
      throw new Error(`labelled questions, line ${i + 2}: expected "1", "0" or "h", a tab, the question, then a tab and its answer's words (maybe, after "1"; always, after "h")`);
    (label === 'h' ? heard : items).push({ question, answerable: label !== '0', ...(answer ? { answer } : {}) });
  });
  return { items, count: Number(header[1]), boost: Number(header[2]), heard };
}

let shipped: LabelledQuestions | null = null;

/** The labelled questions `npm run fit` wrote into the repository, read once. */
export function shippedLabelledQuestions(): LabelledQuestions {
  return (shipped ??= parseLabelledQuestions(readFileSync(LABELLED_QUESTIONS_FILE, 'utf8')));
}
