import { beforeAll, describe, expect, it } from 'vitest';
import { chooseQuote, composeAnswer, renderTelegram, renderText, toTelegramMessages, type Answer } from '../../src/answer/index.ts';
import { emphasise } from '../../src/answer/render.ts';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex } from '../../src/index/index.ts';
import { retrieve, shippedDecisionModel, type QuoteRequest } from '../../src/search/index.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { asksOf } from '../../src/text/answers.ts';
import { scratchWorkspace } from '../helpers.ts';

const embedder = new LocalEmbedder();
let index: CorpusIndex;
const answer = async (q: string, language: 'vi' | 'en' = 'vi') => composeAnswer(await retrieve(index, embedder, q), language);

beforeAll(async () => {
  const ws = await scratchWorkspace();
  await buildIndex({ ...ws, embedder });
  index = await loadIndex(ws.indexDir);
});

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

  it('leads a search-box query with the sentence holding the kind of answer its head noun names', async () => {
    // Without the head noun read, the sentence holding most of the words leads: the date the group is set up, or the notice of voting hours.
    expect((await answer('so luong thanh vien to bau cu')).quotes[0]?.text).toMatch(/từ 11 đến 21 thành viên/);
    expect((await answer('thời gian bỏ phiếu')).quotes[0]?.text).toMatch(/7 giờ/);
  });

  it('states the date of news it quotes, so it is not taken for a rule in force', async () => {
    const a = await answer('Lạng Sơn triển khai công tác bầu cử ra sao?');
    expect(a.notice).toMatch(/06\/02\/2021.*không nhất thiết là quy định hiện hành/);
  });

  it('declines an out-of-scope question with one sentence on what the bot covers, no passages and no unrelated examples', async () => {
    const a = await answer('giá vàng hôm nay');
    expect(a).toMatchObject({ answered: false, outcome: 'no_match', citations: [], quotes: [], topics: [] });
    expect(renderText(a)).toMatch(/^Xin lỗi.*\n\nTôi chỉ trả lời về bầu cử đại biểu Quốc hội/);
    expect(renderText(a)).not.toContain('03-CT/TU');
  });

  it('offers the nearest topics, chosen by the question, when the corpus may not answer exactly what was asked', async () => {
    // A model unsure of everything it ranks: no threshold to reach, none to fall under.
    const unsure = { ...shippedDecisionModel(), thresholds: { answer: 2, decline: -1 } };
    const retrieval = await retrieve(index, embedder, 'Luật quy định 5 trường hợp phiếu không hợp lệ nào?', { model: unsure });
    expect(retrieval.outcome).toBe('not_sure');
    const a = composeAnswer(retrieval);
    expect(a).toMatchObject({ answered: false, outcome: 'not_sure', citations: [] });
    expect(a.topics[0]?.label).toMatch(/không hợp lệ/);
    expect(renderText(a)).toMatch(/^Kho tài liệu có thể không trả lời đúng câu này[^\n]*\n1\. [^\n]*không hợp lệ/);
    expect(composeAnswer(retrieval, 'en').lead).toMatch(/^The corpus may not answer exactly this/);
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

  it('gives a guide quote the election-law article it rests on, not another code\'s article it mentions', async () => {
    // The guide cites "(Điều 160, Bộ luật Hình sự năm 2015; căn cứ Điều 95, Luật Bầu cử số 85/2015/QH13)".
    const a = await answer('Gian lận bầu cử bị xử lý ra sao?');
    const guide = a.citations.find((c) => c.docId === 'guidance/khieu-nai-to-cao-ve-bau-cu');
    expect(guide?.article).toBe('Điều 95');
    expect(a.citations.map((c) => c.article)).not.toContain('Điều 160');
  });

  it('answers from the guide "under the law in force" in a short heading, with the law version once under the sources', async () => {
    const a = await answer('Tôi có được nhờ người khác đi bầu thay không?');
    expect(a.lead).toBe('Theo luật hiện hành:');
    expect(a.citations[0]).toMatchObject({ kind: 'guidance', article: 'Điều 69' });
    expect(a.notice).toBeNull();
    const text = renderText(a);
    expect(text).toContain('— Hướng dẫn do Cử tri hỏi biên soạn, Điều 69, 24/06/2025');
    expect(text.slice(text.indexOf('Nguồn:')).match(/Luật số 83\/2025\/QH15/g)).toHaveLength(1);
    expect(text.split('\n').at(-1)).toBe('Luật hiện hành: Luật số 85/2015/QH13, sửa đổi, bổ sung bởi Luật số 83/2025/QH15 (hiệu lực từ 01/7/2025).');
  });

  it('puts the answer on the first screen: a short heading, then the quote that answers, ended within 1,000 characters', async () => {
    for (const q of ['Mấy giờ thì bắt đầu bỏ phiếu?', 'Phiếu bầu thế nào thì không hợp lệ?', 'Chỉ thị 05-CT/TW yêu cầu gì?', 'bau cu luc may gio']) {
      const text = renderText(await answer(q));
      const [heading, ...rest] = text.split('\n');
      expect(heading?.length).toBeLessThanOrEqual(40);
      expect(rest.join('\n').indexOf('[1] «')).toBeLessThan(300);
      expect(text.indexOf('»')).toBeLessThan(1000);
    }
  });

  it('cites each document once, with the numbers of all its quotes', async () => {
    const a = await answer('Mấy giờ thì bắt đầu bỏ phiếu?');
    const docs = new Set(a.citations.map((c) => c.docId));
    expect(a.sources).toHaveLength(docs.size);
    expect(a.sources.flatMap((s) => s.numbers).sort()).toEqual(a.citations.map((c) => c.n).sort());
    const lines = renderText(a).split('\n').filter((l) => /^\[\d/.test(l) && !l.includes('«'));
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('quotes, for a date question, the sentence holding the date, and bolds only that date', async () => {
    for (const q of ['Ngày bầu cử năm 2026 là ngày nào?', 'Bầu cử đại biểu Quốc hội khóa XVI ngày nào?', 'bau cu khoa XVI ngay nao']) {
      const a = await answer(q);
      expect(a.quotes[0]?.text).toContain('15/3/2026');
      expect(a.quotes[0]?.highlights).toContain('15/3/2026');
    }
    // A term typed in figures is the corpus's numeral: "khoa 15" finds the sentence on khóa XV.
    for (const q of ['bau cu quoc hoi khoa 15 la ngay nao', 'Bầu cử Quốc hội khóa 15 ngày nào?']) expect((await answer(q)).quotes[0]?.text, q).toContain('23/5/2021 bầu khóa XV');
    const [message] = renderTelegram(await answer('Bầu cử đại biểu Quốc hội khóa XVI ngày nào?'));
    const bold = message?.entities.filter((e) => e.type === 'bold').map((e) => message.text.slice(e.offset, e.offset + e.length));
    expect(bold).toContain('15/3/2026');
    expect(bold?.every((b) => b.length <= 40)).toBe(true);
  });

  it('tells a greeting, thanks or a bare number apart from a question: a friendly reply with examples and no citations', async () => {
    for (const [q, lead] of [['xin chào', /^Chào bạn!/], ['Xin chao ban', /^Chào bạn!/], ['cảm ơn bạn nhiều', /^Không có gì/], ['1', /gõ một câu hỏi/], ['2021', /gõ một câu hỏi/], ['câu hỏi 1', /gõ một câu hỏi/]] as const) {
      const a = await answer(q);
      expect(a).toMatchObject({ answered: false, citations: [], quotes: [] });
      expect(a.lead).toMatch(lead);
      expect(renderText(a)).toContain('• Chỉ thị 03-CT/TU ban hành ngày nào?');
    }
    expect((await answer('hello', 'en')).lead).toMatch(/^Hello!/);
  });

  it('says the corpus holds a number from another issuer than the one asked, and offers it', async () => {
    const a = await answer('Chỉ thị 03-CT/TU của Tỉnh ủy Bến Tre yêu cầu gì?');
    expect(a.answered).toBe(false);
    expect(a.lead).toBe('Kho tài liệu không có Chỉ thị 03-CT/TU của Tỉnh ủy Bến Tre; văn bản số này trong kho là của cơ quan khác.');
    expect(a.suggestions[0]).toBe('Có phải bạn muốn hỏi: Chỉ thị 03-CT/TU của Ban Thường vụ Tỉnh ủy Lạng Sơn?');
    expect((await answer('chi thi 12 cua tinh uy lang son')).suggestions[0]).toContain('Chỉ thị 12 của Ban Thường vụ Tỉnh ủy Bạc Liêu');
  });

  it("reads an English question's everyday words through the glossary: a reporter watching the count is the press at the count", async () => {
    const a = await answer("I'm a reporter. Am I allowed to watch the vote count at a polling station?", 'en');
    expect(a.quotes[0]?.text).toContain('phóng viên báo chí cũng được chứng kiến');
  });

  it('renders English templates on request', async () => {
    const text = renderText(await answer('Chỉ thị 03-CT/TU ban hành ngày nào?', 'en'));
    expect(text).toContain('On Directive 03-CT/TU:');
    expect(text).toContain('Sources:');
  });
});

describe('the election law in the corpus', () => {
  it('looks up an article or a clause of the law, with or without diacritics, and quotes it whole', async () => {
    const a = await answer('Điều 69 luật bầu cử');
    expect(a.lead).toBe('Điều 69. Nguyên tắc bỏ phiếu');
    expect(new Set(a.citations.map((c) => c.docId))).toEqual(new Set(['law/luat-85-2015-qh13']));
    expect(a.quotes[0]?.text).toMatch(/^1\. Mỗi cử tri có quyền bỏ một phiếu bầu/);
    expect(renderText(a)).toContain('— số 85/2015/QH13, Quốc hội, Điều 69 khoản 1, 2, 4');
    const clause = await answer('khoan 2 dieu 30 luat bau cu');
    expect(clause.lead).toMatch(/^Điều 30 khoản 2\. /);
    expect(clause.quotes).toHaveLength(1);
    expect(clause.citations[0]?.article).toBe('Điều 30 khoản 2');
    expect((await answer('dieu 74 noi gi')).lead).toBe('Điều 74. Phiếu bầu không hợp lệ');
    // Điều 5 has no clauses of its own: the article, headed as the article, not as a clause it lacks.
    expect((await answer('Điều 5 khoản 2')).lead).toBe('Điều 5. Ngày bầu cử');
  });

  it('finds the law a question names by kind and number, and declines an article of a law the corpus does not hold', async () => {
    const a = await answer('dieu 2 nghi quyet 1187 ubtvqh14');
    expect(a.citations[0]?.docId).toBe('law/nghi-quyet-1187-nq-ubtvqh14');
    expect(a.lead).toMatch(/^Điều 2\. /);
    for (const q of ['điều 69 bộ luật hình sự', 'Điều 2 Nghị định 100/2019/NĐ-CP', 'điều 5 hiến pháp', 'Điều 3 Thông tư 21/2025/TT-BNV']) {
      expect((await answer(q)).outcome).toBe('no_match');
    }
  });

  it('declines an article the law does not have, saying which articles it has', async () => {
    const a = await answer('Điều 120 luật bầu cử quy định gì?');
    expect(a).toMatchObject({ answered: false, outcome: 'unknown_article' });
    expect(a.lead).toBe('Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân không có Điều 120; văn bản có từ Điều 1 đến Điều 98.');
    expect((await answer('Điều 120')).outcome).toBe('unknown_article');
    expect((await answer('dieu 10 nghi quyet 1187')).lead).toBe('Nghị quyết 1187/NQ-UBTVQH14 không có Điều 10; văn bản có từ Điều 1 đến Điều 3.');
    // A number of four digits or more is no less an article: it is looked up, not read as words of a question.
    for (const q of ['Điều 1000 Luật 85/2015/QH13', 'luật 85/2015/QH13 điều 12345']) expect((await answer(q)).outcome).toBe('unknown_article');
  });

  it('answers where one votes with the polling area whose voter list holds one\'s name, not with another article', async () => {
    // However it is asked, with no other topic: "bầu cử", "đi bầu", typed with or without marks.
    for (const question of ['Tôi đi bỏ phiếu ở đâu?', 'bau cu o dau', 'đi bầu ở đâu vậy']) {
      const a = await answer(question);
      expect(a.outcome, question).toBe('answered');
      expect(a.quotes[0]?.text, question).toContain('khu vực bỏ phiếu có danh sách cử tri ghi tên mình');
    }
  });

  it('shows the whole article for a clause past its last, saying which clauses it has', async () => {
    const a = await answer('khoản 9 Điều 29 luật bầu cử');
    expect(a.outcome).toBe('answered');
    expect(a.lead).toBe('Điều 29 không có khoản 9 (chỉ có từ khoản 1 đến khoản 5); toàn văn Điều 29. Nguyên tắc lập danh sách cử tri');
    expect(a.reason).toBe('unknown_clause');
    expect(a.quotes[0]?.text).toMatch(/^1\. Mọi công dân có quyền bầu cử/);
    // A clause the article has is shown alone, with no such note.
    expect((await answer('khoản 4 điều 29')).lead).toBe('Điều 29 khoản 4. Nguyên tắc lập danh sách cử tri');
    // In English, articles and clauses are looked up too.
    expect((await answer('clause 9 of Article 29 of the election law', 'en')).lead).toMatch(/^Article 29 has no clause 9 \(its clauses run from 1 to 5\)/);
    expect((await answer('What does Article 120 of the election law say?', 'en')).outcome).toBe('unknown_article');
  });

  it('answers a resolution named by number and year with its card, and says another year is not in the corpus', async () => {
    const held = await answer('nghị quyết 1186/2021 quy định gì');
    expect(held.outcome).toBe('answered');
    expect(held.lead).toMatch(/^Về Nghị quyết 1186\/2021:/);
    expect(held.citations[0]?.docId).toBe('law/nghi-quyet-1186-2021-ubtvqh14');
    const other = await answer('nghị quyết 1186/2020 quy định gì');
    expect(other.outcome).toBe('unknown_reference');
    expect(other.lead).toContain('Nghị quyết 1186/2020');
    expect((await answer('Điều 5 luật 85/2015')).citations[0]?.article).toBe('Điều 5');
  });

  it('says a document number of five digits or more is not in the corpus, rather than answering from its words', async () => {
    const a = await answer('Chỉ thị 99999-CT/TW yêu cầu gì?');
    expect(a.outcome).toBe('unknown_reference');
    expect(a.lead).toContain('Chỉ thị 99999-CT/TW');
  });

  it("answers a voter from the guide first, then quotes the clause of the law the guide's sentence cites as its basis", async () => {
    const a = await answer('Tôi có được nhờ người khác đi bầu thay không?');
    expect(a.citations[0]?.kind).toBe('guidance');
    expect(a.quotes[1]).toMatchObject({ n: 2, basis: 'Điều 69 khoản 2' });
    expect(a.quotes[1]?.text).toContain('không được nhờ người khác bầu cử thay');
    expect(a.citations[1]).toMatchObject({ n: 2, docId: 'law/luat-85-2015-qh13', article: 'Điều 69 khoản 2' });
    expect(renderText(a)).toMatch(/\nCăn cứ: Điều 69 khoản 2 \[2\] «/);
  });

  it('takes the basis from the passage the reply leads with, not from another passage the ranking put first', async () => {
    const question = 'ngay bau cu nam 2026 la ngay nao vay';
    const a = await answer(question);
    // Its answer words put first a guide passage about voting elsewhere (citing Điều 34); the reply leads with the date.
    expect(a.quotes[0]?.text).toContain('15/3/2026');
    // The sentence it leads with cites Điều 4 khoản 1 and Điều 5: the basis is the one sharing more of the question.
    expect(a.quotes[1]?.basis).toBe('Điều 5');
    expect(a.quotes[1]?.text).toContain('Ngày bầu cử phải là ngày chủ nhật');
  });

  it('rests the answer on the clause its answering sentence cites, a list it quotes whole with the citation closing it', async () => {
    // Quoted by the question's words alone (no labelled question heard), the list of invalid ballots is one answer: its
    // items stay together, and so does the citation closing them.
    const a = composeAnswer(await retrieve(index, embedder, 'What makes a ballot invalid?', { asked: () => [] }), 'vi');
    expect(a.quotes[0]?.text).toMatch(/^Luật chỉ kể đúng năm loại phiếu không hợp lệ: phiếu không theo mẫu .*\(Điều 74,/);
    expect(a.quotes[1]?.basis).toBe('Điều 74');
    expect(a.quotes[1]?.text).toContain('phiếu bầu không hợp lệ');
  });

  it('of two articles one sentence cites, rests the answer on the one that speaks of the question', async () => {
    const a = await answer('Where do I complain if my name is missing from the voter list?');
    expect(a.quotes[0]?.text).toContain('Điều 31 và Điều 33');
    expect(a.quotes[1]?.basis).toBe('Điều 33');
  });

  it('quotes the clause it cites as the basis once, not again among the passages found', async () => {
    const question = 'Mấy giờ thì bắt đầu bỏ phiếu?';
    const found = (await retrieve(index, embedder, question)).hits.map((h) => h.passageIndex);
    const a = await answer(question);
    // The guide's sentence cites Điều 71 khoản 1: of the whole article, that clause is quoted, and labelled so.
    expect(a.quotes[1]?.basis).toBe('Điều 71 khoản 1');
    expect(a.citations[1]?.article).toBe('Điều 71 khoản 1');
    expect(a.quotes[1]?.text.startsWith('1. Việc bỏ phiếu bắt đầu')).toBe(true);
    expect(a.quotes[1]?.text).not.toContain('niêm phong');
    // The ranking found the clause the guide's sentence rests on too: cited once, as the basis.
    expect(found).toContain(a.citations[1]?.passageIndex);
    const cited = a.citations.map((c) => c.passageIndex);
    expect(new Set(cited).size).toBe(cited.length);
    expect(a.quotes.map((q) => q.n)).toEqual(a.citations.map((_, i) => i + 1));
    expect(a.citations.map((c) => c.n)).toEqual(a.citations.map((_, i) => i + 1));
  });

  it('keeps the guide in front when the law repeats the question\'s words more often', async () => {
    for (const q of ['Quốc hội có bao nhiêu đại biểu?', 'Mấy giờ thì bắt đầu bỏ phiếu?', 'Phiếu bầu thế nào thì không hợp lệ?']) {
      expect((await answer(q)).citations[0]?.kind).toBe('guidance');
    }
  });
});

describe('a directive whose text never repeats its own number', () => {
  it('is answered from its own front matter: number from the title (or the number field), issuer and date', async () => {
    const ws = await scratchWorkspace();
    await mkdir(path.join(ws.corpusDir, 'directive'), { recursive: true });
    const front = (extra: string) =>
      `---\n${extra}kind: directive\nissuer: Ban Thường vụ Tỉnh ủy Bến Tre\nplace: Bến Tre\ndate: 2025-05-17\n---\nBan Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng lãnh đạo chặt chẽ công tác chuẩn bị và tổ chức cuộc bầu cử, bảo đảm dân chủ, đúng pháp luật.\n`;
    await writeFile(path.join(ws.corpusDir, 'directive', 'ct-07.md'), front('title: Chỉ thị 07-CT/TU về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XVI\n'));
    await writeFile(path.join(ws.corpusDir, 'directive', 'kh-09.md'), front('title: Kế hoạch tuyên truyền về bầu cử\nnumber: 09-KH/TU\n'));
    await buildIndex({ ...ws, embedder });
    const own = await loadIndex(ws.indexDir);
    const ask = async (q: string) => composeAnswer(await retrieve(own, embedder, q));
    const a = await ask('Chỉ thị 07-CT/TU ban hành ngày nào?');
    expect(a.answered).toBe(true);
    expect(a.cards[0]).toMatchObject({ reference: 'Chỉ thị 07-CT/TU', issuer: 'Ban Thường vụ Tỉnh ủy Bến Tre', date: '2025-05-17', n: 1 });
    expect(a.citations[0]?.docId).toBe('directive/ct-07');
    expect((await ask('ke hoach 09-KH/TU yeu cau gi')).citations[0]?.docId).toBe('directive/kh-09');
  });
});

describe('the date notice', () => {
  it('gives the dates of dated news and names an undated one, instead of calling every quoted document undated', async () => {
    const a = await answer('Chỉ thị 05-CT/TW yêu cầu gì?');
    expect(a.notice).toContain('19/04/2021');
    expect(a.notice).toContain('«Bạc Liêu: Tạo sự chuyển biến tích cực ngay từ đầu nhiệm kỳ» không ghi ngày');
  });
});

describe('renderTelegram', () => {
  it('formats with entities, so markup in any text is shown as typed, and links carry their URL', () => {
    const a: Answer = {
      question: '<script>',
      language: 'vi',
      answered: true,
      outcome: 'answered',
      reply: 'answered',
      reason: null,
      lead: 'Có <b>thẻ</b> & ký tự',
      cards: [],
      notice: null,
      suggestions: [],
      topics: [],
      quotes: [{ n: 1, text: 'Ngày <i>15/3/2026</i> & "x"', highlights: ['15/3/2026'] }],
      citations: [],
      sources: [{ numbers: [1], title: 'A <b>', kind: 'news', details: 'Tin bài, P & Q, 01/01/2021', url: 'https://example.org/?a=1&b="2"' }],
      lawVersion: null,
    };
    const [message, ...rest] = renderTelegram(a);
    expect(rest).toEqual([]);
    expect(message?.text).toContain('Có <b>thẻ</b> & ký tự');
    expect(message?.text).toContain('A <b> — Tin bài, P & Q');
    const link = message?.entities.find((e) => e.type === 'text_link') as { offset: number; length: number; url: string };
    expect(link.url).toBe('https://example.org/?a=1&b="2"');
    expect(message?.text.slice(link.offset, link.offset + link.length)).toBe('A <b>');
    const bold = message?.entities.filter((e) => e.type === 'bold').map((e) => message.text.slice(e.offset, e.offset + e.length));
    expect(bold).toEqual(['Có <b>thẻ</b> & ký tự', '[1]', '15/3/2026', 'Nguồn:']);
  });

  it('bolds only whole words that answer, wherever they stand in the quote', () => {
    expect(emphasise('18 người năm 2018; 18.', ['18'])).toEqual([
      { text: '18', style: 'bold' },
      { text: ' người năm 2018; ' },
      { text: '18', style: 'bold' },
      { text: '.' },
    ]);
    expect(emphasise('từ 7 giờ sáng đến 7 giờ tối', ['7 giờ sáng', '7 giờ tối']).filter((s) => s.style === 'bold').map((s) => s.text)).toEqual(['7 giờ sáng', '7 giờ tối']);
  });

  it('splits long answers under 4,096 UTF-16 units at line breaks, and cuts even one giant line, keeping entities inside each message', () => {
    const lines = Array.from({ length: 60 }, (_, i) => [{ text: `Đoạn ${i} ` }, { text: 'đậm', style: 'bold' as const }, { text: ` ${'chữ '.repeat(30)}` }]);
    const messages = toTelegramMessages([...lines, [{ text: 'x'.repeat(10_000) }]]);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.text.length).toBeLessThan(4096);
      for (const e of m.entities) expect(e.offset + e.length).toBeLessThanOrEqual(m.text.length);
    }
    expect(messages.map((m) => m.text).join('')).toContain('x'.repeat(5000));
    expect(messages[0]?.entities.filter((e) => e.type === 'bold').every((e) => messages[0]?.text.slice(e.offset, e.offset + e.length) === 'đậm')).toBe(true);
  });
});

describe('chooseQuote', () => {
  const passage = 'Có. Quốc hội quyết định một ngày bầu cử chung trong cả nước cho cả bầu ĐBQH và bầu đại biểu HĐND các cấp (Điều 4 khoản 1, Luật Bầu cử). Ngày đó phải là chủ nhật (Điều 5, Luật Bầu cử). Ví dụ, cuộc bầu cử khóa XVI diễn ra vào Chủ nhật 15/3/2026 (Nghị quyết số 199/2025/QH15).';
  const request = (words: string[], answerType: 'date' | 'time' | 'number' | null = null, extra: Partial<QuoteRequest> = {}): QuoteRequest => ({
    terms: { concepts: words.filter((w) => !w.includes('_')).map((w) => ({ alternatives: [[w]], weight: 1, phrase: false })), pairs: words.filter((w) => w.includes('_')) },
    answerType,
    focus: null,
    counted: null,
    years: [],
    ...extra,
  });
  const at = (text: string, section: string | null = null) => ({ text, section });

  it('takes first the sentence holding the kind of answer asked for, even when others share more words', () => {
    const words = ['bau', 'cu', 'bau_cu', 'quoc', 'hoi', 'quoc_hoi', 'dai', 'bieu', 'khoa', 'xvi', 'ngay'];
    const { quote, highlights } = chooseQuote(at(passage), request(words, 'date'), 30);
    expect(quote).toContain('Chủ nhật 15/3/2026');
    expect(highlights).toEqual(['15/3/2026']);
    expect(chooseQuote(at(passage), request(words), 30).quote).not.toContain('15/3/2026');
  });

  it('reads the lead first, what comes before it in the passage after it, unless asked to keep the order', () => {
    const text = 'Việc bỏ phiếu kết thúc lúc 7 giờ tối. Việc bỏ phiếu phải liên tục; nếu bị gián đoạn, Tổ bầu cử niêm phong ngay hòm phiếu và tài liệu. Câu cuối nói chuyện khác hẳn.';
    const asked = request(['bo', 'phieu', 'bo_phieu', 'gian', 'doan', 'gian_doan', 'niem', 'phong', 'hom']);
    expect(chooseQuote(at(text), asked, 40).quote).toMatch(/^… Việc bỏ phiếu phải liên tục.* … Việc bỏ phiếu kết thúc lúc 7 giờ tối\. …$/);
    expect(chooseQuote(at(text), asked, 40, true).quote).toMatch(/^Việc bỏ phiếu kết thúc lúc 7 giờ tối\. Việc bỏ phiếu phải liên tục/);
    // A section opening with a yes or no keeps it first: it replies to the section's question.
    expect(chooseQuote(at(`Được. ${text}`, 'Mất điện thì sao?'), asked, 40).quote).toMatch(/^Mất điện thì sao\? Được\./);
  });

  it('for a count, takes first the sentence counting what was asked over one counting something else', () => {
    const text = 'Đối với 8 nhóm nhiệm vụ đề ra trong nghị quyết năm 2021, Thành ủy yêu cầu 14 đơn vị cụ thể hóa thành các chỉ tiêu. Hội nghị thống nhất đề ra 45 chỉ tiêu chủ yếu.';
    const words = ['thanh', 'uy', 'de', 'ra', 'chi', 'tieu', 'nghi', 'quyet', '2021', 'chi_tieu', 'nghi_quyet'];
    expect(chooseQuote(at(text), request(words, 'number', { counted: 'chi' }), 14).quote).toContain('45 chỉ tiêu');
    expect(chooseQuote(at(text), request(words, 'number'), 14).quote).not.toContain('45 chỉ tiêu');
  });

  it('answers both things a question asks: the count of copies it leads with, and the deadline asked after it', () => {
    const text = 'Biên bản kết quả bầu cử được lập thành ba bản, có chữ ký của Trưởng ban. Biên bản được gửi đến Hội đồng bầu cử quốc gia chậm nhất là 05 ngày sau ngày bầu cử. Câu cuối nói chuyện khác.';
    const asked = request(['bien', 'ban', 'bien_ban', 'lap', 'gui'], 'number', { counted: 'ban' });
    // Asked one thing, the copies: the deadline is left out for want of room.
    expect(chooseQuote(at(text), asked, 12).quote).toBe('Biên bản kết quả bầu cử được lập thành ba bản, có chữ ký của Trưởng ban. …');
    const both = { ...asked, asks: asksOf('lập thành mấy bản và phải gửi đi trong bao lâu') };
    expect(chooseQuote(at(text), both, 12).quote).toBe('Biên bản kết quả bầu cử được lập thành ba bản, có chữ ký của Trưởng ban. Biên bản được gửi đến Hội đồng bầu cử quốc gia chậm nhất là 05 ngày sau ngày bầu cử. …');
  });

  it('counts a phrase of the question once, however many of its synonyms a sentence holds', () => {
    const text = 'Phiếu được đếm ngay tại phòng bỏ phiếu; đếm xong số phiếu thì đếm lại một lần nữa. Kiểm phiếu xong, Tổ bầu cử lập biên bản kết quả kiểm phiếu.';
    const countingPhrase = { alternatives: [['kiem', 'phieu'], ['dem', 'phieu'], ['dem', 'so', 'phieu']], weight: 2, phrase: true };
    const terms = { concepts: [countingPhrase, ...['lap', 'bien', 'ban'].map((w) => ({ alternatives: [[w]], weight: 1, phrase: false }))], pairs: ['bien_ban'] };
    expect(chooseQuote(at(text), { ...request([]), terms }, 14).quote).toBe('… Kiểm phiếu xong, Tổ bầu cử lập biên bản kết quả kiểm phiếu.');
  });

  it('quotes a clause number of the law with the clause it opens, never alone at a cut', () => {
    const law = '1. Việc bỏ phiếu bắt đầu từ bảy giờ sáng đến bảy giờ tối cùng ngày.\n\n2. Trước khi bỏ phiếu, Tổ bầu cử phải kiểm tra hòm phiếu trước sự chứng kiến của cử tri.';
    expect(chooseQuote(at(law), request(['bat', 'dau', 'bo', 'phieu', 'bay', 'gio']), 14).quote).toBe('1. Việc bỏ phiếu bắt đầu từ bảy giờ sáng đến bảy giờ tối cùng ngày. …');
    expect(chooseQuote(at(law), request(['kiem', 'tra', 'hom', 'phieu']), 16).quote).toBe('… 2. Trước khi bỏ phiếu, Tổ bầu cử phải kiểm tra hòm phiếu trước sự chứng kiến của cử tri.');
  });

  it('fills the room left with the sentence after the one picked, marking the cuts', () => {
    const text = 'Phần này nói chung. Cử tri ốm đau được bỏ phiếu vào hòm phiếu phụ. Tổ bầu cử mang hòm phiếu phụ đến chỗ ở của họ. Câu cuối cũng không liên quan.';
    const terms = request([]);
    terms.terms = { concepts: [{ alternatives: [['om', 'dau']], weight: 2, phrase: true }], pairs: [] };
    expect(chooseQuote(at(text), terms, 25).quote).toBe('… Cử tri ốm đau được bỏ phiếu vào hòm phiếu phụ. Tổ bầu cử mang hòm phiếu phụ đến chỗ ở của họ. …');
    expect(chooseQuote(at(text), terms, 12).quote).toBe('… Cử tri ốm đau được bỏ phiếu vào hòm phiếu phụ. …');
  });

  it('puts the answer first: a sentence before it holding none of the question\'s words is not quoted ahead of it', () => {
    const text = 'Không. Mỗi cử tri phải tự mình đi bầu. Mỗi cử tri nhận 3 lá phiếu bầu: ĐBQH, HĐND tỉnh và HĐND xã.';
    const { quote } = chooseQuote(at(text, 'Tôi có được nhờ người khác đi bầu thay không?'), request(['la', 'phieu', 'la_phieu'], 'number'), 40);
    expect(quote).toBe('… Mỗi cử tri nhận 3 lá phiếu bầu: ĐBQH, HĐND tỉnh và HĐND xã.');
  });

  it('quotes a sentence naming a thing by pointing back ("nơi đó") with the sentence it points to', () => {
    const text = 'Trại tạm giam có thể lập khu vực riêng. Nếu nơi đó không có khu vực riêng, Tổ bầu cử mang hòm phiếu phụ đến tận nơi. Câu sau nói chuyện khác.';
    const { quote } = chooseQuote(at(text), request(['hom', 'phieu', 'phu', 'hom_phieu', 'phieu_phu']), 30);
    expect(quote.startsWith('Trại tạm giam có thể lập khu vực riêng. Nếu nơi đó')).toBe(true);
  });

  it('keeps only dates of the year the question names', () => {
    const text = 'Danh sách niêm yết từ ngày 3/2/2021 ở cuộc bầu cử. Cuộc bầu cử năm 2026 vào ngày 15/3/2026.';
    expect(chooseQuote(at(text), request(['bau', 'cu'], 'date', { years: ['2026'] }), 10).highlights).toEqual(['15/3/2026']);
  });

  it('never leaves a bare "Được." alone: it takes the sentence after it, and the heading it replies to when the question did not ask yes or no', () => {
    const text = 'Được. Lỡ viết hỏng, bạn có quyền đổi lá phiếu khác (Điều 69). Câu sau không liên quan gì cả.';
    const section = 'Viết sai phiếu thì có được đổi phiếu khác không?';
    const how = chooseQuote(at(text, section), request(['viet', 'hong', 'phieu']), 12).quote;
    expect(how.startsWith(`${section} Được. Lỡ viết hỏng, bạn có quyền đổi lá phiếu khác`)).toBe(true);
    const may = chooseQuote(at(text, section), request(['viet', 'hong', 'phieu'], null, { focus: 'permission' }), 12).quote;
    expect(may.startsWith('Được. Lỡ viết hỏng')).toBe(true);
  });

  it('gives a section opening "Có, nếu …" the heading it replies to, unless the yes-or-no question asked is that heading', () => {
    const text = 'Có, nếu chậm nhất 24 giờ trước lúc bỏ phiếu người đó được trả tự do. Câu sau không liên quan gì cả.';
    const section = 'Được trả tự do thì có được đi bầu không?';
    const other = chooseQuote(at(text, section), request(['pham', 'nhan', 'bo', 'phieu'], null, { focus: 'permission' }), 30).quote;
    expect(other.startsWith(`${section} Có, nếu`)).toBe(true);
    const same = chooseQuote(at(text, section), request(['tra', 'tu', 'do', 'tra_tu', 'tu_do', 'di', 'bau', 'di_bau'], null, { focus: 'permission' }), 30).quote;
    expect(same.startsWith('Có, nếu')).toBe(true);
  });

  it('keeps a clause that points back ("đó là …") with the clause it points to, and a citation in brackets whole', () => {
    const text = 'Kết quả được công bố chậm nhất 10 ngày sau ngày bầu cử; ở cuộc bầu cử ngày 15/3/2026, đó là ngày 25/3/2026 (Điều 86; sửa đổi năm 2025). Trước năm 2025 hạn này là 20 ngày.';
    const { quote } = chooseQuote(at(text), request(['ngay', '2026', 'nam_2026'], 'date', { years: ['2026'] }), 10);
    expect(quote).toContain('Kết quả được công bố chậm nhất 10 ngày sau ngày bầu cử; ở cuộc bầu cử ngày 15/3/2026, đó là ngày 25/3/2026 (Điều 86; sửa đổi năm 2025).');
  });

  it('never quotes a fragment alone: a few words that end a sentence go with it', () => {
    const text = 'Quy định này áp dụng với cán bộ, công chức;\n\nvới viên chức. Câu khác nói về việc khác hẳn.';
    const { quote } = chooseQuote(at(text), request(['vien', 'chuc', 'vien_chuc']), 8);
    expect(quote).toContain('áp dụng với cán bộ, công chức; với viên chức.');
  });

  it('in a section whose heading asks the question, leads with the section\'s opening, where the guide answers', () => {
    const text = 'Bỏ phiếu bắt đầu từ 7 giờ sáng. Ở đơn vị vũ trang, Tổ bầu cử có thể cho bầu sớm hơn vì lý do bảo đảm bỏ phiếu.';
    const terms = request(['bo', 'phieu', 'bo_phieu', 'bat', 'dau', 'bat_dau']);
    expect(chooseQuote(at(text, 'Mấy giờ thì bắt đầu bỏ phiếu?'), terms, 8).quote).toBe('Bỏ phiếu bắt đầu từ 7 giờ sáng. …');
  });

  it('quotes the sentence holding most of the question\'s words even when the section\'s opening leads and leaves no room for it', () => {
    const text = 'Theo luật, cử tri xuất trình thẻ cử tri khi đi bầu. Năm 2026, người bị mất thẻ vẫn có thể xuất trình căn cước thay cho thẻ cử tri. Muốn cấp lại thẻ, hỏi Ủy ban nhân dân cấp xã.';
    const terms = request(['mat', 'the', 'the_cu', 'cu', 'tri', 'cu_tri', 'can', 'cuoc', 'can_cuoc']);
    const { quote } = chooseQuote(at(text, 'Mất thẻ cử tri thì có đi bầu được không?'), terms, 14);
    expect(quote).toContain('người bị mất thẻ vẫn có thể xuất trình căn cước');
    expect(quote.startsWith('Theo luật, cử tri xuất trình thẻ cử tri khi đi bầu.')).toBe(true);
  });
});
