import { loadIndex, LocalEmbedder } from '../src/index/index.ts';
import { analyzeQuery } from '../src/search/query.ts';
const index = await loadIndex(process.argv[2] as string);
const e = new LocalEmbedder();
const qs = ['Luật 83/2025/QH15 sửa đổi những gì?', 'Chỉ thị 05 của Bộ Chính trị nói về điều gì?'];
for (let round = 0; round < 3; round++) for (const q of qs) {
  let t = performance.now(); const lap = () => { const d = performance.now() - t; t = performance.now(); return d.toFixed(1); };
  const query = analyzeQuery(q, index.lexicon); const a = lap();
  const lex = index.lexicalSearch(query.lexical, 40); const b = lap();
  const v = await e.embedQuery(query.embedText); const c = lap();
  const vs = index.vectorSearch(v, 40); const d = lap();
  const cands = new Set([...lex.map((h) => h.passage), ...vs.map((h) => h.passage)]);
  for (const p of cands) { index.indexedTerms(p); } const f = lap();
  for (const p of cands) { index.similarity(p, v); } const g = lap();
  const m = query.refs.map((r) => index.passagesMentioning(r.key ?? r.shortKey).length);
  if (round === 2) console.log(q.slice(0, 30), { analyze: a, lexical: b, embed: c, hnsw: d, terms: f, sim: g, cands: cands.size, mentions: m, lexTerms: query.lexical.folded.length + query.lexical.exact.length + query.lexical.bigrams.length });
}
