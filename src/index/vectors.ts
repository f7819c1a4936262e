import { readFile, writeFile } from 'node:fs/promises';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { dot, type Embedder } from './embedder.ts';
import { hashAt, readStoredVectors, type StoredVectors } from './embedding-cache.ts';
import { decodeHalves, dotHalves } from './float16.ts';

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

// Chosen with `npm run bench -- --sweep 100000`: the smallest graph reaching recall@10 ≥ 0.98 at 100k passages with margin (README, Measured speed).
export const DEFAULT_HNSW: HnswParams = { m: 24, efConstruction: 200, efSearch: 300 };

/** How a build's graph came to be: the labels handed out so far (never reused), and the points changed in place since it was last built whole. */
export interface GraphState {
  nextLabel: number;
  changedSinceRebuild: number;
}

// Points replaced in place link a little worse than points inserted into a fresh graph: past this share of changes, build it whole again.
const REBUILD_SHARE = 0.2;

export interface VectorHit {
  passage: number;
  similarity: number;
}

export interface VectorFiles {
  graph: string;
  labels: string;
  vectors: string;
}

/** A published build's graph, as the next build finds it. */
export interface PreviousGraph {
  files: VectorFiles;
  params: HnswParams;
  state: GraphState;
  stored: StoredVectors;
  labels: Int32Array;
}

export interface LabelPlan {
  /** For each new passage, the label of the previous graph's point it keeps, or -1 for a new point. */
  labels: Int32Array;
  /** Labels of the previous graph no passage keeps. */
  removed: number[];
}

/** Which points of the previous graph the new passages keep: a passage keeps the point of a previous passage with the same text, each point at most once. */
export function planLabels(previousHashes: string[], previousLabels: Int32Array, hashes: string[]): LabelPlan {
  const free = new Map<string, number[]>();
  previousHashes.forEach((hash, i) => {
    const labels = free.get(hash);
    if (labels) labels.push(previousLabels[i] as number);
    else free.set(hash, [previousLabels[i] as number]);
  });
  const labels = Int32Array.from(hashes, (hash) => free.get(hash)?.shift() ?? -1);
  return { labels, removed: [...free.values()].flat() };
}

/**
 * Approximate nearest neighbours by cosine similarity over an HNSW graph, plus the passage vectors
 * in half precision: scoring a candidate reads its row directly instead of copying it out of the
 * graph. Graph points carry labels, not passage numbers, so a later build can keep the points of
 * unchanged passages and only replace the rest.
 */
export class VectorIndex {
  private readonly passageOfLabel: Int32Array;

  private constructor(
    private readonly graph: HierarchicalNSW,
    private readonly stored: StoredVectors,
    /** The graph label of each passage. */
    readonly labels: Int32Array,
    readonly state: GraphState,
  ) {
    this.passageOfLabel = new Int32Array(state.nextLabel).fill(-1);
    labels.forEach((label, passage) => (this.passageOfLabel[label] = passage));
  }

  get size(): number {
    return this.labels.length;
  }

  /** The graph for `stored`: the previous build's changed in place when it allows, otherwise built whole. */
  static build(stored: StoredVectors, params: HnswParams = DEFAULT_HNSW, previous?: PreviousGraph | null): VectorIndex {
    if (previous && previous.params.m === params.m && previous.params.efConstruction === params.efConstruction) {
      const hashes = (s: StoredVectors) => Array.from({ length: s.count }, (_, i) => hashAt(s, i));
      const plan = planLabels(hashes(previous.stored), previous.labels, hashes(stored));
      const added = plan.labels.filter((l) => l === -1).length;
      const changed = previous.state.changedSinceRebuild + added + plan.removed.length;
      if (changed <= REBUILD_SHARE * Math.max(stored.count, previous.labels.length)) return VectorIndex.update(stored, params, previous, plan, changed);
    }
    const graph = new hnswlib.HierarchicalNSW('cosine', stored.dimensions);
    // A fixed seed makes two builds of the same corpus from scratch give the same graph.
    graph.initIndex(Math.max(1, stored.count), params.m, params.efConstruction, 100);
    for (let i = 0; i < stored.count; i++) graph.addPoint(row(stored, i), i);
    graph.setEf(params.efSearch);
    return new VectorIndex(graph, stored, Int32Array.from({ length: stored.count }, (_, i) => i), { nextLabel: stored.count, changedSinceRebuild: 0 });
  }

  private static update(stored: StoredVectors, params: HnswParams, previous: PreviousGraph, plan: LabelPlan, changed: number): VectorIndex {
    const graph = new hnswlib.HierarchicalNSW('cosine', stored.dimensions);
    // Replacing deleted points reuses their slots, so the graph does not grow with every republish.
    graph.readIndexSync(previous.files.graph, true);
    for (const label of plan.removed) graph.markDelete(label);
    const fresh = plan.labels.filter((l) => l === -1).length;
    const vacant = graph.getCurrentCount() - (previous.labels.length - plan.removed.length);
    const needed = graph.getCurrentCount() + Math.max(0, fresh - vacant);
    if (needed > graph.getMaxElements()) graph.resizeIndex(needed);
    const labels = Int32Array.from(plan.labels);
    let nextLabel = previous.state.nextLabel;
    labels.forEach((label, i) => {
      if (label !== -1) return;
      labels[i] = nextLabel;
      graph.addPoint(row(stored, i), nextLabel++, true);
    });
    graph.setEf(params.efSearch);
    return new VectorIndex(graph, stored, labels, { nextLabel, changedSinceRebuild: changed });
  }

  static async read(files: VectorFiles, embedder: Pick<Embedder, 'id' | 'dimensions'>, efSearch: number, state: GraphState): Promise<VectorIndex> {
    const stored = await readStoredVectors(files.vectors, embedder);
    if (!stored) throw new Error(`${files.vectors} is missing or damaged`);
    const graph = new hnswlib.HierarchicalNSW('cosine', embedder.dimensions);
    graph.readIndexSync(files.graph);
    graph.setEf(efSearch);
    return new VectorIndex(graph, stored, await readLabels(files.labels), state);
  }

  /** Writes the graph and the labels; the vectors are written with the build's other files. */
  async write(files: Pick<VectorFiles, 'graph' | 'labels'>): Promise<void> {
    this.graph.writeIndexSync(files.graph);
    await writeFile(files.labels, Buffer.from(this.labels.buffer, this.labels.byteOffset, this.labels.byteLength));
  }

  setEf(ef: number): void {
    this.graph.setEf(ef);
  }

  /** Cosine similarity of a stored passage to the query (both unit length). */
  similarity(passage: number, query: Float32Array): number {
    return passage >= 0 && passage < this.size ? dotHalves(this.stored.halves, passage * this.stored.dimensions, query) : 0;
  }

  /** Every passage's vector as stored, decoded: for exact search in tests and benchmarks. */
  get rows(): Float32Array[] {
    return Array.from({ length: this.size }, (_, i) => decodeHalves(this.stored.halves.subarray(i * this.stored.dimensions, (i + 1) * this.stored.dimensions)));
  }

  search(query: Float32Array, k: number): VectorHit[] {
    if (this.size === 0) return [];
    const { neighbors, distances } = this.graph.searchKnn(Array.from(query), Math.min(k, this.size));
    return neighbors.flatMap((label, i) => {
      const passage = this.passageOfLabel[label] ?? -1;
      return passage === -1 ? [] : [{ passage, similarity: 1 - (distances[i] as number) }];
    });
  }
}

function row(stored: StoredVectors, i: number): number[] {
  return Array.from(decodeHalves(stored.halves.subarray(i * stored.dimensions, (i + 1) * stored.dimensions)));
}

export async function readLabels(file: string): Promise<Int32Array> {
  const buffer = await readFile(file);
  return new Int32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}

/** Exact top-k by brute force: the reference that HNSW recall is measured against. */
export function exactSearch(vectors: Float32Array[], query: Float32Array, k: number): VectorHit[] {
  const hits = vectors.map((v, passage) => ({ passage, similarity: dot(v, query) }));
  hits.sort((a, b) => b.similarity - a.similarity);
  return hits.slice(0, k);
}
