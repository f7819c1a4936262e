import { readFileSync } from 'node:fs';

/**
 * How often diacritic-free words and word pairs occur in the articles of other Vietnamese laws (the
 * Legal Code less the election law): a background against which a question's words tell whether it
 * is about this corpus's topic or another law's. Rebuilt by `npm run fit`.
 */
export interface Background {
  /** Articles counted. */
  articles: number;
  /** Articles holding each term; terms in fewer than a handful of articles are left out. */
  frequency: Map<string, number>;
}

export const BACKGROUND_FILE = new URL('./data/background.tsv', import.meta.url);

/** Parses the background table: a header line "# articles<TAB>N", then "term<TAB>count" lines. */
export function parseBackground(text: string): Background {
  const lines = text.split('\n');
  const articles = Number(/^# articles\t(\d+)/.exec(lines[0] ?? '')?.[1]);
  if (!Number.isFinite(articles) || articles <= 0) throw new Error('background table: the first line must be "# articles<TAB>N"');
  const frequency = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const tab = line.indexOf('\t');
    if (tab > 0) frequency.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return { articles, frequency };
}

export function formatBackground(background: Background): string {
  const rows = [...background.frequency].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([term, n]) => `${term}\t${n}`);
  return `# articles\t${background.articles}\n${rows.join('\n')}\n`;
}

let shipped: Background | null = null;

/** The background table shipped with the code, read once. */
export function shippedBackground(): Background {
  return (shipped ??= parseBackground(readFileSync(BACKGROUND_FILE, 'utf8')));
}

// Add-half smoothing: a term neither side holds is no evidence either way.
const SMOOTHING = 0.5;
// Log ratios are clipped so one rare term cannot outweigh the rest.
const CLIP = 6;

/**
 * log P(term | other laws) − log P(term | this corpus): positive for a word far more typical of
 * other laws ("ly_hon", "so_do"), negative for one typical of this corpus ("bau_cu"), 0 for a word
 * seen nowhere (a typo, chat spelling).
 */
export function backgroundRatio(background: Background, corpusFrequency: number, corpusSize: number, term: string): number {
  const other = background.frequency.get(term) ?? 0;
  if (other === 0 && corpusFrequency === 0) return 0;
  const ratio = Math.log((other + SMOOTHING) / (background.articles + 1)) - Math.log((corpusFrequency + SMOOTHING) / (corpusSize + 1));
  return Math.max(-CLIP, Math.min(CLIP, ratio));
}

export interface BackgroundEvidence {
  /** The naive-Bayes log odds of the question's terms: the sum of their log ratios. */
  sum: number;
  /** The most other-law-typical term's log ratio. */
  max: number;
  /** The most corpus-typical term's log ratio. */
  min: number;
  /** Share of the terms more than e² times as typical of other laws. */
  share: number;
}

/** What a question's words and word pairs say of its topic: this corpus's, or another law's. */
export function backgroundEvidence(ratios: number[]): BackgroundEvidence {
  if (ratios.length === 0) return { sum: 0, max: 0, min: 0, share: 0 };
  return {
    sum: ratios.reduce((a, b) => a + b, 0),
    max: Math.max(...ratios),
    min: Math.min(...ratios),
    share: ratios.filter((r) => r > 2).length / ratios.length,
  };
}
