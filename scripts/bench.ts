// Measures index build, load, retrieval and answer latency, HNSW recall against exact search, and a
// MiniSearch reference, on synthetic corpora recombined from the real corpus's sentences.
// Usage: npm run bench [-- --sizes 1000,10000,100000] [--embedders local,transformers] [--sweep 100000 [--sweep-m 8,16 --sweep-efc 100,200 --sweep-ef 64,128]] [--json]
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { composeAnswer, renderText } from '../src/answer/index.ts';
import { loadConfig } from '../src/config.ts';
import { chunkDocument, loadCorpus } from '../src/corpus/index.ts';
import { buildIndex, DEFAULT_HNSW, exactSearch, loadIndex, LocalEmbedder, missingModelFiles, TransformersEmbedder, VectorIndex, type Embedder, type HnswParams } from '../src/index/index.ts';
import { retrieve } from '../src/search/index.ts';
import { sentences, wordCount } from '../src/text/normalize.ts';

type EmbedderName = 'local' | 'transformers';

interface BuildResult {
  passages: number;
  embedder: string;
  buildPassagesPerSec: number;
  buildPeakRssMb: number;
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

type SizeResult = BuildResult & QueryResult;

interface SweepRow extends HnswParams {
  buildS: number;
  recallAt10: number;
  p95Ms: number;
}

const { values } = parseArgs({
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
  },
});

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

async function questions(): Promise<string[]> {
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

async function measureBuild(dir: string, embedderName: EmbedderName): Promise<BuildResult> {
  const embedder = await embedderFor(embedderName);
  const { manifest } = await buildIndex({ corpusDir: path.join(dir, 'corpus'), indexDir: path.join(dir, 'index', embedderName), embedder, batchSize: 256 });
  return {
    passages: manifest.counts.passages,
    embedder: manifest.embedder.id,
    buildPassagesPerSec: Math.round(manifest.counts.passages / (manifest.buildMs / 1000)),
    buildPeakRssMb: peakRssMb(),
  };
}

async function measureQueries(dir: string, embedderName: EmbedderName): Promise<QueryResult> {
  const embedder = await embedderFor(embedderName);
  let started = performance.now();
  const index = await loadIndex(path.join(dir, 'index', embedderName));
  const loadMs = performance.now() - started;

  const qs = await questions();
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
  mini.addAll(index.passages.map((p, id) => ({ id, text: p.text })));
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
  const rows: SweepRow[] = [];
  for (const m of grid.m) {
    for (const efConstruction of grid.efc) {
      let started = performance.now();
      const graph = VectorIndex.build(vectors, embedder.dimensions, { m, efConstruction, efSearch: 10 });
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
  ];
  const width = Math.max(10, ...results.map((r) => r.embedder.length + 2));
  console.log(`${'embedder'.padEnd(width)}${columns.map(([, label]) => label.padStart(13)).join('')}`);
  for (const r of results) console.log(`${r.embedder.padEnd(width)}${columns.map(([key]) => String(r[key]).padStart(13)).join('')}`);
}

function printSweep(rows: SweepRow[]) {
  console.log(`${['M', 'efConstr', 'build s', 'efSearch', 'recall@10', 'p95 ms'].map((h) => h.padStart(10)).join('')}`);
  for (const r of rows) console.log([r.m, r.efConstruction, r.buildS, r.efSearch, r.recallAt10, r.p95Ms].map((v) => String(v).padStart(10)).join(''));
}

async function withCorpus<T>(passages: number, fn: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cu-tri-hoi-bench-'));
  try {
    await writeSyntheticCorpus(path.join(dir, 'corpus'), passages);
    return await fn(dir);
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
  const sizes = (values.sizes as string).split(',').map((s) => Number.parseInt(s, 10)).filter((n) => n > 0);
  const { names, skipped } = await availableEmbedders();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    await withCorpus(size, (dir) => {
      for (const embedder of names) {
        log(`${size} passages, ${embedder} embedder: building…`);
        const built = child<BuildResult>(['--child-build', dir, '--embedder', embedder]);
        log(`${size} passages, ${embedder} embedder: querying…`);
        results.push({ ...built, ...child<QueryResult>(['--child-query', dir, '--embedder', embedder]) });
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
  const command = ['npm run bench --', `--sizes ${sizes.join(',')}`, values.embedders ? `--embedders ${values.embedders}` : '', values.sweep ? `--sweep ${values.sweep} --sweep-m ${values['sweep-m']} --sweep-efc ${values['sweep-efc']} --sweep-ef ${values['sweep-ef']}` : ''].filter(Boolean).join(' ');
  const report = { machine, command, hnsw: DEFAULT_HNSW, reindexUnchangedMs: await reindexUnchangedMs(), results, ...(sweep ? { sweep } : {}) };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`${machine}\n${command}\nHNSW M=${DEFAULT_HNSW.m} efConstruction=${DEFAULT_HNSW.efConstruction} efSearch=${DEFAULT_HNSW.efSearch}`);
    console.log(`reindex of the unchanged shipped corpus: ${report.reindexUnchangedMs} ms${skipped ? `\n${skipped}` : ''}\n`);
    printSizes(results);
    console.log('\nLatencies in ms over the eval questions (second of two rounds); recall of HNSW top-10 against an exact scan; RSS MB is the answering process.');
    if (sweep) {
      console.log(`\nHNSW parameters at ${sweep.passages} passages (local embedder):`);
      printSweep(sweep.rows);
    }
  }
}
