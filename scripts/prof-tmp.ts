import { readFile } from 'node:fs/promises';
import { loadIndex, LocalEmbedder } from '../src/index/index.ts';
import { retrieve } from '../src/search/index.ts';
import { composeAnswer, renderText } from '../src/answer/index.ts';
const index = await loadIndex(process.argv[2] as string);
const e = new LocalEmbedder();
const qs = (JSON.parse(await readFile('tests/eval/questions.json', 'utf8')) as Array<{ question: string }>).map((q) => q.question);
const times: Array<[number, string]> = [];
for (const round of [0, 1]) for (const q of qs) {
  const t = performance.now();
  const r = await retrieve(index, e, q);
  renderText(composeAnswer(r));
  if (round === 1) times.push([performance.now() - t, q]);
}
times.sort((a, b) => b[0] - a[0]);
console.log(times.slice(0, 15).map(([t, q]) => `${t.toFixed(1)} ${q}`).join('\n'));
const all = times.map((t) => t[0]).sort((a, b) => a - b);
console.log('p50', all[Math.floor(all.length / 2)], 'p95', all[Math.floor(all.length * 0.95)]);
