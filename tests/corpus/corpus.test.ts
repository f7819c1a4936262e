import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument, cleanBody, loadCorpus, parseArticle, parseDocument, parseTermTable } from '../../src/corpus/index.ts';
import { wordCount } from '../../src/text/normalize.ts';
import { errorOf, tempDir } from '../helpers.ts';

const valid = `---
title: Triển khai công tác bầu cử
kind: news
publisher: Báo Lạng Sơn
date: 2021-02-06
---
Chiều nay, Ủy ban bầu cử tỉnh tổ chức hội nghị.
`;

describe('parseDocument', () => {
  it('reads front matter, keeps the date as ISO text and derives the id from the path', () => {
    const { document, warnings } = parseDocument('news/a.md', valid);
    expect(document).toMatchObject({ id: 'news/a', kind: 'news', date: '2021-02-06', publisher: 'Báo Lạng Sơn' });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['an empty title', 'title', 'title: ""\nkind: news\n'],
    ['a wrong kind', 'kind', 'title: X\nkind: rumour\n'],
    ['a bad date', 'date', 'title: X\nkind: news\ndate: 06/02/2021\n'],
    ['an impossible date', 'date', 'title: X\nkind: news\ndate: 2021-02-30\n'],
    ['a bad link', 'url', 'title: X\nkind: news\nurl: not-a-link\n'],
    ['an unknown field', 'front matter', 'title: X\nkind: news\ntittle: Y\n'],
  ])('names the file and the field for %s', (_label, field, front) => {
    const error = errorOf(() => parseDocument('news/broken.md', `---\n${front}---\nNội dung.\n`));
    expect(error.file).toBe('news/broken.md');
    expect(error.field).toBe(field);
    expect(error.message).toContain('news/broken.md');
  });

  it('rejects a file without front matter or without a body', () => {
    expect(errorOf(() => parseDocument('x.md', 'Chỉ có nội dung.')).field).toBe('front matter');
    expect(errorOf(() => parseDocument('x.md', '---\ntitle: X\nkind: news\n---\n\n')).field).toBe('body');
  });

  it('warns when the date is missing', () => {
    const { warnings } = parseDocument('news/b.md', '---\ntitle: X\nkind: news\n---\nNội dung.\n');
    expect(warnings[0]).toContain('date is missing');
  });

  it('takes "date: unknown" as a source without a date: no warning, and no date', () => {
    const { document, warnings } = parseDocument('news/b.md', '---\ntitle: X\nkind: news\ndate: unknown\n---\nNội dung.\n');
    expect(warnings).toEqual([]);
    expect(document.date).toBeUndefined();
  });

  it('names an unknown field as unknown, with the known field closest to it and its line of the file', () => {
    const error = errorOf(() => parseDocument('news/b.md', '---\ntitle: X\nkind: news\ntittle: Y\nxyzzy: 1\n---\nNội dung.\n'));
    expect(error.message).toBe('news/b.md: front matter has unknown field(s): tittle (did you mean title?) on line 4 of the file, xyzzy on line 5 of the file');
  });

  it('names a misspelt field, not the field it left missing', () => {
    const error = errorOf(() => parseDocument('news/b.md', '---\ntittle: X\nkind: news\n---\nNội dung.\n'));
    expect(error.message).toBe('news/b.md: front matter has unknown field(s): tittle (did you mean title?) on line 2 of the file');
  });

  it("prints the README's example of a broken file", async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = /\(`(news\/x\.md: front matter has unknown field[^`]*)`\)/.exec(readme)?.[1];
    expect(errorOf(() => parseDocument('news/x.md', '---\ntittle: X\nkind: news\n---\nNội dung.\n')).message).toBe(shown);
  });

  it('gives the line of the file of a field whose value is wrong', () => {
    const error = errorOf(() => parseDocument('news/b.md', '---\ntitle: X\ndate: 2021-02-06\nkind: rumour\n---\nNội dung.\n'));
    expect(error.field).toBe('kind');
    expect(error.message).toContain('(line 4 of the file)');
  });

  it('gives the line of the file, not of the front matter, where the YAML breaks', () => {
    const error = errorOf(() => parseDocument('news/b.md', '---\ntitle: X\nkind: news\ndate: [2021\n---\nNội dung.\n'));
    expect(error.message).toMatch(/^news\/b\.md: front matter is not valid YAML at line [45] of the file \(/);
    expect(error.message).not.toMatch(/column/);
  });
});

describe('cleanBody', () => {
  it('removes page furniture, counters, image names and repeated captions', () => {
    const body = [
      'Bí thư Tỉnh ủy phát biểu. (Ảnh: Chí Quốc)',
      'Bí thư Tỉnh ủy phát biểu. (Ảnh: Chí Quốc)',
      '[ Cập nhật vào ngày (03/11/2020) ] - [ Số lần xem: 427 ]',
      '2.11.20.png',
      'Hội nghị đã thành công tốt đẹp.',
      'Hội nghị đã thành công tốt đẹp.',
      'Phản hồi',
      'Chia sẻ bài viết',
      'BÌNH LUẬN',
      'Quảng cáo',
    ].join('\n\n');
    expect(cleanBody(body)).toBe('Hội nghị đã thành công tốt đẹp.');
  });

  it('normalises tone marks', () => {
    expect(cleanBody('Uỷ ban bầu cử khoá XV.')).toBe('Ủy ban bầu cử khóa XV.');
  });
});

describe('parseArticle', () => {
  it('takes title, date, publisher and place from a pasted news article and drops furniture', () => {
    const raw = [
      'Thứ sáu, 26/02/2021',
      '',
      'Triển khai công tác bầu cử ĐBQH khóa XV',
      '',
      '(LSO) – Chiều nay (6/2), Ủy ban bầu cử tỉnh Lạng Sơn tổ chức hội nghị trực tuyến triển khai công tác bầu cử.',
      'Đồng chí Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo bầu cử tỉnh phát biểu chỉ đạo tại hội nghị',
      'Một số kết quả nổi bật',
      'Các cấp, ngành cần xác định công tác bầu cử là nhiệm vụ trọng tâm của năm 2021./.',
      'THANH HUYỀN',
      'Chia sẻ bài viết',
    ].join('\n');
    const article = parseArticle(raw);
    expect(article).toMatchObject({ title: 'Triển khai công tác bầu cử ĐBQH khóa XV', date: '2021-02-06', publisher: 'Báo Lạng Sơn', place: 'Lạng Sơn' });
    expect(article.body).toContain('## Một số kết quả nổi bật');
    expect(article.body).toMatch(/^Chiều nay \(6\/2\)/);
    expect(article.body).not.toMatch(/phát biểu chỉ đạo tại hội nghị$|THANH HUYỀN|Chia sẻ|\.\/\./m);
  });

  it('stops at a byline followed by related links', () => {
    const article = parseArticle('HOẠT ĐỘNG\nTiêu đề bài viết dài hơn\nNội dung chính của bài.\nTin, ảnh: T.T - H.T\n- Tin liên quan một\n- Tin liên quan hai');
    expect(article.title).toBe('Tiêu đề bài viết dài hơn');
    expect(article.body).toBe('Nội dung chính của bài.');
  });
});

describe('chunkDocument', () => {
  const sentence = (i: number) => `Câu số ${i} nói về công tác bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp.`;
  const paragraph = (from: number, n: number) => Array.from({ length: n }, (_, i) => sentence(from + i)).join(' ');

  it('keeps passages within 60–200 words along paragraph and sentence boundaries', () => {
    const body = [paragraph(0, 2), paragraph(2, 3), paragraph(5, 30), '## Phần hai', paragraph(40, 8)].join('\n\n');
    const passages = chunkDocument({ id: 'd', title: 'T', kind: 'news', body });
    for (const p of passages) {
      expect(wordCount(p.text)).toBeGreaterThanOrEqual(60);
      expect(wordCount(p.text)).toBeLessThanOrEqual(200);
      expect(p.text).toMatch(/\.$/);
    }
    expect(passages.map((p) => p.position)).toEqual(passages.map((_, i) => i));
    expect(passages.at(-1)?.section).toBe('Phần hai');
    expect(passages[0]?.section).toBeNull();
    expect(passages.map((p) => p.text).join(' ')).toContain(sentence(47));
  });

  it('never cuts a long paragraph before a sentence that points back at the one before it', () => {
    const pointing = 'Nếu nơi đó không có khu vực riêng, Tổ bầu cử mang hòm phiếu phụ đến tận nơi.';
    const body = [paragraph(0, 10), pointing, paragraph(20, 4)].join(' ');
    const passages = chunkDocument({ id: 'd', title: 'T', kind: 'news', body });
    const holding = passages.find((p) => p.text.includes(pointing));
    expect(passages.length).toBeGreaterThan(1);
    expect(holding?.text.startsWith(pointing)).toBe(false);
    expect(holding?.text).toContain(`${sentence(9)} ${pointing}`);
    // Past half again the limit, the sentence it points to opens the next passage with it.
    const longPointing = `Nếu nơi đó ${'rất '.repeat(110)}xa thì Tổ bầu cử mang hòm phiếu phụ đến.`;
    const long = chunkDocument({ id: 'd', title: 'T', kind: 'news', body: [paragraph(0, 10), longPointing, paragraph(20, 4)].join(' ') });
    for (const p of long) expect(wordCount(p.text)).toBeLessThanOrEqual(300);
    expect(long.find((p) => p.text.includes(longPointing))?.text.startsWith(`${sentence(9)} ${longPointing}`)).toBe(true);
  });
});

describe('loadCorpus', () => {
  it('loads documents and the glossary and hashes every file', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'news'));
    await mkdir(path.join(dir, 'lexicon'));
    await writeFile(path.join(dir, 'news', 'a.md'), valid);
    await writeFile(path.join(dir, 'README.md'), '# not a document');
    await writeFile(path.join(dir, 'lexicon', 'glossary.en-vi.tsv'), '# comment\nelection\tbầu cử\n');
    const first = await loadCorpus(dir);
    expect(first.documents.map((d) => d.id)).toEqual(['news/a']);
    expect(first.lexicon.glossary).toEqual({ election: ['bầu cử'] });
    await writeFile(path.join(dir, 'lexicon', 'glossary.en-vi.tsv'), 'election\tbầu cử|bỏ phiếu\n');
    expect((await loadCorpus(dir)).hash).not.toBe(first.hash);
  });

  it('parseTermTable names the line that is malformed', () => {
    expect(() => parseTermTable('lexicon/g.tsv', 'ok\tfine\nbroken line\n')).toThrow(/lexicon\/g\.tsv:2/);
  });

  it('the shipped corpus loads cleanly', async () => {
    const corpus = await loadCorpus('corpus');
    expect(corpus.documents.length).toBeGreaterThanOrEqual(5);
    const text = await readFile('corpus/news/2021-02-06-trien-khai-cong-tac-bau-cu-dbqh-khoa.md', 'utf8');
    expect(text).not.toMatch(/Phản hồi|Chia sẻ bài viết|BÌNH LUẬN|Quảng cáo|\.png/);
  });
});
