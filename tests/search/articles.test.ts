import { describe, expect, it } from 'vitest';
import { articleLabel, citedArticles, findArticleRefs } from '../../src/search/articles.ts';
import { findDocumentRefs } from '../../src/text/identifiers.ts';

describe('findArticleRefs', () => {
  it.each([
    ['Điều 69 luật bầu cử', [{ article: '69', clause: null }]],
    ['điều 74 nói gì', [{ article: '74', clause: null }]],
    ['khoản 2 điều 30 luat bau cu', [{ article: '30', clause: '2' }]],
    ['Điều 69 khoản 4 quy định gì?', [{ article: '69', clause: '4' }]],
    ['dieu 35a', [{ article: '35a', clause: null }]],
    ['đ.37 luật bầu cử', [{ article: '37', clause: null }]],
    ['k.2 đ.30', [{ article: '30', clause: '2' }]],
  ])('reads "%s"', (question, refs) => {
    expect(findArticleRefs(question)).toEqual(refs);
  });

  it('reads no article in words like "điều kiện", in Code ids, or in "Điều" without a number', () => {
    for (const q of ['Điều kiện để ứng cử là gì?', 'Điều 35.1.LQ.69 là gì', 'điều gì xảy ra nếu tôi không đi bầu']) expect(findArticleRefs(q)).toEqual([]);
  });

  it('labels an article and a clause as citations write them', () => {
    expect(articleLabel({ article: '69', clause: '4' })).toBe('Điều 69 khoản 4');
    expect(articleLabel({ article: '5', clause: null })).toBe('Điều 5');
  });
});

describe('citedArticles', () => {
  const lawKey = (part: string) => findDocumentRefs(part)[0]?.key ?? null;

  it('gives each cited article the law its part of the citation names, and none to another code', () => {
    const text =
      'Mỗi người tự mình đi bầu (Điều 69 khoản 4, Luật Bầu cử số 85/2015/QH13, sửa đổi bởi Luật số 83/2025/QH15). Phạt tù (Điều 160, Bộ luật Hình sự năm 2015; căn cứ Điều 95, Luật Bầu cử số 85/2015/QH13).';
    expect(citedArticles(text, lawKey)).toEqual([
      { article: '69', clause: '4', law: '85/2015/qh13' },
      { article: '160', clause: null, law: null },
      { article: '95', clause: null, law: '85/2015/qh13' },
    ]);
  });

  it('reads several articles of one citation', () => {
    expect(citedArticles('(Điều 73, Điều 74, Luật Bầu cử số 85/2015/QH13)', lawKey).map((c) => c.article)).toEqual(['73', '74']);
  });
});
