import { composeAnswer, type Answer } from './answer/index.ts';
import type { Config } from './config.ts';
import { LocalEmbedder, openIndex, type CorpusIndex, type Embedder } from './index/index.ts';
import type { Logger } from './logger.ts';
import { retrieve, type Language, type Retrieval } from './search/index.ts';

export interface Assistant {
  readonly index: CorpusIndex;
  readonly embedder: Embedder;
  retrieve(question: string): Promise<Retrieval>;
  ask(question: string, language?: Language): Promise<Answer>;
}

export interface AssistantOptions {
  config: Config;
  logger: Logger;
  embedder?: Embedder;
  onProgress?: (done: number, total: number) => void;
}

/** Opens (building if needed) the index and answers questions from it: what the CLI and the bot share. */
export async function createAssistant({ config, logger, embedder = new LocalEmbedder(), onProgress }: AssistantOptions): Promise<Assistant> {
  logger.info({ embedder: embedder.id }, 'using the weight-free local embedder');
  const index = await openIndex({ corpusDir: config.corpusDir, indexDir: config.indexDir, embedder, logger, onProgress });
  return {
    index,
    embedder,
    retrieve: (question) => retrieve(index, embedder, question),
    async ask(question, language = 'vi') {
      return composeAnswer(await retrieve(index, embedder, question), language);
    },
  };
}
