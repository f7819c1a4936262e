import { GrammyError, HttpError, type Transformer } from 'grammy';
import type { Logger } from '../logger.ts';

export interface NetworkRetryOptions {
  logger: Logger;
  /** Wait after the first failed attempt; it doubles after each further one. Default 1 s. */
  initialDelayMs?: number;
  /** Longest wait between two attempts. Default 60 s. */
  maxDelayMs?: number;
  /** Attempts for calls other than start-up and polling, before the error reaches the handler. Default 5. */
  maxAttempts?: number;
  /** Called before each new attempt (for metrics). */
  onRetry?: (method: string) => void;
}

// Without these the bot cannot start or receive anything, so they are retried until Telegram is reachable again.
const UNTIL_REACHABLE = new Set<string>(['getMe', 'getUpdates', 'deleteWebhook', 'setWebhook']);

/** The low-level reason (ECONNREFUSED, ENOTFOUND, …) without the request URL, which holds the token. */
function networkReason(error: HttpError): string {
  const cause = error.error as { code?: unknown; cause?: { code?: unknown }; type?: unknown } | undefined;
  const code = cause?.code ?? cause?.cause?.code ?? cause?.type;
  return typeof code === 'string' ? code : 'network error';
}

// grammY passes the abort-controller package's signal on Node; only these members are used.
interface Signal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

function pause(ms: number, signal: Signal | undefined, error: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(error);
    const onAbort = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort);
  });
}

/**
 * An API transformer for network failures (grammY's HttpError: refused, reset, DNS, timeout): each
 * failed attempt is logged at warn with the next delay, and the call is tried again with bounded
 * exponential backoff. Start-up and polling calls keep trying until they get through; other calls
 * give up after `maxAttempts` so a reply never waits for hours. Install it after auto-retry with
 * `rethrowHttpErrors: true`, which otherwise retries these forever without a word.
 */
export function retryNetworkErrors({ logger, initialDelayMs = 1000, maxDelayMs = 60_000, maxAttempts = 5, onRetry }: NetworkRetryOptions): Transformer {
  return async (prev, method, payload, signal) => {
    const untilReachable = UNTIL_REACHABLE.has(method);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await prev(method, payload, signal);
        // The runner retries a refused poll quietly (it is run silent so the token-free log stays JSON); say so here.
        if (!result.ok && method === 'getUpdates') logger.warn({ method, code: result.error_code }, `Telegram refused getUpdates (${result.error_code}: ${result.description})`);
        if (attempt > 1) logger.info({ method, attempts: attempt }, `reached Telegram again (${method} got through at attempt ${attempt})`);
        return result;
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || (!untilReachable && attempt >= maxAttempts)) throw error;
        const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
        const reason = networkReason(error);
        const retryInSeconds = delayMs / 1000;
        logger.warn(
          { method, attempt, retryInSeconds, reason },
          `could not reach Telegram (${method}: ${reason}); attempt ${attempt}, retrying in ${retryInSeconds} s`,
        );
        await pause(delayMs, signal, error);
        onRetry?.(method);
      }
    }
  };
}

/** One line for an error that stops start-up or polling, or undefined when it is not Telegram's refusal. */
export function describeRefusal(error: unknown): string | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  if (error.error_code === 401 || error.error_code === 404) {
    const status = error.error_code === 401 ? '401 Unauthorized' : '404 Not Found';
    return (
      `Telegram refused the token (${status}): check TELEGRAM_BOT_TOKEN in .env or the environment; ` +
      'copy it again from @BotFather (a revoked or regenerated token stops working).'
    );
  }
  if (error.error_code === 409) {
    return `Telegram refused ${error.method} (409 Conflict: ${error.description}): another instance of this bot is running, or a webhook is set; stop the other one.`;
  }
  return `Telegram refused ${error.method} (${error.error_code}: ${error.description}).`;
}
