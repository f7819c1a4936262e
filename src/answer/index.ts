export { composeAnswer, formatDate, type Answer, type Citation, type Quote, type Source } from './compose.ts';
export { answerLines, renderTelegram, renderText, TELEGRAM_MESSAGE_LIMIT, toTelegramMessages, type Line, type Span } from './render.ts';
export { TEMPLATES, type Templates } from './templates.ts';
export { registerItems, renderRegisterText, type RegisterItem } from './register.ts';
export { chooseQuote, type ChosenQuote } from './quote.ts';
export { answerJson } from './json.ts';
