import { CorpusError } from './errors.ts';

/** Query-expansion data kept beside the documents: term → phrases it also means. */
export interface Lexicon {
  /** English domain terms → Vietnamese phrases. */
  glossary: Record<string, string[]>;
  /** Vietnamese phrase → phrases voters use for the same thing; each group is searched as one. */
  synonyms: Record<string, string[]>;
  /** What the corpus does not cover (other countries, other kinds of elections), with other spellings. */
  outOfScope: Record<string, string[]>;
  /** The entries of `outOfScope` that are places abroad (countries), not topics: a voter may tell of coming home from one. */
  abroad: string[];
}

export const EMPTY_LEXICON: Lexicon = { glossary: {}, synonyms: {}, outOfScope: {}, abroad: [] };

/**
 * Parses a tab-separated table: a term, a tab, then one or more phrases separated by "|".
 * Blank lines and lines starting with "#" are ignored.
 */
export function parseTermTable(file: string, source: string): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const [i, raw] of source.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [term, phrases, ...extra] = line.split('\t');
    const expansions = (phrases ?? '')
      .split('|')
      .map((p) => p.trim().normalize('NFC'))
      .filter(Boolean);
    if (!term?.trim() || expansions.length === 0 || extra.length > 0) {
      throw new CorpusError(`${file}:${i + 1}`, 'line', 'must be "term<TAB>phrase|phrase…"');
    }
    const key = term.trim().toLowerCase().normalize('NFC');
    table[key] = [...(table[key] ?? []), ...expansions];
  }
  return table;
}
