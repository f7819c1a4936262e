export { composeAnswer, formatDate, type Answer, type Citation, type Quote } from './compose.ts';
export { escapeHtml, renderTelegramHtml, renderText, splitMessage, TELEGRAM_MESSAGE_LIMIT } from './render.ts';
export { TEMPLATES, type Templates } from './templates.ts';
export { registerItems, renderRegisterText, type RegisterItem } from './register.ts';
