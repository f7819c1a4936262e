import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CorpusFolderError,
  documentsFromUpload,
  hashCorpus,
  latestDocumentDate,
  loadCorpus,
  parseDocument,
  splitFrontMatter,
  stringifyDocument,
} from '../../src/corpus/index.ts';
import { errorOf, runScript, tempDir } from '../helpers.ts';

// `kind` comes last on purpose: the last front-matter value is the one a stray "\r" used to stick to.
const original = `---
title: Cử tri được nhờ người khác viết phiếu hộ không?
issuer: Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân
version: Luật số 85/2015/QH13, sửa đổi, bổ sung bởi Luật số 83/2025/QH15
date: 2025-06-24
kind: guidance
---
## Nhờ viết hộ

Cử tri không tự viết được phiếu bầu thì nhờ người khác viết hộ (Điều 69, Luật Bầu cử số 85/2015/QH13).
`;

describe('files as people save them', () => {
  const expected = parseDocument('guidance/a.md', original).document;
  const crlf = original.replace(/\n/g, '\r\n');
  const nfd = original.normalize('NFD');

  it.each([
    ['Windows line endings (CRLF)', crlf],
    ['a UTF-8 byte-order mark', `\uFEFF${original}`],
    ['NFD-normalised text', nfd],
    ['all three at once', `\uFEFF${nfd.replace(/\n/g, '\r\n')}`],
  ])('reads %s exactly like the LF/NFC original', (_label, source) => {
    expect(source).not.toBe(original);
    expect(parseDocument('guidance/a.md', source).document).toEqual(expected);
  });

  it('keeps every field of a CRLF file free of "\\r", including the date and the last one', () => {
    const { document } = parseDocument('guidance/a.md', crlf);
    expect(document).toMatchObject({ kind: 'guidance', date: '2025-06-24' });
    expect(JSON.stringify(document)).not.toContain('\\r');
  });
});

describe('front matter through one YAML library', () => {
  it('declares yaml and not gray-matter as a dependency', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('yaml');
    expect(Object.keys(pkg.dependencies)).not.toContain('gray-matter');
  });

  it('splits front matter from the body, leaving a later --- line in the body', () => {
    expect(splitFrontMatter('---\ntitle: X\nkind: news\n---\nA.\n\n---\n\nB.\n')).toEqual({ yaml: 'title: X\nkind: news', body: 'A.\n\n---\n\nB.\n', unclosed: false });
    expect(splitFrontMatter('---\n---\nA.')).toEqual({ yaml: '', body: 'A.', unclosed: false });
    expect(splitFrontMatter('A.\n---\ntitle: X\n---\n')).toEqual({ yaml: null, body: 'A.\n---\ntitle: X\n---\n', unclosed: false });
    expect(splitFrontMatter('---\ntitle: X\nA.\n').unclosed).toBe(true);
  });

  it('says so when the front matter block is never closed', () => {
    const error = errorOf(() => parseDocument('news/x.md', '---\ntitle: X\nkind: news\nNội dung.\n'));
    expect(error.message).toBe('news/x.md: front matter is not closed: end it with a line holding only ---');
  });

  it('keeps dates as text and rejects a YAML list as front matter', () => {
    expect(parseDocument('news/x.md', '---\ntitle: X\nkind: news\ndate: 2021-02-06\n---\nA.\n').document.date).toBe('2021-02-06');
    expect(errorOf(() => parseDocument('news/x.md', '---\n- title\n- kind\n---\nA.\n')).field).toBe('front matter');
  });

  it('writes a document that reads back to the same fields, one line per field', () => {
    const data = { title: 'Một tiêu đề rất dài: hơn tám mươi ký tự để chắc chắn rằng dòng không bị gập lại thành nhiều dòng', kind: 'news', date: '2021-02-06' };
    const source = stringifyDocument(data, 'Nội dung.\n\n## Phần hai\n\nHết.');
    expect(source.split('\n').slice(0, 5)).toEqual(['---', `title: "${data.title}"`, 'kind: news', 'date: 2021-02-06', '---']);
    expect(parseDocument('news/x.md', source).document).toMatchObject({ ...data, body: 'Nội dung.\n\n## Phần hai\n\nHết.' });
  });

  it('turns an uploaded .txt into front matter that validates', () => {
    const { source } = documentsFromUpload('bai.txt', 'Lạng Sơn triển khai bầu cử\n\n(LSO) – Chiều nay (6/2), tỉnh tổ chức hội nghị triển khai công tác bầu cử.')[0] as { source: string };
    expect(source.startsWith('---\ntitle: Lạng Sơn triển khai bầu cử\nkind: news\npublisher: Báo Lạng Sơn\n')).toBe(true);
    expect(parseDocument('uploads/x.md', source).document.publisher).toBe('Báo Lạng Sơn');
  });
});

describe('field messages', () => {
  const broken = (front: string) => errorOf(() => parseDocument('news/x.md', `---\n${front}\n---\nNội dung.\n`));

  it.each([
    ['title', 'title: 2021\nkind: news', 'title must be text, not the number 2021 (put it in quotes, "2021", if that is the text you mean)'],
    ['title', 'title: [Một, Hai]\nkind: news', 'title must be text, not a list'],
    ['title', 'title:\nkind: news', 'title is empty; write text after the colon'],
    ['issuer', 'title: X\nkind: news\nissuer:', 'issuer is empty; write text after the colon, or remove the line'],
    ['title', 'kind: news\nplace: Lạng Sơn', 'title is missing; it must be text'],
    ['kind', 'title: X', 'kind is missing; it must be one of: law, directive, guidance, news'],
    ['kind', 'title: X\nkind: 3', 'kind must be one of: law, directive, guidance, news'],
    ['issuer', 'title: X\nkind: news\nissuer: 5', 'issuer must be text, not the number 5'],
    ['publisher', 'title: X\nkind: news\npublisher: true', 'publisher must be text, not the yes/no value true'],
    ['place', 'title: X\nkind: news\nplace: {tỉnh: Lạng Sơn}', 'place must be text, not a group of fields'],
    ['version', 'title: X\nkind: news\nversion: 85', 'version must be text, not the number 85'],
    ['date', 'title: X\nkind: news\ndate: 20210206', 'date must be an ISO date like 2021-02-06, not the number 20210206'],
    ['date', 'title: X\nkind: news\ndate: [2021-02-06]', 'date must be an ISO date like 2021-02-06, not a list'],
    ['url', 'title: X\nkind: news\nurl: 123', 'url must be an http(s) link, not the number 123'],
    ['url', 'title: X\nkind: news\nurl: ftp://example.org/a', 'url must be an http(s) link'],
  ])('%s: %s', (field, front, message) => {
    const error = broken(front);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`news/x.md: ${message}`);
    expect(error.message).not.toMatch(/Invalid input|expected|received/);
  });
});

describe('dates in the future', () => {
  const today = new Date('2026-11-29T10:00:00Z');
  const withDate = (date: string) => `---\ntitle: X\nkind: news\ndate: ${date}\n---\nNội dung.\n`;

  it('allows up to 5 years ahead, one election cycle', () => {
    expect(latestDocumentDate(today)).toBe('2031-11-29');
    expect(latestDocumentDate(new Date('2028-02-29T00:00:00Z'))).toBe('2033-03-01');
    expect(parseDocument('news/x.md', withDate('2031-11-29'), today).document.date).toBe('2031-11-29');
  });

  it('rejects a later date naming the file, the field and the limit', () => {
    const error = errorOf(() => parseDocument('news/x.md', withDate('2031-11-30'), today));
    expect(error.field).toBe('date');
    expect(error.message).toBe('news/x.md: date 2031-11-30 is more than 5 years ahead (the latest accepted today is 2031-11-29); please check the year');
  });

  it('measures from the real current date when loading a corpus', async () => {
    const dir = await tempDir();
    const year = new Date().getUTCFullYear();
    await writeFile(path.join(dir, 'a.md'), withDate(`${year + 6}-01-01`));
    await expect(loadCorpus(dir)).rejects.toThrow(`a.md: date ${year + 6}-01-01 is more than 5 years ahead`);
    await writeFile(path.join(dir, 'a.md'), withDate(`${year + 4}-01-01`));
    expect((await loadCorpus(dir)).documents).toHaveLength(1);
  });
});

describe('loadCorpus warnings', () => {
  it('lists files that are not documents, and names documents saved twice', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'guidance'));
    await mkdir(path.join(dir, 'lexicon'));
    await writeFile(path.join(dir, 'guidance', 'a.md'), original);
    await writeFile(path.join(dir, 'guidance', 'b.md'), `\uFEFF${original.replace(/\n/g, '\r\n')}`);
    // The same text under another title is still the same document twice.
    await writeFile(path.join(dir, 'guidance', 'b2.md'), original.replace('title: Cử tri được nhờ', 'title: Bản sao - cử tri được nhờ'));
    await writeFile(path.join(dir, 'guidance', 'c.MD'), original);
    await writeFile(path.join(dir, 'guidance', 'd.txt'), 'Ghi chú.');
    await writeFile(path.join(dir, 'e.docx'), 'PK');
    await writeFile(path.join(dir, 'README.md'), '# Ghi chú cho người quản trị');
    await writeFile(path.join(dir, '.DS_Store'), '');
    await writeFile(path.join(dir, 'lexicon', 'synonyms.vi.tsv'), 'bầu hộ\tbầu thay\n');
    await writeFile(path.join(dir, 'lexicon', 'synonym.vi.tsv'), 'bầu hộ\tbầu thay\n');
    const { documents, warnings } = await loadCorpus(dir);
    expect(documents.map((d) => d.id)).toEqual(['guidance/a', 'guidance/b', 'guidance/b2']);
    expect(warnings).toEqual([
      '3 file(s) skipped because only .md files (lower-case extension, with front matter) are documents: e.docx, guidance/c.MD, guidance/d.txt',
      'lexicon/synonym.vi.tsv not read: the lexicon tables are lexicon/glossary.en-vi.tsv, lexicon/synonyms.vi.tsv, lexicon/foreign.tsv, lexicon/other-topics.tsv',
      'guidance/a.md and guidance/b.md and guidance/b2.md have the same text; answers may cite the document twice, so keep one',
    ]);
  });

  it('has nothing to say about the shipped corpus files', async () => {
    const { warnings } = await loadCorpus('corpus');
    expect(warnings).toEqual([]);
  });
});

describe('a corpus folder that is not there', () => {
  it('names CORPUS_DIR and the path instead of a bare ENOENT, for a missing folder and for a file', async () => {
    const root = await tempDir();
    const missing = path.join(root, 'khong-co');
    const file = path.join(root, 'tep.md');
    await writeFile(file, original);
    for (const dir of [missing, file]) {
      const message = `CORPUS_DIR is ${dir}, which does not exist (or is not a folder).`;
      await expect(loadCorpus(dir)).rejects.toThrow(message);
      await expect(hashCorpus(dir)).rejects.toBeInstanceOf(CorpusFolderError);
    }
  });

  it('shows a relative CORPUS_DIR resolved, so a run from another folder is easy to spot', () => {
    expect(new CorpusFolderError('khong-co').message).toContain(`CORPUS_DIR is khong-co (${path.resolve('khong-co')} from the current folder), which does not exist`);
  });

  it.each([
    ['reindex', []],
    ['ask', ['Mấy giờ thì bắt đầu bỏ phiếu?']],
  ])('npm run %s prints it and exits with status 1', async (script, args) => {
    const root = await tempDir();
    const missing = path.join(root, 'khong-co');
    const env = { CORPUS_DIR: missing, INDEX_DIR: path.join(root, 'index'), MODELS_DIR: path.join(root, 'models'), LOG_LEVEL: 'warn' };
    const { code, stderr } = await runScript(`src/cli/${script}.ts`, args, env);
    expect(code).toBe(1);
    expect(stderr).toContain(`CORPUS_DIR is ${missing}, which does not exist (or is not a folder). Please set CORPUS_DIR`);
    expect(stderr).not.toMatch(/ENOENT|\n\s+at /);
    // There was no index before, so none can be "still serving".
    expect(stderr).not.toContain('still serving');
  });
});
