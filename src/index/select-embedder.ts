import type { Logger } from 'pino';
import type { Embedder } from './embedder.ts';
import { LocalEmbedder } from './local-embedder.ts';
import { missingModelFiles, TransformersEmbedder } from './transformers-embedder.ts';

/** The embedder the settings insist on cannot be used: the admin's to fix, not a bug. */
export class EmbedderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbedderError';
  }
}

export type EmbedderMode = 'auto' | 'local' | 'transformers';

export interface EmbeddingSettings {
  mode: EmbedderMode;
  model: string;
  modelsDir: string;
  allowRemote: boolean;
  remoteHost?: string;
}

/**
 * Picks the embedder and logs one line saying which and why. `auto` prefers the neural model
 * when its files are in `modelsDir` (or may be fetched) and falls back to the weight-free one;
 * `transformers` insists on the model and throws when it cannot load.
 */
export async function selectEmbedder(settings: EmbeddingSettings, logger: Logger): Promise<Embedder> {
  const { mode, model, modelsDir, allowRemote, remoteHost } = settings;
  const local = () => new LocalEmbedder();
  if (mode === 'local') {
    const embedder = local();
    logger.info({ embedder: embedder.id }, `embedder: ${embedder.id} (weight-free), because EMBEDDER=local`);
    return embedder;
  }
  const missing = await missingModelFiles(modelsDir, model);
  if (missing.length > 0 && !allowRemote) {
    const why = `model files for ${model} are not in ${modelsDir} (missing ${missing.join(', ')}); run "npm run model:download" on a machine with internet`;
    if (mode === 'transformers') throw new EmbedderError(`EMBEDDER=transformers, but the ${why}`);
    const embedder = local();
    // One short line; which files are missing is in its fields, and "npm run model:download" says what to do.
    logger.info({ embedder: embedder.id, model, modelsDir, missing }, `embedder: ${embedder.id} (weight-free; no ${model} in ${modelsDir})`);
    return embedder;
  }
  try {
    const started = performance.now();
    const embedder = await TransformersEmbedder.load({ model, modelsDir, allowRemote, ...(remoteHost ? { remoteHost } : {}) });
    const source = missing.length > 0 ? 'fetched from the hub (ALLOW_REMOTE_MODELS=true)' : `files found in ${modelsDir}`;
    logger.info(
      { embedder: embedder.id, dimensions: embedder.dimensions, loadMs: Math.round(performance.now() - started) },
      `embedder: ${embedder.id} (neural, ${embedder.dimensions} dimensions), because EMBEDDER=${mode} and the model ${source}`,
    );
    return embedder;
  } catch (error) {
    if (mode === 'transformers') throw new EmbedderError(`EMBEDDER=transformers, but ${model} could not be loaded: ${(error as Error).message}`);
    const embedder = local();
    logger.warn({ embedder: embedder.id, model, err: error }, `embedder: ${embedder.id} (weight-free), because ${model} could not be loaded`);
    return embedder;
  }
}
