import { createHash } from 'node:crypto';
import { Composer, InlineKeyboard } from 'grammy';
import { renderTelegram, type Answer } from '../../answer/index.ts';
import type { CorpusIndex } from '../../index/index.ts';
import { isSmallTalk } from '../../search/index.ts';
import type { BotContext } from '../context.ts';
import { rememberAnswer } from '../feedback.ts';
import { MAX_QUESTION_LENGTH } from '../texts.ts';

/** Short tag of the index an answer came from, so a source button never opens a passage of another build. */
export function buildTag(builtAt: string): string {
  return createHash('sha256').update(builtAt).digest('hex').slice(0, 6);
}

function keyboardFor(index: CorpusIndex, answer: Answer, answerId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const tag = buildTag(index.manifest.builtAt);
  for (const citation of answer.citations) keyboard.text(`[${citation.n}]`, `src:${tag}:${citation.passageIndex}`);
  if (answer.citations.length > 0) keyboard.row();
  // A "not sure" reply's nearest topics, one button a row: pressing one asks that topic.
  for (const [i, topic] of answer.topics.entries()) keyboard.text(`${i + 1}. ${shorten(topic.label)}`, `topic:${tag}:${topic.passageIndex}`).row();
  return keyboard.text('👍', `fb:${answerId}:up`).text('👎', `fb:${answerId}:down`);
}

// Telegram shows about this many characters of a button on a phone.
const BUTTON_CHARS = 60;
const shorten = (label: string) => (label.length > BUTTON_CHARS ? `${label.slice(0, BUTTON_CHARS - 1).trimEnd()}…` : label);

/** Answers one question: typing action, the cited answer in HTML, source and feedback buttons. */
export async function answerQuestion(ctx: BotContext, question: string): Promise<void> {
  const { assistant, state, logger, metrics } = ctx.services;
  if (!question.trim()) {
    await ctx.reply(ctx.texts.askUsage);
    return;
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    await ctx.reply(ctx.texts.tooLong(MAX_QUESTION_LENGTH));
    return;
  }
  const started = performance.now();
  // A failing chat action must never stop the answer.
  ctx.replyWithChatAction('typing').catch((error: unknown) => logger.warn({ err: error }, 'sendChatAction failed'));
  await assistant.refresh().catch((error: unknown) => logger.warn({ err: error }, 'could not check for a newer index'));
  // The index that answers is the one the source buttons must point into, even if a rebuild swaps it meanwhile.
  const { index } = assistant;
  // A follow-up ("còn người bị tạm giam thì sao?") is read with this chat's last turns; the conversation moves on.
  const { answer, conversation } = await assistant.converse(ctx.session, question, ctx.lang, (ctx.services.clock ?? Date.now)());
  ctx.session = conversation ?? { turns: [] };
  // Small talk ("xin chào", "cảm ơn") is neither answered nor declined, and has nothing to rate.
  const smallTalk = isSmallTalk(answer.outcome);
  // Without the shared store the answer still goes out, only without feedback buttons.
  const answerId = await rememberAnswer(state.feedback, question, answer).catch((error: unknown) => (logger.warn({ err: error }, 'answer not remembered for feedback'), null));
  const messages = renderTelegram(answer);
  for (const [i, message] of messages.entries()) {
    const last = i === messages.length - 1;
    await ctx.reply(message.text, {
      entities: message.entities,
      link_preview_options: { is_disabled: true },
      // In a group the answer quotes the question it answers; a private chat needs no quote.
      ...(i === 0 && ctx.msg && ctx.chat?.type !== 'private' ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
      ...(last && answerId ? { reply_markup: keyboardFor(index, answer, answerId) } : {}),
    });
  }
  const latencyMs = performance.now() - started;
  if (!smallTalk) metrics.question(answer.answered ? 'answered' : answer.outcome === 'not_sure' ? 'not_sure' : 'declined', latencyMs / 1000);
  logger.info({ updateId: ctx.update.update_id, chatType: ctx.chat?.type, latencyMs: Math.round(latencyMs), outcome: answer.outcome }, 'question answered');
  logger.debug({ question }, 'question text');
}

/** Private chats: any text is a question. Groups: /ask, a mention of the bot, or a reply to the bot. */
export const questions = new Composer<BotContext>();

questions.command('ask', (ctx) => answerQuestion(ctx, ctx.match));

questions.chatType('private').on('message:text', (ctx) => answerQuestion(ctx, ctx.msg.text));

questions.chatType(['group', 'supergroup']).on('message:text', async (ctx, next) => {
  const username = ctx.me.username;
  const mention = `@${username}`;
  const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
  if (ctx.msg.text.includes(mention)) return answerQuestion(ctx, ctx.msg.text.replaceAll(mention, ' ').trim());
  if (repliesToBot) return answerQuestion(ctx, ctx.msg.text);
  return next();
});
