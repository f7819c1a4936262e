import { readdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chunkDocument,
  documentsFromUpload,
  GAZETTE_URL,
  legalBody,
  legalCorpusFiles,
  parseDocument,
  parseLegalText,
  type CorpusDocument,
  type LegalArticle,
  type LegalDocument,
  type Passage,
} from '../../src/corpus/index.ts';
import { wordCount } from '../../src/text/normalize.ts';
import { errorOf, runScript, tempDir } from '../helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/legal/${name}`, import.meta.url), 'utf8');
const ELECTION = fixture('luat-bau-cu-excerpt.md');
const OVERSIGHT = fixture('giam-sat-excerpt.md');
const CIRCULAR = fixture('thong-tu-97-2026-tt-btc.md');
const INDEX_PAGE = fixture('hinh-su-index-excerpt.md');

/** The non-empty lines of `text` strictly between the first line starting with `from` and the next starting with `to`, trimmed. */
function linesBetween(text: string, from: string, to: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  expect(start, `no line starts with ${from}`).toBeGreaterThanOrEqual(0);
  expect(end, `no line after ${from} starts with ${to}`).toBeGreaterThan(start);
  return lines.slice(start + 1, end).filter(Boolean);
}

function documentNumbered(docs: LegalDocument[], number: string): LegalDocument {
  const doc = docs.find((d) => d.number === number);
  if (!doc) throw new Error(`no document ${number} among ${docs.map((d) => d.number).join(', ')}`);
  return doc;
}

function articleOf(doc: LegalDocument, number: string): LegalArticle {
  const article = doc.articles.find((a) => a.number === number);
  if (!article) throw new Error(`no Điều ${number} in ${doc.number}`);
  return article;
}

/** A corpus file's document as the loader reads it. */
const loaded = (file: { file: string; source: string }): CorpusDocument => parseDocument(file.file, file.source).document;

/** Each article's text as the body gives it: what passages may quote, keyed by article number. */
function articleTexts(body: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const part of body.split(/^### Điều /mu).slice(1)) {
    const [heading = '', ...rest] = part.split('\n\n');
    const paragraphs = rest.map((p) => p.trim()).filter((p) => p && !p.startsWith('#'));
    texts.set(/^(\d+[a-zđ]?)/u.exec(heading)?.[1] ?? '', paragraphs.join('\n\n'));
  }
  return texts;
}

describe('parseLegalText on a Legal Code topic (the election law)', () => {
  const parsed = parseLegalText(ELECTION);
  const law = documentNumbered(parsed.documents, '85/2015/QH13');
  const resolution = documentNumbered(parsed.documents, '1187/NQ-UBTVQH14');

  it('files each article under the document and number its source line names, not the Code id', () => {
    expect(parsed.layout).toBe('code');
    expect(parsed.documents.map((d) => `${d.kind} ${d.number}`)).toEqual(['Luật 85/2015/QH13', 'Nghị quyết 1187/NQ-UBTVQH14']);
    expect(law.articles.map((a) => a.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '69', '70', '71', '72', '73', '74', '95', '96']);
    expect(articleOf(law, '69')).toMatchObject({ codeId: '35.1.LQ.69', title: 'Nguyên tắc bỏ phiếu' });
    // "Điều 35.1.NQ.4.1." is Điều 1 of the resolution, not an article of the law.
    expect(resolution.articles.map((a) => [a.number, a.codeId, a.title])).toEqual([
      ['1', '35.1.NQ.4.1', 'Số lượng đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026'],
    ]);
  });

  it('keeps what the source lines say as data: the document, its adoption, what amended or repealed an article', () => {
    expect(law).toMatchObject({
      name: 'Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân',
      issuer: 'Quốc hội',
      date: '2015-06-25',
      inForceSince: '2015-09-01',
      amendedBy: [{ document: 'Luật số 83/2025/QH15', provision: 'Điều 1 Luật số 83/2025/QH15', inForceSince: '2025-07-01' }],
    });
    expect(resolution).toMatchObject({ issuer: 'Ủy ban thường vụ Quốc hội', date: '2021-01-11', inForceSince: '2021-01-11', amendedBy: [] });
    expect(articleOf(law, '4')).toMatchObject({ change: 'có nội dung được sửa đổi, có nội dung được bổ sung', repealed: false, inForceSince: '2015-09-01' });
    expect(articleOf(law, '4').changedBy.map((c) => c.provision)).toEqual(['Điều 1 Luật số 83/2025/QH15']);
    expect(articleOf(law, '7')).toMatchObject({ change: 'có nội dung bị bãi bỏ', repealed: false });
    expect(articleOf(law, '69')).toMatchObject({ change: null, changedBy: [], repealed: false });
    expect(articleOf(law, '96')).toMatchObject({ repealed: true, paragraphs: [] });
  });

  it('drops emphasis markers the source leaves round a space ("quyết định*** ***và"), keeping the words', () => {
    const [first] = linesBetween(ELECTION, '(Điều 69 Luật số 85/2015/QH13', '(Điều này có nội dung liên quan đến Điều 37.10');
    const words = (first as string).split(' ');
    const marked = `${words.slice(0, 4).join(' ')}*** ***${words.slice(4).join(' ')}`;
    const reparsed = documentNumbered(parseLegalText(ELECTION.replace(first as string, marked)).documents, '85/2015/QH13');
    expect(articleOf(reparsed, '69').paragraphs[0]?.text).toBe(first);
  });

  it('keeps every paragraph verbatim, a repeated clause number included', () => {
    const expected = linesBetween(ELECTION, '(Điều 69 Luật số 85/2015/QH13', '(Điều này có nội dung liên quan đến Điều 37.10');
    const article = articleOf(law, '69');
    expect(expected).toHaveLength(8);
    expect(article.paragraphs.map((p) => p.text)).toEqual(expected);
    expect(article.paragraphs.map((p) => p.clause)).toEqual(['1', '2', '4', '4', '5', '6', '7', '8']);
    expect(articleOf(law, '73').paragraphs.map((p) => p.text)).toEqual(linesBetween(ELECTION, '(Điều 73 Luật số', 'Điều 35.1.LQ.74.'));
  });

  it('reads clauses and points, a paragraph after a point staying with it', () => {
    const article = articleOf(resolution, '1');
    expect(article.paragraphs.map((p) => `${p.clause}${p.point ?? ''}`)).toEqual(['1', '1a', '1b', '1b', '2', '2a', '2b', '2b', '2c', '2d']);
    expect(article.paragraphs[3]?.text).toMatch(/^Bộ Nội vụ chủ trì/u);
    expect(articleOf(law, '74').paragraphs.map((p) => `${p.clause}${p.point ?? ''}`)).toEqual(['1', '1a', '1b', '1c', '1d', '1đ', '2']);
  });

  it('drops what is not law: a cross-reference glued to a point, the link markup around an address', () => {
    const points = articleOf(resolution, '1').paragraphs;
    expect(points.at(-1)?.text).toBe(
      'd) Đối với cấp xã, số lượng đại biểu Hội đồng nhân dân hoạt động chuyên trách giữ chức vụ Phó Chủ tịch Hội đồng nhân dân là 01 người.',
    );
    expect(points[3]?.text).toContain('Trang thông tin điện tử của Hội đồng bầu cử quốc gia (http://hoidongbaucu.quochoi.vn) chậm nhất');
  });

  it('gives chapters and sections to the main document only: a resolution filed in a chapter is not of that chapter', () => {
    expect(articleOf(law, '1')).toMatchObject({ chapter: 'Chương I. NHỮNG QUY ĐỊNH CHUNG', section: null });
    expect(articleOf(law, '69')).toMatchObject({ chapter: 'Chương VII. NGUYÊN TẮC VÀ TRÌNH TỰ BỎ PHIẾU', section: null });
    expect(articleOf(law, '73')).toMatchObject({ chapter: 'Chương VIII. KẾT QUẢ BẦU CỬ', section: 'Mục 1. VIỆC KIỂM PHIẾU' });
    expect(articleOf(resolution, '1')).toMatchObject({ chapter: null, section: null });
  });

  it('leaves out front matter, metadata, source lines, cross-references and the article index', () => {
    const text = parsed.documents.map(legalBody).join('\n\n');
    for (const gone of [
      'layout: page',
      'THÔNG TIN VĂN BẢN',
      'Đang cập nhật',
      'thuvienphapluat',
      'VĂN BẢN',
      'Danh sách điều khoản',
      '35.1.LQ',
      '35.1.NQ',
      '3500100000000000100000100000000000000000',
      'có hiệu lực thi hành kể từ ngày 01/09/2015',
      'có nội dung liên quan đến',
    ]) {
      expect(text, gone).not.toContain(gone);
    }
  });
});

describe('legal documents as corpus files', () => {
  const files = legalCorpusFiles('luat-bau-cu-excerpt.md', ELECTION, { folder: 'law' });
  const [lawFile, resolutionFile] = files;

  it('writes one validated law document per legal document, with the front matter a citation needs', () => {
    expect(files.map((f) => f.file)).toEqual(['law/luat-85-2015-qh13.md', 'law/nghi-quyet-1187-nq-ubtvqh14.md']);
    const law = loaded(lawFile as { file: string; source: string });
    expect(law).toMatchObject({
      id: 'law/luat-85-2015-qh13',
      title: 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân',
      kind: 'law',
      number: '85/2015/QH13',
      issuer: 'Quốc hội',
      date: '2015-06-25',
      version: 'Luật số 85/2015/QH13, sửa đổi, bổ sung bởi Luật số 83/2025/QH15 (hiệu lực từ 01/7/2025)',
      url: 'https://phapdien.moj.gov.vn/',
    });
    expect(lawFile).toMatchObject({ articles: 15, clauses: 2 + 8 + 2 + 8 + 3 + 2 });
  });

  it('splits the resolution out as its own document, with its own issuer and date and no version', () => {
    const resolution = loaded(resolutionFile as { file: string; source: string });
    expect(resolution).toMatchObject({ kind: 'law', number: '1187/NQ-UBTVQH14', issuer: 'Ủy ban thường vụ Quốc hội', date: '2021-01-11' });
    expect(resolution.title).toMatch(/^Nghị quyết số 1187\/NQ-UBTVQH14 hướng dẫn việc xác định dự kiến cơ cấu/u);
    expect(resolution.version).toBeUndefined();
    expect(resolution.body).toMatch(/^### Điều 1\. Số lượng đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026\n\n1\. Việc xác định/u);
    expect(loaded(lawFile as { file: string; source: string }).body).not.toContain('Dân số của từng đơn vị hành chính');
  });

  it('lays the body out in chapters, sections and articles, and says a repealed article is repealed in its source line’s words', () => {
    const { body } = loaded(lawFile as { file: string; source: string });
    expect(body.startsWith('## Chương I. NHỮNG QUY ĐỊNH CHUNG\n\n### Điều 1. Nguyên tắc bầu cử\n\nViệc bầu cử đại biểu Quốc hội')).toBe(true);
    expect(body).toContain('## Chương VIII. KẾT QUẢ BẦU CỬ\n\n## Mục 1. VIỆC KIỂM PHIẾU\n\n### Điều 73. Việc kiểm phiếu');
    expect(body).toContain('### Điều 74. Phiếu bầu không hợp lệ\n\n1. Những phiếu bầu sau đây là phiếu bầu không hợp lệ:\n\na) Phiếu không theo mẫu quy định do Tổ bầu cử phát ra;');
    expect(body).toContain(
      '### Điều 96. Quy định chuyển tiếp\n\n(Bị bãi bỏ bởi Điều 1 Luật số 83/2025/QH15 có hiệu lực thi hành kể từ ngày 01/07/2025)',
    );
  });

  it('reports a file without any article and imports nothing from it, though its article index names articles', () => {
    expect(INDEX_PAGE).toContain('Điều 16.1.LQ.1. Nhiệm vụ của Bộ luật Hình sự');
    expect(parseLegalText(INDEX_PAGE).documents).toEqual([]);
    const error = errorOf(() => legalCorpusFiles('hinh-su.md', INDEX_PAGE, { folder: 'law' }));
    expect(error.message).toMatch(/^hinh-su\.md: text holds no article/u);
  });
});

describe('chunkDocument on law documents', () => {
  const [law, resolution] = legalCorpusFiles('luat-bau-cu-excerpt.md', ELECTION, { folder: 'law' }).map(loaded) as [CorpusDocument, CorpusDocument];
  const passages = chunkDocument(law);

  it('puts every passage inside one article and says which: article, clause, title, chapter, section', () => {
    const texts = articleTexts(law.body);
    expect(passages.length).toBeGreaterThan(15);
    for (const p of passages) {
      expect(p.law, p.id).toBeDefined();
      const article = p.law?.article ?? '';
      expect(p.section).toBe(`Điều ${article}. ${p.law?.title}`);
      expect(texts.get(article), `${p.id} is not text of Điều ${article}`).toContain(p.text);
    }
    expect(passages.find((p) => p.law?.article === '73')?.law).toEqual({ article: '73', clause: null, title: 'Việc kiểm phiếu', chapter: 'Chương VIII. KẾT QUẢ BẦU CỬ' });
  });

  it('gives a short article one passage, and a long one one passage per clause, a repeated number included', () => {
    expect(passages.filter((p) => p.law?.article === '1').map((p) => [p.law?.clause, p.text])).toEqual([
      [null, 'Việc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân được tiến hành theo nguyên tắc phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín.'],
    ]);
    const article69 = passages.filter((p) => p.law?.article === '69');
    expect(article69.map((p) => p.law?.clause)).toEqual(['1', '2', '4', '4', '5', '6', '7', '8']);
    expect(article69.every((p) => p.law?.chapter === 'Chương VII. NGUYÊN TẮC VÀ TRÌNH TỰ BỎ PHIẾU')).toBe(true);
    expect(article69[3]?.text).toMatch(/^4\. Trong trường hợp cử tri ốm đau/u);
  });

  it('keeps a clause with its points, cutting a clause longer than the maximum only between points', () => {
    const pieces = chunkDocument(resolution);
    expect(pieces.every((p) => wordCount(p.text) <= 200)).toBe(true);
    expect(pieces.map((p) => p.law?.clause)).toEqual(['1', '1', '2', '2', '2']);
    const paragraphs = pieces.flatMap((p) => p.text.split('\n\n'));
    expect(paragraphs).toEqual(resolution.body.split('\n\n').slice(1));
    expect(pieces[0]?.text).toMatch(/^1\. Việc xác định[^]*\n\na\) Dân số/u);
  });

  it('follows the maximum it is given: everything in one passage when it fits, every clause alone when little fits', () => {
    const whole = chunkDocument(law, { minWords: 60, maxWords: 1000 });
    expect(whole.filter((p) => p.law?.article === '69').map((p) => p.law?.clause)).toEqual([null]);
    const small = chunkDocument(law, { minWords: 10, maxWords: 40 });
    expect(small.filter((p) => p.law?.article === '3').map((p) => p.law?.clause)).toEqual(['1', '2']);
  });

  it('chunks other kinds, and a law without article headings, as before: no law field', () => {
    const body = '### Điều 5. Tiêu đề\n\nMột đoạn văn về bầu cử.\n\n### Điều 6. Khác\n\nĐoạn khác.';
    const news = chunkDocument({ id: 'news/x', title: 'T', kind: 'news', body });
    expect(news.every((p) => p.law === undefined)).toBe(true);
    expect(news.map((p) => p.section)).toEqual(['Điều 5. Tiêu đề', 'Điều 6. Khác']);
    const unstructured = chunkDocument({ id: 'law/y', title: 'T', kind: 'law', body: '## Phần một\n\nNội dung.' });
    expect(unstructured).toEqual([{ id: 'law/y#0', docId: 'law/y', section: 'Phần một', position: 0, text: 'Nội dung.' }]);
  });

  it('keeps a law’s repeated paragraphs, which the cleaning of news would drop as duplicates', () => {
    const body = '### Điều 1. A\n\n1. Biên bản ghi rõ:\n\na) Số phiếu hợp lệ;\n\n### Điều 2. B\n\n1. Biên bản ghi rõ:\n\na) Số phiếu hợp lệ;';
    const asLaw = parseDocument('law/x.md', `---\ntitle: X\nkind: law\n---\n${body}\n`).document;
    const asNews = parseDocument('news/x.md', `---\ntitle: X\nkind: news\n---\n${body}\n`).document;
    expect(asLaw.body).toBe(body);
    expect(asNews.body).not.toBe(body);
  });
});

describe('another Code topic: oversight by the National Assembly', () => {
  const parsed = parseLegalText(OVERSIGHT);
  const law = documentNumbered(parsed.documents, '87/2015/QH13');
  const resolution = documentNumbered(parsed.documents, '96/2023/QH15');

  it('starts an article where the Code gives only a source line, and files it under its own document', () => {
    expect(law.articles.map((a) => a.number)).toEqual(['1', '2']);
    expect(resolution.articles.map((a) => [a.number, a.title])).toEqual([
      ['1', ''],
      ['2', 'Đối tượng lấy phiếu tín nhiệm, bỏ phiếu tín nhiệm'],
      ['3', ''],
    ]);
    expect(articleOf(resolution, '1').paragraphs.map((p) => p.text)).toEqual(linesBetween(OVERSIGHT, '(Điều 1 Nghị quyết số 96/2023/QH15', 'Điều 35.3.NQ.2.2.'));
    expect(articleOf(law, '1').paragraphs.map((p) => p.text).join(' ')).not.toContain('Nghị quyết này');
    expect(articleOf(law, '2').paragraphs.map((p) => p.text).join(' ')).not.toContain('Lấy phiếu tín nhiệm');
    expect(resolution).toMatchObject({ issuer: 'Quốc hội', date: '2023-06-23', inForceSince: '2023-07-01' });
  });

  it('reads a clause number followed by emphasis ("1.* Giám sát*") as a clause, leaving the text as written', () => {
    const article = articleOf(law, '2');
    expect(article.paragraphs.map((p) => p.clause)).toEqual([null, '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(article.paragraphs[1]?.text).toMatch(/^1\.\* Giám sát\* là việc chủ thể giám sát/u);
  });

  it('names an article without a title by its number alone, in the body and on its passages', () => {
    const file = legalCorpusFiles('giam-sat.md', OVERSIGHT, { folder: 'law' }).find((f) => f.document.number === '96/2023/QH15');
    const doc = loaded(file as { file: string; source: string });
    expect(doc).toMatchObject({ number: 'Nghị quyết số 96/2023/QH15', issuer: 'Quốc hội', date: '2023-06-23' });
    expect(doc.body).toMatch(/^### Điều 1\n\nNghị quyết này quy định việc Quốc hội/u);
    expect(chunkDocument(doc)[0]).toMatchObject({ section: 'Điều 1', law: { article: '1', clause: null, title: '', chapter: null } });
  });
});

describe('a plain circular: "### Điều 1." headings, no Code', () => {
  const parsed = parseLegalText(CIRCULAR);
  const [doc] = parsed.documents;

  it('describes the document from its metadata and reads its articles', () => {
    expect(parsed.layout).toBe('plain');
    expect(parsed.documents).toHaveLength(1);
    expect(doc).toMatchObject({ kind: 'Thông tư', number: '97/2026/TT-BTC', issuer: 'Bộ Tài chính', date: '2026-07-06', inForceSince: '2026-07-06' });
    expect(doc?.articles.map((a) => [a.number, a.title, a.paragraphs.map((p) => p.clause)])).toEqual([
      ['1', '', [null]],
      ['2', 'Điều khoản thi hành', ['1', '2']],
    ]);
  });

  it('leaves out the preamble, the distribution list and the signature, ending at "./."', () => {
    const body = legalBody(doc as LegalDocument);
    expect(body.endsWith('chịu trách nhiệm thi hành Thông tư này./.')).toBe(true);
    for (const gone of ['Căn cứ Luật', 'Theo đề nghị', 'NƠI NHẬN', 'Ban Bí thư', 'KT. BỘ TRƯỞNG', 'Cao Anh Tuấn', 'luatvietnam']) expect(body, gone).not.toContain(gone);
  });

  it('becomes a law document, its number written with its kind so it reads as a circular, linked to its gazette page', () => {
    const [file] = legalCorpusFiles('97-2026-TT-BTC.md', CIRCULAR, { folder: 'law' });
    expect(file?.file).toBe('law/thong-tu-97-2026-tt-btc.md');
    const document = loaded(file as { file: string; source: string });
    expect(document).toMatchObject({
      title: 'Thông tư 97/2026/TT-BTC bãi bỏ Thông tư 55/2010/TT-BTC về thuế GTGT và thuế TNDN',
      kind: 'law',
      number: 'Thông tư số 97/2026/TT-BTC',
      issuer: 'Bộ Tài chính',
      date: '2026-07-06',
    });
    expect(document.url).toBe(`${GAZETTE_URL}?pageid=27160&docid=218797`);
  });

  it('links a text to the page its header gives, and without one to no page rather than a site\'s front page', () => {
    const withoutDocid = CIRCULAR.replace(/^docid: .*\n/m, '');
    expect(loaded(legalCorpusFiles('x.md', withoutDocid, { folder: 'law' })[0] as { file: string; source: string }).url).toBeUndefined();
    const withUrl = withoutDocid.replace(/^---\n/, '---\nurl: https://example.gov.vn/tt-97\n');
    expect(loaded(legalCorpusFiles('x.md', withUrl, { folder: 'law' })[0] as { file: string; source: string }).url).toBe('https://example.gov.vn/tt-97');
  });
});

describe('uploading a legal text', () => {
  it('imports a Code topic as one law file per document under uploads/', () => {
    const files = documentsFromUpload('luat-bau-cu.md', ELECTION);
    expect(files.map((f) => f.file)).toEqual(['uploads/luat-85-2015-qh13.md', 'uploads/nghi-quyet-1187-nq-ubtvqh14.md']);
    expect(files.map((f) => loaded(f).kind)).toEqual(['law', 'law']);
  });

  it('gives one file for a text holding one document', () => {
    const files = documentsFromUpload('thong-tu.txt', CIRCULAR);
    expect(files.map((f) => f.file)).toEqual(['uploads/thong-tu-97-2026-tt-btc.md']);
    expect(loaded(files[0] as { file: string; source: string })).toMatchObject({ kind: 'law', number: 'Thông tư số 97/2026/TT-BTC' });
  });

  it('names a pasted decree without a title by its kind and number, dated from its header, and stops at its signature', () => {
    const pasted = [
      'CHÍNH PHỦ',
      'Số: 12/2026/NĐ-CP',
      'Hà Nội, ngày 3 tháng 2 năm 2026',
      '',
      'NGHỊ ĐỊNH',
      '',
      'Điều 1. Phạm vi điều chỉnh',
      'Nghị định này quy định về một việc.',
      '',
      'Điều 2. Hiệu lực thi hành',
      '1. Nghị định này có hiệu lực từ ngày ký.',
      '2. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này./.',
      '',
      'Nơi nhận:',
      '- Như trên;',
    ].join('\n');
    const saved = (documentsFromUpload('nghi-dinh.txt', pasted)[0] as { file: string; source: string });
    expect(saved.file).toBe('uploads/nghi-dinh-12-2026-nd-cp.md');
    expect(loaded(saved)).toMatchObject({ title: 'Nghị định số 12/2026/NĐ-CP', kind: 'law', number: 'Nghị định số 12/2026/NĐ-CP', date: '2026-02-03' });
    expect(loaded(saved).body).toBe(
      '### Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định về một việc.\n\n### Điều 2. Hiệu lực thi hành\n\n1. Nghị định này có hiệu lực từ ngày ký.\n\n2. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này./.',
    );
  });

  it('names a decree by the subject it states under its kind, as its own name', () => {
    const pasted = ['CHÍNH PHỦ', 'Số: 12/2026/NĐ-CP', 'Hà Nội, ngày 3 tháng 2 năm 2026', '', 'NGHỊ ĐỊNH', 'Quy định về chế độ làm việc của công chức', '', 'Căn cứ Luật Tổ chức Chính phủ;', '', 'Điều 1. Phạm vi', 'Nghị định này quy định về một việc.', '', 'Điều 2. Hiệu lực', 'Nghị định này có hiệu lực từ ngày ký./.'].join('\n');
    const saved = documentsFromUpload('nghi-dinh.txt', pasted)[0] as { file: string; source: string };
    expect(loaded(saved).title).toBe('Nghị định số 12/2026/NĐ-CP quy định về chế độ làm việc của công chức');
    // Under the kind: a subject in capitals is written as a sentence; a number or a place and date is no subject.
    const capitals = pasted.replace('Quy định về chế độ làm việc của công chức', 'QUY ĐỊNH VỀ CHẾ ĐỘ LÀM VIỆC');
    expect(loaded(documentsFromUpload('a.txt', capitals)[0] as { file: string; source: string }).title).toBe('Nghị định số 12/2026/NĐ-CP quy định về chế độ làm việc');
    for (const line of ['Số: 12/2026/NĐ-CP', 'Lạng Sơn, ngày 3 tháng 2 năm 2026']) {
      const none = pasted.replace('Quy định về chế độ làm việc của công chức', line);
      expect(loaded(documentsFromUpload('b.txt', none)[0] as { file: string; source: string }).title).toBe('Nghị định số 12/2026/NĐ-CP');
    }
  });

  it('leaves a news story quoting one article, and a corpus file of ours with articles, as they were', () => {
    const story = 'Cử tri được nhắc về nguyên tắc bỏ phiếu\n\nĐiều 69. Nguyên tắc bỏ phiếu\n\nMỗi cử tri có quyền bỏ một phiếu bầu.';
    expect(loaded((documentsFromUpload('tin.txt', story)[0] as { file: string; source: string })).kind).toBe('news');
    const ours = '---\ntitle: Hỏi đáp\nkind: guidance\n---\n### Điều 1. A\n\nMột.\n\n### Điều 2. B\n\nHai.\n';
    const saved = (documentsFromUpload('hoi-dap.md', ours)[0] as { file: string; source: string });
    expect(saved.source).toBe(ours);
    expect(loaded(saved).kind).toBe('guidance');
  });
});

describe('npm run import-law', () => {
  it('imports every .md and .txt file of a folder, and says so plainly when a folder holds none', async () => {
    const out = path.join(await tempDir(), 'law');
    const folder = await tempDir();
    await writeFile(path.join(folder, 'a.md'), CIRCULAR);
    await writeFile(path.join(folder, 'notes.pdf'), 'not a text');
    const run = await runScript('src/cli/import-law.ts', [folder, '--out', out], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('thong-tu-97-2026-tt-btc.md: Thông tư 97/2026/TT-BTC');
    expect(await readdir(out)).toEqual(['thong-tu-97-2026-tt-btc.md']);
    const empty = await runScript('src/cli/import-law.ts', [await tempDir(), '--out', out], {});
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('a folder with no .md or .txt file; nothing to import');
    expect(empty.stderr).not.toMatch(/EISDIR|at .*\.ts:\d+/);
  });

  it('writes the documents of each file and one line for each, and names a file without articles, writing nothing for it', async () => {
    const out = path.join(await tempDir(), 'law');
    const dir = path.join('tests', 'fixtures', 'legal');
    const run = await runScript('src/cli/import-law.ts', [path.join(dir, 'luat-bau-cu-excerpt.md'), path.join(dir, 'hinh-su-index-excerpt.md'), '--out', out], {});
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${path.join(out, 'luat-85-2015-qh13.md')}: Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân (85/2015/QH13): 15 articles, 25 clauses`,
      expect.stringMatching(/nghi-quyet-1187-nq-ubtvqh14\.md: Nghị quyết số 1187\/NQ-UBTVQH14 hướng dẫn .* \(1187\/NQ-UBTVQH14\): 1 articles, 2 clauses$/u),
    ]);
    expect(run.stderr).toContain('hinh-su-index-excerpt.md: text holds no article');
    expect(run.stderr).toContain('1 of 2 files imported; the others are named above');
    expect((await readdir(out)).sort()).toEqual(['luat-85-2015-qh13.md', 'nghi-quyet-1187-nq-ubtvqh14.md']);
    const written = await readFile(path.join(out, 'luat-85-2015-qh13.md'), 'utf8');
    expect(written).toBe(legalCorpusFiles('x.md', ELECTION, { folder: 'law' })[0]?.source);
  });
});

describe('the committed election law (corpus/law)', () => {
  const source = readFileSync(new URL('../../corpus/law/luat-85-2015-qh13.md', import.meta.url), 'utf8');
  const law = parseDocument('law/luat-85-2015-qh13.md', source).document;
  const passages: Passage[] = chunkDocument(law);

  it('holds Điều 1 to Điều 98 in order, once each, and every passage names its article', () => {
    const articles = [...law.body.matchAll(/^### Điều (\d+)\. /gmu)].map((m) => Number(m[1]));
    expect(articles).toEqual(Array.from({ length: 98 }, (_, i) => i + 1));
    expect(passages.every((p) => p.law !== undefined && /^\d+$/.test(p.law.article))).toBe(true);
    expect(new Set(passages.map((p) => p.law?.article)).size).toBe(98);
    expect(law).toMatchObject({ kind: 'law', number: '85/2015/QH13', issuer: 'Quốc hội', date: '2015-06-25' });
  });

  it('is what the importer makes of the official text: each article of the excerpt reads the same', () => {
    const excerpt = articleTexts(loaded(legalCorpusFiles('x.md', ELECTION, { folder: 'law' })[0] as { file: string; source: string }).body);
    const committed = articleTexts(law.body);
    expect(excerpt.size).toBe(15);
    for (const [number, text] of excerpt) expect(committed.get(number), `Điều ${number}`).toBe(text);
  });
});
