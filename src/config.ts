import { z } from 'zod';

const configSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  corpusDir: string;
  indexDir: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
}

/** Parses the environment once at start-up; a bad value stops the program with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = result.data;
  return { corpusDir: e.CORPUS_DIR, indexDir: e.INDEX_DIR, logLevel: e.LOG_LEVEL };
}
