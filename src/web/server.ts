import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerJson, TEMPLATES, type Answer } from '../answer/index.ts';
import type { Assistant } from '../assistant.ts';
import { rememberAnswer, type FeedbackStore } from '../bot/feedback.ts';
import type { SharedState } from '../bot/shared.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Language } from '../search/index.ts';
import { MAX_QUESTION_LENGTH } from '../search/index.ts';
import { pageTexts, renderPage } from './page.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';

/** Bodies larger than this are refused with 413: a question is at most 1,000 characters. */
export const MAX_BODY_BYTES = 8 * 1024;
const STARTERS = 6;

const ASSETS: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  [
    ['app.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
  ].map(([name, type]) => [`/assets/${name}`, { type: type as string, body: readFileSync(new URL(`./assets/${name}`, import.meta.url)) }]),
);

export interface WebOptions {
  assistant: Assistant;
  feedback: FeedbackStore;
  limiter: RateLimiter;
  logger: Logger;
  /** CSP frame-ancestors: who may show the page in an iframe (a province portal). */
  frameAncestors: string;
  /** Take the client's address from X-Forwarded-For (behind the province's reverse proxy). */
  trustProxy: boolean;
  /** Serves POST /mcp (the MCP server over Streamable HTTP); none when not wired. */
  mcp?: (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request body as text, refused with 413 past MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The request is larger than ${MAX_BODY_BYTES / 1024} KB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const languageOf = (value: unknown, accept?: string): Language => (value === 'en' || value === 'vi' ? value : accept?.toLowerCase().startsWith('en') ? 'en' : 'vi');

/** A question as a person typed it, checked: text, not empty, not over the limit. */
function questionOf(value: unknown, language: Language): string {
  if (typeof value !== 'string' || !value.trim()) throw new HttpError(400, language === 'en' ? 'Please type a question.' : 'Bạn hãy gõ một câu hỏi.');
  if (value.length > MAX_QUESTION_LENGTH) throw new HttpError(400, language === 'en' ? `A question may have at most ${MAX_QUESTION_LENGTH} characters.` : `Câu hỏi dài tối đa ${MAX_QUESTION_LENGTH} ký tự.`);
  return value.trim();
}

/**
 * The web page and its API, for the bot's HTTP server or `npm run web`: GET / (the page, which works as
 * plain forms), POST /ask and /feedback (those forms), POST /api/ask (the JSON of `ask --json`),
 * POST /api/feedback, the page's two assets, and POST /mcp when wired. Returns false for any other request.
 */
export function serveWeb(options: WebOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { assistant, feedback, limiter, logger } = options;
  const security = {
    'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ${options.frameAncestors}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, ...security, ...headers }).end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
  const clientOf = (req: IncomingMessage) => {
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  };

  /** Asks and keeps the answer for 👍/👎 (without them when the store is down). */
  async function ask(question: string, language: Language): Promise<{ answer: Answer; answerId: string | null }> {
    await assistant.refresh().catch((error: unknown) => logger.warn({ err: error }, 'could not check for a newer index'));
    const answer = await assistant.ask(question, language);
    const answerId = await rememberAnswer(feedback, question, answer).catch(() => null);
    return { answer, answerId };
  }

  async function limited(req: IncomingMessage, language: Language): Promise<void> {
    if (!(await limiter.allow(clientOf(req)))) throw new HttpError(429, language === 'en' ? 'Too many questions from your address; please wait a minute.' : 'Bạn hỏi nhanh quá, hãy đợi một phút rồi hỏi tiếp nhé.');
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const api = path.startsWith('/api/');
    const language = languageOf(url.searchParams.get('lang'), req.headers['accept-language']);
    try {
      if (req.method === 'GET' && ASSETS[path]) {
        const asset = ASSETS[path] as { type: string; body: Buffer };
        send(res, 200, asset.type, asset.body, { 'cache-control': 'public, max-age=3600' });
        return true;
      }
      // Browsers ask for an icon; the page has none.
      if (req.method === 'GET' && path === '/favicon.ico') {
        res.writeHead(204, security).end();
        return true;
      }
      if (req.method === 'GET' && path === '/') {
        send(res, 200, 'text/html; charset=utf-8', renderPage({ language, starters: await starters(language) }));
        return true;
      }
      if (req.method !== 'POST' || !['/ask', '/feedback', '/api/ask', '/api/feedback', '/mcp'].includes(path)) return false;
      const text = await readBody(req);
      if (path === '/mcp') {
        if (!options.mcp) return false;
        await options.mcp(req, res, text ? parseJson(text, 'en') : undefined);
        return true;
      }
      if (api) {
        const body = parseJson(text, language);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object such as {"question": "…", "lang": "vi"}.');
        const fields = body as Record<string, unknown>;
        const lang = languageOf(fields.lang, req.headers['accept-language']);
        if (path === '/api/ask') {
          const question = questionOf(fields.question, lang);
          await limited(req, lang);
          const { answer, answerId } = await ask(question, lang);
          json(res, 200, answerJson(answer), answerId ? { 'x-answer-id': answerId } : {});
        } else {
          await vote(fields.answerId, fields.vote);
          res.writeHead(204, security).end();
        }
        return true;
      }
      const form = new URLSearchParams(text);
      const lang = languageOf(form.get('lang'), req.headers['accept-language']);
      if (path === '/ask') {
        const question = questionOf(form.get('question'), lang);
        await limited(req, lang);
        const { answer, answerId } = await ask(question, lang);
        send(res, 200, 'text/html; charset=utf-8', renderPage({ language: lang, starters: await starters(lang), question, answer, answerId }));
      } else {
        await vote(form.get('answerId'), form.get('vote'));
        send(res, 200, 'text/html; charset=utf-8', renderPage({ language: lang, starters: await starters(lang), notice: pageTexts(lang).thanks }));
      }
      return true;
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) logger.error({ err: error, path }, 'web request failed');
      const message = error instanceof HttpError ? error.message : pageTexts(language).error;
      if (api || path === '/mcp') json(res, status, { error: message });
      else send(res, status, 'text/html; charset=utf-8', renderPage({ language, starters: await starters(language), notice: message }));
      return true;
    }
  };

  async function starters(language: Language): Promise<string[]> {
    // The guide's headings are Vietnamese; an English page offers the English examples instead.
    return language === 'vi' ? assistant.starters(STARTERS) : TEMPLATES.en.examples;
  }

  async function vote(answerId: unknown, value: unknown): Promise<void> {
    if (typeof answerId !== 'string' || !/^[0-9a-z]{6,40}$/.test(answerId) || (value !== 'up' && value !== 'down')) {
      throw new HttpError(400, 'Feedback needs {"answerId": "…", "vote": "up" | "down"}.');
    }
    await feedback.vote(answerId, value);
  }
}

function parseJson(text: string, language: Language): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, language === 'en' ? 'The body is not valid JSON.' : 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
}

/** The page as the bot's server and `npm run web` both serve it, from the configuration and the shared state. */
export function webFromConfig(assistant: Assistant, state: SharedState, web: Config['web'], logger: Logger, mcp?: WebOptions['mcp']): ReturnType<typeof serveWeb> {
  return serveWeb({
    assistant,
    feedback: state.feedback,
    limiter: createRateLimiter(state.rateLimitStore, web.ratePerMinute),
    logger,
    frameAncestors: web.frameAncestors,
    trustProxy: web.trustProxy,
    ...(mcp ? { mcp } : {}),
  });
}
