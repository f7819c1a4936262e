import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, loadIndex, LocalEmbedder, type CorpusIndex, type DocumentMeta } from '../../src/index/index.ts';
import { retrieve } from '../../src/search/index.ts';
import { duplicateCopies } from '../../src/search/documents.ts';
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

describe('a law imported twice', () => {
  const embedder = new LocalEmbedder();
  let index: CorpusIndex;
  beforeAll(async () => {
    const ws = await scratchWorkspace();
    await mkdir(path.join(ws.corpusDir, 'law-extra'));
    await cp(path.join(ws.corpusDir, 'law', 'luat-85-2015-qh13.md'), path.join(ws.corpusDir, 'law-extra', 'luat-85-2015-qh13.md'));
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
});
