import { Bot, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { retryNetworkErrors } from '../../src/bot/network.ts';
import { freePort, memoryLogger } from '../helpers.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';

describe('retryNetworkErrors', () => {
  it('gives a reply maxAttempts tries with doubling, capped, logged delays, then lets the network error through', async () => {
    const { logger, lines } = memoryLogger();
    const token = '123456:TEST-token-abcdefghijklmnop';
    const bot = new Bot(token, { client: { apiRoot: `http://127.0.0.1:${await freePort()}` } });
    bot.api.config.use(retryNetworkErrors({ logger, initialDelayMs: 10, maxDelayMs: 25, maxAttempts: 4 }));
    await expect(bot.api.sendMessage(1, 'hello')).rejects.toBeInstanceOf(HttpError);
    const warnings = lines().filter((l) => String(l.msg).startsWith('could not reach Telegram'));
    expect(warnings.map((l) => [l.method, l.attempt, l.retryInSeconds, l.reason])).toEqual([
      ['sendMessage', 1, 0.01, 'ECONNREFUSED'],
      ['sendMessage', 2, 0.02, 'ECONNREFUSED'],
      ['sendMessage', 3, 0.025, 'ECONNREFUSED'],
    ]);
    expect(JSON.stringify(lines())).not.toContain(token);
  });

  it('keeps start-up calls going past maxAttempts until the server answers, and says so', async () => {
    const { logger, lines } = memoryLogger();
    const api = new FakeBotApi();
    const port = await freePort();
    const bot = new Bot(api.token, { client: { apiRoot: `http://127.0.0.1:${port}` } });
    bot.api.config.use(retryNetworkErrors({ logger, initialDelayMs: 20, maxDelayMs: 40, maxAttempts: 2 }));
    const init = bot.init();
    const failures = () => lines().filter((l) => l.method === 'getMe' && l.attempt !== undefined).length;
    while (failures() < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    await api.start(port);
    try {
      await init;
      expect(bot.botInfo.username).toBe('cutrihoi_bot');
      expect(lines().find((l) => String(l.msg).startsWith('reached Telegram again'))).toMatchObject({ method: 'getMe' });
    } finally {
      await api.stop();
    }
  });
});
