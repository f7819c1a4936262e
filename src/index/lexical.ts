import MiniSearch from 'minisearch';
import { extractTerms } from '../text/terms.ts';

export interface LexicalFields {
  exact: string;
  folded: string;
  bigrams: string;
}

export interface LexicalQuery {
  exact: string[];
  folded: string[];
  bigrams: string[];
}

export interface LexicalHit {
  passage: number;
  score: number;
}

// Word pairs carry Vietnamese compounds ("bầu cử", "chỉ thị"); words typed with diacritics earn a bonus over folded matches.
const FIELD_BOOST = { folded: 1, exact: 0.6, bigrams: 1.4 };
const FIELDS = Object.keys(FIELD_BOOST);

const options = {
  idField: 'id',
  fields: FIELDS,
  // Fields hold pre-analysed terms separated by spaces.
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  processTerm: (term: string) => term,
  searchOptions: { boost: FIELD_BOOST, combineWith: 'OR' as const },
};

function fieldsOf(text: string): LexicalFields {
  const terms = extractTerms(text);
  return { exact: terms.exact.join(' '), folded: terms.folded.join(' '), bigrams: terms.bigrams.join(' ') };
}

/** BM25 index over the passages' words, diacritic-free words and word pairs, keyed by passage number. */
export class LexicalIndex {
  private constructor(private readonly search: MiniSearch<LexicalFields & { id: number }>) {}

  static build(texts: string[]): LexicalIndex {
    const search = new MiniSearch<LexicalFields & { id: number }>(options);
    search.addAll(texts.map((text, id) => ({ id, ...fieldsOf(text) })));
    return new LexicalIndex(search);
  }

  static fromJSON(json: string): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON(json, options));
  }

  toJSON(): string {
    return JSON.stringify(this.search);
  }

  query(query: LexicalQuery, limit: number): LexicalHit[] {
    const terms = [...new Set([...query.folded, ...query.exact, ...query.bigrams])];
    if (terms.length === 0) return [];
    return this.search
      .search(terms.join(' '))
      .slice(0, limit)
      .map((r) => ({ passage: r.id as number, score: r.score }));
  }
}
