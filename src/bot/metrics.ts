import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CorpusIndex } from '../index/index.ts';

/** What the bot counts for Prometheus, in one registry of its own. */
export interface BotMetrics {
  readonly registry: Registry;
  /** A question got an answer, a "not sure" with topics, or was declined (small talk is none), in so many seconds. */
  question(outcome: 'answered' | 'not_sure' | 'declined', seconds: number): void;
  /** A Telegram API call failed after its retries. */
  telegramError(method: string): void;
  /** A Telegram API call is tried again after a network failure. */
  telegramRetry(method: string): void;
  /** A rebuild ended, well or not, after so many seconds. */
  reindexed(seconds: number, ok: boolean): void;
}

/**
 * Prometheus metrics of a bot process: questions answered and declined, answer latency, Telegram
 * errors and retries, reindex duration and failures, and the size and age of the index that answers
 * (read at each scrape from `currentIndex`, which is undefined while the first build runs).
 */
export function createMetrics(currentIndex: () => CorpusIndex | undefined): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cutrihoi_' });
  const questions = new Counter({ name: 'cutrihoi_questions_total', help: 'Questions answered, not sure or declined', labelNames: ['outcome'], registers: [registry] });
  const answerSeconds = new Histogram({
    name: 'cutrihoi_answer_seconds',
    help: 'Time from a question to its last reply message',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const telegramErrors = new Counter({ name: 'cutrihoi_telegram_errors_total', help: 'Telegram API calls that failed', labelNames: ['method'], registers: [registry] });
  const telegramRetries = new Counter({ name: 'cutrihoi_telegram_retries_total', help: 'Telegram API calls tried again after a network failure', labelNames: ['method'], registers: [registry] });
  const reindexSeconds = new Histogram({ name: 'cutrihoi_reindex_seconds', help: 'Duration of rebuilds started from Telegram', buckets: [1, 5, 15, 60, 300, 900], registers: [registry] });
  const reindexFailures = new Counter({ name: 'cutrihoi_reindex_failures_total', help: 'Rebuilds that failed, leaving the previous index serving', registers: [registry] });
  new Gauge({
    name: 'cutrihoi_index_passages',
    help: 'Passages in the index that answers',
    registers: [registry],
    collect() {
      const index = currentIndex();
      if (index) this.set(index.passageCount);
    },
  });
  new Gauge({
    name: 'cutrihoi_index_age_seconds',
    help: 'Seconds since the index that answers was built',
    registers: [registry],
    collect() {
      const index = currentIndex();
      if (index) this.set((Date.now() - Date.parse(index.manifest.builtAt)) / 1000);
    },
  });
  // Labels known in advance appear at 0 from the first scrape, so rates work before the first question.
  for (const outcome of ['answered', 'not_sure', 'declined']) questions.inc({ outcome }, 0);
  return {
    registry,
    question(outcome, seconds) {
      questions.inc({ outcome });
      answerSeconds.observe(seconds);
    },
    telegramError: (method) => telegramErrors.inc({ method }),
    telegramRetry: (method) => telegramRetries.inc({ method }),
    reindexed(seconds, ok) {
      reindexSeconds.observe(seconds);
      if (!ok) reindexFailures.inc();
    },
  };
}
