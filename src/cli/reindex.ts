import { loadConfig, type Config } from '../config.ts';
import { CorpusError } from '../corpus/index.ts';
import { buildIndex, IndexLocationError, readManifest, selectEmbedder } from '../index/index.ts';
import { createCliLogger } from '../logger.ts';
import { readArgs } from './args.ts';
import { progressBar } from './progress.ts';

const USAGE = 'Usage: npm run reindex   (validates CORPUS_DIR and rebuilds its index in INDEX_DIR; a running bot swaps to the new build)';

if (!readArgs({ options: {} }, USAGE)) process.exit();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  // A bad setting or an old Node.js is the user's to fix: the message, not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createCliLogger(config.logLevel);
const bar = progressBar('Embedding');
try {
  const embedder = await selectEmbedder(config.embedding, logger);
  const { manifest, warnings, embeddings } = await buildIndex({ corpusDir: config.corpusDir, indexDir: config.indexDir, embedder, onProgress: bar.update });
  bar.stop();
  for (const warning of warnings) logger.warn(warning);
  const { documents, passages } = manifest.counts;
  const work = `${embeddings.computed} embedded, ${embeddings.reused} reused`;
  console.log(`Indexed ${documents} documents, ${passages} passages (${work}) with ${manifest.embedder.id} in ${(manifest.buildMs / 1000).toFixed(2)} s → ${config.indexDir}`);
} catch (error) {
  bar.stop();
  // Without its closing full stop, so the sentence below joins it cleanly.
  const reason = (error instanceof CorpusError ? `${error.file}: ${error.field} ${error.reason}` : (error as Error).message).replace(/\.$/, '');
  // Only an index that exists can keep serving.
  const previous = error instanceof IndexLocationError ? null : await readManifest(config.indexDir);
  console.error(`Reindex failed: ${reason}. ${previous ? 'The previous index is unchanged and still serving.' : 'No index was written.'}`);
  process.exitCode = 1;
}
