import { extractTerms } from '../text/terms.ts';
import { l2normalize, type Embedder } from './embedder.ts';

// FNV-1a: fast, stable across platforms and Node versions, so vectors never change under a built index.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const WEIGHTS = { word: 1, bigram: 1.2, trigram: 0.35 };

/**
 * A weight-free embedder: hashed diacritic-free words, word pairs and character trigrams.
 * Needs no model files, gives the same vector on every machine, and "bau cu" lands where
 * "bầu cử" does because only folded forms are hashed.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;

  constructor(readonly dimensions = 512) {
    this.id = `local-hash-v1-${dimensions}`;
  }

  embed(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const counts = new Map<string, { weight: number; count: number }>();
    const add = (feature: string, weight: number) => {
      const seen = counts.get(feature);
      if (seen) seen.count++;
      else counts.set(feature, { weight, count: 1 });
    };
    const { folded, bigrams } = extractTerms(text);
    for (const word of folded) {
      add(`w:${word}`, WEIGHTS.word);
      const padded = `^${word}$`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, WEIGHTS.trigram);
    }
    for (const pair of bigrams) add(`b:${pair}`, WEIGHTS.bigram);
    for (const [feature, { weight, count }] of counts) {
      const h = fnv1a(feature);
      const slot = h % this.dimensions;
      // The sign bit spreads hash collisions around zero instead of piling them up.
      const sign = h & 0x80000000 ? -1 : 1;
      vector[slot] = (vector[slot] as number) + sign * weight * (1 + Math.log(count));
    }
    return l2normalize(vector);
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}
