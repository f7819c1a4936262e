import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { run } from '@grammyjs/runner';
import { webhookCallback } from 'grammy';
import { createAssistant, type Assistant } from '../assistant.ts';
import { createBot, registerCommands } from '../bot/bot.ts';
import { serveEndpoints } from '../bot/endpoints.ts';
import { createMetrics } from '../bot/metrics.ts';
import { describeRefusal } from '../bot/network.ts';
import { localState, redisState } from '../bot/shared.ts';
import { loadConfig } from '../config.ts';
import { CorpusError, CorpusFolderError } from '../corpus/index.ts';
import { EmbedderError, IndexLocationError } from '../index/index.ts';
import { createLogger } from '../logger.ts';
import { mcpHttpHandler } from '../mcp/index.ts';
import { webFromConfig } from '../web/index.ts';
import { readArgs } from './args.ts';

const USAGE = 'Usage: npm start   (the Telegram bot; settings come from .env or the environment, see .env.example)';

/** What the admin must fix (a setting, the corpus, the index folder): one clear line and status 1, no stack trace. */
function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

if (!readArgs({ options: {} }, USAGE)) process.exit();
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail(error);
  }
})();
const { token } = config.telegram;
if (!token) {
  console.error(
    'TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram, then put its token in .env ' +
      '(see .env.example) or the environment and run "npm start" again.\n' +
      'To try the answers without Telegram: npm run ask -- "Mấy giờ thì bắt đầu bỏ phiếu?"',
  );
  process.exit(1);
}

// Every line names its replica, so the logs of several processes can be told apart.
// The webhook secret and a Redis password are secrets too, should a library ever log them.
const redisPassword = config.redisUrl ? decodeURIComponent(new URL(config.redisUrl).password) : '';
const logger = createLogger(config.logLevel, [token, config.telegram.webhook?.secret ?? '', redisPassword]).child({ replica: config.replicaId });
const { webhook } = config.telegram;
const webhookPath = webhook ? new URL(webhook.url).pathname : undefined;
let assistant: Assistant | undefined;
let handleUpdate: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
let web: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined;
// Ready once the index is loaded and updates are taken (the webhook set, or polling started); until then, why not.
let notReady: string | null = 'building the index';
const metrics = createMetrics(() => assistant?.index);
const endpoints = serveEndpoints({ metrics, notReady: () => notReady });

// Health and metrics answer from the first second, while the index is still being built.
const server = config.httpPort
  ? createServer((req, res) => {
      const update = req.method === 'POST' && new URL(req.url ?? '/', 'http://localhost').pathname === webhookPath;
      void endpoints(req, res)
        .then(async (served) => {
          // The web page and MCP answer once the assistant does; the webhook path is the bot's own.
          if (served || (!update && web && (await web(req, res)))) return;
          if (!update) return void res.writeHead(404).end();
          // Not answering yet: Telegram keeps the update and sends it again.
          if (!handleUpdate) return void res.writeHead(503).end();
          return handleUpdate(req, res);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'HTTP request failed');
          // A failed update is answered 200 so Telegram does not resend it forever; anything else failed.
          if (!res.headersSent) res.writeHead(update ? 200 : 500).end();
        });
    })
  : undefined;
if (server) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.httpPort, () => resolve());
  }).catch((error: unknown) => fail(new Error(`Cannot serve HTTP on PORT ${config.httpPort}: ${error instanceof Error ? error.message : String(error)}`)));
  logger.info({ port: config.httpPort }, 'serving /healthz, /readyz and /metrics');
}

assistant = await createAssistant({ config, logger }).catch((error: unknown) => {
  // The admin's to fix (a corpus file or folder, the index folder, a model): the message; anything else is a bug with its stack.
  if (error instanceof CorpusError || error instanceof CorpusFolderError || error instanceof IndexLocationError || error instanceof EmbedderError) fail(error);
  throw error;
});
// Several replicas share their state in Redis; one process keeps it in memory and a file.
const state = config.redisUrl ? redisState(config.redisUrl, logger) : localState(config.telegram.feedbackFile);
// Another replica rebuilt: swap to its build now, not at the next look at the disk.
state.onBuild((builtAt) => {
  // This replica's own announcement comes back to it too: it already serves that build.
  if (builtAt !== assistant?.index.manifest.builtAt) void assistant?.refresh(true).catch((error: unknown) => logger.warn({ err: error }, 'could not load the announced build'));
});
const services = {
  assistant,
  config: { ...config.telegram, corpusDir: config.corpusDir },
  logger,
  state,
  // A retry before the first answer means Telegram is not reachable: /readyz says so rather than "connecting".
  metrics: {
    ...metrics,
    telegramRetry(method: string) {
      metrics.telegramRetry(method);
      if (notReady === 'connecting to Telegram') notReady = 'Telegram is not reachable (retrying)';
    },
  },
  startedAt: Date.now(),
};
const bot = createBot(token, services);
// The same server serves the web page, its API and MCP over HTTP, through the same assistant.
web = webFromConfig(assistant, state, config.web, logger, mcpHttpHandler(assistant));
notReady = 'connecting to Telegram';

/** Telegram's refusal (a wrong token above all) ends the program with one line, not a stack trace. */
function exitIfRefused(error: unknown): void {
  const line = describeRefusal(error);
  if (!line) throw error;
  console.error(line);
  process.exit(1);
}

// Network failures never reach here: they are logged and retried until Telegram answers (src/bot/network.ts).
await bot.init().catch(exitIfRefused);
await registerCommands(bot, services);

const closeServer = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
let stop: () => Promise<void>;
if (webhook) {
  // A slow answer must not make Telegram resend the update: reply 200 at the timeout and finish in the background.
  handleUpdate = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return' });
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret }).catch(exitIfRefused);
  logger.info({ port: config.httpPort, path: webhookPath }, `serving the webhook for @${bot.botInfo.username}`);
  stop = closeServer;
} else {
  await bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, 'could not delete the webhook'));
  const runner = run(bot, { runner: { silent: true } });
  // The runner retries other failed polls itself and stops on 401 or 409 (token revoked, a second instance): say which, in one line.
  void runner.task()?.catch(exitIfRefused);
  logger.info(`polling as @${bot.botInfo.username}`);
  stop = () => runner.stop().then(closeServer);
}
notReady = null;

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    // Draining: the load balancer sends no more.
    notReady = 'stopping';
    logger.info({ signal }, 'stopping: finishing the updates in flight');
    // Never hang on shutdown: whatever is still running after 8 s is abandoned.
    const force = setTimeout(() => process.exit(0), 8000);
    force.unref();
    // A rebuild started from Telegram finishes too, so its admin gets the result.
    void stop()
      .then(() => assistant?.idle())
      .then(() => state.close())
      .catch((error: unknown) => logger.error({ err: error }, 'error while stopping'))
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
  });
}
