import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.ts';
import { loadConfig } from '../../src/config.ts';
import {
  buildIndex,
  dot,
  loadIndex,
  LocalEmbedder,
  missingModelFiles,
  openIndex,
  selectEmbedder,
  TransformersEmbedder,
  type EmbeddingSettings,
} from '../../src/index/index.ts';
import { memoryLogger, scratchWorkspace, tempDir } from '../helpers.ts';
import { tinyModelWords, writeTinyModel } from '../support/tiny-model.ts';

const MODEL = 'tests/tiny-embedder';
let ws: Awaited<ReturnType<typeof scratchWorkspace>>;
let embedder: TransformersEmbedder;

// The documents' words only: a note for people (README.md) is not indexed, and editing it must not change the model.
async function corpusWords(dir: string): Promise<Set<string>> {
  const words = new Set<string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md') for (const w of tinyModelWords(await readFile(path.join(entry.parentPath, entry.name), 'utf8'))) words.add(w);
  }
  return words;
}

beforeAll(async () => {
  ws = await scratchWorkspace();
  // "uỷ quyền" and "nhờ" are one row: the model, not the words, makes them alike.
  await writeTinyModel(ws.modelsDir, MODEL, { words: await corpusWords(ws.corpusDir), synonyms: [['ủy', 'uỷ', 'nhờ']] });
  embedder = await TransformersEmbedder.load({ model: MODEL, modelsDir: ws.modelsDir });
});

const settings = (overrides: Partial<EmbeddingSettings> = {}): EmbeddingSettings => ({
  mode: 'auto',
  model: MODEL,
  modelsDir: ws.modelsDir,
  allowRemote: false,
  ...overrides,
});

describe('TransformersEmbedder', () => {
  it('loads the model from the models folder and gives unit-length vectors of its hidden size', async () => {
    expect(embedder.id).toBe(`transformers:${MODEL}:q8`);
    expect(embedder.dimensions).toBe(16);
    const [vector] = await embedder.embedPassages(['Cử tri bỏ phiếu kín.']);
    expect(vector).toHaveLength(16);
    expect(dot(vector as Float32Array, vector as Float32Array)).toBeCloseTo(1, 5);
  });

  it('gives a text the same vector alone and batched with longer texts (padding is masked out)', async () => {
    const short = 'bầu cử';
    const alone = await embedder.embedQuery(short);
    const texts = Array.from({ length: 37 }, (_, i) => (i === 20 ? short : `cử tri số ${i} đi bỏ phiếu tại khu vực bỏ phiếu của mình vào ngày bầu cử`));
    const batched = await embedder.embedPassages(texts);
    expect(batched).toHaveLength(37);
    expect(dot(batched[20] as Float32Array, alone)).toBeCloseTo(1, 5);
    expect(dot(batched[0] as Float32Array, alone)).toBeLessThan(0.99);
  });

  it('places texts by the model weights: words sharing an embedding row land together', async () => {
    const [a, b, c] = await embedder.embedPassages(['ủy', 'nhờ', 'phiếu']);
    expect(dot(a as Float32Array, b as Float32Array)).toBeCloseTo(1, 5);
    expect(dot(a as Float32Array, c as Float32Array)).toBeLessThan(0.9);
  });

  it('refuses to fetch missing files when remote models are not allowed', async () => {
    const empty = await tempDir();
    expect(await missingModelFiles(empty, MODEL)).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
    await expect(TransformersEmbedder.load({ model: MODEL, modelsDir: empty })).rejects.toThrow(/allowRemoteModels=false/);
  });
});

describe('selectEmbedder', () => {
  const chosen = (lines: Array<Record<string, unknown>>) => lines.filter((l) => String(l.msg).startsWith('embedder:'));

  it('auto: uses the model when its files are present, and says so in one line', async () => {
    const { logger, lines } = memoryLogger();
    const selected = await selectEmbedder(settings(), logger);
    expect(selected).toBeInstanceOf(TransformersEmbedder);
    expect(chosen(lines())).toHaveLength(1);
    expect(chosen(lines())[0]?.msg).toBe(`embedder: transformers:${MODEL}:q8 (neural, 16 dimensions), because EMBEDDER=auto and the model files found in ${ws.modelsDir}`);
  });

  it('auto: falls back to the local embedder when files are missing or broken, naming the reason', async () => {
    const { logger, lines } = memoryLogger();
    const missing = await selectEmbedder(settings({ modelsDir: await tempDir() }), logger);
    expect(missing).toBeInstanceOf(LocalEmbedder);
    // One short line; which files are missing travels in its fields.
    expect(chosen(lines())[0]).toMatchObject({ msg: expect.stringMatching(/^embedder: local-hash-v1-512 \(weight-free; no tests\/tiny-embedder in .+\)$/), missing: expect.arrayContaining(['config.json']) });
    expect(String(chosen(lines())[0]?.msg).length).toBeLessThan(120);

    const broken = await tempDir();
    await writeTinyModel(broken, MODEL, { words: ['bầu'] });
    await writeFile(path.join(broken, MODEL, 'onnx', 'model_quantized.onnx'), 'not an onnx graph');
    const fallback = await selectEmbedder(settings({ modelsDir: broken }), logger);
    expect(fallback).toBeInstanceOf(LocalEmbedder);
    expect(chosen(lines())[1]).toMatchObject({ level: 40, msg: `embedder: local-hash-v1-512 (weight-free), because ${MODEL} could not be loaded` });
  });

  it('local always uses the weight-free embedder; transformers fails loudly without the model', async () => {
    const { logger } = memoryLogger();
    expect(await selectEmbedder(settings({ mode: 'local' }), logger)).toBeInstanceOf(LocalEmbedder);
    await expect(selectEmbedder(settings({ mode: 'transformers', modelsDir: await tempDir() }), logger)).rejects.toThrow(
      /^EMBEDDER=transformers, but the model files for tests\/tiny-embedder are not in/,
    );
  });
});

describe('the pipeline on the neural embedder', () => {
  it('indexes, answers, and rebuilds when the embedder changes instead of mixing vectors', async () => {
    const { logger, lines } = memoryLogger();
    const built = await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder });
    expect(built.manifest.embedder).toEqual({ id: embedder.id, dimensions: 16 });
    const index = await loadIndex(ws.indexDir);
    const passage = index.passages[7]?.text ?? '';
    expect(index.vectorSearch(await embedder.embedQuery(passage), 1)[0]?.passage).toBe(7);

    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir, EMBEDDER: 'transformers', EMBEDDING_MODEL: MODEL }, '/nonexistent');
    const assistant = await createAssistant({ config, logger });
    expect(assistant.embedder.id).toBe(embedder.id);
    expect(assistant.index.manifest.builtAt).toBe(built.manifest.builtAt);
    const answer = await assistant.ask('Những trường hợp nào phiếu bầu không hợp lệ?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.docId).toBe('guidance/phieu-khong-hop-le');

    const local = await openIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new LocalEmbedder(), logger });
    expect(lines().some((l) => l.reason === 'embedder-changed')).toBe(true);
    expect(local.manifest.embedder).toEqual({ id: 'local-hash-v1-512', dimensions: 512 });

    // Switching back re-uses the neural vectors cached by the first build.
    const back = await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder });
    expect(back.embeddings).toEqual({ computed: 0, reused: built.manifest.counts.passages });
  });

  it('decides with the vector-free model under an embedder whose cosines sit high, so other laws stay declined', async () => {
    // Every row shares one vector: all texts land close together, as a real encoder's do (cosines near 0.9, not 0.3).
    const model = 'tests/tiny-encoder';
    await writeTinyModel(ws.modelsDir, model, { words: await corpusWords(ws.corpusDir), shared: 1.5 });
    const { logger, lines } = memoryLogger();
    const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir, EMBEDDER: 'transformers', EMBEDDING_MODEL: model }, '/nonexistent');
    const assistant = await createAssistant({ config, logger });
    expect(lines().some((l) => String(l.msg).startsWith(`decision: vector-free model, since the shipped one was fitted on local-hash-v1-512`))).toBe(true);

    const elections = await assistant.retrieve('Những trường hợp nào phiếu bầu không hợp lệ?');
    expect(elections.outcome).toBe('answered');
    expect(elections.features?.similarity).toBeGreaterThan(0.8);
    for (const question of ['Thủ tục ly hôn đơn phương cần giấy tờ gì?', 'Thời hạn kháng nghị trong tố tụng hình sự được quy định như thế nào?']) {
      expect((await assistant.retrieve(question)).outcome, question).not.toBe('answered');
    }
  });
});
