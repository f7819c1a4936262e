// The web page, its JSON API and the MCP server over HTTP, without Telegram: npm run web
import { createServer } from 'node:http';
import { createAssistant } from '../assistant.ts';
import { createMetrics } from '../bot/metrics.ts';
import { serveEndpoints } from '../bot/endpoints.ts';
import { localState, redisState } from '../bot/shared.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { mcpHttpHandler } from '../mcp/index.ts';
import { webFromConfig } from '../web/index.ts';
import { readArgs } from './args.ts';

const USAGE = 'Usage: npm run web   (the web page, its JSON API and MCP over HTTP on PORT, default 8080)';

const DEFAULT_PORT = 8080;
if (!readArgs({ options: {} }, USAGE)) process.exit();
const config = loadConfig();
const redisPassword = config.redisUrl ? decodeURIComponent(new URL(config.redisUrl).password) : '';
const logger = createLogger(config.logLevel, [redisPassword]).child({ replica: config.replicaId });
const port = config.httpPort ?? DEFAULT_PORT;
const assistant = await createAssistant({ config, logger });
// Replicas share the per-address limit and the feedback through Redis, as the bot's replicas do.
const state = config.redisUrl ? redisState(config.redisUrl, logger) : localState(config.telegram.feedbackFile);
const web = webFromConfig(assistant, state, config.web, logger, mcpHttpHandler(assistant));
const endpoints = serveEndpoints({ metrics: createMetrics(() => assistant.index), notReady: () => null });
const server = createServer((req, res) => {
  void (async () => {
    if ((await endpoints(req, res)) || (await web(req, res))) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  })().catch((error: unknown) => {
    logger.error({ err: error }, 'HTTP request failed');
    if (!res.headersSent) res.writeHead(500).end();
  });
});
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, () => resolve());
}).catch((error: unknown) => {
  console.error(`Cannot serve HTTP on PORT ${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
logger.info({ port }, `serving the web page on http://127.0.0.1:${port}/ and MCP on /mcp`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void state.close().finally(() => process.exit(0));
  });
}
