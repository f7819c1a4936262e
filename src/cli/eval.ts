import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAssistant } from '../assistant.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { scoreGroup, type EvalQuestion, type GroupScore, type Retrieval } from '../search/index.ts';
import { stripDiacritics } from '../text/normalize.ts';

// Every question file: the tuned-on set and the groups written apart from it (the law questions).
const EVAL_DIR = 'tests/eval';
const { values } = parseArgs({
  options: { questions: { type: 'string' }, verbose: { type: 'boolean', short: 'v', default: false } },
});
const config = loadConfig();
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const assistant = await createAssistant({ config, logger });
const files = values.questions ? [values.questions] : (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(EVAL_DIR, f));
const questions = (await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as EvalQuestion[]))).flat();

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
function row(s: GroupScore): string {
  return `${s.group.padEnd(22)} ${String(s.questions).padStart(3)}  ${pct(s.hitAt1)}  ${pct(s.hitAt3)}  ${s.mrr === null ? '  –  ' : s.mrr.toFixed(3)}  ${pct(s.refusalRate)}  ${String(s.wronglyDeclined).padStart(3)}`;
}

for (const [label, transform] of [
  ['as written', (q: string) => q],
  ['without diacritics', stripDiacritics],
] as const) {
  const results: Array<{ item: EvalQuestion; retrieval: Retrieval }> = [];
  for (const item of questions) results.push({ item, retrieval: await assistant.retrieve(transform(item.question)) });
  const groups = [...new Set(questions.map((q) => q.group))];
  const scores = groups.map((g) => scoreGroup(g, results.filter((r) => r.item.group === g)));
  const all = scoreGroup('all', results);
  console.log(`\n${label} (${questions.length} questions)`);
  console.log(`${'group'.padEnd(22)}   n   hit@1   hit@3    MRR  refused  declined-wrongly`);
  for (const s of [...scores, all]) console.log(row(s));
  if (values.verbose) for (const f of all.failures) console.log(`  - ${f}`);
}
