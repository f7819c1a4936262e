import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_MODEL, type EmbeddingSettings } from './index/index.ts';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const DEFAULT_PORT = 8080;

const configSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalText.pipe(z.url({ error: 'must be a URL such as http://127.0.0.1:8081' }).optional()),
  ADMIN_IDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d+$/, 'must be numeric Telegram user ids separated by commas').transform(Number))),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  FEEDBACK_FILE: z.string().min(1).default('data/feedback.jsonl'),
  WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional()),
  WEBHOOK_SECRET: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may hold only A-Z, a-z, 0-9, _ and -').optional()),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  EMBEDDER: z.enum(['auto', 'local', 'transformers']).default('auto'),
  EMBEDDING_MODEL: z.string().regex(/^[\w.-]+(\/[\w.-]+)?$/, 'must be a model id such as Xenova/multilingual-e5-small').default(DEFAULT_MODEL),
  MODELS_DIR: z.string().min(1).default('models'),
  ALLOW_REMOTE_MODELS: z.enum(['true', 'false', '1', '0', '']).default('false').transform((v) => v === 'true' || v === '1'),
  MODEL_HOST: optionalText.pipe(z.url({ error: 'must be a URL such as https://huggingface.co/' }).optional()),
  REPLICA_ID: optionalText,
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  WEB_FRAME_ANCESTORS: z.string().regex(/^[\w\s:/.*'-]+$/, "must be CSP sources such as 'self' https://portal.example.gov.vn").default('*'),
  WEB_TRUST_PROXY: z.enum(['true', 'false', '1', '0', '']).default('false').transform((v) => v === 'true' || v === '1'),
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, error: 'must be a URL such as redis://127.0.0.1:6379' }).optional()),
}).refine((e) => !e.WEBHOOK_URL || e.WEBHOOK_SECRET, {
  // Without a secret anyone who learns the URL could post updates that claim to come from an admin.
  path: ['WEBHOOK_SECRET'],
  error: 'is required when WEBHOOK_URL is set',
});

export interface Config {
  corpusDir: string;
  indexDir: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  embedding: EmbeddingSettings;
  telegram: {
    token: string | undefined;
    apiRoot: string | undefined;
    adminIds: number[];
    ratePerMinute: number;
    feedbackFile: string;
    webhook: { url: string; secret: string | undefined; port: number } | undefined;
  };
  /** Where the bot serves HTTP (the webhook, /healthz, /readyz, /metrics): PORT, or 8080 for a webhook; none when polling without PORT. */
  httpPort: number | undefined;
  /** Names this process in every log line of the bot: REPLICA_ID, or host and pid. */
  replicaId: string;
  /** The web page and its API: questions per IP per minute, who may frame the page, whether X-Forwarded-For names the client. */
  web: { ratePerMinute: number; frameAncestors: string; trustProxy: boolean };
  /** Redis holding the state replicas share (rate limits, counters, feedback, the reindex lock); none for one process. */
  redisUrl: string | undefined;
}

/**
 * Stops on a Node.js without process.loadEnvFile and Dirent.parentPath (added in 20.12 and 21.7),
 * with a message saying what to install instead of a TypeError later on.
 */
export function checkNodeVersion(version: string): void {
  const match = /^v?(\d+)\.(\d+)\./.exec(version);
  // An unrecognised version string (a custom build) is given the benefit of the doubt.
  if (!match) return;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const supported = major > 21 || (major === 21 && minor >= 7) || (major === 20 && minor >= 12);
  if (supported) return;
  const line21 = major === 21 ? ' (21.7 or newer on the 21 line)' : '';
  throw new Error(
    `Cử tri hỏi needs Node.js 20.12 or newer${line21}; this is ${version}. ` +
      'Please install the current LTS release from https://nodejs.org/ (or run "nvm install --lts") and try again.',
  );
}

/**
 * Parses the environment once at start-up (and `.env` when present); a bad value stops the
 * program with the variable's name. The token is never part of an error message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  checkNodeVersion(process.version);
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = result.data;
  return {
    corpusDir: e.CORPUS_DIR,
    indexDir: e.INDEX_DIR,
    logLevel: e.LOG_LEVEL,
    embedding: {
      mode: e.EMBEDDER,
      model: e.EMBEDDING_MODEL,
      modelsDir: e.MODELS_DIR,
      allowRemote: e.ALLOW_REMOTE_MODELS,
      ...(e.MODEL_HOST ? { remoteHost: e.MODEL_HOST } : {}),
    },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      adminIds: e.ADMIN_IDS,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      feedbackFile: e.FEEDBACK_FILE,
      webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT ?? DEFAULT_PORT } : undefined,
    },
    httpPort: e.WEBHOOK_URL ? (e.PORT ?? DEFAULT_PORT) : e.PORT,
    replicaId: e.REPLICA_ID ?? `${hostname()}:${process.pid}`,
    web: { ratePerMinute: e.WEB_RATE_LIMIT_PER_MINUTE, frameAncestors: e.WEB_FRAME_ANCESTORS, trustProxy: e.WEB_TRUST_PROXY },
    redisUrl: e.REDIS_URL,
  };
}
