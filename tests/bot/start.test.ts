import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort, scratchWorkspace } from '../helpers.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';

let api: FakeBotApi;
let child: ChildProcess | null = null;
let output = '';

beforeEach(async () => {
  api = new FakeBotApi();
  await api.start();
  output = '';
});

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  await api.stop();
});

async function start(env: Record<string, string>, prepare?: (corpusDir: string) => Promise<void>): Promise<ChildProcess> {
  const ws = await scratchWorkspace();
  await prepare?.(ws.corpusDir);
  const { TELEGRAM_BOT_TOKEN: _token, ...parent } = process.env;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    env: { ...parent, CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir, LOG_LEVEL: 'info', ...env },
  });
  child.stdout?.on('data', (d: Buffer) => (output += d));
  child.stderr?.on('data', (d: Buffer) => (output += d));
  return child;
}

/** The bot in webhook mode on `port`, with the secret token "test-secret". */
const startWebhook = (port: number) =>
  start({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    WEBHOOK_URL: 'https://bot.example.org/telegram',
    WEBHOOK_SECRET: 'test-secret',
    PORT: String(port),
  });

const exited = (proc: ChildProcess) => new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));

/** Resolves once the child's output satisfies `predicate`; rejects with the output so far after `timeoutMs`. */
async function outputShows(predicate: (text: string) => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(output)) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The JSON log lines the child wrote with `message` in them. */
const logged = (message: string): Array<Record<string, unknown>> =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => String(line.msg).includes(message));

const WARN = 40;

describe('npm start', () => {
  it('without a token exits with a message pointing to BotFather and to npm run ask', async () => {
    const proc = await start({});
    expect(await exited(proc)).toBe(1);
    expect(output).toContain('TELEGRAM_BOT_TOKEN is not set');
    expect(output).toContain('@BotFather');
    expect(output).toContain('npm run ask');
  });

  it('names a bad setting or a missing corpus folder in one line and exits 1, without a stack trace', async () => {
    const settings: Array<Record<string, string>> = [{ RATE_LIMIT_PER_MINUTE: 'many' }, { CORPUS_DIR: '/nonexistent-corpus' }];
    for (const env of settings) {
      output = '';
      const proc = await start({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...env });
      expect(await exited(proc)).toBe(1);
      expect(output).toMatch(/RATE_LIMIT_PER_MINUTE|CORPUS_DIR is \/nonexistent-corpus/);
      expect(output).not.toMatch(/\n\s+at /);
      expect(output).not.toContain(api.token);
    }
  });

  it('polls, answers, tries the command menu in two languages (a failure there does not stop start-up), and stops cleanly on SIGTERM', async () => {
    api.failWith400('setMyCommands');
    const proc = await start({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot });
    await api.waitFor(() => api.sent('getUpdates').length > 0, 30_000);
    api.text(1, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    await api.waitFor(() => api.sent('sendMessage', 1).length >= 1);
    const menus = api.sent('setMyCommands');
    expect(menus.map((c) => c.params.language_code ?? 'default').sort()).toEqual(['default', 'en']);
    const began = Date.now();
    proc.kill('SIGTERM');
    expect(await exited(proc)).toBe(0);
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(output).toContain('stopped');
    expect(output).not.toContain(api.token);
  });

  it('serves a webhook that checks the secret token', async () => {
    const port = await freePort();
    const proc = await startWebhook(port);
    await api.waitFor(() => api.sent('setWebhook').length > 0, 30_000);
    expect(api.sent('setWebhook')[0]?.params).toMatchObject({ url: 'https://bot.example.org/telegram', secret_token: 'test-secret' });
    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: 'private' }, from: { id: 7, is_bot: false, first_name: 'A' }, text: '/help' } };
    const post = (secret: string) =>
      fetch(`http://127.0.0.1:${port}/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
    expect((await post('wrong')).status).toBe(401);
    expect((await post('test-secret')).status).toBe(200);
    await api.waitFor(() => api.sent('sendMessage', 7).length >= 1);
    expect(api.sent('sendMessage', 7)).toHaveLength(1);
    proc.kill('SIGTERM');
    expect(await exited(proc)).toBe(0);
  });

  it('serves /healthz, /readyz and /metrics beside the webhook, and counts the questions it answers', async () => {
    const port = await freePort();
    const proc = await startWebhook(port);
    const base = `http://127.0.0.1:${port}`;
    await outputShows((text) => text.includes('serving /healthz'));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await api.waitFor(() => api.sent('setWebhook').length > 0, 30_000);
    await outputShows((text) => text.includes('serving the webhook'));
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const update = { update_id: 2, message: { message_id: 2, date: 0, chat: { id: 8, type: 'private' }, from: { id: 8, is_bot: false, first_name: 'B' }, text: 'Mấy giờ thì bắt đầu bỏ phiếu?' } };
    const posted = await fetch(`${base}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'test-secret' },
      body: JSON.stringify(update),
    });
    expect(posted.status).toBe(200);
    await api.waitFor(() => api.sent('sendMessage', 8).length >= 1);
    // The log line is written after the reply is sent: wait for it rather than race it.
    await outputShows((text) => text.includes('question answered'));
    expect(logged('question answered')[0]?.replica).toMatch(/:\d+$/);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^cutrihoi_questions_total\{outcome="answered"\} 1$/m);
    expect(metrics).toMatch(/^cutrihoi_index_passages [1-9]\d*$/m);
    proc.kill('SIGTERM');
    expect(await exited(proc)).toBe(0);
  });

  it('says it is alive but not ready, and turns webhook updates away with 503, while the index is being built', async () => {
    const port = await freePort();
    // More law to index (the election law again under other names), so the start-up build takes seconds.
    const law = await readFile(path.join('corpus', 'law', 'luat-85-2015-qh13.md'), 'utf8');
    const proc = await start(
      { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, WEBHOOK_URL: 'https://bot.example.org/telegram', WEBHOOK_SECRET: 'test-secret', PORT: String(port) },
      async (corpusDir) => {
        for (let i = 0; i < 12; i++) await writeFile(path.join(corpusDir, 'law', `copy-${i}.md`), law.replace(/^title: .*$/m, `title: Bản sao ${i}`).replace(/^number: .*\n/m, ''));
      },
    );
    await outputShows((text) => text.includes('serving /healthz'));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const building = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(building.status).toBe(503);
    expect(await building.text()).toBe('not ready: building the index\n');
    const update = { update_id: 3, message: { message_id: 3, date: 0, chat: { id: 9, type: 'private' }, from: { id: 9, is_bot: false, first_name: 'C' }, text: '/help' } };
    const early = await fetch(`http://127.0.0.1:${port}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'test-secret' }, body: JSON.stringify(update) });
    expect(early.status).toBe(503);
    await outputShows((text) => text.includes('serving the webhook'), 120_000);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    proc.kill('SIGTERM');
    expect(await exited(proc)).toBe(0);
  }, 150_000);

  it('serves the endpoints while polling when PORT is set, and says so when the port is taken', async () => {
    const port = await freePort();
    const proc = await start({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, PORT: String(port) });
    await outputShows((text) => text.includes('polling as'));
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('cutrihoi_questions_total');
    // The same server serves the web page and its API.
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('<form id="ask" method="post" action="/ask">');
    const asked = await fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Mấy giờ thì bắt đầu bỏ phiếu?' }) });
    expect((await asked.json()).text).toContain('bắt đầu từ 7 giờ sáng');

    output = '';
    const second = await start({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, PORT: String(port) });
    expect(await exited(second)).toBe(1);
    expect(output).toContain(`Cannot serve HTTP on PORT ${port}`);
    expect(output).not.toMatch(/\n\s+at /);
    proc.kill('SIGTERM');
    expect(await exited(proc)).toBe(0);
  });

  it('stops with one clear line and status 1 when Telegram refuses the token, never printing it', async () => {
    const wrong = '654321:WRONG-token-zyxwvutsrqponm';
    const proc = await start({ TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: api.apiRoot });
    expect(await exited(proc)).toBe(1);
    const plain = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toContain('Telegram refused the token (401 Unauthorized): check TELEGRAM_BOT_TOKEN');
    expect(output).not.toContain(wrong);
    expect(output).not.toContain('GrammyError');
    expect(api.sent('getUpdates')).toEqual([]);
  });

  it('keeps trying with growing, logged delays while Telegram is unreachable, then starts and answers', async () => {
    const port = await freePort();
    const httpPort = await freePort();
    const proc = await start({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, PORT: String(httpPort) });
    await outputShows(() => logged('could not reach Telegram').length >= 2);
    // /readyz names the real cause: the index is built, Telegram is what is missing.
    const readyz = await fetch(`http://127.0.0.1:${httpPort}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.text()).toBe('not ready: Telegram is not reachable (retrying)\n');
    const [first, second] = logged('could not reach Telegram');
    expect(first).toMatchObject({ level: WARN, method: 'getMe', attempt: 1, retryInSeconds: 1 });
    expect(second).toMatchObject({ level: WARN, method: 'getMe', attempt: 2, retryInSeconds: 2 });
    expect(String(first?.msg)).toContain('attempt 1, retrying in 1 s');
    expect(proc.exitCode).toBeNull();

    const reachable = new FakeBotApi(api.token);
    try {
      await reachable.start(port);
      await reachable.waitFor(() => reachable.sent('getUpdates').length > 0, 30_000);
      expect(logged('reached Telegram')[0]).toMatchObject({ method: 'getMe' });
      reachable.text(1, 'Mấy giờ thì bắt đầu bỏ phiếu?');
      await reachable.waitFor(() => reachable.sent('sendMessage', 1).length >= 1);
      expect(String(reachable.sent('sendMessage', 1)[0]?.params.text)).toContain('7 giờ sáng');
      expect(output).not.toContain(api.token);
    } finally {
      proc.kill('SIGKILL');
      await reachable.stop();
    }
  });

  it('logs each failed poll while Telegram is away, answers again once it is back, and still stops on SIGTERM during an outage', async () => {
    const port = await freePort();
    const telegram = new FakeBotApi(api.token);
    await telegram.start(port);
    try {
      const proc = await start({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: telegram.apiRoot });
      await telegram.waitFor(() => telegram.sent('getUpdates').length > 0, 30_000);

      await telegram.stop();
      await outputShows(() => logged('could not reach Telegram').filter((l) => l.method === 'getUpdates').length >= 2);
      const polls = logged('could not reach Telegram').filter((l) => l.method === 'getUpdates');
      expect(polls.slice(0, 2)).toMatchObject([
        { level: WARN, attempt: 1, retryInSeconds: 1 },
        { level: WARN, attempt: 2, retryInSeconds: 2 },
      ]);
      // A question sent while the bot could not poll is answered once Telegram is back.
      telegram.text(1, 'Mấy giờ thì bắt đầu bỏ phiếu?');
      await telegram.start(port);
      await telegram.waitFor(() => telegram.sent('sendMessage', 1).length >= 1, 30_000);
      expect(String(telegram.sent('sendMessage', 1)[0]?.params.text)).toContain('7 giờ sáng');
      expect(logged('reached Telegram').some((l) => l.method === 'getUpdates')).toBe(true);

      await telegram.stop();
      const outages = logged('could not reach Telegram').length;
      await outputShows(() => logged('could not reach Telegram').length > outages);
      const began = Date.now();
      proc.kill('SIGTERM');
      expect(await exited(proc)).toBe(0);
      expect(Date.now() - began).toBeLessThan(10_000);
    } finally {
      await telegram.stop().catch(() => undefined);
    }
  });
});
