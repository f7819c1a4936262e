import { missingModelFiles, TransformersEmbedder, type ModelProgress } from './transformers-embedder.ts';

export const DEFAULT_MODEL_HOST = 'https://huggingface.co/';

export interface DownloadOptions {
  model: string;
  modelsDir: string;
  remoteHost?: string;
  /** How long to wait for the host to answer, and for the next piece of a file. */
  timeoutMs?: number;
  onProgress?: (event: ModelProgress) => void;
}

export interface DownloadResult {
  /** Files that were missing before and are now in the models folder. */
  fetched: string[];
  dimensions: number;
}

/** A download that could not start or stopped; the message says what to do. */
export class ModelDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelDownloadError';
  }
}

/**
 * Fetches the model's files into `modelsDir/<model>/` through transformers.js itself, so exactly
 * the files the pipeline opens are fetched, then loads the model once to prove it runs. Fails
 * fast when the host does not answer, and when a transfer stalls.
 */
export async function downloadModel(options: DownloadOptions): Promise<DownloadResult> {
  const { model, modelsDir, remoteHost = DEFAULT_MODEL_HOST, timeoutMs = 30_000, onProgress } = options;
  const missing = await missingModelFiles(modelsDir, model);
  const base = remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`;
  if (missing.length > 0) {
    const probe = `${base}${model}/resolve/main/config.json`;
    const response = await fetch(probe, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) }).catch((error: Error) => {
      const cause = (error.cause as Error | undefined)?.message ?? error.message;
      throw new ModelDownloadError(
        `Could not reach ${base} (${cause}). Downloading a model needs internet: run this on a machine that has it and copy ${modelsDir}/${model} here, or set MODEL_HOST to a mirror.`,
      );
    });
    if (!response.ok) throw new ModelDownloadError(`${base} answered ${response.status} for ${model}: check EMBEDDING_MODEL (a model id such as Xenova/multilingual-e5-small).`);
  }

  let stalled: NodeJS.Timeout | undefined;
  let fail: (error: Error) => void = () => undefined;
  const watchdog = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // transformers.js cannot cancel its requests: a transfer that stops sending is abandoned, not awaited.
  const arm = () => {
    clearTimeout(stalled);
    stalled = setTimeout(() => fail(new ModelDownloadError(`No data from ${base} for ${Math.round(timeoutMs / 1000)} s; the download stopped. Run it again.`)), timeoutMs);
  };
  arm();
  try {
    const embedder = await Promise.race([
      TransformersEmbedder.load({
        model,
        modelsDir,
        allowRemote: true,
        remoteHost: base,
        onProgress: (event) => {
          arm();
          onProgress?.(event);
        },
      }),
      watchdog,
    ]);
    return { fetched: missing, dimensions: embedder.dimensions };
  } catch (error) {
    if (error instanceof ModelDownloadError) throw error;
    throw new ModelDownloadError(`Downloading ${model} failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(stalled);
  }
}
