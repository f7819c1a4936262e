import { describe, expect, it } from 'vitest';
import { chunkDocument, loadCorpus } from '../../src/corpus/index.ts';
import { decodeHalves, encodeHalves, roundToHalf, toHalf } from '../../src/index/float16.ts';
import { exactSearch, LocalEmbedder } from '../../src/index/index.ts';

describe('half precision', () => {
  it('encodes as IEEE 754 half: normal, subnormal, overflow, ties to even', () => {
    expect([1, -2, 0.5, 65504, 0, -0].map(toHalf)).toEqual([0x3c00, 0xc000, 0x3800, 0x7bff, 0, 0x8000]);
    expect(toHalf(2 ** -24)).toBe(1);
    expect(toHalf(1e5)).toBe(0x7c00);
    expect(toHalf(Number.NaN) & 0x7c00).toBe(0x7c00);
    // 1 + 2^-11 lies halfway between two halves: it rounds to the even one.
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect([...decodeHalves(encodeHalves(Float32Array.of(1, -2, 0.5, 2 ** -24)))]).toEqual([1, -2, 0.5, 2 ** -24]);
  });

  it('keeps unit vectors within a relative 2^-11 per component, and the nearest passages of float32', async () => {
    const corpus = await loadCorpus('corpus');
    const texts = corpus.documents.flatMap((d) => chunkDocument(d)).map((p) => p.text);
    const embedder = new LocalEmbedder();
    const full = await embedder.embedPassages(texts);
    const half = full.map(roundToHalf);
    for (const [i, v] of full.entries()) {
      v.forEach((x, j) => expect(Math.abs((half[i]?.[j] as number) - x)).toBeLessThanOrEqual(Math.abs(x) * 2 ** -11 + 2 ** -25));
    }
    let agree = 0;
    const queries = ['bầu cử lúc mấy giờ', 'phiếu không hợp lệ', 'Chỉ thị 03-CT/TU', 'khiếu nại về danh sách cử tri', 'hòm phiếu phụ cho người ốm'];
    for (const q of queries) {
      const vector = await embedder.embedQuery(q);
      const truth = new Set(exactSearch(full, vector, 10).map((h) => h.passage));
      agree += exactSearch(half, vector, 10).filter((h) => truth.has(h.passage)).length / 10;
    }
    expect(agree / queries.length).toBeGreaterThanOrEqual(0.98);
  });
});
