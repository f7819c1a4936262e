// Answer latency of the bot process through its webhook on 127.0.0.1, without and with Redis (a real
// redis-server), against the tests' fake Bot API: every eval question posted as an update, 8 at a
// time from 40 chats, timed from the POST to Telegram's reply being sent (the webhook answers once
// the update is handled).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readArgs } from '../src/cli/args.ts';
import { FakeBotApi } from '../tests/support/fake-bot-api.ts';
import { startWebhookBot } from '../tests/support/webhook-bot.ts';
import { RedisServer } from '../tests/support/redis-server.ts';

const CONCURRENCY = 8;
const CHATS = 40;
const SECRET = 'load-test';

const args = readArgs({ options: { rounds: { type: 'string', default: '2' } } }, 'Usage: npm run load-test [-- --rounds 2]');
if (!args) process.exit();
const { values } = args;
const questions = (JSON.parse(await readFile('tests/eval/questions.json', 'utf8')) as Array<{ question: string }>).map((q) => q.question);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

async function measure(withRedis: boolean): Promise<{ p50: number; p95: number; n: number }> {
  const api = new FakeBotApi();
  await api.start();
  const redis = withRedis ? new RedisServer() : null;
  await redis?.start();
  const root = await mkdtemp(path.join(tmpdir(), 'cu-tri-hoi-load-'));
  await cp('corpus', path.join(root, 'corpus'), { recursive: true });
  const ws = { corpusDir: path.join(root, 'corpus'), indexDir: path.join(root, 'index'), modelsDir: path.join(root, 'models') };
  const { proc: bot, port } = await startWebhookBot(
    {
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
      MODELS_DIR: ws.modelsDir,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      RATE_LIMIT_PER_MINUTE: '100000',
      // Set either way, so a REDIS_URL in .env cannot turn the run without Redis into one with it.
      REDIS_URL: redis ? redis.url : '',
    },
    SECRET,
    120_000,
  );
  try {
    let update = 1;
    const post = async (question: string, chat: number): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({
          update_id: update++,
          message: { message_id: update, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'L' }, text: question },
        }),
      });
      await response.arrayBuffer();
      return performance.now() - started;
    };
    let latencies: number[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      latencies = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < questions.length) {
            const i = next++;
            latencies.push(await post(questions[i] as string, 1000 + (i % CHATS)));
          }
        }),
      );
    }
    const sorted = latencies.sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
  } finally {
    bot.kill('SIGKILL');
    await redis?.stop();
    await api.stop();
    await rm(root, { recursive: true, force: true });
  }
}

console.log(`${questions.length} questions, ${CONCURRENCY} at a time from ${CHATS} chats, webhook on 127.0.0.1 (last of ${values.rounds} rounds)`);
for (const withRedis of [false, true]) {
  const { p50, p95, n } = await measure(withRedis);
  console.log(`${withRedis ? 'with Redis   ' : 'without Redis'}  n=${n}  p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms`);
}
