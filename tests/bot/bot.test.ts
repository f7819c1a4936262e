import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTelegram } from '../../src/answer/index.ts';
import { createAssistant, type Assistant } from '../../src/assistant.ts';
import { createBot } from '../../src/bot/bot.ts';
import type { BotContext } from '../../src/bot/context.ts';
import { createMetrics } from '../../src/bot/metrics.ts';
import { localState } from '../../src/bot/shared.ts';
import { stripDiacritics } from '../../src/text/normalize.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { scratchWorkspace, tempDir } from '../helpers.ts';
import { FakeBotApi } from '../support/fake-bot-api.ts';

// One admin per test, so each test reads only its own chat and runs alone (vitest -t) or in any order.
const ADMINS = { reindex: 42, busy: 43, stats: 44, uploadMd: 45, uploadTxt: 46, broken: 47, failedReindex: 48, crlf: 49, localServer: 50, tokenLog: 51, duplicate: 52, law: 53 };
let api: FakeBotApi;
let bot: Bot<BotContext>;
let runner: RunnerHandle;
const logLines: string[] = [];
let feedbackFile: string;
let corpusDir: string;
let assistant: Assistant;
// The bot's clock: tests move it to see a conversation expire, without waiting.
let now = Date.now();

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
      ADMIN_IDS: Object.values(ADMINS).join(','),
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
    state: localState(config.telegram.feedbackFile),
    metrics: createMetrics(() => assistant.index),
    startedAt: Date.now(),
    clock: () => now,
  });
  await bot.init();
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
});

afterAll(async () => {
  if (runner?.isRunning()) await runner.stop();
  await api?.stop();
});

const repliesTo = (chatId: number) => api.sent('sendMessage', chatId).map((c) => String(c.params.text));
/** What the user sees: the text without Telegram markup, whichever way it is formatted. */
/** The finished reindex reports edited into one admin's status message. */
const reindexDone = (chatId: number) => api.sent('editMessageText', chatId).map((c) => String(c.params.text)).filter((t) => t.includes('Đã lập lại chỉ mục'));

/** The answers to one callback query, by the update id api.callback returned. */
const answered = (callback: number) => api.sent('answerCallbackQuery').filter((c) => c.params.callback_query_id === String(callback));

/** Resolves once `predicate` holds (for effects the Bot API does not see, such as log lines); rejects after 15 s. */
async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends a file as an admin's private upload, served by the fake server at documents/<fileId>. */
function upload(admin: number, fileId: string, fileName: string, content: string): void {
  api.files.set(`documents/${fileId}`, content);
  api.message({ id: admin }, { id: admin }, { document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: fileName, file_size: Buffer.byteLength(content) } });
}

/** Parses the numbers of a /stats reply. */
function parseStats(text: string): { answered: number; declined: number; up: number; down: number; documents: number; passages: number } {
  const match = /trả lời: (\d+), từ chối: (\d+)\nGóp ý: 👍 (\d+) · 👎 (\d+)\nChỉ mục: (\d+) tài liệu, (\d+) đoạn/.exec(text);
  if (!match) throw new Error(`not a /stats reply: ${text}`);
  const [answered, declined, up, down, documents, passages] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  return { answered, declined, up, down, documents, passages };
}

/** Sends a message in a private chat and resolves with the bot's reply to it. */
async function ask(chatId: number, text: string): Promise<string> {
  const before = api.sent('sendMessage', chatId).length;
  api.text(chatId, text);
  await api.waitFor(() => api.sent('sendMessage', chatId).length > before);
  return repliesTo(chatId)[before] as string;
}

describe('conversations', () => {
  it('reads a follow-up with its own chat\'s last question: two chats interleaved keep separate contexts', async () => {
    await ask(61, 'Người đang bị tạm giam có được đi bầu không?');
    await ask(62, 'Mất thẻ cử tri thì có đi bầu được không?');
    // Each follow-up is read with its own chat's last question, not with the other chat's.
    expect(await ask(61, 'điều nào quy định vậy?')).toContain('Điều 29');
    expect(await ask(62, 'còn căn cước thì sao?')).toContain('căn cước');
    expect(await ask(61, 'còn người đang chấp hành án tù thì sao?')).toMatch(/chấp hành án tù/);
  });

  it('forgets a conversation 15 minutes after its last turn, and at /moi', async () => {
    await ask(63, 'Người đang bị tạm giam có được đi bầu không?');
    expect(await ask(63, 'điều nào quy định vậy?')).toContain('Điều 29');
    now += 16 * 60_000;
    // Too late to lean on the last question: read on its own, which finds no article to quote.
    expect(await ask(63, 'điều nào quy định vậy?')).not.toContain('Điều 29');
    await ask(63, 'Người đang bị tạm giam có được đi bầu không?');
    expect(await ask(63, '/moi')).toContain('cuộc trò chuyện mới');
    expect(await ask(63, 'điều nào quy định vậy?')).not.toContain('Điều 29');
  });

  it('answers a first question exactly as the page, MCP and ask --json do: the assistant\'s answer, in Telegram\'s entities', async () => {
    const question = 'Mấy giờ thì bắt đầu bỏ phiếu?';
    const reply = await ask(64, question);
    expect(reply).toBe(renderTelegram(await assistant.ask(question))[0]?.text);
  });

  it('keeps one conversation per person in a group', async () => {
    const group = -700;
    const mention = (text: string) => `@${bot.botInfo.username} ${text}`;
    const inGroup = async (user: number, text: string) => {
      const before = api.sent('sendMessage', group).length;
      api.text(group, mention(text), { id: user }, 'group');
      await api.waitFor(() => api.sent('sendMessage', group).length > before);
      return String(api.sent('sendMessage', group)[before]?.params.text);
    };
    await inGroup(71, 'Người đang bị tạm giam có được đi bầu không?');
    await inGroup(72, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    expect(await inGroup(71, 'điều nào quy định vậy?')).toContain('Điều 29');
    expect(await inGroup(72, 'điều nào quy định vậy?')).toContain('Điều 71');
  });
});

describe('the bot against a Bot API server on 127.0.0.1', () => {
  it('answers a private question with a cited answer formatted by entities, typing action, source and feedback buttons', async () => {
    api.text(1, 'Chỉ thị 03-CT/TU ban hành ngày nào?');
    await api.waitFor(() => api.sent('sendMessage', 1).length >= 1);
    const [answer] = api.sent('sendMessage', 1);
    // Formatting travels as entities, so nothing in a quote or a title is ever parsed as markup.
    expect(answer?.params.parse_mode).toBeUndefined();
    const entities = answer?.params.entities as Array<{ type: string; offset: number; length: number }>;
    const bold = entities.filter((e) => e.type === 'bold').map((e) => String(answer?.params.text).slice(e.offset, e.offset + e.length));
    expect(bold[0]).toBe('Về Chỉ thị 03-CT/TU:');
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

  it('offers the nearest topics of a "not sure" reply as buttons, and answers the topic pressed', async () => {
    // Which questions the fitted model is unsure of changes with a refit: the first of the dev questions it is unsure of now.
    const dev = [...JSON.parse(await readFile('tests/eval/questions.json', 'utf8')), ...JSON.parse(await readFile('tests/eval/dev2-questions.json', 'utf8'))] as Array<{ question: string }>;
    let question: string | undefined;
    for (const q of dev.flatMap((d) => [d.question, stripDiacritics(d.question)])) {
      if ((await assistant.retrieve(q)).outcome === 'not_sure') {
        question = q;
        break;
      }
    }
    expect(question).toBeDefined();
    const { topics } = await assistant.retrieve(question as string);
    api.text(31, question as string);
    await api.waitFor(() => api.sent('sendMessage', 31).length >= 1);
    const [reply] = api.sent('sendMessage', 31);
    expect(String(reply?.params.text)).toMatch(/^Kho tài liệu có thể không trả lời đúng câu này/);
    const buttons = (reply?.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    const topicButtons = buttons.filter((b) => b.callback_data.startsWith('topic:'));
    expect(topicButtons.length).toBe(topics.length);
    expect(topicButtons[0]?.text).toContain(topics[0]?.label.slice(0, 40));

    api.callback(31, topicButtons[0]?.callback_data ?? '');
    await api.waitFor(() => api.sent('sendMessage', 31).length >= 2);
    const topicAnswer = await assistant.ask(topics[0]?.question as string);
    expect(topicAnswer.answered).toBe(true);
    expect(repliesTo(31)[1]).toContain(topicAnswer.quotes[0]?.text.slice(0, 30));
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
    const admin = ADMINS.reindex;
    api.text(admin, '/reindex');
    await api.waitFor(() => reindexDone(admin).length >= 1);
    expect(repliesTo(admin)).toEqual(['Đang lập lại chỉ mục…']);
    const passages = assistant.index.passages.length;
    expect(reindexDone(admin)).toHaveLength(1);
    expect(reindexDone(admin)[0]).toContain(`${passages} đoạn (0 đoạn tính vector mới, ${passages} đoạn dùng lại)`);
  });

  it('tells an admin that a second /reindex must wait while one runs', async () => {
    const admin = ADMINS.busy;
    api.text(admin, '/reindex');
    api.text(admin, '/reindex');
    await api.waitFor(() => reindexDone(admin).length >= 1 && repliesTo(admin).length >= 2);
    expect(repliesTo(admin)).toEqual(['Đang lập lại chỉ mục…', 'Đang có một lần lập chỉ mục chạy, bạn đợi nó xong nhé.']);
    expect(reindexDone(admin)).toHaveLength(1);
  });

  it('/stats counts the questions answered and declined (not greetings) and the votes since it was last asked, and the index size', async () => {
    const admin = ADMINS.stats;
    api.text(admin, '/stats');
    await api.waitFor(() => repliesTo(admin).length >= 1);
    const before = parseStats(repliesTo(admin)[0] ?? '');

    api.text(20, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    api.text(21, 'Giá vàng hôm nay bao nhiêu?');
    // A greeting is small talk: a friendly reply, nothing to rate, and it counts neither way.
    api.text(22, 'xin chào');
    await api.waitFor(() => [20, 21, 22].every((chat) => api.sent('sendMessage', chat).length >= 1));
    expect(repliesTo(22)[0]).toMatch(/^Chào bạn!/);
    expect(api.sent('sendMessage', 22)[0]?.params.reply_markup).toBeUndefined();
    const thumbs = (api.sent('sendMessage', 20)[0]?.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    const vote = api.callback(20, thumbs.find((b) => b.text === '👍')?.callback_data ?? '');
    await api.waitFor(() => answered(vote).some((c) => String(c.params.text ?? '').includes('Cảm ơn')));

    api.text(admin, '/sources');
    api.text(admin, '/stats');
    await api.waitFor(() => repliesTo(admin).length >= 3);
    const after = parseStats(repliesTo(admin)[2] ?? '');
    expect(after).toMatchObject({ answered: before.answered + 1, declined: before.declined + 1, up: before.up + 1, down: before.down });
    const listed = Number(/Kho tài liệu có (\d+) tài liệu/.exec(repliesTo(admin)[1] ?? '')?.[1]);
    expect(after.documents).toBe(listed);
    expect(after.passages).toBe(assistant.index.passages.length);
    expect(repliesTo(admin)[2]).toContain('vector: local-hash-v1-512');
  });

  it('adds an admin upload to the corpus and answers from it after the reindex', async () => {
    const admin = ADMINS.uploadMd;
    const markdown = '---\ntitle: Kế hoạch 07-KH/UBBC tổ chức bầu cử ở xã Tân Phú\nkind: directive\nissuer: Ủy ban bầu cử xã Tân Phú\ndate: 2026-01-05\n---\nKế hoạch số 07-KH/UBBC ngày 5/1/2026 của Ủy ban bầu cử xã Tân Phú yêu cầu các tổ bầu cử niêm yết danh sách cử tri tại nhà văn hóa các ấp và kiểm tra hòm phiếu trước ngày bầu cử.\n';
    upload(admin, 'doc-md', 'ke-hoach.md', markdown);
    await api.waitFor(() => reindexDone(admin).length >= 1);
    expect(repliesTo(admin)[0]).toMatch(/^Đã lưu tài liệu uploads\/.+\.md\.$/);
    // Only the uploaded document's one passage is embedded; the rest are reused.
    expect(reindexDone(admin)[0]).toContain(`(1 đoạn tính vector mới, ${assistant.index.passages.length - 1} đoạn dùng lại)`);
    api.text(12, 'Kế hoạch 07-KH/UBBC yêu cầu gì?');
    await api.waitFor(() => api.sent('sendMessage', 12).length >= 1);
    expect(String(repliesTo(12)[0])).toContain('Ủy ban bầu cử xã Tân Phú');
    expect(String(repliesTo(12)[0])).toContain('niêm yết danh sách cử tri tại nhà văn hóa các ấp');
  });

  it('turns an uploaded .txt into a document titled by its first line', async () => {
    const admin = ADMINS.uploadTxt;
    const title = 'Xã Phước Long hoàn thành niêm yết danh sách cử tri';
    const text = `${title}\nChiều 2/2, Ủy ban nhân dân xã Phước Long đã niêm yết danh sách cử tri tại nhà văn hóa của 6 ấp để người dân kiểm tra.\n`;
    upload(admin, 'doc-txt', 'tin.txt', text);
    await api.waitFor(() => reindexDone(admin).length >= 1);
    const saved = /Đã lưu tài liệu (uploads\/[^ ]*xa-phuoc-long-hoan-thanh-niem-yet[^ ]*\.md)\.$/.exec(repliesTo(admin)[0] ?? '')?.[1];
    expect(saved).toBeDefined();
    const source = await readFile(path.join(corpusDir, saved as string), 'utf8');
    expect(source).toMatch(new RegExp(`^title: ["']?${title}["']?$`, 'm'));
    api.text(17, 'Xã Phước Long niêm yết danh sách cử tri ở đâu?');
    await api.waitFor(() => api.sent('sendMessage', 17).length >= 1);
    const answer = String(repliesTo(17)[0]);
    expect(answer).toContain('nhà văn hóa của 6 ấp');
    expect(answer.slice(answer.indexOf('Nguồn:'))).toContain(title);
  });

  it('accepts a Markdown upload saved on Windows (CRLF line endings and a BOM) and answers from it', async () => {
    const admin = ADMINS.crlf;
    const lines = [
      '---',
      'title: Kế hoạch 09-KH/UBBC về tổ bầu cử lưu động ở xã Bình Minh',
      'kind: directive',
      'issuer: Ủy ban bầu cử xã Bình Minh',
      'date: 2026-01-12',
      '---',
      'Kế hoạch số 09-KH/UBBC ngày 12/1/2026 của Ủy ban bầu cử xã Bình Minh yêu cầu mỗi tổ bầu cử chuẩn bị một hòm phiếu phụ để mang đến người ốm, người già yếu và người khuyết tật không tự đến phòng bỏ phiếu được.',
      '',
    ];
    upload(admin, 'doc-crlf', 'ke-hoach-09.md', `\uFEFF${lines.join('\r\n')}`);
    await api.waitFor(() => reindexDone(admin).length >= 1 || repliesTo(admin).some((t) => t.includes('không hợp lệ')));
    expect(repliesTo(admin)[0]).toMatch(/^Đã lưu tài liệu uploads\/.+\.md\.$/);
    api.text(18, 'Kế hoạch 09-KH/UBBC yêu cầu gì?');
    await api.waitFor(() => api.sent('sendMessage', 18).length >= 1);
    const answer = String(repliesTo(18)[0]);
    expect(answer).toContain('hòm phiếu phụ để mang đến người ốm');
    expect(answer).toContain('Kế hoạch 09-KH/UBBC về tổ bầu cử lưu động ở xã Bình Minh');
    expect(answer).not.toMatch(/[\r\uFEFF]/);
  });

  it('imports an uploaded legal text as one law document per document it holds, and answers an article lookup from it', async () => {
    const admin = ADMINS.law;
    const text = await readFile(path.join('tests', 'fixtures', 'legal', 'luat-bau-cu-excerpt.md'), 'utf8');
    upload(admin, 'doc-law', 'luat-bau-cu.md', text);
    await api.waitFor(() => reindexDone(admin).length >= 1);
    expect(repliesTo(admin)[0]).toBe('Đã lưu tài liệu uploads/luat-85-2015-qh13.md, uploads/nghi-quyet-1187-nq-ubtvqh14.md.');
    api.text(23, 'dieu 69 luat bau cu');
    await api.waitFor(() => api.sent('sendMessage', 23).length >= 1);
    expect(String(repliesTo(23)[0])).toMatch(/^Điều 69\. Nguyên tắc bỏ phiếu\n/);
  });

  it('tells the admin what the rebuild only warned about, such as a document uploaded twice', async () => {
    const admin = ADMINS.duplicate;
    const markdown = '---\ntitle: Thông báo lịch niêm yết danh sách cử tri ở phường An Hòa\nkind: news\ndate: 2026-01-20\n---\nPhường An Hòa niêm yết danh sách cử tri tại trụ sở khu phố từ ngày 20/1/2026 để người dân kiểm tra.\n';
    upload(admin, 'doc-dup-1', 'thong-bao.md', markdown);
    await api.waitFor(() => reindexDone(admin).length >= 1);
    upload(admin, 'doc-dup-2', 'thong-bao-ban-sao.md', markdown);
    await api.waitFor(() => reindexDone(admin).length >= 2);
    expect(reindexDone(admin)[0]).not.toContain('have the same text');
    expect(reindexDone(admin)[1]).toMatch(/\nLưu ý:\n(• .+\n)*• uploads\/.+\.md and uploads\/.+\.md have the same text/);
  });

  it('reads an upload from the disk of a local Bot API server, which gives an absolute file path', async () => {
    const admin = ADMINS.localServer;
    const file = path.join(await tempDir(), 'bot-api-files', 'documents', 'file_7.txt');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'Thôn Đồng Tâm bố trí điểm bỏ phiếu tại hội trường thôn\nỦy ban nhân dân xã Hòa Sơn quyết định bố trí điểm bỏ phiếu của thôn Đồng Tâm tại hội trường thôn, mở cửa từ 7 giờ sáng.\n');
    api.localPaths.set('doc-local', file);
    api.message({ id: admin }, { id: admin }, { document: { file_id: 'doc-local', file_unique_id: 'u-local', file_name: 'dong-tam.txt', file_size: 200 } });
    await api.waitFor(() => reindexDone(admin).length >= 1 || repliesTo(admin).some((t) => t.includes('không hợp lệ') || t.includes('Xin lỗi')));
    expect(repliesTo(admin)[0]).toMatch(/^Đã lưu tài liệu uploads\/[^ ]*thon-dong-tam-bo-tri-diem-bo-phieu[^ ]*\.md\.$/);
    api.text(19, 'Thôn Đồng Tâm bỏ phiếu ở đâu?');
    await api.waitFor(() => api.sent('sendMessage', 19).length >= 1);
    expect(String(repliesTo(19)[0])).toContain('hội trường thôn');
  });

  it('rejects a broken upload naming the field, and declines uploads from non-admins', async () => {
    const admin = ADMINS.broken;
    upload(admin, 'doc-bad', 'hong.md', '---\ntitle: Thiếu loại tài liệu\n---\nNội dung.\n');
    await api.waitFor(() => repliesTo(admin).length >= 1);
    expect(repliesTo(admin)[0]).toMatch(/^Tài liệu không hợp lệ: (uploads\/)?hong\.md: kind /);
    expect(repliesTo(admin)[0]).toContain('Kho tài liệu không thay đổi');
    upload(13, 'doc-other', 'x.md', '---\ntitle: Tin đồn\nkind: news\n---\nNội dung.\n');
    await api.waitFor(() => api.sent('sendMessage', 13).length >= 1);
    expect(repliesTo(13)).toEqual(['Xin lỗi, chỉ quản trị viên mới dùng được lệnh này.']);
    expect(api.sent('getFile').map((c) => c.params.file_id)).not.toContain('doc-other');
  });

  it('reports a failed /reindex with the file and reason and keeps answering from the old index', async () => {
    const broken = path.join(corpusDir, 'news', 'zz-hong.md');
    await writeFile(broken, '---\ntitle: Hỏng\nkind: rumour\n---\nNội dung.\n');
    const admin = ADMINS.failedReindex;
    api.text(admin, '/reindex');
    await api.waitFor(() => api.sent('editMessageText', admin).some((c) => String(c.params.text).includes('Lập chỉ mục thất bại')));
    await rm(broken);
    expect(api.sent('editMessageText', admin).map((c) => String(c.params.text)).at(-1)).toMatch(/^Lập chỉ mục thất bại: news\/zz-hong\.md: kind .*Chỉ mục cũ vẫn đang phục vụ\.$/);
    api.text(14, 'Chỉ thị 03-CT/TU ban hành ngày nào?');
    await api.waitFor(() => api.sent('sendMessage', 14).length >= 1);
    expect(repliesTo(14)[0]).toContain('20/01/2021');
  });

  it('still answers when the typing action fails', async () => {
    api.failWith400('sendChatAction', 1, 15);
    api.text(15, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    await api.waitFor(() => api.sent('sendMessage', 15).length >= 1);
    expect(api.sent('sendChatAction', 15)).toHaveLength(1);
    await until(() => logLines.some((l) => l.includes('sendChatAction failed') && l.includes('simulated failure')), 'the failed typing action in the log');
    expect(String(repliesTo(15)[0])).toContain('7 giờ sáng');
  });

  it('says sorry when a reply cannot be sent', async () => {
    api.failWith400('sendMessage', 1, 16);
    api.text(16, '/about');
    await api.waitFor(() => api.sent('sendMessage', 16).length >= 2);
    const [failed, sorry] = repliesTo(16);
    expect(failed).toContain('không phải lời khuyên pháp lý');
    expect(sorry).toBe('Xin lỗi, đã có lỗi khi xử lý câu hỏi. Bạn thử lại sau ít phút nhé.');
  });

  it('gets through a 429 from the server with auto-retry', async () => {
    api.failWith429('sendMessage', 1, 5);
    api.text(5, '/help');
    await api.waitFor(() => api.sent('sendMessage', 5).length >= 2);
    expect(repliesTo(5)).toHaveLength(2);
    expect(repliesTo(5)[0]).toBe(repliesTo(5)[1]);
    expect(repliesTo(5)[1]).toContain('/ask');
  });

  it('answers 30 chats asking at once', async () => {
    const chats = Array.from({ length: 30 }, (_, i) => 100 + i);
    for (const chat of chats) api.text(chat, 'Mấy giờ thì bắt đầu bỏ phiếu?');
    await api.waitFor(() => chats.every((chat) => api.sent('sendMessage', chat).length >= 1), 30_000);
    for (const chat of chats) expect(repliesTo(chat)[0]).toContain('7 giờ sáng');
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
    expect(repliesTo(group)[2]).toContain('7 giờ');
  });

  it('reads a question with pasted markup by its words and sends whatever it echoes as plain text with entities', async () => {
    api.text(6, 'Chỉ thị <b>99-CT/TW</b> & <script>alert(1)</script>');
    await api.waitFor(() => api.sent('sendMessage', 6).length >= 1);
    const [reply] = api.sent('sendMessage', 6);
    const text = String(reply?.params.text);
    expect(reply?.params.parse_mode).toBeUndefined();
    expect(text).toContain('Kho tài liệu không có văn bản Chỉ thị 99-CT/TW');
    for (const e of (reply?.params.entities ?? []) as Array<{ offset: number; length: number }>) expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
  });

  it('records 👍/👎 with the question, answered flag and cited documents, but no user identity', async () => {
    api.text(9, 'Tôi có được nhờ người khác đi bầu thay không?');
    await api.waitFor(() => api.sent('sendMessage', 9).length >= 1);
    const buttons = (api.sent('sendMessage', 9)[0]?.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    const vote = api.callback(9, buttons.find((b) => b.text === '👎')?.callback_data ?? '');
    await api.waitFor(() => answered(vote).some((c) => String(c.params.text ?? '').includes('Cảm ơn')));
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
    expect(repliesTo(10)[0]).toContain('Hướng dẫn do Cử tri hỏi biên soạn, 24/06/2025');
    expect(repliesTo(10)[1]).toContain('không phải lời khuyên pháp lý');
  });

  it('lets a user through exactly RATE_LIMIT_PER_MINUTE times a minute, then replies with a friendly message', async () => {
    for (let i = 0; i < 6; i++) api.text(11, '/help');
    await api.waitFor(() => repliesTo(11).length >= 6);
    const replies = repliesTo(11);
    expect(replies.slice(0, 5).every((t) => t.includes('/ask <câu hỏi>'))).toBe(true);
    expect(replies[5]).toBe('Bạn hỏi nhanh quá, hãy đợi một chút rồi hỏi tiếp nhé.');
  });

  it('never writes the token to the log, even when a download from the token-bearing file URL fails', async () => {
    const admin = ADMINS.tokenLog;
    // The fake server has no file for this id: the download gets 404 and the update fails.
    api.message({ id: admin }, { id: admin }, { document: { file_id: 'doc-missing', file_unique_id: 'u-missing', file_name: 'mat.md', file_size: 10 } });
    await api.waitFor(() => repliesTo(admin).length >= 1);
    expect(repliesTo(admin)[0]).toContain('Xin lỗi, đã có lỗi');
    await until(() => logLines.some((l) => l.includes('update failed') && l.includes('HTTP 404')), 'the failed download in the log');
    expect(logLines.join('')).not.toContain(api.token);
  });
});
