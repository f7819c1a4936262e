import { describe, expect, it } from 'vitest';
import { createAssistant, ReindexBusyError } from '../src/assistant.ts';
import { loadConfig } from '../src/config.ts';
import { buildIndex, LocalEmbedder } from '../src/index/index.ts';
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
});
