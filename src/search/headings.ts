import type { CorpusIndex } from '../index/index.ts';
import type { Passage } from '../corpus/index.ts';
import { foldedWords } from '../text/normalize.ts';

/** A text's syllables and neighbouring syllable pairs, lower case and without diacritics, question words and all. */
export function syllablesAndPairs(text: string): Set<string> {
  const words = foldedWords(text).toLowerCase().split(' ').filter(Boolean);
  const terms = new Set(words);
  for (let i = 1; i < words.length; i++) terms.add(`${words[i - 1]}_${words[i]}`);
  return terms;
}

/** The heading a passage is filed under: a law article's title (without its number), a guide section's question. */
export const headingOf = (passage: Pick<Passage, 'section' | 'law'>): string | null => passage.law?.title ?? passage.section ?? null;

/** A text's terms with their summed weight. */
export interface WeighedTerms {
  terms: Set<string>;
  total: number;
}

/**
 * How closely a question says what a heading says, each term weighed by how rare it is among the corpus's headings
 * ("ai", "ở_đâu", "không_được" set apart the guide's questions on one topic; "bầu" sets nothing apart).
 */
export class HeadingMatcher {
  private readonly df = new Map<string, number>();
  private readonly count: number;
  private readonly known = new Map<string, WeighedTerms>();

  constructor(headings: Iterable<string>) {
    const distinct = new Set(headings);
    this.count = distinct.size;
    for (const heading of distinct) for (const term of syllablesAndPairs(heading)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  // A term no heading uses weighs as one used once.
  private weight(term: string): number {
    return Math.log(1 + this.count / ((this.df.get(term) ?? 1) + 1));
  }

  /** A text's terms and their weight: a question's read once however many headings it meets, each heading's once. */
  weigh(text: string): WeighedTerms {
    const terms = syllablesAndPairs(text);
    return { terms, total: [...terms].reduce((sum, t) => sum + this.weight(t), 0) };
  }

  /**
   * The weighted Dice overlap (0–1) of a heading's terms and the question's, question words and negations included.
   * The guide's sections are headed by the questions voters ask: "Ai không được ghi tên vào danh sách cử tri?" and "Tên
   * tôi được ghi vào danh sách cử tri ở đâu?" share their topic words and differ in the words a topic match drops.
   */
  match(heading: string, asked: WeighedTerms): number {
    let own = this.known.get(heading);
    if (!own) this.known.set(heading, (own = this.weigh(heading)));
    if (asked.total === 0 || own.total === 0) return 0;
    let held = 0;
    for (const term of own.terms) if (asked.terms.has(term)) held += this.weight(term);
    return (2 * held) / (own.total + asked.total);
  }
}

const headingsByIndex = new WeakMap<CorpusIndex, string[]>();

/** The distinct headings of an index's passages, in the order they first appear: read once per index. */
export function corpusHeadings(index: CorpusIndex): string[] {
  let headings = headingsByIndex.get(index);
  if (!headings) {
    const distinct = new Set<string>();
    for (let i = 0; i < index.passageCount; i++) {
      const passage = index.passage(i);
      const heading = passage && headingOf(passage);
      if (heading) distinct.add(heading);
    }
    headingsByIndex.set(index, (headings = [...distinct]));
  }
  return headings;
}

const matchers = new WeakMap<CorpusIndex, HeadingMatcher>();

/** The matcher over an index's headings, built once per index. */
export function headingMatcherOf(index: CorpusIndex): HeadingMatcher {
  let matcher = matchers.get(index);
  if (!matcher) matchers.set(index, (matcher = new HeadingMatcher(corpusHeadings(index))));
  return matcher;
}
