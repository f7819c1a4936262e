import { loadConfig } from '../config.ts';
import { downloadModel, ModelDownloadError } from '../index/index.ts';
import { readArgs } from './args.ts';
import { downloadBars } from './progress.ts';

const USAGE = 'Usage: npm run model:download [-- --timeout <seconds>]\nFetches EMBEDDING_MODEL into MODELS_DIR (see .env.example).';

async function main(): Promise<number> {
  const args = readArgs({ options: { timeout: { type: 'string', default: '30' } } }, USAGE);
  if (!args) return process.exitCode as number;
  const seconds = Number(args.values.timeout);
  if (!(seconds > 0)) {
    console.error(`--timeout must be a number of seconds.\n${USAGE}`);
    return 2;
  }
  const { embedding } = loadConfig();
  const { model, modelsDir, remoteHost } = embedding;
  const bars = downloadBars();
  try {
    const result = await downloadModel({ model, modelsDir, timeoutMs: seconds * 1000, onProgress: bars.update, ...(remoteHost ? { remoteHost } : {}) });
    bars.stop();
    const what = result.fetched.length ? `fetched ${result.fetched.join(', ')}` : 'all files were already present';
    console.log(`${model} is ready in ${modelsDir}/${model} (${what}; ${result.dimensions} dimensions). EMBEDDER=auto will use it.`);
    return 0;
  } catch (error) {
    bars.stop();
    console.error(error instanceof ModelDownloadError ? error.message : `Download failed: ${(error as Error).message}`);
    return 1;
  }
}

// Exit explicitly: an abandoned transfer would otherwise keep the process alive.
process.exit(await main());
