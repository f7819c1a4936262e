import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { chunkDocument, EMPTY_LEXICON, hashCorpus, loadCorpus, type CorpusDocument, type Lexicon, type Passage } from '../corpus/index.ts';
import { passageTerms } from '../text/terms.ts';
import { words } from '../text/normalize.ts';
import type { Logger } from 'pino';
import type { Embedder } from './embedder.ts';
import { embedTexts, readStoredVectors, SetAsideVectors, writeStoredVectors } from './embedding-cache.ts';
import { LexicalIndex, type LexicalHit, type LexicalQuery } from './lexical.ts';
import { PassageStore } from './passages.ts';
import { buildRegister, type RegisterEntry } from './register.ts';
import { DEFAULT_HNSW, readLabels, VectorIndex, type GraphState, type HnswParams, type PreviousGraph, type VectorFiles, type VectorHit } from './vectors.ts';

// Bump whenever the files or their meaning change, so older indexes are rebuilt instead of misread.
export const INDEX_FORMAT_VERSION = 13;

export interface Manifest {
  formatVersion: number;
  embedder: { id: string; dimensions: number };
  corpusHash: string;
  counts: { documents: number; passages: number };
  builtAt: string;
  buildMs: number;
  hnsw: HnswParams;
  graph: GraphState;
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
  passages: 'passages.bin',
  vectors: 'vectors.bin',
  labels: 'labels.i32',
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

interface CorpusStatistics {
  passages: number;
  /** How often each word is written (as spelt, lower-case), for the speller. */
  words: Record<string, number>;
}

function corpusStatistics(texts: string[]): CorpusStatistics {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { passages: texts.length, words: Object.fromEntries(counts) };
}

const buildsDir = (indexDir: string) => `${indexDir}.builds`;
/** Where the vectors of embedders other than the live index's are kept, one file per embedder. */
const setAsideDir = (indexDir: string) => `${indexDir}.embeddings`;

/** Written into a build folder when it starts: who is building it, so others can tell a live build from a dead one. */
const OWNER_FILE = 'owner.json';
/** Written into a published build when another replaces it; its age is the grace period's clock. */
const SUPERSEDED_FILE = 'superseded';
/** How long a replaced build stays for readers that resolved the link just before the swap. */
export const SUPERSEDED_GRACE_MS = 60_000;
/** An unfinished build of another host (whose processes cannot be checked) counts as abandoned after this long without a heartbeat. */
const FOREIGN_BUILD_TIMEOUT_MS = 3_600_000;
const HEARTBEAT_MS = 60_000;
/** proper-lockfile refreshes the lock's mtime every half of this; a lock older than this was left by a dead process. */
const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 120_000;
const WAIT_POLL_MS = 250;

interface BuildOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** When the process started, as the kernel counts it (Linux): tells the owner from a later process given the same pid. */
  processStart?: string | null;
}

/** The build folders this process is writing now: a folder naming our pid but not listed here was left by an earlier process. */
const ownBuilds = new Set<string>();

/** INDEX_DIR (or a folder beside it) cannot be created or written. */
export class IndexLocationError extends Error {
  constructor(indexDir: string, dir: string, cause: NodeJS.ErrnoException) {
    const reason = cause.code ? `${cause.code}: ${cause.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')}` : cause.message;
    super(`INDEX_DIR is ${indexDir}: cannot create ${dir} (${reason}). Set INDEX_DIR to a writable folder.`, { cause });
    this.name = 'IndexLocationError';
  }
}

/** mkdir -p that tries each level at most twice: Node's recursive mkdir never returns for a path under /proc. */
async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeDirs(parent);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/**
 * Takes the index lock (`${indexDir}.lock`, held by proper-lockfile: its mtime is refreshed while
 * held, so a lock whose holder died goes stale after LOCK_STALE_MS, on this host or another one
 * sharing the volume). Waits while a live process holds it. Resolves to the release function.
 */
export async function lockIndex(indexDir: string): Promise<() => Promise<void>> {
  const lockfilePath = `${indexDir}.lock`;
  // The builds folder beside the lock: creating it first turns an unusable INDEX_DIR into one clear error.
  try {
    await makeDirs(buildsDir(indexDir));
  } catch (error) {
    throw new IndexLocationError(indexDir, buildsDir(indexDir), error as NodeJS.ErrnoException);
  }
  const started = Date.now();
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    try {
      const release = await lockfile.lock(indexDir, {
        lockfilePath,
        // INDEX_DIR is a symlink that moves and may not exist yet: lock the name, not what it points at.
        realpath: false,
        stale: LOCK_STALE_MS,
        // A holder whose event loop stalled past the stale time may lose the lock; what it guards tolerates that, so warn rather than crash.
        onCompromised: (error) => process.emitWarning(`Lost the index lock ${lockfilePath}: ${error.message}`),
      });
      return () => release().catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`Could not lock ${lockfilePath}: another process has held it for ${LOCK_WAIT_MS / 1000} s`);
      await sleep(delay);
    }
  }
}

async function withIndexLock<T>(indexDir: string, fn: () => Promise<T>): Promise<T> {
  const release = await lockIndex(indexDir);
  try {
    return await fn();
  } finally {
    await release();
  }
}

/** A process's start time from /proc (Linux), or null where there is none. */
function processStart(pid: number): string | null {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not. Start time is field 22.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote `owner` still runs on this host: alive, and not another process that reused its pid. */
function ownerAlive(owner: BuildOwner): boolean {
  if (!processAlive(owner.pid)) return false;
  if (owner.pid === process.pid) return true;
  const now = processStart(owner.pid);
  return owner.processStart === undefined || owner.processStart === null || now === null || now === owner.processStart;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const exists = (file: string) => lstat(file).then(
  () => true,
  () => false,
);

/** Where the index link points now, or null when there is no index. */
async function currentBuild(indexDir: string): Promise<string | null> {
  const link = await lstat(indexDir).catch(() => null);
  if (!link) return null;
  return link.isSymbolicLink() ? path.resolve(path.dirname(indexDir), await readlink(indexDir)) : indexDir;
}

type BuildState = 'current' | 'published' | 'expired' | 'running' | 'abandoned';

/** What each build folder is; a build folder vanishing meanwhile (another cleanup) is skipped. */
async function surveyBuilds(indexDir: string): Promise<Array<{ dir: string; state: BuildState; owner: BuildOwner | null }>> {
  const current = await currentBuild(indexDir);
  const survey: Array<{ dir: string; state: BuildState; owner: BuildOwner | null }> = [];
  for (const entry of await readdir(buildsDir(indexDir)).catch(() => [])) {
    const dir = path.join(buildsDir(indexDir), entry);
    const ownerFile = path.join(dir, OWNER_FILE);
    const owner = await readFile(ownerFile, 'utf8').then((text) => JSON.parse(text) as BuildOwner, () => null);
    if (dir === current) {
      survey.push({ dir, state: 'current', owner });
    } else if (await exists(path.join(dir, FILES.manifest))) {
      const superseded = await lstat(path.join(dir, SUPERSEDED_FILE)).catch(() => null);
      // A finished build that was never marked (it lost a publishing race, or predates the mark) starts its grace period now.
      if (!superseded) await writeFile(path.join(dir, SUPERSEDED_FILE), new Date().toISOString()).catch(() => undefined);
      const expired = superseded !== null && Date.now() - superseded.mtimeMs > SUPERSEDED_GRACE_MS;
      survey.push({ dir, state: expired ? 'expired' : 'published', owner });
    } else {
      const stat = (await lstat(ownerFile).catch(() => null)) ?? (await lstat(dir).catch(() => null));
      if (!stat) continue;
      let abandoned: boolean;
      if (owner?.hostname === hostname()) {
        // This host's processes can be asked directly; our own pid is a previous incarnation unless we are writing the folder.
        abandoned = !ownerAlive(owner) || (owner.pid === process.pid && !ownBuilds.has(dir));
      } else {
        abandoned = Date.now() - stat.mtimeMs > FOREIGN_BUILD_TIMEOUT_MS;
      }
      survey.push({ dir, state: abandoned ? 'abandoned' : 'running', owner });
    }
  }
  return survey;
}

/** Removes replaced builds past their grace period and builds whose owner died; returns the owners of builds still running. Call under the lock. */
async function tidyBuilds(indexDir: string): Promise<BuildOwner[]> {
  const survey = await surveyBuilds(indexDir);
  for (const { dir, state } of survey) {
    if (state === 'expired' || state === 'abandoned') await rm(dir, { recursive: true, force: true });
  }
  return survey.filter((b) => b.state === 'running').map((b) => b.owner ?? { pid: 0, hostname: 'unknown', startedAt: '' });
}

/**
 * Points `indexDir` at a finished build by renaming a fresh symlink over it: readers see the
 * old index or the new one, never a mix. The build it replaces is marked superseded and stays
 * for SUPERSEDED_GRACE_MS, so a reader that resolved the link just before still finds its files.
 */
async function publish(indexDir: string, buildDir: string): Promise<void> {
  const link = `${indexDir}.link-${randomBytes(4).toString('hex')}`;
  await symlink(path.relative(path.dirname(indexDir), buildDir), link, 'dir');
  const existing = await lstat(indexDir).catch(() => null);
  let previous = existing?.isSymbolicLink() ? await currentBuild(indexDir) : null;
  // An index directory from before builds were versioned moves aside so the link can take its place.
  if (existing && !existing.isSymbolicLink()) {
    previous = path.join(buildsDir(indexDir), `legacy-${Date.now()}`);
    await rename(indexDir, previous);
  }
  await rename(link, indexDir);
  if (previous) await writeFile(path.join(previous, SUPERSEDED_FILE), new Date().toISOString()).catch(() => undefined);
}

type StartDecision = { dir: string; reason: IndexState | 'requested' } | { fresh: true } | { waitFor: BuildOwner[] };

interface StaleOnly {
  corpusDir: string;
  embedder: Embedder;
  /** What the caller found before: while no other build has published since, it still holds, and the corpus need not be hashed again. */
  seen: { builtAt: string | null; state: IndexState };
  onWait: (running: BuildOwner[]) => void;
  onStart: (reason: IndexState) => void;
}

/**
 * Makes this build's folder, recording its owner, under the lock. With `staleOnly`, waits instead
 * while another live build runs, then builds only if the index is still not fresh (null if it is).
 */
async function startBuild(indexDir: string, staleOnly?: StaleOnly): Promise<string | null> {
  for (let waited = false; ; waited = true) {
    const decision = await withIndexLock<StartDecision>(indexDir, async () => {
      const running = await tidyBuilds(indexDir);
      let reason: IndexState | 'requested' = 'requested';
      if (staleOnly) {
        if (running.length > 0) return { waitFor: running };
        const unchanged = ((await readManifest(indexDir))?.builtAt ?? null) === staleOnly.seen.builtAt;
        reason = unchanged ? staleOnly.seen.state : await checkIndex(staleOnly.corpusDir, indexDir, staleOnly.embedder);
        if (reason === 'fresh') return { fresh: true };
      }
      const startedAt = new Date().toISOString();
      const dir = path.join(buildsDir(indexDir), `${startedAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`);
      try {
        await mkdir(dir);
      } catch (error) {
        throw new IndexLocationError(indexDir, dir, error as NodeJS.ErrnoException);
      }
      ownBuilds.add(dir);
      const owner: BuildOwner = { pid: process.pid, hostname: hostname(), startedAt, processStart: processStart(process.pid) };
      await writeFile(path.join(dir, OWNER_FILE), JSON.stringify(owner));
      return { dir, reason };
    });
    if ('dir' in decision) {
      if (staleOnly && decision.reason !== 'requested') staleOnly.onStart(decision.reason);
      return decision.dir;
    }
    if ('fresh' in decision) return null;
    if (!waited) staleOnly?.onWait(decision.waitFor);
    await sleep(WAIT_POLL_MS);
  }
}

/**
 * Builds the index from the corpus into a new directory and swaps it in atomically. A broken
 * document throws CorpusError before any index file is written; the live index is untouched.
 * Any number of builds may run at once; each publishes when it is done.
 */
export function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  return runBuild(options) as Promise<BuildSummary>;
}

async function runBuild(options: BuildOptions, staleOnly?: StaleOnly): Promise<BuildSummary | null> {
  const started = performance.now();
  const { corpusDir, indexDir, embedder, hnsw = DEFAULT_HNSW, batchSize = 32, onProgress } = options;
  const buildDir = await startBuild(indexDir, staleOnly);
  if (!buildDir) return null;
  // Refreshes the owner file's mtime: other hosts judge this build alive by it.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path.join(buildDir, OWNER_FILE), now, now).catch(() => undefined);
  }, HEARTBEAT_MS).unref();
  try {
    const corpus = await loadCorpus(corpusDir);
    const documents: DocumentMeta[] = corpus.documents.map(({ body: _body, ...meta }) => meta);
    const byId = new Map(documents.map((d) => [d.id, d]));
    const passages = corpus.documents.flatMap((doc) => chunkDocument(doc));
    const texts = passages.map((p) => indexedText(byId.get(p.docId) as DocumentMeta, p));

    const files = vectorFiles(buildDir);
    const previous = await previousGraph(indexDir, embedder, files.graph);
    const setAside = new SetAsideVectors(setAsideDir(indexDir));
    const sources = [previous?.stored, await setAside.read(embedder)].filter((s) => s !== null && s !== undefined);
    const { stored, reused, computed } = await embedTexts(texts, embedder, sources, batchSize, onProgress);

    const manifest: Manifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      corpusHash: corpus.hash,
      counts: { documents: documents.length, passages: passages.length },
      builtAt: new Date().toISOString(),
      buildMs: 0,
      hnsw,
      graph: { nextLabel: 0, changedSinceRebuild: 0 },
    };
    const write = (name: string, data: string) => writeFile(path.join(buildDir, name), data);
    await write(FILES.documents, JSON.stringify(documents));
    await writeFile(path.join(buildDir, FILES.passages), PassageStore.encode(passages));
    await LexicalIndex.build(texts).write(path.join(buildDir, FILES.lexical));
    await write(FILES.stats, JSON.stringify(corpusStatistics(texts)));
    await write(FILES.register, JSON.stringify(buildRegister(passages, corpus.documents)));
    await write(FILES.lexicon, JSON.stringify(corpus.lexicon));
    await writeStoredVectors(files.vectors, stored);
    const vectors = VectorIndex.build(stored, hnsw, previous);
    await vectors.write(files);
    manifest.graph = vectors.state;
    manifest.buildMs = Math.round(performance.now() - started);
    // The manifest goes last, under the lock with the swap: a folder with a manifest has been published.
    const replaced = await withIndexLock(indexDir, async () => {
      const location = await currentBuild(indexDir);
      const replacedManifest = location ? await readManifest(location) : null;
      await write(FILES.manifest, JSON.stringify(manifest, null, 2));
      await publish(indexDir, buildDir);
      ownBuilds.delete(buildDir);
      await tidyBuilds(indexDir);
      return location && replacedManifest ? { location, manifest: replacedManifest } : null;
    });
    // The replaced build stays for its grace period: time enough to keep another embedder's vectors for switching back.
    if (replaced && replaced.manifest.embedder.id !== embedder.id && replaced.manifest.graph) {
      await setAside.keep(replaced.manifest.embedder.id, vectorFiles(replaced.location).vectors).catch(() => undefined);
    }
    // This embedder's vectors now live in the published build.
    await setAside.drop(embedder.id);
    return { manifest, warnings: corpus.warnings, embeddings: { reused, computed } };
  } catch (error) {
    if (ownBuilds.delete(buildDir)) await rm(buildDir, { recursive: true, force: true });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

function vectorFiles(dir: string): VectorFiles {
  return { graph: path.join(dir, FILES.hnsw), labels: path.join(dir, FILES.labels), vectors: path.join(dir, FILES.vectors) };
}

/**
 * The live build's vectors and graph when they are of this embedder, so a build embeds and links
 * only the passages that changed. Its graph is copied into the new build first: the live build may
 * be replaced and removed while this one is still embedding.
 */
async function previousGraph(indexDir: string, embedder: Embedder, graphCopy: string): Promise<PreviousGraph | null> {
  const location = await currentBuild(indexDir);
  const manifest = location ? await readManifest(location) : null;
  if (!location || !manifest?.graph || manifest.embedder.id !== embedder.id || manifest.embedder.dimensions !== embedder.dimensions) return null;
  const files = vectorFiles(location);
  try {
    const stored = await readStoredVectors(files.vectors, embedder);
    const labels = await readLabels(files.labels);
    if (!stored || labels.length !== stored.count) return null;
    await copyFile(files.graph, graphCopy);
    return { files: { ...files, graph: graphCopy }, params: manifest.hnsw, state: manifest.graph, stored, labels };
  } catch {
    return null;
  }
}

export async function readManifest(indexDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(indexDir, FILES.manifest), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

// Beside the index: the corpus hash whose build failed last, and why.
const FAILED_BUILD_FILE = 'failed-build.json';

async function readFailedBuild(indexDir: string): Promise<{ corpusHash: string; message: string } | null> {
  try {
    return JSON.parse(await readFile(path.join(indexDir, FAILED_BUILD_FILE), 'utf8')) as { corpusHash: string; message: string };
  } catch {
    return null;
  }
}

export type IndexState = 'fresh' | 'missing' | 'corpus-changed' | 'embedder-changed' | 'format-changed';

// Why an index is rebuilt, as a log line says it.
const WHY_REBUILT: Record<IndexState, string> = {
  fresh: 'the index is up to date',
  missing: 'no index is built yet',
  'corpus-changed': 'the corpus changed since the index was built',
  'embedder-changed': 'the index was built with another embedder',
  'format-changed': 'the index was built by another version of Cử tri hỏi',
};

/** Whether the index at `indexDir` can answer for this corpus with this embedder. */
export async function checkIndex(corpusDir: string, indexDir: string, embedder: Embedder): Promise<IndexState> {
  return (await indexState(corpusDir, indexDir, embedder)).state;
}

/** The index's state, and the corpus hash when it was read to find it (so a caller need not hash the corpus again). */
async function indexState(corpusDir: string, indexDir: string, embedder: Embedder): Promise<{ state: IndexState; corpusHash: string | null }> {
  const manifest = await readManifest(indexDir);
  if (!manifest) return { state: 'missing', corpusHash: null };
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return { state: 'format-changed', corpusHash: null };
  if (manifest.embedder.id !== embedder.id || manifest.embedder.dimensions !== embedder.dimensions) return { state: 'embedder-changed', corpusHash: null };
  const corpusHash = await hashCorpus(corpusDir);
  return { state: manifest.corpusHash === corpusHash ? 'fresh' : 'corpus-changed', corpusHash };
}

/** A loaded, read-only index: what the search stage queries. */
export class CorpusIndex {
  private readonly documentsById: Map<string, DocumentMeta>;
  private words: Map<string, number> | undefined;
  private readonly entriesByKey = new Map<string, RegisterEntry[]>();
  private articlesByDocument: Map<string, Map<string, number[]>> | null = null;
  private kindOfPassage: Uint8Array | null = null;
  private rangeOfDocument: Map<string, { from: number; to: number }> | null = null;

  constructor(
    readonly manifest: Manifest,
    readonly location: string,
    documents: DocumentMeta[],
    private readonly store: PassageStore,
    readonly lexicon: Lexicon,
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorIndex,
    private readonly stats: CorpusStatistics,
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

  /** Passage i, decoded from the compact store on each call. */
  passage(i: number): Passage | undefined {
    return this.store.at(i);
  }

  /** Every passage, decoded: for tests and tools, not for answering. */
  get passages(): Passage[] {
    return Array.from({ length: this.store.length }, (_, i) => this.store.at(i) as Passage);
  }

  /** The document passage i belongs to, without decoding the passage. */
  documentOf(i: number): DocumentMeta | undefined {
    return i >= 0 && i < this.store.length ? this.documentsById.get(this.store.docId(i)) : undefined;
  }

  /** A law document's passages by article number ("69" → its passages in order); empty for other documents. */
  lawArticles(docId: string): Map<string, number[]> {
    if (!this.articlesByDocument) {
      this.articlesByDocument = new Map();
      for (let i = 0; i < this.store.length; i++) {
        const article = this.store.article(i);
        if (article === null) continue;
        const docId = this.store.docId(i);
        const articles = this.articlesByDocument.get(docId) ?? new Map<string, number[]>();
        const passages = articles.get(article);
        if (passages) passages.push(i);
        else articles.set(article, [i]);
        this.articlesByDocument.set(docId, articles);
      }
    }
    return this.articlesByDocument.get(docId) ?? new Map();
  }

  lexicalSearch(query: LexicalQuery, limit: number): LexicalHit[] {
    return this.lexical.query(query, limit);
  }

  /** The best `limit` passages of each kind of document (law, guidance, news, directive). */
  lexicalSearchByKind(query: LexicalQuery, limit: number): LexicalHit[] {
    if (!this.kindOfPassage) {
      const kinds = new Map<string, number>();
      this.kindOfPassage = Uint8Array.from({ length: this.store.length }, (_, i) => {
        const kind = this.documentOf(i)?.kind ?? '';
        if (!kinds.has(kind)) kinds.set(kind, kinds.size);
        return kinds.get(kind) as number;
      });
    }
    return this.lexical.queryByGroup(query, limit, this.kindOfPassage);
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

  /** Whether a passage is indexed under a term, as `indexedTerms(passage).has(term)` answers, but read from the lexical index's postings: nothing is extracted. */
  passageHas(passage: number, term: string): boolean {
    return this.lexical.contains(passage, term);
  }

  /** The passages indexed under a diacritic-free word or word pair, in increasing order. */
  passagesWith(term: string): Int32Array {
    return this.lexical.passagesWith(term);
  }

  /** Diacritic-free words and word pairs a passage is indexed under (its text, title, place and section), and its words as written, marked "=". */
  indexedTerms(passage: number): Set<string> {
    const p = this.store.at(passage) as Passage;
    const { exact, folded, bigrams } = passageTerms(indexedText(this.documentsById.get(p.docId) as DocumentMeta, p));
    // Words with their diacritics too, marked "=", for questions typed with them.
    return new Set([...folded, ...bigrams, ...exact.map((w) => `=${w}`)]);
  }

  /** Whether any passage of a document is indexed under a term: a build stores each document's passages together, in order. */
  documentHas(docId: string, term: string): boolean {
    if (!this.rangeOfDocument) {
      this.rangeOfDocument = new Map();
      for (let i = 0; i < this.store.length; i++) {
        const id = this.store.docId(i);
        const range = this.rangeOfDocument.get(id);
        if (range && range.to !== i) throw new Error(`index ${this.location}: the passages of ${id} are not stored together; rebuild it`);
        if (range) range.to = i + 1;
        else this.rangeOfDocument.set(id, { from: i, to: i + 1 });
      }
    }
    const range = this.rangeOfDocument.get(docId);
    return range !== undefined && this.lexical.containsIn(term, range.from, range.to);
  }

  get passageCount(): number {
    return this.stats.passages;
  }

  setEfSearch(ef: number): void {
    this.vectors.setEf(ef);
  }

  /** Every word of the corpus as spelt (lower-case), with how often it is written. */
  get vocabulary(): Map<string, number> {
    return (this.words ??= new Map(Object.entries(this.stats.words)));
  }

  /** Passages containing a diacritic-free word or word pair ("a_b"). */
  documentFrequency(term: string): number {
    return this.lexical.documentFrequency(term);
  }

  /** Register entries for an exact key ("3-ct/tu") or a short key ("ct 3", which may name several documents). */
  lookupReference(key: string): RegisterEntry[] {
    return this.entriesByKey.get(key) ?? [];
  }
}

/**
 * Loads the build INDEX_DIR points at. Its folder is resolved once so every file comes from the
 * same build; should that build be removed mid-read (a reader slower than the grace period), the
 * link has moved on and the newer build is loaded instead.
 */
export async function loadIndex(indexDir: string): Promise<CorpusIndex> {
  for (let attempt = 1; ; attempt++) {
    const location = await currentBuild(indexDir);
    if (!location) throw new Error(`No index at ${indexDir}: run "npm run reindex" first`);
    try {
      return await loadBuild(indexDir, location);
    } catch (error) {
      if (attempt >= 5 || (await currentBuild(indexDir)) === location) throw error;
    }
  }
}

async function loadBuild(indexDir: string, location: string): Promise<CorpusIndex> {
  const manifest = await readManifest(location);
  if (!manifest) throw new Error(`The index at ${indexDir} is incomplete: run "npm run reindex"`);
  const read = async (name: string) => readFile(path.join(location, name), 'utf8');
  const json = async <T>(name: string) => JSON.parse(await read(name)) as T;
  return new CorpusIndex(
    manifest,
    location,
    await json<DocumentMeta[]>(FILES.documents),
    PassageStore.decode(await readFile(path.join(location, FILES.passages))),
    { ...EMPTY_LEXICON, ...(await json<Partial<Lexicon>>(FILES.lexicon)) },
    await LexicalIndex.read(path.join(location, FILES.lexical)),
    await VectorIndex.read(vectorFiles(location), manifest.embedder, manifest.hnsw.efSearch, manifest.graph),
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
 * embedder. While another live process is building, it waits for that build and builds only if
 * the index is still not fresh. When only the corpus changed and the new build fails (a broken
 * file), the previous index keeps answering and the error is logged.
 */
export async function openIndex(options: OpenIndexOptions): Promise<CorpusIndex> {
  const { corpusDir, indexDir, embedder, logger } = options;
  const builtAt = (await readManifest(indexDir))?.builtAt ?? null;
  const { state, corpusHash } = await indexState(corpusDir, indexDir, embedder);
  // A corpus that failed to build is reported once: until it changes again, the previous index answers quietly.
  const failed = state === 'corpus-changed' ? await readFailedBuild(indexDir) : null;
  if (failed && failed.corpusHash === corpusHash) {
    logger.debug({ indexDir, error: failed.message }, 'corpus unchanged since its build failed; answering from the previous index');
  } else if (state !== 'fresh') {
    try {
      const summary = await runBuild(options, {
        corpusDir,
        embedder,
        seen: { builtAt, state },
        onWait: (running) =>
          logger.info({ indexDir, reason: state, builds: running }, `${WHY_REBUILT[state]}: waiting for the build in progress (pid ${running[0]?.pid} on ${running[0]?.hostname}) to finish`),
        onStart: (reason) => logger.info({ indexDir, reason, embedder: embedder.id }, `${WHY_REBUILT[reason]}: building the index before answering`),
      });
      if (summary) {
        for (const warning of summary.warnings) logger.warn(warning);
        logger.info({ ...summary.manifest.counts, buildMs: summary.manifest.buildMs }, 'index built');
      } else {
        logger.info({ indexDir }, 'another process built the index meanwhile: answering from it');
      }
    } catch (error) {
      if (state !== 'corpus-changed' || !corpusHash) throw error;
      const message = (error as Error).message;
      await writeFile(path.join(indexDir, FAILED_BUILD_FILE), JSON.stringify({ corpusHash, message })).catch(() => undefined);
      logger.error({ err: error }, `rebuild failed: ${message}; answering from the previous index until the corpus changes`);
    }
  }
  return loadIndex(indexDir);
}
