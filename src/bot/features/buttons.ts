import { Composer } from 'grammy';
import { formatDate, toTelegramMessages, type Line } from '../../answer/index.ts';
import type { BotContext } from '../context.ts';
import { answerQuestion, buildTag } from './questions.ts';

/** The buttons under an answer: a cited source's full passage, a nearest topic, and 👍/👎 feedback. */
export const buttons = new Composer<BotContext>();

buttons.callbackQuery(/^src:([0-9a-f]+):(\d+)$/, async (ctx) => {
  const { index } = ctx.services.assistant;
  const passage = index.passage(Number(ctx.match[2]));
  if (ctx.match[1] !== buildTag(index.manifest.builtAt) || !passage) {
    await ctx.answerCallbackQuery({ text: ctx.texts.sourceGone, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const doc = index.document(passage.docId);
  const origin = [doc?.issuer, doc?.publisher].filter(Boolean).join(' · ');
  const lines: Line[] = [
    [{ text: doc?.title ?? passage.docId, style: 'bold' }],
    [{ text: [origin, formatDate(doc?.date, ctx.lang)].filter(Boolean).join(', ') }],
    ...(doc?.url ? [[{ text: doc.url, url: doc.url }]] : []),
    [],
    [{ text: `${ctx.texts.passageHeading}${passage.section ? ` · ${passage.section}` : ''}`, style: 'italic' as const }],
    [{ text: passage.text }],
  ];
  for (const message of toTelegramMessages(lines)) {
    await ctx.reply(message.text, { entities: message.entities, link_preview_options: { is_disabled: true } });
  }
});

buttons.callbackQuery(/^topic:([0-9a-f]+):(\d+)$/, async (ctx) => {
  const { assistant } = ctx.services;
  const topic = ctx.match[1] === buildTag(assistant.index.manifest.builtAt) ? assistant.topic(Number(ctx.match[2])) : null;
  if (!topic) {
    await ctx.answerCallbackQuery({ text: ctx.texts.sourceGone, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await answerQuestion(ctx, topic.question);
});

buttons.callbackQuery(/^fb:([0-9a-f]{6}[0-9a-z]+):(up|down)$/, async (ctx) => {
  // Thanked only once the vote is stored: a vote acknowledged is never lost.
  const stored = await ctx.services.state.feedback.vote(ctx.match[1] as string, ctx.match[2] as 'up' | 'down').then(
    () => true,
    (error: unknown) => (ctx.services.logger.warn({ err: error }, 'could not store a vote'), false),
  );
  await ctx.answerCallbackQuery({ text: stored ? ctx.texts.feedbackThanks : ctx.texts.feedbackFailed });
});
