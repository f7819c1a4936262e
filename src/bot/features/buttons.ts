import { Composer } from 'grammy';
import { escapeHtml, formatDate, splitMessage } from '../../answer/index.ts';
import type { BotContext } from '../context.ts';
import { buildTag } from './questions.ts';

/** The buttons under an answer: a cited source's full passage, and 👍/👎 feedback. */
export const buttons = new Composer<BotContext>();

buttons.callbackQuery(/^src:([0-9a-f]+):(\d+)$/, async (ctx) => {
  const { index } = ctx.services.assistant;
  const passage = index.passages[Number(ctx.match[2])];
  if (ctx.match[1] !== buildTag(index.manifest.builtAt) || !passage) {
    await ctx.answerCallbackQuery({ text: ctx.texts.sourceGone, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const doc = index.document(passage.docId);
  const origin = [doc?.issuer, doc?.publisher].filter(Boolean).join(' · ');
  const lines = [
    `<b>${escapeHtml(doc?.title ?? passage.docId)}</b>`,
    escapeHtml([origin, formatDate(doc?.date, ctx.lang)].filter(Boolean).join(', ')),
    ...(doc?.url ? [`<a href="${escapeHtml(doc.url).replace(/"/g, '&quot;')}">${escapeHtml(doc.url)}</a>`] : []),
    '',
    `<i>${escapeHtml(ctx.texts.passageHeading)}${passage.section ? ` · ${escapeHtml(passage.section)}` : ''}</i>`,
    escapeHtml(passage.text),
  ];
  for (const message of splitMessage(lines.join('\n'))) await ctx.reply(message, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
});

buttons.callbackQuery(/^fb:([0-9a-f]{6}[0-9a-z]+):(up|down)$/, async (ctx) => {
  await ctx.services.feedback.vote(ctx.match[1] as string, ctx.match[2] as 'up' | 'down');
  await ctx.answerCallbackQuery({ text: ctx.texts.feedbackThanks });
});
