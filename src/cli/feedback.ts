// Exports the 👍/👎 votes, from Redis when REDIS_URL is set, else from FEEDBACK_FILE.
import { localState, redisState } from '../bot/shared.ts';
import type { VoteRecord } from '../bot/feedback.ts';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import { readArgs } from './args.ts';

const USAGE = 'Usage: npm run feedback -- [--format jsonl|csv]   (the 👍/👎 votes, from Redis when REDIS_URL is set, else from FEEDBACK_FILE)';

const COLUMNS = ['time', 'vote', 'answered', 'question', 'docIds'] as const;

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function csvLine(record: VoteRecord): string {
  return COLUMNS.map((c) => field(c === 'docIds' ? record.docIds.join(' ') : String(record[c] ?? ''))).join(',');
}

async function main(): Promise<number> {
  const args = readArgs({ options: { format: { type: 'string', default: 'jsonl' } } }, USAGE);
  if (!args) return process.exitCode as number;
  const { values } = args;
  if (values.format !== 'jsonl' && values.format !== 'csv') {
    console.error(`--format must be jsonl or csv, not ${values.format}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createCliLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const state = config.redisUrl ? redisState(config.redisUrl, logger) : localState(config.telegram.feedbackFile);
  try {
    const votes = await state.feedback.votes();
    if (values.format === 'csv') console.log([COLUMNS.join(','), ...votes.map(csvLine)].join('\n'));
    else for (const vote of votes) console.log(JSON.stringify(vote));
  } finally {
    await state.close();
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
});
