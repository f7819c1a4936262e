import { readFile, writeFile } from 'node:fs/promises';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { dot } from './embedder.ts';
import { decodeHalves, encodeHalves } from './float16.ts';

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

// Chosen with `npm run bench -- --sweep 100000`: the smallest graph reaching recall@10 ≥ 0.98 at 100k passages with margin (README, Measured speed).
export const DEFAULT_HNSW: HnswParams = { m: 24, efConstruction: 200, efSearch: 300 };

export interface VectorHit {
  passage: number;
  similarity: number;
}

/**
 * Approximate nearest neighbours by cosine similarity over an HNSW graph, plus the passage vectors
 * themselves: scoring a candidate reads its row directly instead of copying it out of the graph.
 */
export class VectorIndex {
  private constructor(
    private readonly graph: HierarchicalNSW,
    readonly rows: Float32Array[],
  ) {}

  get size(): number {
    return this.rows.length;
  }

  static build(vectors: Float32Array[], dimensions: number, params: HnswParams = DEFAULT_HNSW): VectorIndex {
    const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
    // A fixed seed makes two builds of the same corpus give the same graph.
    graph.initIndex(Math.max(1, vectors.length), params.m, params.efConstruction, 100);
    vectors.forEach((v, i) => graph.addPoint(Array.from(v), i));
    graph.setEf(params.efSearch);
    return new VectorIndex(graph, vectors);
  }

  static async read(graphFile: string, vectorsFile: string, dimensions: number, efSearch: number): Promise<VectorIndex> {
    const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
    graph.readIndexSync(graphFile);
    graph.setEf(efSearch);
    return new VectorIndex(graph, await readVectors(vectorsFile, dimensions));
  }

  write(file: string): void {
    this.graph.writeIndexSync(file);
  }

  setEf(ef: number): void {
    this.graph.setEf(ef);
  }

  /** Cosine similarity of a stored passage to the query (both unit length). */
  similarity(passage: number, query: Float32Array): number {
    const row = this.rows[passage];
    return row ? dot(row, query) : 0;
  }

  search(query: Float32Array, k: number): VectorHit[] {
    if (this.size === 0) return [];
    const { neighbors, distances } = this.graph.searchKnn(Array.from(query), Math.min(k, this.size));
    return neighbors.map((passage, i) => ({ passage, similarity: 1 - (distances[i] as number) }));
  }
}

/** Exact top-k by brute force: the reference that HNSW recall is measured against. */
export function exactSearch(vectors: Float32Array[], query: Float32Array, k: number): VectorHit[] {
  const hits = vectors.map((v, passage) => ({ passage, similarity: dot(v, query) }));
  hits.sort((a, b) => b.similarity - a.similarity);
  return hits.slice(0, k);
}

/** Vectors as one little-endian half-precision file, row after row: half the bytes of float32, for scores that move in the fourth decimal. */
export async function writeVectors(file: string, vectors: Float32Array[], dimensions: number): Promise<void> {
  const out = new Uint16Array(vectors.length * dimensions);
  vectors.forEach((v, i) => out.set(encodeHalves(v), i * dimensions));
  await writeFile(file, Buffer.from(out.buffer, out.byteOffset, out.byteLength));
}

export async function readVectors(file: string, dimensions: number): Promise<Float32Array[]> {
  const buffer = await readFile(file);
  const halves = new Uint16Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  const all = decodeHalves(halves);
  const rows: Float32Array[] = [];
  for (let i = 0; i + dimensions <= all.length; i += dimensions) rows.push(all.subarray(i, i + dimensions));
  return rows;
}
