import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_MODEL, type EmbeddingSettings } from './index/index.ts';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

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
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  EMBEDDER: z.enum(['auto', 'local', 'transformers']).default('auto'),
  EMBEDDING_MODEL: z.string().regex(/^[\w.-]+(\/[\w.-]+)?$/, 'must be a model id such as Xenova/multilingual-e5-small').default(DEFAULT_MODEL),
  MODELS_DIR: z.string().min(1).default('models'),
  ALLOW_REMOTE_MODELS: z.enum(['true', 'false', '1', '0', '']).default('false').transform((v) => v === 'true' || v === '1'),
  MODEL_HOST: optionalText.pipe(z.url({ error: 'must be a URL such as https://huggingface.co/' }).optional()),
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
}

/**
 * Parses the environment once at start-up (and `.env` when present); a bad value stops the
 * program with the variable's name. The token is never part of an error message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
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
      webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT } : undefined,
    },
  };
}
