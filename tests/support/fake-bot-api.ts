import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
}

interface Waiter {
  offset: number;
  resolve: (updates: unknown[]) => void;
  timer: NodeJS.Timeout;
}

export const BOT_USER = { id: 999, is_bot: true, first_name: 'Cử tri hỏi', username: 'cutrihoi_bot' };

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

/**
 * A small Bot API server on 127.0.0.1 that implements the methods the bot uses: it hands out
 * queued updates through getUpdates, records every call, serves uploaded files, and can answer
 * a method with 429 to exercise retries.
 */
export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly files = new Map<string, string>();
  /** Files a local Bot API server (`--local`) keeps on its own disk: getFile answers with this absolute path. */
  readonly localPaths = new Map<string, string>();
  private readonly updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  private waiters: Waiter[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private failures = new Map<string, { times: number; status: 400 | 429; chatId: number | undefined }>();
  private server: Server | null = null;
  private listeners: Array<() => void> = [];
  private port = 0;

  constructor(readonly token = '123456:TEST-token-abcdefghijklmnop') {}

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens on `port` (any free one by default); after stop() it can start again, on the same port, keeping its state. */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, payload, raw }) => {
          res.writeHead(status, { 'content-type': raw === undefined ? 'application/json' : 'text/plain' });
          res.end(raw ?? JSON.stringify(payload));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve([]);
    }
    this.waiters = [];
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Makes the next `times` calls of `method` (to `chatId` only, when given) fail with 429 and retry_after 1. */
  failWith429(method: string, times = 1, chatId?: number): void {
    this.failures.set(method, { times, status: 429, chatId });
  }

  /** Makes the next `times` calls of `method` (to `chatId` only, when given) fail with 400 Bad Request, which no retry gets through. */
  failWith400(method: string, times = 1, chatId?: number): void {
    this.failures.set(method, { times, status: 400, chatId });
  }

  /** Queues an update for getUpdates; returns its id. */
  push(update: Record<string, unknown>): number {
    const full = { update_id: this.nextUpdateId++, ...update };
    this.updates.push(full);
    this.flushWaiters();
    return full.update_id;
  }

  message(chat: { id: number; type?: string }, from: { id: number; language_code?: string; first_name?: string }, fields: Record<string, unknown>): number {
    return this.push({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { type: 'private', first_name: from.first_name ?? 'Test', ...chat },
        from: { is_bot: false, first_name: 'Test', ...from },
        ...fields,
      },
    });
  }

  text(chatId: number, text: string, from: { id?: number; language_code?: string } = {}, chatType = 'private'): number {
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }] : undefined;
    return this.message({ id: chatId, type: chatType }, { id: from.id ?? chatId, language_code: from.language_code }, { text, ...(entities ? { entities } : {}) });
  }

  callback(chatId: number, data: string, from: { id?: number; language_code?: string } = {}): number {
    return this.push({
      callback_query: {
        id: String(this.nextUpdateId),
        from: { id: from.id ?? chatId, is_bot: false, first_name: 'Test', language_code: from.language_code },
        chat_instance: 'x',
        data,
        message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' }, text: 'answer' },
      },
    });
  }

  /** Calls so far of one method, optionally to one chat. */
  sent(method: string, chatId?: number): ApiCall[] {
    return this.calls.filter((c) => c.method === method && (chatId === undefined || Number(c.params.chat_id) === chatId));
  }

  /** Resolves once `predicate` holds over the recorded calls, or rejects after `timeoutMs`. */
  waitFor(predicate: (calls: ApiCall[]) => boolean, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.calls)) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve();
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      if (!check()) this.listeners.push(listener);
    });
  }

  private flushWaiters(): void {
    for (const waiter of [...this.waiters]) {
      const ready = this.updates.filter((u) => u.update_id >= waiter.offset);
      if (ready.length === 0) continue;
      clearTimeout(waiter.timer);
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(ready);
    }
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; payload?: unknown; raw?: string }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (file) {
      const content = file[1] === this.token ? this.files.get(file[2] as string) : undefined;
      return content === undefined ? { status: 404, raw: 'not found' } : { status: 200, raw: content };
    }
    const match = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!match || match[1] !== this.token) return { status: 401, payload: { ok: false, error_code: 401, description: 'Unauthorized' } };
    const method = match[2] as string;
    const params = await body(req);
    this.calls.push({ method, params });
    for (const l of [...this.listeners]) l();
    const failing = this.failures.get(method);
    if (failing && failing.times > 0 && (failing.chatId === undefined || Number(params.chat_id) === failing.chatId)) {
      failing.times--;
      return failing.status === 429
        ? { status: 429, payload: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } }
        : { status: 400, payload: { ok: false, error_code: 400, description: 'Bad Request: simulated failure' } };
    }
    return { status: 200, payload: { ok: true, result: await this.result(method, params) } };
  }

  private async result(method: string, params: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0);
        const ready = this.updates.filter((u) => u.update_id >= offset);
        if (ready.length > 0) return ready;
        const timeout = Math.min(Number(params.timeout ?? 0), 2);
        return new Promise((resolve) => {
          const waiter: Waiter = { offset, resolve, timer: setTimeout(() => {
            this.waiters = this.waiters.filter((w) => w !== waiter);
            resolve([]);
          }, timeout * 1000) };
          this.waiters.push(waiter);
        });
      }
      case 'sendMessage':
        return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id), type: 'private' }, from: BOT_USER, text: params.text };
      case 'editMessageText':
        return { message_id: Number(params.message_id), date: 0, chat: { id: Number(params.chat_id), type: 'private' }, text: params.text };
      case 'getFile':
        return { file_id: params.file_id, file_unique_id: 'u', file_path: this.localPaths.get(String(params.file_id)) ?? `documents/${String(params.file_id)}` };
      default:
        return true;
    }
  }
}
