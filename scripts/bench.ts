// Measures index build, load, retrieval and answer latency, HNSW recall against exact search, and a
// MiniSearch reference, on synthetic corpora recombined from the real corpus's sentences.
// With --corpus DIR, the corpora are real legal text instead: the Markdown files below DIR (e.g. ../shared/legal/phap-dien)
// imported as the legal importer does, taken in file order up to each size ("all" for every file), with questions made
// from their articles' titles.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { composeAnswer, renderText } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { chunkDocument, legalCorpusFiles, loadCorpus, parseDocument } from '../src/corpus/index.ts';
import { buildIndex, DEFAULT_HNSW, exactSearch, loadIndex, LocalEmbedder, missingModelFiles, storeVectors, TransformersEmbedder, VectorIndex, type Embedder, type HnswParams } from '../src/index/index.ts';
import { readArgs } from '../src/cli/args.ts';
import { retrieve } from '../src/search/index.ts';
import { sentences, wordCount } from '../src/text/normalize.ts';

type EmbedderName = 'local' | 'transformers';

interface BuildResult {
  passages: number;
  embedder: string;
  buildPassagesPerSec: number;
  buildPeakRssMb: number;
  /** The published index on disk, per passage, without the embedding cache. */
  diskBytesPerPassage: number;
  /** The embedding cache on disk, per passage. */
  cacheBytesPerPassage: number;
  /** Rebuilding and publishing after one document changed. */
  republishOneFileMs: number;
}

interface QueryResult {
  loadMs: number;
  retrievalP50Ms: number;
  retrievalP95Ms: number;
  answerP50Ms: number;
  answerP95Ms: number;
  recallAt10: number;
  hnswP95Ms: number;
  exactP95Ms: number;
  hnswSpeedup: number;
  minisearchP95Ms: number;
  /** Peak RSS of the process that loads the index and answers (before the exact and MiniSearch references). */
  peakRssMb: number;
}

/** With --corpus: the files of the source that hold no article, skipped. */
type SizeResult = BuildResult & QueryResult & { skippedFiles?: number };

interface SweepRow extends HnswParams {
  buildS: number;
  recallAt10: number;
  p95Ms: number;
}

const USAGE =
  'Usage: npm run bench [-- --sizes 1000,10000,100000|all] [--corpus DIR] [--embedders local,transformers] [--sweep 100000 [--sweep-m 8,16 --sweep-efc 100,200 --sweep-ef 64,128]] [--json]';
const args = readArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    embedders: { type: 'string' },
    sweep: { type: 'string' },
    'sweep-m': { type: 'string', default: '8,16,32' },
    'sweep-efc': { type: 'string', default: '100,200' },
    'sweep-ef': { type: 'string', default: '32,64,96,128,200' },
    json: { type: 'boolean', default: false },
    'child-build': { type: 'string' },
    'child-query': { type: 'string' },
    'child-sweep': { type: 'string' },
    embedder: { type: 'string', default: 'local' },
    dir: { type: 'string' },
    corpus: { type: 'string' },
  },
}, USAGE);
if (!args) process.exit();
const { values } = args;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

// A small deterministic generator, so every run builds the same synthetic corpus.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The questions a corpus is measured with: its own (real legal text) when it has them, else the eval's. */
async function questions(dir?: string): Promise<string[]> {
  const own = dir ? await readFile(path.join(dir, 'questions.json'), 'utf8').catch(() => null) : null;
  if (own) return JSON.parse(own) as string[];
  const items = JSON.parse(await readFile('tests/eval/questions.json', 'utf8')) as Array<{ question: string }>;
  return items.map((q) => q.question);
}

async function embedderFor(name: EmbedderName): Promise<Embedder> {
  if (name === 'local') return new LocalEmbedder();
  const { model, modelsDir } = loadConfig().embedding;
  return TransformersEmbedder.load({ model, modelsDir });
}

/**
 * Writes `passages` synthetic passages from the real corpus's sentences: each a paragraph of 3–5
 * sentences under its own heading, kept under the chunker's 200 words so it is exactly one passage.
 */
async function writeSyntheticCorpus(dir: string, passages: number): Promise<void> {
  const real = await loadCorpus('corpus');
  const pool = real.documents.flatMap((d) => chunkDocument(d)).flatMap((p) => sentences(p.text.replace(/\s+/g, ' '))).filter((s) => wordCount(s) <= 120);
  const next = random(passages);
  await mkdir(path.join(dir, 'news'), { recursive: true });
  const perDoc = 10;
  for (let d = 0; d * perDoc < passages; d++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < perDoc && d * perDoc + p < passages; p++) {
      const picked: string[] = [];
      let words = 0;
      for (let want = 3 + Math.floor(next() * 3); picked.length < want; ) {
        const sentence = pool[Math.floor(next() * pool.length)] as string;
        if (words + wordCount(sentence) > 190) break;
        picked.push(sentence);
        words += wordCount(sentence);
      }
      paragraphs.push(`## Mục ${p + 1}\n\n${picked.join(' ')}`);
    }
    const date = `20${10 + (d % 16)}-0${1 + (d % 9)}-1${d % 10}`;
    await writeFile(path.join(dir, 'news', `doc-${d}.md`), `---\ntitle: Tài liệu tổng hợp số ${d}\nkind: news\ndate: ${date}\n---\n${paragraphs.join('\n\n')}\n`);
  }
}

/** Bytes of the files below `dir` (symbolic links not followed). */
async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function measureBuild(dir: string, embedderName: EmbedderName): Promise<BuildResult> {
  const embedder = await embedderFor(embedderName);
  const corpusDir = path.join(dir, 'corpus');
  const indexDir = path.join(dir, 'index', embedderName);
  const { manifest } = await buildIndex({ corpusDir, indexDir, embedder, batchSize: 256 });
  const buildPeakRssMb = peakRssMb();
  const passages = manifest.counts.passages;
  const diskBytesPerPassage = Math.round((await diskBytes(`${indexDir}.builds`)) / passages);
  const cacheBytesPerPassage = Math.round((await diskBytes(`${indexDir}.embeddings`)) / passages);
  // One document changed (a sentence added to its last passage): rebuilt and published again.
  const [changed] = (await readdir(corpusDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.md'));
  if (!changed) throw new Error('the benchmark corpus holds no document');
  const file = path.join(changed.parentPath, changed.name);
  await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()} Câu thêm để đo việc lập lại chỉ mục.\n`);
  const started = performance.now();
  await buildIndex({ corpusDir, indexDir, embedder, batchSize: 256 });
  return {
    passages,
    embedder: manifest.embedder.id,
    buildPassagesPerSec: Math.round(passages / (manifest.buildMs / 1000)),
    buildPeakRssMb,
    diskBytesPerPassage,
    cacheBytesPerPassage,
    republishOneFileMs: Math.round(performance.now() - started),
  };
}

async function measureQueries(dir: string, embedderName: EmbedderName): Promise<QueryResult> {
  const embedder = await embedderFor(embedderName);
  let started = performance.now();
  const index = await loadIndex(path.join(dir, 'index', embedderName));
  const loadMs = performance.now() - started;

  const qs = await questions(dir);
  const retrievalMs: number[] = [];
  const answerMs: number[] = [];
  // Every question twice: the first round warms the JIT and the per-passage term cache.
  for (const [round, q] of [...qs.map((q) => [0, q] as const), ...qs.map((q) => [1, q] as const)]) {
    started = performance.now();
    const retrieval = await retrieve(index, embedder, q);
    const retrieved = performance.now() - started;
    renderText(composeAnswer(retrieval));
    if (round === 1) {
      retrievalMs.push(retrieved);
      answerMs.push(performance.now() - started);
    }
  }
  const servingRss = peakRssMb();

  const vectors = index.passageVectors;
  let hits = 0;
  const hnswMs: number[] = [];
  const exactMs: number[] = [];
  for (const q of qs) {
    const vector = await embedder.embedQuery(q);
    started = performance.now();
    const approx = index.vectorSearch(vector, 10);
    hnswMs.push(performance.now() - started);
    started = performance.now();
    const exact = exactSearch(vectors, vector, 10);
    exactMs.push(performance.now() - started);
    const truth = new Set(exact.map((h) => h.passage));
    hits += approx.filter((h) => truth.has(h.passage)).length / Math.max(1, truth.size);
  }

  // MiniSearch with its defaults over the same passages: the off-the-shelf reference point.
  const mini = new MiniSearch({ fields: ['text'] });
  mini.addAll(Array.from({ length: index.passageCount }, (_, id) => ({ id, text: index.passage(id)?.text ?? '' })));
  const miniMs: number[] = [];
  for (const q of qs) {
    started = performance.now();
    mini.search(q);
    miniMs.push(performance.now() - started);
  }

  return {
    loadMs: round(loadMs, 0),
    retrievalP50Ms: round(percentile(retrievalMs, 50)),
    retrievalP95Ms: round(percentile(retrievalMs, 95)),
    answerP50Ms: round(percentile(answerMs, 50)),
    answerP95Ms: round(percentile(answerMs, 95)),
    recallAt10: round(hits / qs.length, 3),
    hnswP95Ms: round(percentile(hnswMs, 95)),
    exactP95Ms: round(percentile(exactMs, 95)),
    hnswSpeedup: round(percentile(exactMs, 50) / Math.max(1e-6, percentile(hnswMs, 50)), 0),
    minisearchP95Ms: round(percentile(miniMs, 95)),
    peakRssMb: servingRss,
  };
}

/** HNSW graphs over the same vectors with other parameters: build time, recall@10 and p95 per setting. */
async function measureSweep(dir: string, grid: { m: number[]; efc: number[]; ef: number[] }): Promise<SweepRow[]> {
  const embedder = new LocalEmbedder();
  const index = await loadIndex(path.join(dir, 'index', 'local'));
  const vectors = index.passageVectors;
  const qs = await Promise.all((await questions()).map((q) => embedder.embedQuery(q)));
  const truth = qs.map((q) => new Set(exactSearch(vectors, q, 10).map((h) => h.passage)));
  const stored = storeVectors(embedder, vectors);
  const rows: SweepRow[] = [];
  for (const m of grid.m) {
    for (const efConstruction of grid.efc) {
      let started = performance.now();
      const graph = VectorIndex.build(stored, { m, efConstruction, efSearch: 10 });
      const buildS = round((performance.now() - started) / 1000, 1);
      for (const efSearch of grid.ef) {
        graph.setEf(efSearch);
        const ms: number[] = [];
        let hits = 0;
        qs.forEach((q, i) => {
          started = performance.now();
          const found = graph.search(q, 10);
          ms.push(performance.now() - started);
          hits += found.filter((h) => truth[i]?.has(h.passage)).length / 10;
        });
        rows.push({ m, efConstruction, efSearch, buildS, recallAt10: round(hits / qs.length, 3), p95Ms: round(percentile(ms, 95)) });
      }
    }
  }
  return rows;
}

/** Rebuilding the shipped corpus when nothing changed: every vector comes from the cache. */
async function reindexUnchangedMs(): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cu-tri-hoi-bench-'));
  try {
    const options = { corpusDir: 'corpus', indexDir: path.join(dir, 'index'), embedder: new LocalEmbedder() };
    await buildIndex(options);
    const started = performance.now();
    await buildIndex(options);
    return Math.round(performance.now() - started);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs this script in a child process (one per step, so memory and JIT state do not carry over) and parses its JSON. */
function child<T>(args: string[]): T {
  const run = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', 'scripts/bench.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`benchmark step ${args.join(' ')} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

async function availableEmbedders(): Promise<{ names: EmbedderName[]; skipped: string | null }> {
  if (values.embedders) return { names: values.embedders.split(',') as EmbedderName[], skipped: null };
  const { model, modelsDir } = loadConfig().embedding;
  const missing = await missingModelFiles(modelsDir, model);
  if (missing.length === 0) return { names: ['local', 'transformers'], skipped: null };
  return { names: ['local'], skipped: `transformers: skipped, the files of ${model} are not in ${modelsDir} (npm run model:download)` };
}

const log = (line: string) => values.json || process.stderr.write(`${line}\n`);

function printSizes(results: SizeResult[]) {
  const columns: Array<[keyof SizeResult, string]> = [
    ['passages', 'passages'],
    ['buildPassagesPerSec', 'build/s'],
    ['loadMs', 'load ms'],
    ['retrievalP50Ms', 'retr p50'],
    ['retrievalP95Ms', 'retr p95'],
    ['answerP50Ms', 'ans p50'],
    ['answerP95Ms', 'ans p95'],
    ['recallAt10', 'recall@10'],
    ['hnswP95Ms', 'hnsw p95'],
    ['exactP95Ms', 'exact p95'],
    ['hnswSpeedup', 'speed-up'],
    ['minisearchP95Ms', 'minisrch p95'],
    ['peakRssMb', 'RSS MB'],
    ['buildPeakRssMb', 'build RSS'],
    ['diskBytesPerPassage', 'disk B/psg'],
    ['cacheBytesPerPassage', 'cache B/psg'],
    ['republishOneFileMs', 'republish ms'],
  ];
  const width = Math.max(10, ...results.map((r) => r.embedder.length + 2));
  console.log(`${'embedder'.padEnd(width)}${columns.map(([, label]) => label.padStart(13)).join('')}`);
  for (const r of results) console.log(`${r.embedder.padEnd(width)}${columns.map(([key]) => String(r[key]).padStart(13)).join('')}`);
}

function printSweep(rows: SweepRow[]) {
  console.log(`${['M', 'efConstr', 'build s', 'efSearch', 'recall@10', 'p95 ms'].map((h) => h.padStart(10)).join('')}`);
  for (const r of rows) console.log([r.m, r.efConstruction, r.buildS, r.efSearch, r.recallAt10, r.p95Ms].map((v) => String(v).padStart(10)).join(''));
}

/**
 * Writes the legal texts below `source` as corpus files (as `npm run import-law` would), in file
 * order, until they hold `passages` passages; files without articles are skipped and counted. Also
 * writes 200 questions made from the titles of articles spread over what was written.
 */
async function writeLegalCorpus(dir: string, source: string, passages: number): Promise<{ passages: number; skipped: number }> {
  const files = (await readdir(source, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  let written = 0;
  let skipped = 0;
  const titles: string[] = [];
  for (const file of files) {
    if (written >= passages) break;
    let imported: ReturnType<typeof legalCorpusFiles>;
    try {
      imported = legalCorpusFiles(path.basename(file), await readFile(file, 'utf8'), { folder: 'law' });
    } catch {
      skipped++;
      continue;
    }
    for (const { file: name, source: text } of imported) {
      const target = path.join(dir, 'corpus', name);
      // Two texts of one document number (an amended and a consolidated version) keep both.
      const unique = (await stat(target).catch(() => null)) ? target.replace(/\.md$/, `-${written}.md`) : target;
      await mkdir(path.dirname(unique), { recursive: true });
      await writeFile(unique, text);
      const { document } = parseDocument(path.relative(path.join(dir, 'corpus'), unique), text);
      const chunks = chunkDocument(document);
      written += chunks.length;
      for (const p of chunks) if (p.law?.title) titles.push(`${p.law.title} được quy định thế nào?`);
    }
  }
  const step = Math.max(1, Math.floor(titles.length / 200));
  await writeFile(path.join(dir, 'questions.json'), JSON.stringify(titles.filter((_, i) => i % step === 0).slice(0, 200)));
  return { passages: written, skipped };
}

async function withCorpus<T>(passages: number, fn: (dir: string, skippedFiles?: number) => T | Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cu-tri-hoi-bench-'));
  try {
    if (!values.corpus) {
      await writeSyntheticCorpus(path.join(dir, 'corpus'), passages);
      return await fn(dir);
    }
    const { passages: written, skipped } = await writeLegalCorpus(dir, values.corpus, passages);
    log(`${values.corpus}: ${written} passages written, ${skipped} files without articles skipped`);
    return await fn(dir, skipped);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (values['child-build']) {
  process.stdout.write(JSON.stringify(await measureBuild(values['child-build'], values.embedder as EmbedderName)));
} else if (values['child-query']) {
  process.stdout.write(JSON.stringify(await measureQueries(values['child-query'], values.embedder as EmbedderName)));
} else if (values['child-sweep']) {
  const list = (text: string) => text.split(',').map(Number);
  process.stdout.write(JSON.stringify(await measureSweep(values['child-sweep'], { m: list(values['sweep-m']), efc: list(values['sweep-efc']), ef: list(values['sweep-ef']) })));
} else {
  const sizes = (values.sizes as string).split(',').map((s) => (s.trim() === 'all' ? Number.POSITIVE_INFINITY : Number.parseInt(s, 10))).filter((n) => n > 0);
  const { names, skipped } = await availableEmbedders();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    await withCorpus(size, (dir, skippedFiles) => {
      for (const embedder of names) {
        log(`${Number.isFinite(size) ? size : 'all'} passages, ${embedder} embedder: building…`);
        const built = child<BuildResult>(['--child-build', dir, '--embedder', embedder]);
        log(`${Number.isFinite(size) ? size : 'all'} passages, ${embedder} embedder: querying…`);
        results.push({ ...built, ...child<QueryResult>(['--child-query', dir, '--embedder', embedder]), ...(skippedFiles === undefined ? {} : { skippedFiles }) });
      }
    });
  }
  let sweep: { passages: number; rows: SweepRow[] } | undefined;
  if (values.sweep) {
    const passages = Number.parseInt(values.sweep, 10);
    log(`HNSW parameter sweep at ${passages} passages…`);
    sweep = await withCorpus(passages, (dir) => {
      child<BuildResult>(['--child-build', dir, '--embedder', 'local']);
      const grid = ['--sweep-m', values['sweep-m'], '--sweep-efc', values['sweep-efc'], '--sweep-ef', values['sweep-ef']];
      return { passages, rows: child<SweepRow[]>(['--child-sweep', dir, ...grid]) };
    });
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  const command = ['npm run bench --', `--sizes ${values.sizes}`, values.corpus ? `--corpus ${values.corpus}` : '', values.embedders ? `--embedders ${values.embedders}` : '', values.sweep ? `--sweep ${values.sweep} --sweep-m ${values['sweep-m']} --sweep-efc ${values['sweep-efc']} --sweep-ef ${values['sweep-ef']}` : ''].filter(Boolean).join(' ');
  const report = { machine, command, hnsw: DEFAULT_HNSW, reindexUnchangedMs: await reindexUnchangedMs(), results, ...(sweep ? { sweep } : {}) };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`${machine}\n${command}\nHNSW M=${DEFAULT_HNSW.m} efConstruction=${DEFAULT_HNSW.efConstruction} efSearch=${DEFAULT_HNSW.efSearch}`);
    console.log(`reindex of the unchanged shipped corpus: ${report.reindexUnchangedMs} ms${skipped ? `\n${skipped}` : ''}\n`);
    printSizes(results);
    console.log(
      `\nLatencies in ms over ${values.corpus ? "200 questions made from the texts' article titles" : 'the eval questions'} (second of two rounds); recall of HNSW top-10 against an exact scan; RSS MB is the answering process; disk and cache bytes per passage; republish: one document changed, rebuilt and published.`,
    );
    if (sweep) {
      console.log(`\nHNSW parameters at ${sweep.passages} passages (local embedder):`);
      printSweep(sweep.rows);
    }
  }
}
