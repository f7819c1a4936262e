export { dot, l2normalize, type Embedder } from './embedder.ts';
export type { LexicalHit, LexicalQuery } from './lexical.ts';
export { LocalEmbedder } from './local-embedder.ts';
export { DEFAULT_MODEL_HOST, downloadModel, ModelDownloadError, type DownloadOptions, type DownloadResult } from './model-download.ts';
export { EmbedderError, selectEmbedder, type EmbedderMode, type EmbeddingSettings } from './select-embedder.ts';
export { DEFAULT_MODEL, missingModelFiles, modelFiles, TransformersEmbedder, type ModelProgress, type TransformersOptions } from './transformers-embedder.ts';
export { buildRegister, type RegisterDocument, type RegisterEntry } from './register.ts';
export {
  buildIndex,
  checkIndex,
  CorpusIndex,
  INDEX_FORMAT_VERSION,
  IndexLocationError,
  loadIndex,
  lockIndex,
  openIndex,
  readManifest,
  SUPERSEDED_GRACE_MS,
  type BuildOptions,
  type BuildSummary,
  type DocumentMeta,
  type IndexState,
  type Manifest,
} from './store.ts';
export { storeVectors, type StoredVectors } from './embedding-cache.ts';
export { DEFAULT_HNSW, exactSearch, planLabels, VectorIndex, type GraphState, type HnswParams, type VectorHit } from './vectors.ts';
