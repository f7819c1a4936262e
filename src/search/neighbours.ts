import { readFileSync } from 'node:fs';
import { foldDiacritics, foldedWords } from '../text/normalize.ts';
import { findPlaces } from '../text/places.ts';
import { extractTerms } from '../text/terms.ts';

/** A question whose answer is known: the corpus answers it, or it must be declined. */
export interface LabelledQuestion {
  question: string;
  answerable: boolean;
}

export const LABELLED_QUESTIONS_FILE = new URL('./data/labelled-questions.tsv', import.meta.url);

// The question itself, typed with or without its marks: a labelled question never votes for itself.
const keyOf = (question: string) => foldedWords(question).toLowerCase().trim().replace(/\s+/g, ' ');

/**
 * The labelled questions most like a question, by cosine of their idf-weighted diacritic-free words and word pairs
 * (idf over the labelled questions), and how they were labelled: what questions of this kind turned out to be.
 */
export class QuestionNeighbours {
  private readonly postings = new Map<string, Array<{ item: number; weight: number }>>();
  private readonly idf = new Map<string, number>();
  private readonly keys: string[];

  constructor(
    private readonly items: LabelledQuestion[],
    readonly count: number,
  ) {
    this.keys = items.map((item) => keyOf(item.question));
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
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + (this.idf.get(term) ?? Math.log(1 + this.items.length / 2)));
    const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
    for (const [term, w] of vector) vector.set(term, w / norm);
    return vector;
  }

  /**
   * The nearest `count` labelled questions' vote, weighted by similarity: +1 when all are answered, −1 when all are
   * declined, 0 when none shares a word. `skip` leaves items out (a fold being fitted).
   */
  vote(question: string, skip: (item: number) => boolean = () => false, count = this.count): number {
    const similarity = new Map<number, number>();
    const key = keyOf(question);
    for (const [term, weight] of this.vector(termsOf(question))) {
      for (const posting of this.postings.get(term) ?? []) {
        if (!skip(posting.item) && this.keys[posting.item] !== key) similarity.set(posting.item, (similarity.get(posting.item) ?? 0) + weight * posting.weight);
      }
    }
    const nearest = [...similarity].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count);
    const total = nearest.reduce((sum, [, s]) => sum + s, 0);
    return total > 0 ? nearest.reduce((sum, [item, s]) => sum + s * ((this.items[item] as LabelledQuestion).answerable ? 1 : -1), 0) / total : 0;
  }
}

/** Its diacritic-free words and word pairs, less the provinces it names: where the asker is says nothing of what is asked. */
function termsOf(question: string): string[] {
  const place = new Set(findPlaces(question).flatMap((p) => foldedWords(foldDiacritics(p)).toLowerCase().split(' ').filter(Boolean)));
  const { folded, bigrams } = extractTerms(question);
  return [...folded, ...bigrams].filter((term) => !term.split('_').some((word) => place.has(word)));
}

/** One question per line, its label first: "1" answered, "0" declined; the first line gives how many neighbours vote. */
export function formatLabelledQuestions(items: LabelledQuestion[], count: number): string {
  return [`neighbours\t${count}`, ...items.map((i) => `${i.answerable ? 1 : 0}\t${i.question.replace(/\s+/g, ' ').trim()}`)].join('\n') + '\n';
}

export function parseLabelledQuestions(text: string): QuestionNeighbours {
  const [head = '', ...lines] = text.split('\n').filter(Boolean);
  const items = lines.map((line) => {
    const [label, question = ''] = line.split('\t');
    return { question, answerable: label === '1' };
  });
  return new QuestionNeighbours(items, Number(head.split('\t')[1]) || 1);
}

let shipped: QuestionNeighbours | null = null;

/** The labelled questions `npm run fit` wrote into the repository, read once. */
export function shippedNeighbours(): QuestionNeighbours {
  return (shipped ??= parseLabelledQuestions(readFileSync(LABELLED_QUESTIONS_FILE, 'utf8')));
}
