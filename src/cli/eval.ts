import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAssistant, replayConversation, type Assistant } from '../assistant.ts';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import { composeAnswer, renderText } from '../answer/index.ts';
import { scoreGroup, type EvalQuestion, type EvalResult, type GroupScore } from '../search/index.ts';
import { stripDiacritics } from '../text/normalize.ts';
import { readArgs } from './args.ts';

// One set per file: `dev` to `dev-18` and `dev-told` are tuned on; `test`, `test-2` and `test-3` were written apart, frozen, and never tuned on.
const EVAL_DIR = 'tests/eval';
const SET_NAMES: Record<string, string> = {
  'questions.json': 'dev',
  'dev2-questions.json': 'dev-2',
  'dev3-questions.json': 'dev-3',
  'dev4-questions.json': 'dev-4',
  'dev5-questions.json': 'dev-5',
  'dev6-questions.json': 'dev-6',
  'dev7-questions.json': 'dev-7',
  'dev8-questions.json': 'dev-8',
  'dev9-questions.json': 'dev-9',
  'dev10-questions.json': 'dev-10',
  'dev11-questions.json': 'dev-11',
  'dev12-told-questions.json': 'dev-told',
  'dev13-questions.json': 'dev-13',
  'dev14-questions.json': 'dev-14',
  'dev15-questions.json': 'dev-15',
  'dev16-questions.json': 'dev-16',
  'dev17-questions.json': 'dev-17',
  'dev18-questions.json': 'dev-18',
  'test-questions.json': 'test',
  'test2-questions.json': 'test-2',
  'test3-questions.json': 'test-3',
  'law-questions.json': 'law',
  'dialogues-dev.json': 'dialogues-dev',
  'dialogues-dev2.json': 'dialogues-dev-2',
  'dialogues-dev3.json': 'dialogues-dev-3',
  'dialogues-dev4.json': 'dialogues-dev-4',
  'dialogues-dev5.json': 'dialogues-dev-5',
  'dialogues-dev6.json': 'dialogues-dev-6',
  'dialogues-test.json': 'dialogues-test',
  'examples.json': 'examples',
};

/** A conversation of a dialogue set: its turns in order, each scored like a question, grouped by its kind. */
interface EvalDialogue {
  group: string;
  turns: Array<{ message: string; kind: 'first' | 'follow-up' | 'about-answer' | 'new-topic'; expect: string[]; answer?: string }>;
}

const USAGE = `Usage: npm run eval [-- --questions FILE] [--verbose] [--embedder local|transformers]
  Scores every set in ${EVAL_DIR} (or FILE) as written and without diacritics; --verbose lists the questions missed.`;
// Every set is asked twice: as written, and as typed on a phone without a Vietnamese keyboard.
const AS_TYPED = [
  ['as written', (q: string) => q],
  ['without diacritics', stripDiacritics],
] as const;

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
function row(s: GroupScore): string {
  return `${s.group.padEnd(22)} ${String(s.questions).padStart(3)}  ${pct(s.hitAt1)}  ${pct(s.hitAt3)}  ${pct(s.rawHitAt3)}  ${s.mrr === null ? '  –  ' : s.mrr.toFixed(3)}  ${pct(s.refusalRate)}  ${String(s.wronglyDeclined).padStart(3)} (${String(s.notSure).padStart(2)} unsure)  ${pct(s.topicHit)}  ${pct(s.quoted)}  ${pct(s.quotedFirst)}`;
}

const order = (f: string) => Object.keys(SET_NAMES).indexOf(f) >>> 0;

async function main(): Promise<number> {
  const args = readArgs({ options: { questions: { type: 'string' }, verbose: { type: 'boolean', short: 'v', default: false }, embedder: { type: 'string' } } }, USAGE);
  if (!args) return process.exitCode as number;
  const { values } = args;
  // "--embedder transformers" measures the neural embedder where its model is present, as EMBEDDER would choose it.
  if (values.embedder) process.env.EMBEDDER = values.embedder;
  const config = loadConfig();
  const logger = createCliLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const assistant = await createAssistant({ config, logger });
  console.log(`embedder: ${assistant.embedder.id}`);
  const files = values.questions
    ? [values.questions]
    : (await readdir(EVAL_DIR))
        .filter((f) => f.endsWith('.json'))
        .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
        .map((f) => path.join(EVAL_DIR, f));

  for (const file of files) {
    const set = SET_NAMES[path.basename(file)] ?? path.basename(file, '.json');
    if (path.basename(file).startsWith('dialogues-')) {
      await evalDialogues(assistant, set, file, values.verbose);
      continue;
    }
    const questions = JSON.parse(await readFile(file, 'utf8')) as EvalQuestion[];
    for (const [label, transform] of AS_TYPED) {
      const results: EvalResult[] = [];
      for (const item of questions) {
        const retrieval = await assistant.retrieve(transform(item.question));
        results.push({ item, retrieval, reply: renderText(composeAnswer(retrieval, retrieval.query.language)) });
      }
      const groups = [...new Set(questions.map((q) => q.group))];
      const scores = groups.map((g) => scoreGroup(g, results.filter((r) => r.item.group === g)));
      console.log(`\n${set}, ${label} (${path.basename(file)}, ${questions.length} questions)`);
      console.log(`${'group'.padEnd(22)}   n   hit@1   hit@3  raw@3     MRR  refused  declined-wrongly  topic@1  quoted    first`);
      for (const s of [...scores, ...(groups.length > 1 ? [scoreGroup('all', results)] : [])]) console.log(row(s));
      if (values.verbose) for (const f of scoreGroup('all', results).failures) console.log(`  - ${f}`);
    }
  }
  return 0;
}

/**
 * Each conversation is asked turn by turn as a chat would ask it, once as written and once without
 * diacritics, and each turn scored like a question (hit@3, refused), grouped by kind of turn; "fresh"
 * is the share of turns the resolver read as standing alone (new-topic turns must be).
 */
async function evalDialogues(assistant: Assistant, set: string, file: string, verbose: boolean): Promise<void> {
  const dialogues = JSON.parse(await readFile(file, 'utf8')) as EvalDialogue[];
  for (const [label, transform] of AS_TYPED) {
    const results: EvalResult[] = [];
    const fresh = new Map<string, number[]>();
    for (const dialogue of dialogues) {
      for await (const [i, reply] of replayConversation(assistant, dialogue.turns.map((t) => transform(t.message)))) {
        const turn = dialogue.turns[i] as EvalDialogue['turns'][number];
        results.push({ item: { question: turn.message, expect: turn.expect, group: turn.kind, ...(turn.answer ? { answer: turn.answer } : {}) }, retrieval: reply.retrieval, reply: renderText(reply.answer) });
        fresh.set(turn.kind, [...(fresh.get(turn.kind) ?? []), reply.resolution.kind === 'fresh' ? 1 : 0]);
      }
    }
    const kinds = ['first', 'follow-up', 'about-answer', 'new-topic'].filter((k) => fresh.has(k));
    console.log(`\n${set}, ${label} (${path.basename(file)}, ${dialogues.length} conversations, ${results.length} turns)`);
    console.log(`${'turn'.padEnd(22)}   n   hit@1   hit@3  raw@3     MRR  refused  declined-wrongly  topic@1  quoted    first   fresh`);
    for (const kind of kinds) {
      const shares = fresh.get(kind) ?? [];
      console.log(`${row(scoreGroup(kind, results.filter((r) => r.item.group === kind)))}  ${pct(shares.reduce((a, b) => a + b, 0) / shares.length)}`);
    }
    console.log(row(scoreGroup('all', results)));
    if (verbose) for (const f of scoreGroup('all', results).failures) console.log(`  - ${f}`);
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
});
