import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.ts';
import { localState, type SharedState } from '../../src/bot/shared.ts';
import { loadConfig } from '../../src/config.ts';
import { createRateLimiter, serveWeb } from '../../src/web/index.ts';
import { freePort, memoryLogger, scratchWorkspace, tempDir } from '../helpers.ts';

/** Debian's chromium (apt-get install chromium; .ci/run installs it): never a browser download. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();

let browser: Browser;
let server: Server;
let state: SharedState;
let base: string;

beforeAll(async () => {
  const ws = await scratchWorkspace();
  const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
  const assistant = await createAssistant({ config, logger: memoryLogger().logger });
  state = localState(path.join(ws.root, 'feedback.jsonl'));
  const web = serveWeb({ assistant, feedback: state.feedback, limiter: createRateLimiter('MEMORY_STORE', 1000), logger: memoryLogger().logger, frameAncestors: "'self'", trustProxy: false });
  server = createServer((req, res) => void web(req, res).then((served) => served || res.writeHead(404).end()));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the web page in a real browser', () => {
  it('asks a question, shows the quote and its source, expands the source, presses a starter and stores feedback', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}/?lang=vi`);
    expect(await page.locator('label[for="question"]').textContent()).toBe('Câu hỏi của bạn');
    await page.locator('#question').fill('Mấy giờ thì bắt đầu bỏ phiếu?');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    const answer = page.locator('#result .answer');
    await answer.waitFor();
    await expect.poll(() => answer.locator('.text').textContent()).toContain('bắt đầu từ 7 giờ sáng');
    const source = answer.locator('details').first();
    expect(await source.locator('summary').textContent()).toMatch(/^\[1\] /);
    expect(await source.locator('.passage').isVisible()).toBe(false);
    await source.locator('summary').click();
    expect(await source.locator('.passage').isVisible()).toBe(true);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const starter = page.locator('#starters button').first();
    const asked = (await starter.textContent()) as string;
    await starter.click();
    await expect.poll(() => page.locator('#question').inputValue()).toBe(asked);
    await expect.poll(() => page.locator('#result .answer .text').textContent()).toBeTruthy();

    await page.locator('#result .feedback button', { hasText: '👍' }).click();
    await expect.poll(() => page.locator('#result .feedback span').textContent()).toContain('Cảm ơn');
    expect(await state.feedback.votes()).toContainEqual(expect.objectContaining({ question: asked, vote: 'up' }));
    await page.screenshot({ path: path.join(await tempDir(), 'phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has its phone-width screenshot in the README, made by npm run screenshot', async () => {
    const png = readFileSync('docs/web-phone.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width and height in the PNG header (IHDR): a phone's 360 px.
    expect(png.readUInt32BE(16)).toBe(360);
    expect(readFileSync('README.md', 'utf8')).toContain('![The web page on a 360-px-wide phone](docs/web-phone.png)');
  });

  it('works as a plain form post where scripts are off, and keeps the keyboard in order', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/?lang=en`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.keyboard.type('Can someone vote on my behalf?');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ask');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/ask`);
    expect(await page.locator('#result .answer .text').textContent()).toContain('phải tự mình đi bầu');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
