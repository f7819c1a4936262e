import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssistant, ReindexBusyError } from '../src/assistant.ts';
import { loadConfig } from '../src/config.ts';
import { CONVERSATION_TTL_MS } from '../src/conversation/index.ts';
import { buildIndex, LocalEmbedder, type Embedder } from '../src/index/index.ts';
import { shippedDecisionModel, type DecisionModel } from '../src/search/index.ts';
import { memoryLogger, scratchWorkspace } from './helpers.ts';

describe('createAssistant', () => {
  it('rebuilds while answering, refuses a second rebuild at once, and picks up an index built elsewhere', async () => {
    const ws = await scratchWorkspace();
    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
    const assistant = await createAssistant({ config, logger: memoryLogger().logger });
    const first = assistant.index.manifest.builtAt;

    const rebuild = assistant.reindex();
    expect(() => assistant.reindex()).toThrow(ReindexBusyError);
    expect((await assistant.ask('Chỉ thị 03-CT/TU ban hành ngày nào?')).answered).toBe(true);
    await rebuild;
    expect(assistant.index.manifest.builtAt).not.toBe(first);

    const elsewhere = await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new LocalEmbedder() });
    expect(await assistant.refresh()).toBe(true);
    expect(assistant.index.manifest.builtAt).toBe(elsewhere.manifest.builtAt);
  });

  it('frames the answer to a question asked in English in English, whatever the language asked for; quotes stay Vietnamese', async () => {
    const ws = await scratchWorkspace();
    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
    const assistant = await createAssistant({ config, logger: memoryLogger().logger });
    const english = await assistant.ask('What is the minimum age to vote?', 'vi');
    expect(english.language).toBe('en');
    expect(english.answered).toBe(true);
    expect(english.quotes[0]?.text).toMatch(/[ăâđêôơư]/u);
    expect((await assistant.ask('Bao nhiêu tuổi thì được đi bầu?', 'vi')).language).toBe('vi');
    expect((await assistant.ask('Bao nhiêu tuổi thì được đi bầu?', 'en')).language).toBe('en');
  });

  it('lets a full question borrow the last topic when the document it finds there holds its words, not when they are another topic\'s', async () => {
    const ws = await scratchWorkspace();
    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
    const assistant = await createAssistant({ config, logger: memoryLogger().logger });
    const plan = await assistant.converse(undefined, 'Hậu Giang tổng kết Kế hoạch 153-KH/TU là về việc gì?', 'vi', 1_000);
    // The words of the steps ("nhân sự", "đại hội", "quy trình") are in the plan's article, not in the passage the borrowed reading leads with.
    const steps = await assistant.converse(plan.conversation, 'nhân sự đại hội làm theo quy trình mấy bước', 'vi', 2_000);
    expect(steps.resolution.kind).toBe('follow-up');
    expect(steps.answer.citations[0]?.docId).toBe(plan.answer.citations[0]?.docId);
    const first = await assistant.converse(undefined, 'Gian lận bầu cử thì bị xử lý thế nào?', 'vi', 1_000);
    // Typed without marks its words are most of them in the corpus ("so do", "mat", "bao lau"), and read with the last
    // question it finds an answer in the last answer's documents; but those documents hold few of its own words.
    const landTitle = await assistant.converse(first.conversation, 'thu tuc sang ten so do mat bao lau', 'vi', 2_000);
    expect(landTitle.readings.some((r) => r.resolution.kind === 'follow-up' && r.answered && r.continues)).toBe(true);
    expect(landTitle.resolution.kind).toBe('fresh');
    expect(landTitle.answer.answered).toBe(false);
  });

  it('decides a message of a conversation still going with the model fitted without the labelled questions\' vote, and a first or later fresh one with the full model', async () => {
    const ws = await scratchWorkspace();
    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
    const full = shippedDecisionModel();
    // A conversation model that declines everything shows which model decided.
    const model = { ...full, inConversation: { ...(full.inConversation as DecisionModel), bias: -50 } };
    const assistant = await createAssistant({ config, logger: memoryLogger().logger, retrieveOptions: { model } });
    const first = await assistant.converse(undefined, 'Mấy giờ thì bắt đầu bỏ phiếu?', 'vi', 1_000);
    expect(first.answer.outcome).toBe('answered');
    const later = await assistant.converse(first.conversation, 'Bao nhiêu tuổi thì được đi bầu?', 'vi', 2_000);
    expect(later.answer.outcome).not.toBe('answered');
    const afterwards = await assistant.converse(first.conversation, 'Bao nhiêu tuổi thì được đi bầu?', 'vi', 1_000 + CONVERSATION_TTL_MS + 1);
    expect(afterwards.answer.outcome).toBe('answered');
  });

  it('waits at start-up for a build already running instead of duplicating it; an explicit reindex builds at once', async () => {
    const ws = await scratchWorkspace();
    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
    // The local embedder under its own id, holding every build at a gate until the test opens it.
    const local = new LocalEmbedder();
    let open = () => undefined as void;
    let gate = new Promise<void>((resolve) => (open = resolve));
    let waiting = 0;
    const gated: Embedder = {
      id: local.id,
      dimensions: local.dimensions,
      embedQuery: (text) => local.embedQuery(text),
      embedPassages: async (texts) => (waiting++, await gate, local.embedPassages(texts)),
    };
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    const elsewhere = buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: gated });
    await until(() => waiting === 1);
    const { logger, lines } = memoryLogger();
    const starting = createAssistant({ config, logger });
    await until(() => lines().some((l) => String(l.msg).includes('waiting for the build in progress')));
    open();
    const [assistant, built] = await Promise.all([starting, elsewhere]);
    expect(assistant.index.manifest.builtAt).toBe(built.manifest.builtAt);
    expect(lines().some((l) => l.msg === 'index built')).toBe(false);

    gate = new Promise<void>((resolve) => (open = resolve));
    await writeFile(path.join(ws.corpusDir, 'news', 'zz-new.md'), '---\ntitle: Tin mới\nkind: news\ndate: 2021-03-01\n---\nCử tri phường 5 đi bầu sớm.\n');
    waiting = 0;
    const held = buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: gated });
    await until(() => waiting === 1);
    const summary = await assistant.reindex();
    expect(summary.manifest.counts.documents).toBe(built.manifest.counts.documents + 1);
    expect(assistant.index.manifest.builtAt).toBe(summary.manifest.builtAt);
    open();
    await held;
  });
});
