import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { serveEndpoints } from '../../src/bot/endpoints.ts';
import { createMetrics } from '../../src/bot/metrics.ts';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex } from '../../src/index/index.ts';
import { freePort, scratchWorkspace } from '../helpers.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real HTTP server on 127.0.0.1 serving the endpoints; anything else gets 404. */
async function serve(options: Parameters<typeof serveEndpoints>[0]): Promise<string> {
  const endpoints = serveEndpoints(options);
  server = createServer((req, res) => void endpoints(req, res).then((served) => served || void res.writeHead(404).end()));
  const port = await freePort();
  await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port}`;
}

describe('serveEndpoints', () => {
  it('says alive at once, ready only when answering, and leaves other paths to the caller', async () => {
    let cause: string | null = 'building the index';
    const base = await serve({ metrics: createMetrics(() => undefined), notReady: () => cause });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const starting = await fetch(`${base}/readyz`);
    expect(starting.status).toBe(503);
    expect(await starting.text()).toBe('not ready: building the index\n');
    cause = null;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/telegram`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(404);
  });

  it('serves Prometheus text: questions by outcome, answer latency, Telegram errors and retries, reindexes, and the index that answers', async () => {
    const ws = await scratchWorkspace();
    const embedder = new LocalEmbedder();
    await buildIndex({ ...ws, embedder });
    const index: CorpusIndex = await loadIndex(ws.indexDir);
    const metrics = createMetrics(() => index);
    const base = await serve({ metrics, notReady: () => null });
    const before = await (await fetch(`${base}/metrics`)).text();
    expect(before).toMatch(/^cutrihoi_questions_total\{outcome="answered"\} 0$/m);
    expect(before).toMatch(new RegExp(`^cutrihoi_index_passages ${index.passageCount}$`, 'm'));

    metrics.question('answered', 0.02);
    metrics.question('declined', 0.3);
    metrics.telegramError('sendMessage');
    metrics.telegramRetry('getUpdates');
    metrics.reindexed(2, false);
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^cutrihoi_questions_total\{outcome="answered"\} 1$/m);
    expect(text).toMatch(/^cutrihoi_questions_total\{outcome="declined"\} 1$/m);
    expect(text).toMatch(/^cutrihoi_answer_seconds_count 2$/m);
    expect(text).toMatch(/^cutrihoi_answer_seconds_bucket\{le="0.05"\} 1$/m);
    expect(text).toMatch(/^cutrihoi_telegram_errors_total\{method="sendMessage"\} 1$/m);
    expect(text).toMatch(/^cutrihoi_telegram_retries_total\{method="getUpdates"\} 1$/m);
    expect(text).toMatch(/^cutrihoi_reindex_failures_total 1$/m);
    expect(text).toMatch(/^cutrihoi_index_age_seconds \d/m);
    expect(text).toMatch(/^cutrihoi_process_resident_memory_bytes \d/m);
  });
});
