import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJson } from '../../src/answer/index.ts';
import { createAssistant, type Assistant } from '../../src/assistant.ts';
import { localState, redisState, type SharedState } from '../../src/bot/shared.ts';
import { loadConfig } from '../../src/config.ts';
import { createRateLimiter, serveWeb } from '../../src/web/index.ts';
import { freePort, memoryLogger, scratchWorkspace } from '../helpers.ts';
import { RedisServer } from '../support/redis-server.ts';

let assistant: Assistant;
let state: SharedState;
const servers: Server[] = [];

/** The web handler on a real server on 127.0.0.1, as `npm run web` serves it; resolves with its base URL. */
async function serve(options: { state: SharedState; perMinute: number }): Promise<string> {
  const web = serveWeb({ assistant, feedback: options.state.feedback, limiter: createRateLimiter(options.state.rateLimitStore, options.perMinute), logger: memoryLogger().logger, frameAncestors: "'self' https://portal.example.gov.vn", trustProxy: true });
  const server = createServer((req, res) => void web(req, res).then((served) => served || res.writeHead(404).end()));
  servers.push(server);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port}`;
}

let base: string;
beforeAll(async () => {
  const ws = await scratchWorkspace();
  const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
  assistant = await createAssistant({ config, logger: memoryLogger().logger });
  state = localState(`${ws.root}/feedback.jsonl`);
  base = await serve({ state, perMinute: 1000 });
});

afterAll(() => {
  for (const server of servers) server.close();
});

const post = (url: string, body: string, type = 'application/json', ip = '10.0.0.1') => fetch(url, { method: 'POST', headers: { 'content-type': type, 'x-forwarded-for': ip }, body });

describe('the web page', () => {
  it('serves a Vietnamese page with starter questions from the guide, an English switch, and a strict Content-Security-Policy', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://portal.example.gov.vn");
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<label for="question">');
    const starters = await assistant.starters(6);
    expect(starters).toHaveLength(6);
    for (const starter of starters) expect(html).toContain(`value="${starter}"`);
    // Nothing from elsewhere: every asset is this server's own.
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    const english = await (await fetch(`${base}/?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('When do polls open?');
  });

  it('answers a plain form post, with the question and every corpus text escaped, never parsed as HTML', async () => {
    const res = await post(`${base}/ask`, new URLSearchParams({ question: 'Mấy giờ thì bắt đầu bỏ phiếu? <script>alert(1)</script>', lang: 'vi' }).toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('bắt đầu từ 7 giờ sáng');
    expect(html).toMatch(/<details><summary>\[1\] /);
    expect(html).toContain('name="vote" value="up"');
  });
});

describe('the starter questions', () => {
  it('are the guide\'s own headings, one topic each, and each is answered first from its own section', async () => {
    const starters = await assistant.starters(6);
    expect(new Set(starters).size).toBe(6);
    for (const starter of starters) {
      const answer = await assistant.ask(starter);
      expect(answer.answered, starter).toBe(true);
      expect(answer.citations[0]?.section, starter).toBe(starter);
    }
  });
});

describe('POST /api/ask', () => {
  it('gives the JSON of ask --json, and stores feedback on the answer', async () => {
    const res = await post(`${base}/api/ask`, JSON.stringify({ question: 'Tôi có được nhờ người khác bầu thay không?', lang: 'vi' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(answerJson(await assistant.ask('Tôi có được nhờ người khác bầu thay không?', 'vi')));
    const answerId = res.headers.get('x-answer-id') as string;
    expect(answerId).toMatch(/^[0-9a-z]+$/);
    expect((await post(`${base}/api/feedback`, JSON.stringify({ answerId, vote: 'up' }))).status).toBe(204);
    expect(await state.feedback.votes()).toContainEqual(expect.objectContaining({ question: 'Tôi có được nhờ người khác bầu thay không?', vote: 'up' }));
  });

  it('refuses bad input with a clear message and changes nothing: invalid JSON, no question, over 8 KB, a bad vote', async () => {
    const before = await state.feedback.counters();
    const cases: Array<[string, number, RegExp]> = [
      ['{"question": ', 400, /không phải JSON hợp lệ/],
      ['[]', 400, /JSON object/],
      [JSON.stringify({ question: '   ' }), 400, /gõ một câu hỏi/],
      [JSON.stringify({ question: 'x'.repeat(1001) }), 400, /tối đa 1000 ký tự/],
      [JSON.stringify({ question: 'x'.repeat(10 * 1024) }), 413, /larger than 8 KB/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(`${base}/api/ask`, body);
      expect(res.status, body.slice(0, 20)).toBe(status);
      expect((await res.json()).error).toMatch(message);
    }
    expect((await post(`${base}/api/feedback`, JSON.stringify({ answerId: 'x', vote: 'maybe' }))).status).toBe(400);
    expect(await state.feedback.counters()).toEqual(before);
  });

  it('limits each address to its questions a minute, with 429', async () => {
    const limited = await serve({ state: localState(`${base}.unused`), perMinute: 2 });
    const ask = (ip: string) => post(`${limited}/api/ask`, JSON.stringify({ question: 'Mấy giờ thì bắt đầu bỏ phiếu?' }), 'application/json', ip);
    expect((await ask('10.0.0.7')).status).toBe(200);
    expect((await ask('10.0.0.7')).status).toBe(200);
    const third = await ask('10.0.0.7');
    expect(third.status).toBe(429);
    expect((await third.json()).error).toMatch(/đợi một phút/);
    expect((await ask('10.0.0.8')).status).toBe(200);
  });

  it('holds the limit across two web replicas on one Redis', async () => {
    const redis = new RedisServer();
    await redis.start();
    const [a, b] = [redisState(redis.url, memoryLogger().logger), redisState(redis.url, memoryLogger().logger)] as [SharedState, SharedState];
    try {
      const one = await serve({ state: a, perMinute: 3 });
      const two = await serve({ state: b, perMinute: 3 });
      const statuses: number[] = [];
      for (const url of [one, two, one, two]) statuses.push((await post(`${url}/api/ask`, JSON.stringify({ question: 'Bao nhiêu tuổi thì được đi bầu?' }), 'application/json', '10.9.9.9')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await redis.stop();
    }
  });
});
