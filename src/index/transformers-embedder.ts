import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from './embedder.ts';

export const DEFAULT_MODEL = 'Xenova/multilingual-e5-small';

export interface TransformersOptions {
  /** A Hugging Face model id such as "Xenova/multilingual-e5-small"; its files live in `modelsDir/<id>/`. */
  model: string;
  modelsDir: string;
  /** Fetch missing files from `remoteHost` (saving them into `modelsDir`); off at run time by default. */
  allowRemote?: boolean;
  remoteHost?: string;
  quantized?: boolean;
  batchSize?: number;
  onProgress?: (event: ModelProgress) => void;
}

/** What transformers.js reports while it fetches or opens a model file. */
export interface ModelProgress {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

/** The files a feature-extraction pipeline opens: without any one of them the model cannot load. */
export function modelFiles(quantized = true): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/model${quantized ? '_quantized' : ''}.onnx`];
}

/** The model files missing from `modelsDir`, as paths relative to the model's folder. */
export async function missingModelFiles(modelsDir: string, model: string, quantized = true): Promise<string[]> {
  const missing: string[] = [];
  for (const file of modelFiles(quantized)) {
    await access(path.join(modelsDir, model, file)).catch(() => missing.push(file));
  }
  return missing;
}

/** E5 models were trained with these prefixes and rank noticeably worse without them. */
function prefixesFor(model: string): { query: string; passage: string } {
  return /(^|\/)(multilingual-)?e5-/i.test(model) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

type FeatureExtractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;

/** Points transformers.js at the models folder; its settings are global, so every load sets them again. */
async function configureTransformers(options: TransformersOptions) {
  const transformers = await import('@xenova/transformers');
  const { env } = transformers;
  env.localModelPath = path.resolve(options.modelsDir) + path.sep;
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemote ?? false;
  // Downloads land where local loading looks: <modelsDir>/<model>/<file>.
  env.cacheDir = path.resolve(options.modelsDir) + path.sep;
  env.useFSCache = true;
  if (options.remoteHost) env.remoteHost = options.remoteHost.endsWith('/') ? options.remoteHost : `${options.remoteHost}/`;
  return transformers;
}

/**
 * A multilingual sentence embedder run by transformers.js (ONNX Runtime): mean-pooled,
 * unit-length vectors, with the model's query/passage prefixes. Create it with `load`.
 */
export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly id: string,
    readonly dimensions: number,
    readonly model: string,
    private readonly extract: FeatureExtractor,
    private readonly prefixes: { query: string; passage: string },
    private readonly batchSize: number,
  ) {}

  static async load(options: TransformersOptions): Promise<TransformersEmbedder> {
    const { model, quantized = true, batchSize = 16, onProgress } = options;
    const { pipeline } = await configureTransformers(options);
    const extractor = await pipeline('feature-extraction', model, {
      quantized,
      ...(onProgress ? { progress_callback: onProgress } : {}),
    });
    const extract: FeatureExtractor = async (texts, opts) => {
      const output = await extractor(texts, opts);
      return { data: output.data as Float32Array, dims: output.dims as number[] };
    };
    const prefixes = prefixesFor(model);
    // The output width is the model's hidden size; asking the model is surer than reading its config.
    const probe = await extract([`${prefixes.passage}.`], { pooling: 'mean', normalize: true });
    const dimensions = probe.dims.at(-1) as number;
    return new TransformersEmbedder(`transformers:${model}${quantized ? ':q8' : ''}`, dimensions, model, extract, prefixes, batchSize);
  }

  private async embed(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const { data, dims } = await this.extract(texts.slice(i, i + this.batchSize), { pooling: 'mean', normalize: true });
      const width = dims.at(-1) as number;
      for (let row = 0; row < (dims[0] as number); row++) vectors.push(data.slice(row * width, (row + 1) * width));
    }
    return vectors;
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((t) => this.prefixes.passage + t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return (await this.embed([this.prefixes.query + text]))[0] as Float32Array;
  }
}
