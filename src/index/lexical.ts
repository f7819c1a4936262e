import { readFile, writeFile } from 'node:fs/promises';
import { passageTerms } from '../text/terms.ts';

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
const FIELDS = ['folded', 'exact', 'bigrams'] as const;
const FIELD_BOOST = [1, 0.6, 1.4];
// BM25+ (Lv & Zhai): `delta` keeps a long passage that holds a term above one that lacks it.
const BM25 = { k1: 1.2, b: 0.7, delta: 0.5 };

/** One field's postings: passages and term counts of term t sit at offsets[t] … offsets[t + 1]. */
interface Postings {
  offsets: Int32Array;
  passages: Int32Array;
  counts: Uint16Array;
  lengths: Float32Array;
  averageLength: number;
}

function fieldTerms(text: string): string[][] {
  const terms = passageTerms(text);
  return [terms.folded, terms.exact, terms.bigrams];
}

/** Postings gathered passage by passage, in growable typed arrays: no object per term or posting while a large corpus is indexed. */
class PostingsBuilder {
  private terms = new Int32Array(1 << 16);
  private passages = new Int32Array(1 << 16);
  private counts = new Uint16Array(1 << 16);
  private size = 0;
  readonly lengths: number[] = [];

  /** One passage's terms, in the order passages are numbered. */
  add(passage: number, termIds: number[]): void {
    const counts = new Map<number, number>();
    for (const id of termIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    // Length in distinct terms, as MiniSearch counts it.
    this.lengths.push(counts.size);
    for (const [id, count] of counts) {
      if (this.size === this.terms.length) this.grow();
      this.terms[this.size] = id;
      this.passages[this.size] = passage;
      this.counts[this.size++] = Math.min(count, 65535);
    }
  }

  private grow(): void {
    const double = <T extends Int32Array | Uint16Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.terms = double(this.terms);
    this.passages = double(this.passages);
    this.counts = double(this.counts);
  }

  /** Sorted by term (counting sort), passages in increasing order within each term. */
  pack(termCount: number): Postings {
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < this.size; i++) {
      const t = (this.terms[i] as number) + 1;
      offsets[t] = (offsets[t] as number) + 1;
    }
    for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
    const next = offsets.slice(0, termCount);
    const passages = new Int32Array(this.size);
    const counts = new Uint16Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const t = this.terms[i] as number;
      const at = next[t] as number;
      next[t] = at + 1;
      passages[at] = this.passages[i] as number;
      counts[at] = this.counts[i] as number;
    }
    const total = this.lengths.reduce((a, b) => a + b, 0);
    return { offsets, passages, counts, lengths: Float32Array.from(this.lengths), averageLength: total / Math.max(1, this.lengths.length) };
  }
}

/**
 * BM25+ over three fields of each passage (words as typed, diacritic-free words, word pairs), in
 * flat typed arrays: a query touches only the postings of its terms, and the index loads from one
 * binary file without building objects per term. Scores match MiniSearch's formula (per-field
 * BM25+ with boosts, times the number of query terms matched), which the ranking was tuned with.
 */
export class LexicalIndex {
  private readonly norms: Float64Array[];

  private constructor(
    private readonly termIds: Map<string, number>,
    private readonly fields: Postings[],
    readonly size: number,
  ) {
    // BM25's length normalisation of each passage in each field, computed once instead of per posting.
    const { k1, b } = BM25;
    this.norms = fields.map((field) => Float64Array.from(field.lengths, (length) => k1 * (1 - b) + ((k1 * b) / field.averageLength) * length));
  }

  static build(texts: string[]): LexicalIndex {
    const termIds = new Map<string, number>();
    const fields = FIELDS.map(() => new PostingsBuilder());
    const idOf = (term: string) => {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termIds.size));
      return id;
    };
    texts.forEach((text, passage) => fieldTerms(text).forEach((terms, f) => fields[f]?.add(passage, terms.map(idOf))));
    return new LexicalIndex(termIds, fields.map((field) => field.pack(termIds.size)), texts.length);
  }

  /** A term's id: a word as written ("=bầu") shares its spelling's id and is told apart by its field (see fieldOf). */
  private idOf(term: string): number | undefined {
    return this.termIds.get(term.startsWith('=') ? term.slice(1) : term);
  }

  /** The postings of a term's field: a word as written marked "=" ("=bầu"), a word pair ("a_b"), or a diacritic-free word. */
  private fieldOf(term: string): Postings {
    return this.fields[FIELDS.indexOf(term.startsWith('=') ? 'exact' : term.includes('_') ? 'bigrams' : 'folded')] as Postings;
  }

  /** Passages holding a diacritic-free word, a word pair ("a_b"), or a word as written marked "=" ("=bầu"). */
  documentFrequency(term: string): number {
    const id = this.idOf(term);
    const field = this.fieldOf(term);
    return id === undefined ? 0 : (field.offsets[id + 1] as number) - (field.offsets[id] as number);
  }

  /** The passages indexed under a diacritic-free word or word pair ("a_b"), in increasing order. */
  passagesWith(term: string): Int32Array {
    const id = this.termIds.get(term);
    const field = this.fieldOf(term);
    return id === undefined ? new Int32Array(0) : field.passages.subarray(field.offsets[id] as number, field.offsets[id + 1] as number);
  }

  /** Whether a passage is indexed under a term: a diacritic-free word, a word pair ("a_b"), or a word as written marked "=" ("=bầu"). */
  contains(passage: number, term: string): boolean {
    return this.containsIn(term, passage, passage + 1);
  }

  /** Whether any passage from `from` up to (not including) `to` is indexed under a term, as `contains` reads terms. */
  containsIn(term: string, from: number, to: number): boolean {
    const id = this.idOf(term);
    if (id === undefined) return false;
    const { offsets, passages } = this.fieldOf(term);
    // The first of the term's passages at or after `from`, by binary search: a term's passages are stored in increasing order.
    let low = offsets[id] as number;
    const end = offsets[id + 1] as number;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((passages[middle] as number) < from) low = middle + 1;
      else high = middle;
    }
    return low < end && (passages[low] as number) < to;
  }

  /** Top passages by BM25+ for the union of the query's terms. */
  query(query: LexicalQuery, limit: number): LexicalHit[] {
    return this.queryByGroup(query, limit, null);
  }

  /** The best `limit` passages of each group (`groupOf[passage]`), so a large group cannot crowd out a small one; groups in the order first met. */
  queryByGroup(query: LexicalQuery, limit: number, groupOf: ArrayLike<number> | null): LexicalHit[] {
    const { touched, count, scores, matched } = this.score(query);
    const best = new Map<number, LexicalHit[]>();
    // One pass keeps each group's leaders; a passage enters only when it beats its group's last.
    for (let i = 0; i < count; i++) {
      const passage = touched[i] as number;
      const group = groupOf ? (groupOf[passage] as number) : 0;
      let leaders = best.get(group);
      if (!leaders) best.set(group, (leaders = []));
      const score = (scores[passage] as number) * (matched[passage] as number);
      if (leaders.length === limit && score <= (leaders[limit - 1] as LexicalHit).score) continue;
      let at = leaders.length;
      while (at > 0 && (leaders[at - 1] as LexicalHit).score < score) at--;
      leaders.splice(at, 0, { passage, score });
      if (leaders.length > limit) leaders.pop();
    }
    return [...best.values()].flat();
  }

  /**
   * BM25+ sums over the query's terms in every field, and how many distinct query terms each passage
   * matched; `touched` lists the passages matched, in the order they were first met (ties keep it).
   */
  private score(query: LexicalQuery): { touched: Int32Array; count: number; scores: Float64Array; matched: Uint16Array } {
    const terms = [...new Set([...query.folded, ...query.exact, ...query.bigrams])].map((t) => this.termIds.get(t)).filter((t) => t !== undefined);
    const scores = new Float64Array(this.size);
    const matched = new Uint16Array(this.size);
    const touched = new Int32Array(this.size);
    let count = 0;
    // The last query term that matched each passage, so a term found in several fields counts once.
    const lastTerm = new Int32Array(this.size).fill(-1);
    const { k1, delta } = BM25;
    for (let q = 0; q < terms.length; q++) {
      const term = terms[q] as number;
      for (let f = 0; f < this.fields.length; f++) {
        const { offsets, passages, counts } = this.fields[f] as Postings;
        const norms = this.norms[f] as Float64Array;
        const start = offsets[term] as number;
        const end = offsets[term + 1] as number;
        if (end === start) continue;
        const boost = (FIELD_BOOST[f] as number) * Math.log(1 + (this.size - (end - start) + 0.5) / (end - start + 0.5));
        for (let i = start; i < end; i++) {
          const passage = passages[i] as number;
          const tf = counts[i] as number;
          scores[passage] = (scores[passage] as number) + boost * (delta + (tf * (k1 + 1)) / (tf + (norms[passage] as number)));
          const last = lastTerm[passage] as number;
          if (last !== q) {
            if (last === -1) touched[count++] = passage;
            lastTerm[passage] = q;
            matched[passage] = (matched[passage] as number) + 1;
          }
        }
      }
    }
    return { touched, count, scores, matched };
  }

  async write(file: string): Promise<void> {
    const header = JSON.stringify({
      terms: [...this.termIds.keys()],
      size: this.size,
      fields: this.fields.map((f) => ({ postings: f.passages.length, averageLength: f.averageLength })),
    });
    const parts: Buffer[] = [Buffer.from(`${header}\n`)];
    for (const f of this.fields) for (const array of [f.offsets, f.passages, f.counts, f.lengths]) parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    await writeFile(file, Buffer.concat(parts));
  }

  static async read(file: string): Promise<LexicalIndex> {
    const buffer = await readFile(file);
    const newline = buffer.indexOf(10);
    const header = JSON.parse(buffer.toString('utf8', 0, newline)) as { terms: string[]; size: number; fields: Array<{ postings: number; averageLength: number }> };
    let at = newline + 1;
    // Copied out so every typed array is aligned, whatever the header's length.
    const take = <T>(Type: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T => {
      const bytes = length * Type.BYTES_PER_ELEMENT;
      const copy = new Uint8Array(bytes);
      copy.set(buffer.subarray(at, at + bytes));
      at += bytes;
      return new Type(copy.buffer);
    };
    const fields = header.fields.map(({ postings, averageLength }) => ({
      offsets: take(Int32Array, header.terms.length + 1),
      passages: take(Int32Array, postings),
      counts: take(Uint16Array, postings),
      lengths: take(Float32Array, header.size),
      averageLength,
    }));
    return new LexicalIndex(new Map(header.terms.map((t, i) => [t, i])), fields, header.size);
  }
}
