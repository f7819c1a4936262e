import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer, renderText, TEMPLATES } from '../../src/answer/index.ts';
import { BOT_TEXTS } from '../../src/bot/texts.ts';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex } from '../../src/index/index.ts';
import { retrieve } from '../../src/search/index.ts';
import { scratchWorkspace } from '../helpers.ts';

// What the first quote of each example question the product offers must hold: the answer, not a neighbour of it
// (tests/eval/examples.json, which `npm run fit` also holds its ranking to). A document the corpus holds no text of is
// answered by its lead instead, which must say so.
const EXAMPLES = JSON.parse(readFileSync(new URL('../eval/examples.json', import.meta.url), 'utf8')) as Array<{ question: string; answer: string }>;
const FIRST_QUOTE: Record<string, string> = Object.fromEntries(EXAMPLES.map((e) => [e.question, e.answer]));
const NO_FULL_TEXT: Record<string, string> = {
  'Chỉ thị 05-CT/TW yêu cầu gì?': 'Kho chưa có toàn văn Chỉ thị 05-CT/TW.',
  'chi thi 05 yeu cau gi': 'Kho chưa có toàn văn Chỉ thị 05-CT/TW.',
  'What does Directive 05-CT/TW require?': 'No text of Directive 05-CT/TW here.',
};

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Questions the README asks on a command line. */
const readmeQuestions = [...README.matchAll(/npm run (?:-s )?ask -- (?:--json |--lang en )?"([^"]+)"/g)].map((m) => m[1] as string).filter((q) => q !== 'câu hỏi');
/** Questions the bot's own texts quote as examples: /help, /ask's usage. */
const botQuestions = Object.values(BOT_TEXTS).flatMap((t) => [...`${t.help}\n${t.askUsage}`.matchAll(/"([^"]+\?)"|\/ask ([^<\n]+\?)/g)].map((m) => (m[1] ?? m[2]) as string));
const offered = [...new Set([...Object.values(TEMPLATES).flatMap((t) => t.examples), ...botQuestions, ...readmeQuestions])];

const embedder = new LocalEmbedder();
let index: CorpusIndex;
const answer = async (q: string) => {
  const retrieval = await retrieve(index, embedder, q);
  return composeAnswer(retrieval, retrieval.query.language);
};

beforeAll(async () => {
  const ws = await scratchWorkspace();
  await buildIndex({ ...ws, embedder });
  index = await loadIndex(ws.indexDir);
});

describe('the example questions the product offers', () => {
  it('are all listed here with what their first quote must hold, so a new example cannot skip this test', () => {
    expect(offered.length).toBeGreaterThan(8);
    expect(EXAMPLES.every((e) => e.answer.trim().length > 0)).toBe(true);
    expect(offered.filter((q) => !(q in FIRST_QUOTE) && !(q in NO_FULL_TEXT))).toEqual([]);
  });

  it.each(Object.entries(FIRST_QUOTE))('"%s" is answered by its first quote', async (question, phrase) => {
    const a = await answer(question);
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain(phrase);
  });

  it.each(Object.entries(NO_FULL_TEXT))('"%s" says the corpus holds no text of the document, then what it does hold', async (question, lead) => {
    const a = await answer(question);
    expect(a.reason).toBe('no_full_text');
    expect(a.lead).toBe(lead);
    expect(a.cards.length).toBeGreaterThan(0);
    expect(a.notice).toMatch(/Bộ Chính trị/);
  });
});

describe('the README', () => {
  const shown = [...README.matchAll(/```text\n\$ npm run ask -- "([^"]+)"\n([\s\S]*?)```/g)];

  it('shows at least one exchange, each exactly as `npm run ask` prints it today', async () => {
    expect(shown.length).toBeGreaterThan(0);
    for (const [, question, output] of shown) expect(renderText(await answer(question as string))).toBe((output as string).trimEnd());
  });

  it('stays short enough for a newcomer, with a table of contents', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(350);
    expect(README).toMatch(/## Contents\n(?:\n?- \[.+\]\(#.+\)\n)+/);
  });
});
