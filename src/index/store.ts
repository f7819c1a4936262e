import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chunkDocument, EMPTY_LEXICON, hashCorpus, loadCorpus, type CorpusDocument, type Lexicon, type Passage } from '../corpus/index.ts';
import { extractTerms } from '../text/terms.ts';
import type { Logger } from 'pino';
import type { Embedder } from './embedder.ts';
import { EmbeddingCache } from './embedding-cache.ts';
import { LexicalIndex, type LexicalHit, type LexicalQuery } from './lexical.ts';
import { buildRegister, type RegisterEntry } from './register.ts';
import { DEFAULT_HNSW, VectorIndex, writeVectors, type HnswParams, type VectorHit } from './vectors.ts';

// Bump whenever the files or their meaning change, so older indexes are rebuilt instead of misread.
export const INDEX_FORMAT_VERSION = 5;

export interface Manifest {
  formatVersion: number;
  embedder: { id: string; dimensions: number };
  corpusHash: string;
  counts: { documents: number; passages: number };
  builtAt: string;
  buildMs: number;
  hnsw: HnswParams;
}

export type DocumentMeta = Omit<CorpusDocument, 'body'>;

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  hnsw?: HnswParams;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary {
  manifest: Manifest;
  warnings: string[];
  /** Passage vectors taken from the embedding cache and computed afresh. */
  embeddings: { reused: number; computed: number };
}

const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  passages: 'passages.json',
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  lexical: 'lexical.bin',
  stats: 'stats.json',
  register: 'register.json',
  lexicon: 'lexicon.json',
};

/** The text a passage is indexed under: its own words plus the document title, place and section it belongs to. */
function indexedText(doc: DocumentMeta, passage: Passage): string {
  return [doc.title, doc.place, passage.section, passage.text].filter(Boolean).join('\n');
}

function documentFrequencies(texts: string[]): Record<string, number> {
  const df: Record<string, number> = {};
  for (const text of texts) {
    const { folded, bigrams } = extractTerms(text);
    for (const term of new Set([...folded, ...bigrams])) df[term] = (df[term] ?? 0) + 1;
  }
  return df;
}

const buildsDir = (indexDir: string) => `${indexDir}.builds`;
/** Where passage vectors are cached between builds, one file per embedder. */
const embeddingCacheDir = (indexDir: string) => `${indexDir}.embeddings`;

/** Runs `fn` while holding a lock directory beside the index, so two builds never publish and clean up at once. */
async function withPublishLock<T>(indexDir: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${indexDir}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await lstat(lock).catch(() => null);
      // Publishing takes milliseconds: a lock older than a minute was left by a process that died.
      if (held && Date.now() - held.mtimeMs > 60_000) await rm(lock, { recursive: true, force: true });
      if (attempt > 600) throw new Error(`Could not lock ${lock} to publish the index`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Points `indexDir` at a finished build by renaming a fresh symlink over it: readers see the
 * old index or the new one, never a mix. The build it replaces stays for readers still loading
 * it; older finished builds are removed, and unfinished ones (another build in progress) are kept.
 */
async function publish(indexDir: string, buildDir: string): Promise<void> {
  const link = `${indexDir}.link-${randomBytes(4).toString('hex')}`;
  await symlink(path.relative(path.dirname(indexDir), buildDir), link, 'dir');
  const existing = await lstat(indexDir).catch(() => null);
  // An index directory from before builds were versioned moves aside so the link can take its place.
  if (existing && !existing.isSymbolicLink()) await rename(indexDir, path.join(buildsDir(indexDir), `legacy-${Date.now()}`));
  const previous = existing?.isSymbolicLink() ? path.basename(await readlink(indexDir)) : null;
  await rename(link, indexDir);
  const keep = new Set([path.basename(buildDir), previous]);
  for (const entry of await readdir(buildsDir(indexDir))) {
    if (keep.has(entry)) continue;
    const dir = path.join(buildsDir(indexDir), entry);
    // Another build's cleanup may remove the same directory at the same time: a vanished entry is fine.
    const stat = await lstat(dir).catch(() => null);
    const finished = await lstat(path.join(dir, FILES.manifest)).then(
      () => true,
      () => false,
    );
    // An unfinished build older than an hour was left by a process that died.
    const abandoned = stat !== null && !finished && Date.now() - stat.mtimeMs > 3_600_000;
    if (finished || abandoned) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the index from the corpus into a new directory and swaps it in atomically. A broken
 * document throws CorpusError before anything is written; the live index is untouched.
 */
export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { corpusDir, indexDir, embedder, hnsw = DEFAULT_HNSW, batchSize = 32, onProgress } = options;
  const corpus = await loadCorpus(corpusDir);
  const documents: DocumentMeta[] = corpus.documents.map(({ body: _body, ...meta }) => meta);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const passages = corpus.documents.flatMap((doc) => chunkDocument(doc));
  const texts = passages.map((p) => indexedText(byId.get(p.docId) as DocumentMeta, p));

  const cache = await EmbeddingCache.open(embeddingCacheDir(indexDir), embedder);
  const { vectors, reused, computed } = await cache.embed(texts, batchSize, onProgress);

  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
    corpusHash: corpus.hash,
    counts: { documents: documents.length, passages: passages.length },
    builtAt: new Date().toISOString(),
    buildMs: 0,
    hnsw,
  };
  const buildDir = path.join(buildsDir(indexDir), `${manifest.builtAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`);
  await mkdir(buildDir, { recursive: true });
  try {
    const write = (name: string, data: string) => writeFile(path.join(buildDir, name), data);
    await write(FILES.documents, JSON.stringify(documents));
    await write(FILES.passages, JSON.stringify(passages));
    await LexicalIndex.build(texts).write(path.join(buildDir, FILES.lexical));
    await write(FILES.stats, JSON.stringify({ passages: passages.length, df: documentFrequencies(texts) }));
    await write(FILES.register, JSON.stringify(buildRegister(passages, corpus.documents)));
    await write(FILES.lexicon, JSON.stringify(corpus.lexicon));
    await writeVectors(path.join(buildDir, FILES.vectors), vectors, embedder.dimensions);
    VectorIndex.build(vectors, embedder.dimensions, hnsw).write(path.join(buildDir, FILES.hnsw));
    manifest.buildMs = Math.round(performance.now() - started);
    // The manifest goes last, under the lock with the swap: outside it, a directory with a manifest
    // has been published and one without is a build still in progress.
    await withPublishLock(indexDir, async () => {
      await write(FILES.manifest, JSON.stringify(manifest, null, 2));
      await publish(indexDir, buildDir);
    });
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    throw error;
  }
  // Saved only once the build is live, so the cache never runs ahead of a published index.
  if (computed > 0 || cache.size !== texts.length) await cache.save(texts, vectors);
  return { manifest, warnings: corpus.warnings, embeddings: { reused, computed } };
}

export async function readManifest(indexDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(indexDir, FILES.manifest), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export type IndexState = 'fresh' | 'missing' | 'corpus-changed' | 'embedder-changed' | 'format-changed';

/** Whether the index at `indexDir` can answer for this corpus with this embedder. */
export async function checkIndex(corpusDir: string, indexDir: string, embedder: Embedder): Promise<IndexState> {
  const manifest = await readManifest(indexDir);
  if (!manifest) return 'missing';
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return 'format-changed';
  if (manifest.embedder.id !== embedder.id || manifest.embedder.dimensions !== embedder.dimensions) return 'embedder-changed';
  if (manifest.corpusHash !== (await hashCorpus(corpusDir))) return 'corpus-changed';
  return 'fresh';
}

/** A loaded, read-only index: what the search stage queries. */
export class CorpusIndex {
  private readonly documentsById: Map<string, DocumentMeta>;
  private readonly termCache = new Map<number, Set<string>>();
  private readonly entriesByKey = new Map<string, RegisterEntry[]>();

  constructor(
    readonly manifest: Manifest,
    readonly location: string,
    documents: DocumentMeta[],
    readonly passages: Passage[],
    readonly lexicon: Lexicon,
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorIndex,
    private readonly stats: { passages: number; df: Record<string, number> },
    readonly register: RegisterEntry[],
  ) {
    this.documentsById = new Map(documents.map((d) => [d.id, d]));
    for (const entry of register) {
      for (const key of new Set([entry.key, entry.shortKey])) this.entriesByKey.set(key, [...(this.entriesByKey.get(key) ?? []), entry]);
    }
  }

  get documents(): DocumentMeta[] {
    return [...this.documentsById.values()];
  }

  document(id: string): DocumentMeta | undefined {
    return this.documentsById.get(id);
  }

  lexicalSearch(query: LexicalQuery, limit: number): LexicalHit[] {
    return this.lexical.query(query, limit);
  }

  /** The stored passage vectors, row i for passage i: for exact search and benchmarks. */
  get passageVectors(): Float32Array[] {
    return this.vectors.rows;
  }

  vectorSearch(query: Float32Array, k: number): VectorHit[] {
    return this.vectors.search(query, k);
  }

  similarity(passage: number, query: Float32Array): number {
    return this.vectors.similarity(passage, query);
  }

  /** Diacritic-free words and word pairs a passage is indexed under (its text, title, place and section). */
  indexedTerms(passage: number): Set<string> {
    let terms = this.termCache.get(passage);
    if (!terms) {
      const p = this.passages[passage] as Passage;
      const { folded, bigrams } = extractTerms(indexedText(this.documentsById.get(p.docId) as DocumentMeta, p));
      terms = new Set([...folded, ...bigrams]);
      this.termCache.set(passage, terms);
    }
    return terms;
  }

  get passageCount(): number {
    return this.stats.passages;
  }

  setEfSearch(ef: number): void {
    this.vectors.setEf(ef);
  }

  /** Passages containing a diacritic-free word or word pair ("a_b"). */
  documentFrequency(term: string): number {
    return this.stats.df[term] ?? 0;
  }

  /** Register entries for an exact key ("3-ct/tu") or a short key ("ct 3", which may name several documents). */
  lookupReference(key: string): RegisterEntry[] {
    return this.entriesByKey.get(key) ?? [];
  }

  /** Passages that mention a document reference, by exact or short key. */
  passagesMentioning(key: string): number[] {
    return [...new Set(this.lookupReference(key).flatMap((e) => e.passages))].sort((a, b) => a - b);
  }
}

export async function loadIndex(indexDir: string): Promise<CorpusIndex> {
  const link = await lstat(indexDir).catch(() => null);
  if (!link) throw new Error(`No index at ${indexDir}: run "npm run reindex" first`);
  // Resolve the link once so every file comes from the same build even if a new one is published meanwhile.
  const location = link.isSymbolicLink() ? path.resolve(path.dirname(indexDir), await readlink(indexDir)) : indexDir;
  const manifest = await readManifest(location);
  if (!manifest) throw new Error(`The index at ${indexDir} is incomplete: run "npm run reindex"`);
  const read = async (name: string) => readFile(path.join(location, name), 'utf8');
  const json = async <T>(name: string) => JSON.parse(await read(name)) as T;
  return new CorpusIndex(
    manifest,
    location,
    await json<DocumentMeta[]>(FILES.documents),
    await json<Passage[]>(FILES.passages),
    { ...EMPTY_LEXICON, ...(await json<Partial<Lexicon>>(FILES.lexicon)) },
    await LexicalIndex.read(path.join(location, FILES.lexical)),
    await VectorIndex.read(path.join(location, FILES.hnsw), path.join(location, FILES.vectors), manifest.embedder.dimensions, manifest.hnsw.efSearch),
    await json(FILES.stats),
    await json<RegisterEntry[]>(FILES.register),
  );
}

export interface OpenIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  logger: Logger;
  onProgress?: BuildOptions['onProgress'];
}

/**
 * Loads the index, building it first when it is missing or no longer matches the corpus or the
 * embedder. When only the corpus changed and the new build fails (a broken file), the previous
 * index keeps answering and the error is logged.
 */
export async function openIndex(options: OpenIndexOptions): Promise<CorpusIndex> {
  const { corpusDir, indexDir, embedder, logger } = options;
  const state = await checkIndex(corpusDir, indexDir, embedder);
  if (state !== 'fresh') {
    logger.info({ indexDir, reason: state, embedder: embedder.id }, `index is ${state}: building it before answering`);
    try {
      const { manifest, warnings } = await buildIndex(options);
      for (const warning of warnings) logger.warn(warning);
      logger.info({ ...manifest.counts, buildMs: manifest.buildMs }, 'index built');
    } catch (error) {
      if (state !== 'corpus-changed') throw error;
      logger.error({ err: error }, 'rebuild failed; answering from the previous index');
    }
  }
  return loadIndex(indexDir);
}
