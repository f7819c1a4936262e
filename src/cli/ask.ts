import { createInterface } from 'node:readline';
import { answerJson, registerItems, renderRegisterText, renderText, type Answer } from '../answer/index.ts';
import { createAssistant } from '../assistant.ts';
import type { Conversation } from '../conversation/index.ts';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import { MAX_QUESTION_LENGTH, type Language } from '../search/index.ts';
import { readArgs } from './args.ts';
import { progressBar } from './progress.ts';

const USAGE = `Usage:
  npm run ask -- "câu hỏi"                 answer as text
  npm run ask -- --lang en "question"      English templates
  npm run -s ask -- --json "câu hỏi"       one JSON object on stdout
  npm run -s ask -- --json < questions.txt one JSON object per line
  npm run ask -- --list-directives [--json] the register of document numbers in the corpus
  npm run ask -- --chat                    a conversation: follow-ups are read with the questions before
                                           (with --json on stdin, consecutive lines are one conversation; a line --- starts a new one)`;

async function main(): Promise<number> {
  const args = readArgs(
    {
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        chat: { type: 'boolean', default: false },
        'list-directives': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'vi' },
      },
    },
    USAGE,
  );
  if (!args) return process.exitCode as number;
  const { values, positionals } = args;
  if (values.lang !== 'vi' && values.lang !== 'en') {
    console.error(`--lang must be "vi" or "en", not "${values.lang}"`);
    return 2;
  }
  const language = values.lang as Language;
  const question = positionals.join(' ').trim();
  const listing = values['list-directives'];
  // An empty question ("") or nothing to read gets the usage, never silence.
  if (!question && !listing && !values.chat && (positionals.length > 0 || process.stdin.isTTY)) {
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
  const print = (answer: Answer, message?: string) =>
    console.log(values.json ? JSON.stringify(answerJson(answer, message)) : [renderText(answer), ...(values.chat ? [] : topicCommands(answer))].join('\n'));
  const tooLong = (text: string) => text.length > MAX_QUESTION_LENGTH && `A question may have at most ${MAX_QUESTION_LENGTH} characters; this one has ${text.length}.`;
  if (question) {
    const refused = tooLong(question);
    if (refused) console.error(refused);
    else print(await assistant.ask(question, language));
    return refused ? 2 : 0;
  }
  // Lines of standard input: each a question, or with --chat (and always with --json) the turns of conversations.
  const conversing = values.chat || values.json;
  const interactive = values.chat && process.stdin.isTTY && !values.json;
  const lines = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, crlfDelay: Infinity });
  if (interactive) {
    console.log(language === 'en' ? 'Ask a question; follow-ups are read with the ones before. "---" or /new starts afresh, Ctrl+D ends.' : 'Hãy hỏi; câu hỏi tiếp theo được hiểu cùng các câu trước. "---" hoặc /moi: bắt đầu lại; Ctrl+D: thoát.');
    lines.setPrompt('> ');
    lines.prompt();
  }
  let conversation: Conversation | undefined;
  let asked = 0;
  let skipped = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const message = line.trim();
    if (conversing && /^(?:---|\/moi|\/new)$/u.test(message)) {
      conversation = undefined;
      if (interactive) lines.prompt();
      continue;
    }
    if (!message) {
      if (interactive) lines.prompt();
      continue;
    }
    const refused = tooLong(message);
    if (refused) {
      console.error(`line ${lineNumber}: ${refused}`);
      skipped++;
      continue;
    }
    if (conversing) {
      const reply = await assistant.converse(conversation, message, language);
      conversation = reply.conversation;
      print(reply.answer, message);
    } else {
      print(await assistant.ask(message, language));
    }
    if (!values.json) console.log('');
    if (interactive) lines.prompt();
    asked++;
  }
  if (asked === 0 && skipped === 0 && !interactive) console.error(USAGE);
  return (asked === 0 || skipped > 0) && !interactive ? 2 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
});
