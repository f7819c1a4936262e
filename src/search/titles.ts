import { readFileSync } from 'node:fs';
import type { CorpusIndex } from '../index/index.ts';
import { foldedWords } from '../text/normalize.ts';
import { extractTerms } from '../text/terms.ts';
import { corpusHeadings } from './headings.ts';

/**
 * How closely a question matches the best of a set of titles (law article titles, guide headings): a
 * question that another law's article title says better than any heading of this corpus ("Thành phần
 * Ủy ban thường vụ Quốc hội", "Án treo") is about that law. Rebuilt by `npm run fit` from the same
 * half of the Legal Code as the background table.
 */
export const OTHER_TITLES_FILE = new URL('./data/other-titles.txt', import.meta.url);

/** A title's diacritic-free words and word pairs. */
function titleTerms(text: string): string[] {
  const { folded, bigrams } = extractTerms(text);
  return [...new Set([...folded, ...bigrams])];
}

/** Scores a question against every title: the best F1 of shared idf-weighted words and pairs (question recall, title precision). */
export type TitleMatcher = (question: string) => number;

export function titleMatcher(titles: string[]): TitleMatcher {
  const postings = new Map<string, number[]>();
  const terms = titles.map(titleTerms);
  terms.forEach((ts, i) => {
    for (const t of ts) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const idf = (t: string) => Math.log(1 + titles.length / ((postings.get(t)?.length ?? 0) + 0.5));
  const mass = terms.map((ts) => ts.reduce((sum, t) => sum + idf(t), 0));
  return (question) => {
    const asked = titleTerms(question);
    const askedMass = asked.reduce((sum, t) => sum + idf(t), 0);
    if (askedMass === 0) return 0;
    const shared = new Map<number, number>();
    for (const t of asked) for (const i of postings.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + idf(t));
    let best = 0;
    for (const [i, weight] of shared) {
      const recall = weight / askedMass;
      const precision = weight / (mass[i] as number);
      best = Math.max(best, (2 * recall * precision) / (recall + precision));
    }
    return best;
  };
}

/** One title a line, diacritic-free. */
export function formatTitles(titles: string[]): string {
  return `${[...new Set(titles.map((t) => foldedWords(t).trim()).filter((t) => t.includes(' ')))].join('\n')}\n`;
}

let shipped: TitleMatcher | null = null;

/** The matcher over other laws' article titles shipped with the code, built once. */
export function otherTitles(): TitleMatcher {
  return (shipped ??= titleMatcher(readFileSync(OTHER_TITLES_FILE, 'utf8').split('\n').filter((t) => t.length > 0)));
}

const ownByIndex = new WeakMap<CorpusIndex, TitleMatcher>();

/** The matcher over this corpus's own titles: guide headings and law article titles, built once per index. */
export function ownTitles(index: CorpusIndex): TitleMatcher {
  let matcher = ownByIndex.get(index);
  if (!matcher) ownByIndex.set(index, (matcher = titleMatcher(corpusHeadings(index))));
  return matcher;
}
