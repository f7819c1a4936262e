import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex, type DocumentMeta } from '../../src/index/index.ts';
import { retrieve } from '../../src/search/index.ts';
import { duplicateCopies, isNamedLaw, preferMentioned } from '../../src/search/documents.ts';
import type { RegisterEntry } from '../../src/index/index.ts';
import { scratchWorkspace } from '../helpers.ts';

const doc = (id: string, number?: string): DocumentMeta => ({ id, title: `Luật ${id}`, kind: 'law', ...(number ? { number } : {}) }) as DocumentMeta;

describe('duplicateCopies', () => {
  const texts: Record<string, string[]> = {
    'law/a': ['Điều 1. Một', 'Điều 2. Hai'],
    'law-extra/a': ['Điều 1. Một', 'Điều 2. Hai'],
    'law-extra/a-amended': ['Điều 1. Một', 'Điều 2. Hai (sửa đổi)'],
    'law-extra/b': ['Điều 1. Một', 'Điều 2. Hai'],
  };
  const of = (id: string) => texts[id] ?? [];

  it('keeps the copy filed under its kind folder and reports the other copy with the same number and passages', () => {
    expect([...duplicateCopies([doc('law-extra/a', '85/2015/QH13'), doc('law/a', '85/2015/QH13')], of)]).toEqual(['law-extra/a']);
  });

  it('keeps documents that share a number but differ in text, and documents with the same text but another number', () => {
    expect(duplicateCopies([doc('law/a', '85/2015/QH13'), doc('law-extra/a-amended', '85/2015/QH13')], of).size).toBe(0);
    expect(duplicateCopies([doc('law/a', '85/2015/QH13'), doc('law-extra/b', '86/2015/QH13')], of).size).toBe(0);
  });
});

const law = (title: string, number: string, articles: Array<[string, string]>) =>
  `---\ntitle: ${title}\nkind: law\nnumber: ${number}\ndate: 2015-11-27\n---\n\n${articles.map(([n, text]) => `### Điều ${n}. ${text}\n\n${text} được quy định như sau.\n`).join('\n')}`;

describe('preferMentioned', () => {
  const entry = (key: string, passages: number[]) => ({ key, shortKey: 'nq 2', passages }) as RegisterEntry;
  // Passages 0–9 belong to laws, 10 and up to guides and news.
  const inLaw = (i: number) => i < 10;

  it('keeps the documents a bare number may mean that the guides and news mention, before those only laws cite', () => {
    const party = entry('2-nq/tu', [12]);
    const court = entry('02/2019/nq-hdtp', [1, 2, 3]);
    expect(preferMentioned([court, party], inLaw)).toEqual([party]);
  });

  it('keeps them all when none is mentioned outside the laws', () => {
    const a = entry('02/2019/nq-hdtp', [1]);
    const b = entry('02/2020/nq-hdtp', [2]);
    expect(preferMentioned([a, b], inLaw)).toEqual([a, b]);
  });
});

describe('isNamedLaw', () => {
  it('takes a title for the law it opens with, not for a decree that names it', () => {
    expect(isNamedLaw('Luật Đất đai', 'dat_dai')).toBe(true);
    expect(isNamedLaw('Bộ luật Bộ Luật lao động', 'lao_dong')).toBe(true);
    expect(isNamedLaw('Nghị định 49/2026/NĐ-CP - Chi tiết và hướng dẫn NQ 254/2025/QH15 về Luật Đất đai', 'dat_dai')).toBe(false);
    expect(isNamedLaw('Luật Đất đai', 'dat_nuoc')).toBe(false);
  });
});

describe('a law imported twice beside a collection of other laws', () => {
  const embedder = new LocalEmbedder();
  let index: CorpusIndex;
  beforeAll(async () => {
    const ws = await scratchWorkspace();
    await mkdir(path.join(ws.corpusDir, 'law-extra'));
    await cp(path.join(ws.corpusDir, 'law', 'luat-85-2015-qh13.md'), path.join(ws.corpusDir, 'law-extra', 'luat-85-2015-qh13.md'));
    const extra = (name: string, text: string) => writeFile(path.join(ws.corpusDir, 'law-extra', `${name}.md`), text);
    await extra('bo-luat-100-2015-qh13', law('Bộ luật Hình sự', '100/2015/QH13', [['69', 'Xóa án tích'], ['74', 'Áp dụng đối với pháp nhân'], ['89', 'Xóa án tích cho pháp nhân']]));
    await extra('nghi-dinh-49-2026-nd-cp', law('Nghị định 49/2026/NĐ-CP hướng dẫn Luật Đất đai', '49/2026/NĐ-CP', [['5', 'Các trường hợp không áp dụng bảng giá đất']]));
    await buildIndex({ ...ws, embedder });
    index = await loadIndex(ws.indexDir);
  });

  it('is cited once, from the corpus copy, in an article lookup and in a search', async () => {
    const article = await retrieve(index, embedder, 'Điều 69 luật bầu cử');
    expect(article.article?.docId).toBe('law/luat-85-2015-qh13');
    const search = await retrieve(index, embedder, 'Nguyên tắc bỏ phiếu theo luật bầu cử là gì?');
    expect(search.outcome).toBe('answered');
    expect(search.hits.map((h) => h.document.id)).not.toContain('law-extra/luat-85-2015-qh13');
  });

  it('looks an article up in the law the guides cite when the question names none, though another law has it too', async () => {
    expect((await retrieve(index, embedder, 'điều 74 nói gì')).article?.docId).toBe('law/luat-85-2015-qh13');
  });

  it('takes a number with its year ("luật 85/2015") for the law with that number and year', async () => {
    expect((await retrieve(index, embedder, 'cho hỏi điều 89 luật 85/2015 là gì vậy')).article?.docId).toBe('law/luat-85-2015-qh13');
    expect((await retrieve(index, embedder, 'điều 89 luật 100/2015')).article?.docId).toBe('law-extra/bo-luat-100-2015-qh13');
    expect((await retrieve(index, embedder, 'điều 89 luật 77/2015')).outcome).toBe('no_match');
  });

  it('answers an article of a law the corpus holds, and declines one of a law it holds only a decree about', async () => {
    expect((await retrieve(index, embedder, 'điều 69 bộ luật hình sự')).article?.docId).toBe('law-extra/bo-luat-100-2015-qh13');
    expect((await retrieve(index, embedder, 'Điều 5 Luật Đất đai quy định gì?')).outcome).toBe('no_match');
  });
});
