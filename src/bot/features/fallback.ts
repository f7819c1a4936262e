import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

/** Stickers, photos, voice, locations…: in a private chat, ask for a typed question. */
export const fallback = new Composer<BotContext>();

fallback.chatType('private').on('message', (ctx) => ctx.reply(ctx.texts.notText));
