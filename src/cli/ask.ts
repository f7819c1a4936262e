import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { registerItems, renderRegisterText, renderText, type Answer } from '../answer/index.ts';
import { createAssistant } from '../assistant.ts';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import type { Language } from '../search/index.ts';
import { progressBar } from './progress.ts';

const USAGE = `Usage:
  npm run ask -- "câu hỏi"                 answer as text
  npm run ask -- --lang en "question"      English templates
  npm run -s ask -- --json "câu hỏi"       one JSON object on stdout
  npm run -s ask -- --json < questions.txt one JSON object per line
  npm run ask -- --list-directives [--json] the register of document numbers in the corpus`;

/** The JSON shape promised to scripts: `text` is the plain-text rendering. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    outcome: answer.reply,
    reason: answer.reason,
    suggestions: answer.topics.map((t) => ({ label: t.label, question: t.question })),
    text: renderText(answer),
    citations: answer.citations.map((c) => ({
      n: c.n,
      docId: c.docId,
      title: c.title,
      kind: c.kind,
      issuer: c.issuer,
      publisher: c.publisher,
      date: c.date,
      url: c.url,
      article: c.article,
      number: c.number,
      passage: c.passage,
      score: c.score,
    })),
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, 'list-directives': { type: 'boolean', default: false }, lang: { type: 'string', default: 'vi' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.lang !== 'vi' && values.lang !== 'en') {
    console.error(`--lang must be "vi" or "en", not "${values.lang}"`);
    return 2;
  }
  const language = values.lang as Language;
  const question = positionals.join(' ').trim();
  const listing = values['list-directives'];
  // An empty question ("") or nothing to read gets the usage, never silence.
  if (!question && !listing && (positionals.length > 0 || process.stdin.isTTY)) {
    console.error(USAGE);
    return 2;
  }

  const config = loadConfig();
  const logger = createCliLogger(config.logLevel);
  const bar = progressBar('Building index');
  const assistant = await createAssistant({ config, logger, onProgress: bar.update });
  bar.stop();

  if (listing) {
    const items = registerItems(assistant.index, language);
    console.log(values.json ? JSON.stringify(items) : renderRegisterText(items, language));
    return 0;
  }
  // In a terminal a topic is picked by asking its question.
  const topicCommands = (answer: Answer) => answer.topics.map((t, i) => `  ${i + 1}: npm run ask -- "${t.question}"`);
  const print = (answer: Answer) => console.log(values.json ? JSON.stringify(answerJson(answer)) : [renderText(answer), ...topicCommands(answer)].join('\n'));
  if (question) {
    print(await assistant.ask(question, language));
    return 0;
  }
  let asked = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    print(await assistant.ask(line, language));
    if (!values.json) console.log('');
    asked++;
  }
  if (asked === 0) console.error(USAGE);
  return asked === 0 ? 2 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
});
