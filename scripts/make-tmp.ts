import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chunkDocument, loadCorpus } from '/work/main/src/corpus/index.ts';
import { buildIndex, LocalEmbedder } from '/work/main/src/index/index.ts';
import { sentences } from '/work/main/src/text/normalize.ts';
const passages = Number(process.argv[2]); const dir = process.argv[3]!;
function random(seed: number) { let s = seed >>> 0; return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; }; }
const real = await loadCorpus('/work/main/corpus');
const pool = real.documents.flatMap((d) => chunkDocument(d)).flatMap((p) => sentences(p.text));
const next = random(passages); const pick = () => pool[Math.floor(next() * pool.length)] as string;
await mkdir(path.join(dir, 'corpus', 'news'), { recursive: true });
for (let d = 0; d * 10 < passages; d++) {
  const paragraphs: string[] = [];
  for (let p = 0; p < 10 && d * 10 + p < passages; p++) paragraphs.push(`## Mục ${p + 1}\n\n${Array.from({ length: 3 + Math.floor(next() * 3) }, pick).join(' ')}`);
  const date = `20${10 + (d % 16)}-0${1 + (d % 9)}-1${d % 10}`;
  await writeFile(path.join(dir, 'corpus', 'news', `doc-${d}.md`), `---\ntitle: Tài liệu tổng hợp số ${d}\nkind: news\ndate: ${date}\n---\n${paragraphs.join('\n\n')}\n`);
}
const t = performance.now();
const s = await buildIndex({ corpusDir: path.join(dir, 'corpus'), indexDir: path.join(dir, 'index'), embedder: new LocalEmbedder(), batchSize: 256 });
console.log(s.manifest.counts, performance.now() - t, process.resourceUsage().maxRSS / 1024);
