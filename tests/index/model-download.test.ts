import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModel, missingModelFiles, ModelDownloadError, TransformersEmbedder } from '../../src/index/index.ts';
import { runScript, tempDir } from '../helpers.ts';
import { writeTinyModel } from '../support/tiny-model.ts';

const MODEL = 'tests/tiny-embedder';
let source: string;
let hub: Server;
let hubUrl: string;
let stalled: Server;
let stalledUrl: string;
const requested: string[] = [];

/** A loopback address nothing listens on: connections to it are refused, as offline hosts are. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
}

beforeAll(async () => {
  source = await tempDir();
  await writeTinyModel(source, MODEL, { words: ['bầu', 'cử', 'phiếu'] });
  // Serves files the way the Hugging Face hub does: /<model>/resolve/main/<file>.
  hub = createServer(async (req, res) => {
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = match ? path.join(source, decodeURIComponent(match[1] as string), decodeURIComponent(match[2] as string)) : '';
    const body = match ? await readFile(file).catch(() => null) : null;
    if (req.method === 'GET') requested.push(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-length': body?.length ?? 0 }).end(req.method === 'HEAD' ? undefined : (body ?? undefined));
  });
  hubUrl = await listen(hub);
  // Answers the first check, then sends headers and never the body.
  stalled = createServer((req, res) => {
    res.writeHead(200, { 'content-length': 1000 });
    if (req.method === 'HEAD') res.end();
    else res.write('{');
  });
  stalledUrl = await listen(stalled);
});

afterAll(() => {
  hub.closeAllConnections();
  stalled.closeAllConnections();
  hub.close();
  stalled.close();
});

describe('downloadModel', () => {
  it('fetches the files the pipeline opens into the models folder, which then loads with remote models off', async () => {
    const modelsDir = await tempDir();
    const events: string[] = [];
    const result = await downloadModel({ model: MODEL, modelsDir, remoteHost: hubUrl, onProgress: (e) => events.push(e.status) });
    expect(result.fetched).toHaveLength(4);
    expect(result.dimensions).toBe(16);
    expect(events).toContain('progress');
    expect(await missingModelFiles(modelsDir, MODEL)).toEqual([]);
    expect(await readFile(path.join(modelsDir, MODEL, 'tokenizer.json'))).toEqual(await readFile(path.join(source, MODEL, 'tokenizer.json')));
    const offline = await TransformersEmbedder.load({ model: MODEL, modelsDir, remoteHost: await refusedUrl() });
    expect(offline.dimensions).toBe(16);

    const before = requested.length;
    const again = await downloadModel({ model: MODEL, modelsDir, remoteHost: hubUrl });
    expect(again.fetched).toEqual([]);
    expect(requested.length).toBe(before);
  });

  it('fails at once with a clear message when the host cannot be reached', async () => {
    const host = await refusedUrl();
    const modelsDir = await tempDir();
    const error = await downloadModel({ model: MODEL, modelsDir, remoteHost: host }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as Error).message).toBe(
      `Could not reach ${host} (connect ECONNREFUSED ${new URL(host).host}). Downloading a model needs internet: run this on a machine that has it and copy ${modelsDir}/${MODEL} here, or set MODEL_HOST to a mirror.`,
    );
  });

  it('names an unknown model, and gives up on a transfer that stalls instead of hanging', async () => {
    await expect(downloadModel({ model: 'nobody/no-such-model', modelsDir: await tempDir(), remoteHost: hubUrl })).rejects.toThrow(/answered 404 for nobody\/no-such-model/);
    const modelsDir = await tempDir();
    await expect(downloadModel({ model: MODEL, modelsDir, remoteHost: stalledUrl, timeoutMs: 300 })).rejects.toThrow(/^No data from .* for 0 s; the download stopped/);
    expect(await missingModelFiles(modelsDir, MODEL)).toHaveLength(4);
  });
});

describe('npm run model:download', () => {
  const run = (env: Record<string, string>) => runScript('src/cli/download-model.ts', [], { EMBEDDING_MODEL: MODEL, ...env });

  it('downloads from MODEL_HOST and says where the model is; exits 1 with the reason when offline', async () => {
    const modelsDir = await tempDir();
    const ok = await run({ MODELS_DIR: modelsDir, MODEL_HOST: hubUrl });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${MODEL} is ready in ${modelsDir}/${MODEL} (fetched config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx; 16 dimensions)`);
    const host = await refusedUrl();
    const offline = await run({ MODELS_DIR: await tempDir(), MODEL_HOST: host });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain(`Could not reach ${host} (connect ECONNREFUSED`);
  });
});
