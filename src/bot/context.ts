import type { Context, SessionFlavor } from 'grammy';
import type { Conversation } from '../conversation/index.ts';
import type { Assistant } from '../assistant.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Language } from '../search/index.ts';
import type { BotMetrics } from './metrics.ts';
import type { SharedState } from './shared.ts';
import type { BotTexts } from './texts.ts';

/** What every handler may use, set up once in bot.ts. */
export interface BotServices {
  assistant: Assistant;
  config: Config['telegram'] & { corpusDir: string };
  logger: Logger;
  /** Feedback, counters, rate-limit counts and the reindex lock: in this process, or in Redis for several replicas. */
  state: SharedState;
  metrics: BotMetrics;
  startedAt: number;
  /** The time, in ms since the epoch: `Date.now` but in tests. */
  clock?: () => number;
}

export interface BotFlavor {
  lang: Language;
  texts: BotTexts;
  services: BotServices;
}

export type BotContext = Context & BotFlavor & SessionFlavor<Conversation>;
