// Measures index build, load, retrieval and answer latency, HNSW recall against exact search, and a
// MiniSearch reference, on synthetic corpora recombined from the real corpus's sentences.
// Usage: npm run bench [-- --sizes 1000,10000,100000] [--json]
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { composeAnswer, renderText } from '../src/answer/index.ts';
import { chunkDocument, loadCorpus } from '../src/corpus/index.ts';
import { buildIndex, exactSearch, loadIndex, LocalEmbedder } from '../src/index/index.ts';
import { retrieve } from '../src/search/index.ts';
import { sentences } from '../src/text/normalize.ts';

interface SizeResult {
  passages: number;
  embedder: string;
  buildPassagesPerSec: number;
  loadMs: number;
  retrievalP50Ms: number;
  retrievalP95Ms: number;
  answerP50Ms: number;
  answerP95Ms: number;
  recallAt10: number;
  hnswP95Ms: number;
  exactP95Ms: number;
  minisearchP95Ms: number;
  peakRssMb: number;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

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

/** Writes `passages` synthetic passages as corpus files of ten paragraphs each, from the real corpus's sentences. */
async function writeSyntheticCorpus(dir: string, passages: number): Promise<void> {
  const real = await loadCorpus('corpus');
  const pool = real.documents.flatMap((d) => chunkDocument(d)).flatMap((p) => sentences(p.text));
  const next = random(passages);
  const pick = () => pool[Math.floor(next() * pool.length)] as string;
  await mkdir(path.join(dir, 'news'), { recursive: true });
  const perDoc = 10;
  for (let d = 0; d * perDoc < passages; d++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < perDoc && d * perDoc + p < passages; p++) {
      // 3–5 sentences make a paragraph of roughly 60–200 words: one passage.
      paragraphs.push(`## Mục ${p + 1}\n\n${Array.from({ length: 3 + Math.floor(next() * 3) }, pick).join(' ')}`);
    }
    const date = `20${10 + (d % 16)}-0${1 + (d % 9)}-1${d % 10}`;
    await writeFile(path.join(dir, 'news', `doc-${d}.md`), `---\ntitle: Tài liệu tổng hợp số ${d}\nkind: news\ndate: ${date}\n---\n${paragraphs.join('\n\n')}\n`);
  }
}

async function measureSize(passages: number): Promise<SizeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cu-tri-hoi-bench-'));
  try {
    const corpusDir = path.join(dir, 'corpus');
    const indexDir = path.join(dir, 'index');
    await writeSyntheticCorpus(corpusDir, passages);
    const embedder = new LocalEmbedder();
    const { manifest } = await buildIndex({ corpusDir, indexDir, embedder, batchSize: 256 });

    let started = performance.now();
    const index = await loadIndex(indexDir);
    const loadMs = performance.now() - started;

    const qs = await questions();
    const retrievalMs: number[] = [];
    const answerMs: number[] = [];
    for (const q of [...qs, ...qs]) {
      started = performance.now();
      const retrieval = await retrieve(index, embedder, q);
      retrievalMs.push(performance.now() - started);
      renderText(composeAnswer(retrieval));
      answerMs.push(performance.now() - started);
    }

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
      passages: manifest.counts.passages,
      embedder: manifest.embedder.id,
      buildPassagesPerSec: Math.round(manifest.counts.passages / (manifest.buildMs / 1000)),
      loadMs: round(loadMs, 0),
      retrievalP50Ms: round(percentile(retrievalMs, 50)),
      retrievalP95Ms: round(percentile(retrievalMs, 95)),
      answerP50Ms: round(percentile(answerMs, 50)),
      answerP95Ms: round(percentile(answerMs, 95)),
      recallAt10: round(hits / qs.length, 3),
      hnswP95Ms: round(percentile(hnswMs, 95)),
      exactP95Ms: round(percentile(exactMs, 95)),
      minisearchP95Ms: round(percentile(miniMs, 95)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rebuilding the shipped corpus when nothing changed. */
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

if (values.child) {
  // One size per process, so peak RSS and the JIT state of one size do not leak into the next.
  process.stdout.write(JSON.stringify(await measureSize(Number(values.child))));
} else {
  const sizes = (values.sizes as string).split(',').map((s) => Number.parseInt(s, 10)).filter((n) => n > 0);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    if (!values.json) process.stderr.write(`measuring ${size} passages…\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`benchmark at ${size} passages failed:\n${child.stderr}`);
    results.push(JSON.parse(child.stdout) as SizeResult);
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  const command = `npm run bench -- --sizes ${sizes.join(',')}`;
  const report = { machine, command, reindexUnchangedMs: await reindexUnchangedMs(), results };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`${machine}\n${command}\nreindex of the unchanged shipped corpus: ${report.reindexUnchangedMs} ms\n`);
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
      ['minisearchP95Ms', 'minisrch p95'],
      ['peakRssMb', 'RSS MB'],
    ];
    console.log(columns.map(([, label]) => label.padStart(13)).join(''));
    for (const r of results) console.log(columns.map(([key]) => String(r[key]).padStart(13)).join(''));
    console.log(`\nembedder: ${results[0]?.embedder ?? '-'}; latencies in ms over the eval questions asked twice; recall of HNSW top-10 against an exact scan.`);
  }
}
