import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/assistant.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { BotContext } from '../../src/bot/context.ts';
import { FeedbackLog } from '../../src/bot/feedback.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { scratchWorkspace } from '../helpers.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';

const ADMIN = 42;
let api: FakeBotApi;
let bot: Bot<BotContext>;
let runner: RunnerHandle;
const logLines: string[] = [];
let feedbackFile: string;
let corpusDir: string;
let assistant: Assistant;

beforeAll(async () => {
  api = new FakeBotApi();
  await api.start();
  const ws = await scratchWorkspace();
  feedbackFile = path.join(ws.root, 'feedback.jsonl');
  corpusDir = ws.corpusDir;
  const config = loadConfig(
    {
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
      MODELS_DIR: ws.modelsDir,
      TELEGRAM_API_ROOT: api.apiRoot,
      ADMIN_IDS: String(ADMIN),
      RATE_LIMIT_PER_MINUTE: '5',
      FEEDBACK_FILE: feedbackFile,
    },
    '/nonexistent',
  );
  const logger = createLogger('debug', [api.token], { write: (line: string) => void logLines.push(line) } as never);
  assistant = await createAssistant({ config, logger });
  bot = createBot(api.token, {
    assistant,
    config: { ...config.telegram, token: api.token, corpusDir: config.corpusDir },
    logger,
    feedback: new FeedbackLog(config.telegram.feedbackFile),
    startedAt: Date.now(),
  });
  await bot.init();
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
});

afterAll(async () => {
  if (runner?.isRunning()) await runner.stop();
  await api?.stop();
});

const repliesTo = (chatId: number) => api.sent('sendMessage', chatId).map((c) => String(c.params.text));

describe('the bot against a Bot API server on 127.0.0.1', () => {
  it('answers a private question with a cited answer in HTML, typing action, source and feedback buttons', async () => {
    api.text(1, 'Chỉ thị 03-CT/TU ban hành ngày nào?');
    await api.waitFor(() => api.sent('sendMessage', 1).length >= 1);
    const [answer] = api.sent('sendMessage', 1);
    expect(answer?.params.parse_mode).toBe('HTML');
    expect(String(answer?.params.text)).toContain('Chỉ thị 03-CT/TU');
    expect(String(answer?.params.text)).toContain('20/01/2021');
    expect(api.sent('sendChatAction', 1).length).toBe(1);
    const keyboard = (answer?.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    const buttons = keyboard.flat();
    expect(buttons.map((b) => b.text)).toContain('[1]');
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['👍', '👎']));

    api.callback(1, buttons.find((b) => b.text === '[1]')?.callback_data ?? '');
    await api.waitFor(() => api.sent('sendMessage', 1).length >= 2);
    expect(repliesTo(1)[1]).toContain('Triển khai công tác bầu cử');
    expect(api.sent('answerCallbackQuery').length).toBeGreaterThanOrEqual(1);
  });

  it('answers in English for an English Telegram user, and /start offers example buttons', async () => {
    api.text(2, '/start', { language_code: 'en' });
    await api.waitFor(() => api.sent('sendMessage', 2).length >= 1);
    expect(repliesTo(2)[0]).toContain('Hello');
    const markup = api.sent('sendMessage', 2)[0]?.params.reply_markup as { inline_keyboard: unknown[] };
    expect(markup.inline_keyboard.length).toBeGreaterThanOrEqual(3);
  });

  it('asks for typed text when sent a sticker, and refuses over-long questions', async () => {
    api.message({ id: 3 }, { id: 3 }, { sticker: { file_id: 's', file_unique_id: 's', width: 1, height: 1, is_animated: false, is_video: false, type: 'regular' } });
    await api.waitFor(() => api.sent('sendMessage', 3).length >= 1);
    api.text(3, 'x'.repeat(1200));
    await api.waitFor(() => api.sent('sendMessage', 3).length >= 2);
    expect(repliesTo(3)[0]).toContain('gõ câu hỏi');
    expect(repliesTo(3)[1]).toContain('1000');
  });

  it('tells a non-admin no for /reindex', async () => {
    api.text(4, '/reindex');
    await api.waitFor(() => api.sent('sendMessage', 4).length >= 1);
    expect(repliesTo(4)[0]).toContain('quản trị viên');
    expect(api.sent('editMessageText', 4)).toEqual([]);
  });

  it('lets an admin reindex in the background and reports the counts, all vectors reused when nothing changed', async () => {
    api.text(ADMIN, '/reindex');
    await api.waitFor(() => api.sent('editMessageText', ADMIN).some((c) => String(c.params.text).includes('Đã lập lại chỉ mục')));
    const done = api.sent('editMessageText', ADMIN).map((c) => String(c.params.text)).find((t) => t.includes('Đã lập lại chỉ mục')) as string;
    const passages = assistant.index.passages.length;
    expect(done).toContain(`${passages} đoạn (0 đoạn tính vector mới, ${passages} đoạn dùng lại từ bộ nhớ đệm)`);
  });

  it('tells an admin that a second /reindex must wait while one runs, and /stats reports the counters', async () => {
    const before = api.sent('sendMessage', ADMIN).length;
    api.text(ADMIN, '/reindex');
    api.text(ADMIN, '/reindex');
    await api.waitFor(() => repliesTo(ADMIN).slice(before).some((t) => t.includes('Đang có một lần lập chỉ mục chạy')));
    await api.waitFor(() => api.sent('editMessageText', ADMIN).filter((c) => String(c.params.text).includes('Đã lập lại chỉ mục')).length >= 2);
    api.text(ADMIN, '/stats');
    await api.waitFor(() => repliesTo(ADMIN).some((t) => t.includes('Câu hỏi đã trả lời')));
  });

  it('adds an admin upload to the corpus and answers from it after the reindex', async () => {
    const markdown = '---\ntitle: Kế hoạch 07-KH/UBBC tổ chức bầu cử ở xã Tân Phú\nkind: directive\nissuer: Ủy ban bầu cử xã Tân Phú\ndate: 2026-01-05\n---\nKế hoạch số 07-KH/UBBC ngày 5/1/2026 của Ủy ban bầu cử xã Tân Phú yêu cầu các tổ bầu cử niêm yết danh sách cử tri tại nhà văn hóa các ấp và kiểm tra hòm phiếu trước ngày bầu cử.\n';
    api.files.set('documents/doc-md', markdown);
    api.message({ id: ADMIN }, { id: ADMIN }, { document: { file_id: 'doc-md', file_unique_id: 'u1', file_name: 'ke-hoach.md', file_size: markdown.length } });
    await api.waitFor(() => repliesTo(ADMIN).some((t) => t.includes('Đã lưu tài liệu uploads/')));
    await api.waitFor(() => api.sent('editMessageText', ADMIN).filter((c) => String(c.params.text).includes('Đã lập lại chỉ mục')).length >= 3);
    // Only the uploaded document's one passage is embedded; the rest come from the cache.
    const third = api.sent('editMessageText', ADMIN).map((c) => String(c.params.text)).filter((t) => t.includes('Đã lập lại chỉ mục'))[2] as string;
    expect(third).toContain(`(1 đoạn tính vector mới, ${assistant.index.passages.length - 1} đoạn dùng lại từ bộ nhớ đệm)`);
    api.text(12, 'Kế hoạch 07-KH/UBBC yêu cầu gì?');
    await api.waitFor(() => api.sent('sendMessage', 12).length >= 1);
    expect(repliesTo(12)[0]).toContain('Ủy ban bầu cử xã Tân Phú');
  });

  it('turns an uploaded .txt into a document titled by its first line', async () => {
    const text = 'Xã Tân Phú hoàn thành niêm yết danh sách cử tri\nChiều 2/2, Ủy ban nhân dân xã Tân Phú đã niêm yết danh sách cử tri tại nhà văn hóa của 6 ấp để người dân kiểm tra.\n';
    api.files.set('documents/doc-txt', text);
    api.message({ id: ADMIN }, { id: ADMIN }, { document: { file_id: 'doc-txt', file_unique_id: 'u2', file_name: 'tin.txt', file_size: text.length } });
    await api.waitFor(() => repliesTo(ADMIN).some((t) => t.includes('xa-tan-phu-hoan-thanh-niem-yet')));
    await api.waitFor(() => api.sent('editMessageText', ADMIN).filter((c) => String(c.params.text).includes('Đã lập lại chỉ mục')).length >= 4);
  });

  it('rejects a broken upload naming the field, and declines uploads from non-admins', async () => {
    const broken = '---\ntitle: Thiếu loại tài liệu\n---\nNội dung.\n';
    api.files.set('documents/doc-bad', broken);
    api.message({ id: ADMIN }, { id: ADMIN }, { document: { file_id: 'doc-bad', file_unique_id: 'u3', file_name: 'hong.md', file_size: broken.length } });
    await api.waitFor(() => repliesTo(ADMIN).some((t) => t.includes('hong.md: kind')));
    api.message({ id: 13 }, { id: 13 }, { document: { file_id: 'doc-md', file_unique_id: 'u4', file_name: 'x.md', file_size: 10 } });
    await api.waitFor(() => api.sent('sendMessage', 13).length >= 1);
    expect(repliesTo(13)[0]).toContain('quản trị viên');
  });

  it('reports a failed /reindex with the file and reason and keeps answering from the old index', async () => {
    const broken = path.join(corpusDir, 'news', 'zz-hong.md');
    await writeFile(broken, '---\ntitle: Hỏng\nkind: rumour\n---\nNội dung.\n');
    api.text(ADMIN, '/reindex');
    await api.waitFor(() => api.sent('editMessageText', ADMIN).some((c) => String(c.params.text).includes('news/zz-hong.md: kind')));
    await rm(broken);
    api.text(14, 'Chỉ thị 03-CT/TU ban hành ngày nào?');
    await api.waitFor(() => api.sent('sendMessage', 14).length >= 1);
    expect(repliesTo(14)[0]).toContain('20/01/2021');
  });

  it('still answers when the typing action fails, and says sorry when a reply cannot be sent', async () => {
    api.failWith400('sendChatAction');
    api.text(15, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    await api.waitFor(() => api.sent('sendMessage', 15).length >= 1);
    api.failWith400('sendMessage');
    api.text(16, '/about');
    await api.waitFor(() => repliesTo(16).some((t) => t.includes('Xin lỗi, đã có lỗi')));
  });

  it('gets through a 429 from the server with auto-retry', async () => {
    api.failWith429('sendMessage');
    api.text(5, '/help');
    await api.waitFor(() => api.sent('sendMessage', 5).length >= 2);
    expect(repliesTo(5).at(-1)).toContain('/ask');
  });

  it('answers 30 chats asking at once', async () => {
    const chats = Array.from({ length: 30 }, (_, i) => 100 + i);
    for (const chat of chats) api.text(chat, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    await api.waitFor(() => chats.every((chat) => api.sent('sendMessage', chat).length >= 1), 30_000);
    for (const chat of chats) expect(repliesTo(chat)[0]?.replace(/<[^>]+>/g, '')).toContain('7 giờ sáng');
  });

  it('in groups answers /ask, mentions and replies to itself only; an empty /ask gets usage', async () => {
    const group = -500;
    api.text(group, 'Hôm nay trời đẹp quá', { id: 7 }, 'group');
    api.text(group, '/ask', { id: 7 }, 'group');
    await api.waitFor(() => api.sent('sendMessage', group).length >= 1);
    expect(repliesTo(group)).toHaveLength(1);
    expect(repliesTo(group)[0]).toContain('/ask <câu hỏi>');
    api.text(group, '/ask Phiếu bầu thế nào thì không hợp lệ?', { id: 7 }, 'group');
    api.text(group, '@cutrihoi_bot bau cu luc may gio', { id: 8 }, 'group');
    await api.waitFor(() => api.sent('sendMessage', group).length >= 3);
    expect(repliesTo(group)[1]).toContain('không hợp lệ');
    expect(repliesTo(group)[2]?.replace(/<[^>]+>/g, '')).toContain('7 giờ');
  });

  it('escapes markup from the question wherever it is echoed', async () => {
    api.text(6, 'Chỉ thị <b>99-CT/TW</b> & <script>alert(1)</script>');
    await api.waitFor(() => api.sent('sendMessage', 6).length >= 1);
    const html = repliesTo(6)[0] ?? '';
    expect(html).not.toContain('<script>');
    expect(html.replace(/<\/?(b|i|a)( [^>]*)?>/g, '')).not.toMatch(/[<>]/);
  });

  it('records 👍/👎 with the question, answered flag and cited documents, but no user identity', async () => {
    api.text(9, 'Tôi có được nhờ người khác đi bầu thay không?');
    await api.waitFor(() => api.sent('sendMessage', 9).length >= 1);
    const buttons = (api.sent('sendMessage', 9)[0]?.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    api.callback(9, buttons.find((b) => b.text === '👎')?.callback_data ?? '');
    await api.waitFor(() => api.sent('answerCallbackQuery').some((c) => String(c.params.text ?? '').includes('Cảm ơn')));
    const lines = (await readFile(feedbackFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ question: 'Tôi có được nhờ người khác đi bầu thay không?', answered: true, vote: 'down' });
    expect(lines.at(-1).docIds[0]).toBe('guidance/cach-bo-phieu');
    expect(JSON.stringify(lines)).not.toContain('"9"');
    expect(Object.keys(lines.at(-1))).toEqual(['question', 'answered', 'docIds', 'vote', 'time']);
  });

  it('lists the documents with /sources and explains itself with /help and /about', async () => {
    api.text(10, '/sources');
    api.text(10, '/about');
    await api.waitFor(() => api.sent('sendMessage', 10).length >= 2);
    expect(repliesTo(10)[0]).toContain('Cách bỏ phiếu');
    expect(repliesTo(10)[0]).toContain('Hướng dẫn, 24/06/2025');
    expect(repliesTo(10)[1]).toContain('không phải lời khuyên pháp lý');
  });

  it('replies to a user over the rate limit with a friendly message', async () => {
    for (let i = 0; i < 7; i++) api.text(11, '/help');
    await api.waitFor(() => repliesTo(11).some((t) => t.includes('nhanh quá')));
  });

  it('never writes the token to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('')).not.toContain(api.token);
  });
});
