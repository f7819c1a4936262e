import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TEXTS } from '../../src/bot/texts.ts';
import { scratchWorkspace } from '../helpers.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';
import { RedisServer } from '../support/redis-server.ts';
import { startWebhookBot, type WebhookBot } from '../support/webhook-bot.ts';

const SECRET = 'replica-secret';
const ADMIN = 42;
const vi = BOT_TEXTS.vi;

let api: FakeBotApi;
let redis: RedisServer;
const replicas: WebhookBot[] = [];

beforeEach(async () => {
  api = new FakeBotApi();
  await api.start();
  redis = new RedisServer();
  await redis.start();
});

afterEach(async () => {
  for (const { proc } of replicas.splice(0)) if (proc.exitCode === null) proc.kill('SIGKILL');
  await redis.stop();
  await api.stop();
});

/** One bot process in webhook mode, sharing the corpus, the index folder and Redis with the others. */
async function startReplica(ws: Awaited<ReturnType<typeof scratchWorkspace>>, name: string): Promise<WebhookBot> {
  const replica = await startWebhookBot(
    {
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
      MODELS_DIR: ws.modelsDir,
      FEEDBACK_FILE: path.join(ws.root, `${name}-feedback.jsonl`),
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      REDIS_URL: redis.url,
      REPLICA_ID: name,
      RATE_LIMIT_PER_MINUTE: '3',
      ADMIN_IDS: String(ADMIN),
    },
    SECRET,
  );
  replicas.push(replica);
  return replica;
}

let nextUpdate = 1;
/** Posts an update to one replica as Telegram (behind a load balancer) would. */
async function deliver(replica: { port: number }, update: Record<string, unknown>): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${replica.port}/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: nextUpdate++, ...update }),
  });
  expect(response.status).toBe(200);
}

const message = (chatId: number, text: string) => ({
  message: {
    message_id: nextUpdate,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private' },
    from: { id: chatId, is_bot: false, first_name: 'T' },
    text,
    ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length }] } : {}),
  },
});

const callback = (chatId: number, data: string) => ({
  callback_query: { id: `cb${nextUpdate}`, from: { id: chatId, is_bot: false, first_name: 'T' }, chat_instance: 'x', data, message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' }, text: 'answer' } },
});

const texts = (chatId: number) => api.sent('sendMessage', chatId).map((c) => String(c.params.text));

/** The 👍 button of the last answer sent to a chat. */
function upButton(chatId: number): string {
  const markup = api.sent('sendMessage', chatId).at(-1)?.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> } | undefined;
  const data = markup?.inline_keyboard.flat().find((b) => b.callback_data.endsWith(':up'))?.callback_data;
  if (!data) throw new Error('no feedback button');
  return data;
}

describe('several replicas on Redis', () => {
  it('continue one conversation: the second replica answers the follow-up asked of the first, and the conversation expires in Redis', async () => {
    const ws = await scratchWorkspace();
    const a = await startReplica(ws, 'a');
    const b = await startReplica(ws, 'b');
    await deliver(a, message(9, 'Người đang bị tạm giam có được đi bầu không?'));
    await api.waitFor(() => texts(9).length >= 1, 20_000);
    await deliver(b, message(9, 'điều nào quy định vậy?'));
    await api.waitFor(() => texts(9).length >= 2, 20_000);
    expect(texts(9)[1]).toContain('Điều 29');
    // What Redis holds: the turns, with an expiry of 15 minutes, and no name.
    const store = new Redis(redis.url);
    const key = 'cutrihoi:conversation:9';
    const ttl = await store.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(15 * 60);
    const stored = await store.get(key);
    expect(JSON.parse(stored ?? '{}').turns).toHaveLength(2);
    expect(stored).not.toContain('"T"');
    store.disconnect();
  });

  it('share the rate limit, the counters and the feedback, rebuild once, and keep answering when Redis goes away', async () => {
    const ws = await scratchWorkspace();
    const a = await startReplica(ws, 'a');
    const b = await startReplica(ws, 'b');
    const store = new Redis(redis.url);

    // Both answer, fed alternately; the user's limit of 3 a minute holds across both.
    const questions = ['Mấy giờ thì bắt đầu bỏ phiếu?', 'Bao nhiêu tuổi thì được đi bầu?', 'Phiếu bầu không hợp lệ là phiếu nào?', 'Ai được ứng cử?'];
    for (const [i, q] of questions.entries()) {
      await deliver(i % 2 === 0 ? a : b, message(7, q));
      await api.waitFor(() => texts(7).length >= Math.min(i + 1, 4), 20_000);
    }
    expect(texts(7).filter((t) => t === vi.rateLimited)).toHaveLength(1);
    expect(texts(7).filter((t) => t !== vi.rateLimited)).toHaveLength(3);

    // A vote on an answer given by one replica, pressed through the other, is stored once with its question.
    await deliver(a, message(8, 'Mấy giờ thì bắt đầu bỏ phiếu?'));
    await api.waitFor(() => texts(8).length >= 1, 20_000);
    await deliver(b, callback(8, upButton(8)));
    await api.waitFor(() => api.sent('answerCallbackQuery').some((c) => c.params.text === vi.feedbackThanks), 20_000);
    const votes = (await store.lrange('cutrihoi:feedback:votes', 0, -1)).map((v) => JSON.parse(v) as { question: string; vote: string });
    expect(votes).toEqual([expect.objectContaining({ question: 'Mấy giờ thì bắt đầu bỏ phiếu?', vote: 'up' })]);
    expect(await store.hgetall('cutrihoi:feedback:counters')).toMatchObject({ answered: '4', up: '1' });
    // Acknowledged means stored: the replica that took the vote can die without losing it.
    b.proc.kill('SIGKILL');
    expect(await store.llen('cutrihoi:feedback:votes')).toBe(1);
    const b2 = await startReplica(ws, 'b2');

    // /reindex on one replica: a second one anywhere is told a rebuild runs; afterwards both answer from the new index.
    await writeFile(
      path.join(ws.corpusDir, 'guidance', 'thu-nghiem.md'),
      '---\ntitle: Bỏ phiếu thử nghiệm bằng lá phiếu màu tím\nkind: guidance\ndate: 2026-01-01\n---\n\nLá phiếu màu tím chỉ dùng trong buổi diễn tập bỏ phiếu thử nghiệm của tổ bầu cử.\n',
    );
    await deliver(a, message(ADMIN, '/reindex'));
    await deliver(b2, message(ADMIN, '/reindex'));
    await api.waitFor(() => texts(ADMIN).includes(vi.reindexBusy), 20_000);
    await api.waitFor(() => api.sent('editMessageText', ADMIN).some((c) => /\d+ (tài liệu|documents)/.test(String(c.params.text))), 60_000);
    // The rebuilding replica announces its build: the other swaps to it at once, before it is asked anything.
    const deadline = Date.now() + 10_000;
    while (!b2.output().includes('picked up an index built by another process')) {
      if (Date.now() > deadline) throw new Error(`b2 never picked up the new build:\n${b2.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const [chat, replica] of [[9, a], [10, b2]] as const) {
      await deliver(replica, message(chat, 'Lá phiếu màu tím dùng khi nào?'));
      await api.waitFor(() => texts(chat).length >= 1, 20_000);
      expect(texts(chat)[0]).toContain('màu tím');
    }

    // Redis goes away: an answer still goes out (without feedback buttons), and the replica says why in its log.
    store.disconnect();
    await redis.stop();
    await deliver(b2, message(11, 'Mấy giờ thì bắt đầu bỏ phiếu?'));
    await api.waitFor(() => texts(11).length >= 1, 20_000);
    expect(texts(11)[0]).not.toBe(vi.failed);
    expect(b2.output()).toContain('Redis is unreachable');
    expect(b2.proc.exitCode).toBeNull();
  });
});
