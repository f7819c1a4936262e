// The phone-width screenshot of the web page shown in the README: npm run screenshot (needs Debian's chromium).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { createAssistant } from '../src/assistant.ts';
import { localState } from '../src/bot/shared.ts';
import { loadConfig } from '../src/config.ts';
import { createCliLogger } from '../src/logger.ts';
import { createRateLimiter, serveWeb } from '../src/web/index.ts';

const OUT = 'docs/web-phone.png';
const QUESTION = 'Mấy giờ thì bắt đầu bỏ phiếu?';
const config = loadConfig();
const logger = createCliLogger('warn');
const assistant = await createAssistant({ config, logger });
const web = serveWeb({ assistant, feedback: localState('/dev/null').feedback, limiter: createRateLimiter('MEMORY_STORE', 1000), logger, frameAncestors: "'self'", trustProxy: false });
const server = createServer((req, res) => void web(req, res).then((served) => served || res.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
const executablePath = process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
await page.goto(`http://127.0.0.1:${port}/?lang=vi`);
await page.locator('#question').fill(QUESTION);
await page.locator('#ask button[type=submit]').click();
await page.locator('#result .answer details').first().waitFor();
// The first screen a voter sees: the question and the answer's start.
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: OUT, fullPage: false });
await browser.close();
server.close();
console.log(`${OUT}: the page at 360 px wide, answering "${QUESTION}"`);
