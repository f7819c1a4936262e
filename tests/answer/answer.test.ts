import { beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer, renderTelegramHtml, renderText, splitMessage, type Answer } from '../../src/answer/index.ts';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex } from '../../src/index/index.ts';
import { retrieve } from '../../src/search/index.ts';
import { scratchWorkspace } from '../helpers.ts';

const embedder = new LocalEmbedder();
let index: CorpusIndex;
const answer = async (q: string, language: 'vi' | 'en' = 'vi') => composeAnswer(await retrieve(index, embedder, q), language);

beforeAll(async () => {
  const ws = await scratchWorkspace();
  await buildIndex({ ...ws, embedder });
  index = await loadIndex(ws.indexDir);
});

/** Checks that only Telegram's tags appear, each closed in order, and that every & starts an entity. */
function assertTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    expect(['b', 'i', 'a', 'code', 'pre', 'u', 's', 'blockquote']).toContain(m[2]);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2] as string);
  }
  expect(stack).toEqual([]);
  expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
}

describe('composeAnswer', () => {
  it('quotes the best passages with numbered markers and cites title, issuer or publisher and date', async () => {
    const a = await answer('Chỉ thị 03-CT/TU ban hành ngày nào?');
    expect(a.answered).toBe(true);
    expect(a.lead).toContain('Chỉ thị 03-CT/TU');
    expect(a.quotes[0]?.text).toContain('20/1/2021');
    expect(a.citations[0]).toMatchObject({ n: 1, title: 'Triển khai công tác bầu cử ĐBQH khóa XV và đại biểu HĐND các cấp', publisher: 'Báo Lạng Sơn', date: '2021-02-06' });
    const text = renderText(a);
    expect(text).toMatch(/\[1\] «.*20\/1\/2021/);
    expect(text).toContain('Nguồn:');
    expect(text).toContain('06/02/2021');
  });

  it('states the date of news it quotes, so it is not taken for a rule in force', async () => {
    const a = await answer('Lạng Sơn triển khai công tác bầu cử ra sao?');
    expect(a.notice).toMatch(/06\/02\/2021.*không nhất thiết là quy định hiện hành/);
  });

  it('uses the "not found" template with examples for an out-of-scope question', async () => {
    const a = await answer('giá vàng hôm nay');
    expect(a).toMatchObject({ answered: false, outcome: 'no_match', citations: [], quotes: [] });
    expect(renderText(a)).toMatch(/Xin lỗi.*\n[\s\S]*Chỉ thị 03-CT\/TU ban hành ngày nào\?/);
  });

  it('says an unknown identifier is not in the corpus and offers real ones', async () => {
    const text = renderText(await answer('Chỉ thị 99-CT/TW yêu cầu gì?'));
    expect(text).toContain('Kho tài liệu không có văn bản Chỉ thị 99-CT/TW');
    expect(text).toMatch(/Có phải bạn muốn hỏi: .*05-CT\/TW/);
  });

  it('opens a question about a known identifier with a card: who issued it, when, about what, cited', async () => {
    const a = await answer('chi thi 03 ban hanh ngay nao');
    expect(a.cards).toEqual([
      { reference: 'Chỉ thị 03-CT/TU', issuer: 'Ban Thường vụ Tỉnh ủy Lạng Sơn', date: '2021-01-20', subject: 'lãnh đạo cuộc bầu cử', n: 1 },
      expect.objectContaining({ reference: 'Chỉ thị 03/CT-UBND', issuer: 'Chủ tịch UBND tỉnh Lạng Sơn', date: '2021-01-24', n: 1 }),
    ]);
    expect(renderText(a)).toContain('Chỉ thị 03-CT/TU của Ban Thường vụ Tỉnh ủy Lạng Sơn, ban hành ngày 20/01/2021, về lãnh đạo cuộc bầu cử. [1]');
  });

  it('answers from the guide "under the law in force", with the article each citation rests on', async () => {
    const a = await answer('Tôi có được nhờ người khác đi bầu thay không?');
    expect(a.lead).toBe('Theo luật hiện hành (Luật số 85/2015/QH13, sửa đổi, bổ sung bởi Luật số 83/2025/QH15 (hiệu lực từ 01/7/2025)):');
    expect(a.citations[0]).toMatchObject({ kind: 'guidance', article: 'Điều 69' });
    expect(a.notice).toBeNull();
    expect(renderText(a)).toContain('Hướng dẫn, Điều 69 · Luật Bầu cử');
    expect(renderTelegramHtml(a)[0]).toContain('Điều 69');
  });

  it('renders English templates on request', async () => {
    const text = renderText(await answer('Chỉ thị 03-CT/TU ban hành ngày nào?', 'en'));
    expect(text).toContain('On Directive 03-CT/TU, the corpus says:');
    expect(text).toContain('Sources:');
  });
});

describe('renderTelegramHtml', () => {
  it('produces valid, escaped Telegram HTML with matched words in bold', async () => {
    const [html, ...rest] = renderTelegramHtml(await answer('Chỉ thị 03-CT/TU ban hành ngày nào?'));
    expect(rest).toEqual([]);
    assertTelegramHtml(html as string);
    expect(html).toMatch(/<b>03<\/b>-<b>CT<\/b>\/<b>TU<\/b>/);
  });

  it('escapes markup that reaches the answer and splits long answers under 4,096 characters', () => {
    const long: Answer = {
      question: '<script>',
      language: 'vi',
      answered: true,
      outcome: 'answered',
      lead: 'Có <b>thẻ</b> & ký tự',
      cards: [],
      notice: null,
      suggestions: [],
      quotes: Array.from({ length: 40 }, (_, i) => ({ n: i + 1, text: `Đoạn ${i} <i>không</i> đóng & ${'chữ '.repeat(40)}`, highlights: ['Đoạn'] })),
      citations: [{ n: 1, passageIndex: 0, docId: 'x', title: 'A <b>', kind: 'news', issuer: null, publisher: 'P & Q', date: null, url: 'https://example.org/?a=1&b="2"', section: null, article: null, version: null, passage: '', score: 1 }],
    };
    const messages = renderTelegramHtml(long);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.length).toBeLessThan(4096);
      assertTelegramHtml(m);
    }
    expect(messages.join('\n')).toContain('Có &lt;b&gt;thẻ&lt;/b&gt; &amp; ký tự');
    expect(messages.join('\n')).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
  });

  it('splitMessage cuts even a single giant line', () => {
    const parts = splitMessage('x'.repeat(10_000), 4096);
    expect(parts.every((p) => p.length < 4096)).toBe(true);
    expect(parts.join('')).toHaveLength(10_000);
  });
});
