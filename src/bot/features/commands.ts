import { Composer, InlineKeyboard } from 'grammy';
import { formatDate, TEMPLATES, toTelegramMessages, type Line } from '../../answer/index.ts';
import type { BotContext } from '../context.ts';
import { answerQuestion } from './questions.ts';

/** /start, /help, /moi (/new), /about, /sources and the example-question buttons. */
export const commands = new Composer<BotContext>();

commands.command('start', async (ctx) => {
  const keyboard = new InlineKeyboard();
  ctx.texts.examples.forEach((example, i) => keyboard.text(example, `ex:${i}`).row());
  await ctx.reply(`${ctx.texts.greeting(ctx.from?.first_name ?? '')}\n\n${ctx.texts.examplesHeading}`, { reply_markup: keyboard });
});

commands.callbackQuery(/^ex:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const example = ctx.texts.examples[Number(ctx.match[1])];
  if (example) await answerQuestion(ctx, example);
});

commands.command('help', (ctx) => ctx.reply(ctx.texts.help));

// A new conversation: the last turns are forgotten, so the next message is read on its own.
commands.command(['moi', 'new'], async (ctx) => {
  ctx.session = { turns: [] };
  await ctx.reply(ctx.texts.newConversation);
});

commands.command('about', (ctx) => ctx.reply(ctx.texts.about));

commands.command('sources', async (ctx) => {
  const { documents } = ctx.services.assistant.index;
  const kinds = TEMPLATES[ctx.lang].kind;
  const lines: Line[] = documents
    .slice()
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, 'vi'))
    .map((d) => [{ text: `• ${d.title} ` }, { text: `(${kinds[d.kind]}, ${formatDate(d.date, ctx.lang)})`, style: 'italic' }]);
  for (const message of toTelegramMessages([[{ text: ctx.texts.sourcesHeading(documents.length), style: 'bold' }], ...lines])) {
    await ctx.reply(message.text, { entities: message.entities });
  }
});
