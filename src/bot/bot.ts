import { autoRetry } from '@grammyjs/auto-retry';
import { hydrateFiles } from '@grammyjs/files';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, session } from 'grammy';
import type { BotContext, BotServices } from './context.ts';
import { admin } from './features/admin.ts';
import { buttons } from './features/buttons.ts';
import { commands } from './features/commands.ts';
import { fallback } from './features/fallback.ts';
import { questions } from './features/questions.ts';
import { retryNetworkErrors } from './network.ts';
import { PREFIX, RATE_LIMIT_WINDOW_MS, type RateLimitStore } from './shared.ts';
import { BOT_TEXTS, languageOf } from './texts.ts';

/** Messages the bot will answer: anything in a private chat, commands, mentions and replies in groups, example buttons. */
function addressedToBot(ctx: BotContext): boolean {
  if (ctx.callbackQuery?.data?.startsWith('ex:')) return true;
  const msg = ctx.message;
  if (!msg) return false;
  if (ctx.chat?.type === 'private') return true;
  const text = msg.text ?? '';
  return text.startsWith('/') || text.includes(`@${ctx.me.username}`) || msg.reply_to_message?.from?.id === ctx.me.id;
}

/** Wires the features into one bot. Nothing here talks to Telegram until the bot is started. */
export function createBot(token: string, services: BotServices): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, { client: services.config.apiRoot ? { apiRoot: services.config.apiRoot } : {} });
  // auto-retry handles 429 and 5xx; network errors go to retryNetworkErrors (installed after, so it wraps it), which logs each attempt.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  bot.api.config.use(retryNetworkErrors({ logger: services.logger, onRetry: services.metrics.telegramRetry }));
  // getFile results learn getUrl(): the download URL with the token, or a local Bot API server's absolute path.
  bot.api.config.use(hydrateFiles(bot.token, { apiRoot: services.config.apiRoot }));
  // Outermost, so it counts what is left failing after every retry.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) services.metrics.telegramError(method);
      return result;
    } catch (error) {
      services.metrics.telegramError(method);
      throw error;
    }
  });

  // Updates of one chat are handled in order; different chats run concurrently under the runner.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(async (ctx, next) => {
    ctx.lang = languageOf(ctx.from?.language_code);
    ctx.texts = BOT_TEXTS[ctx.lang];
    ctx.services = services;
    await next();
  });
  // Channel posts carry no user and are never questions.
  bot.drop((ctx) => ctx.channelPost !== undefined || ctx.editedChannelPost !== undefined);
  bot.filter(addressedToBot).use(
    limit<BotContext, Exclude<RateLimitStore, 'MEMORY_STORE'>>({
      timeFrame: RATE_LIMIT_WINDOW_MS,
      limit: services.config.ratePerMinute,
      // Shared by every replica when Redis is configured, so a user's limit holds whichever one answers.
      storageClient: services.state.rateLimitStore,
      // Admins are not limited: an upload and a reindex are several messages in a row.
      keyGenerator: (ctx) => (ctx.from && !services.config.adminIds.includes(ctx.from.id) ? ctx.from.id.toString() : undefined),
      onLimitExceeded: async (ctx) => {
        await ctx.reply(ctx.texts.rateLimited).catch(() => undefined);
      },
    }),
  );
  bot.use(
    session({
      initial: () => ({ turns: [] }),
      storage: services.state.conversations,
      prefix: `${PREFIX}:conversation:`,
      // One conversation per private chat, and per person inside a group: two members' questions never mix.
      getSessionKey: (ctx) => (ctx.chat ? (ctx.chat.type === 'private' || !ctx.from ? `${ctx.chat.id}` : `${ctx.chat.id}:${ctx.from.id}`) : undefined),
    }),
  );
  bot.use(commands, admin, buttons, questions, fallback);

  bot.catch(async (error) => {
    const { ctx } = error;
    const cause = error.error;
    const kind = cause instanceof GrammyError ? 'telegram' : cause instanceof HttpError ? 'network' : 'handler';
    services.logger.error({ updateId: ctx.update.update_id, kind, err: cause }, 'update failed');
    await ctx.reply(ctx.texts?.failed ?? BOT_TEXTS.vi.failed).catch(() => undefined);
  });
  return bot;
}

/** Registers the command menu in Vietnamese (default) and English; a failure is logged, never fatal. */
export async function registerCommands(bot: Bot<BotContext>, services: BotServices): Promise<void> {
  const menus = [bot.api.setMyCommands(BOT_TEXTS.vi.commands), bot.api.setMyCommands(BOT_TEXTS.en.commands, { language_code: 'en' })];
  for (const result of await Promise.allSettled(menus)) {
    if (result.status === 'rejected') services.logger.warn({ err: result.reason }, 'could not register the command menu');
  }
}
