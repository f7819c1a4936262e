import { describe, expect, it } from 'vitest';
import { chunkDocument, loadCorpus } from '../../src/corpus/index.ts';
import { PassageStore } from '../../src/index/passages.ts';

describe('PassageStore', () => {
  it('gives back every passage of the corpus as it was chunked, law fields and missing sections included', async () => {
    const passages = (await loadCorpus('corpus')).documents.flatMap((d) => chunkDocument(d));
    expect(passages.some((p) => p.law && p.law.clause === null)).toBe(true);
    expect(passages.some((p) => p.section === null)).toBe(true);
    const store = PassageStore.decode(PassageStore.encode(passages));
    expect(store.length).toBe(passages.length);
    passages.forEach((p, i) => {
      expect(store.at(i)).toEqual(p);
      expect(store.docId(i)).toBe(p.docId);
    });
    expect(store.at(-1)).toBeUndefined();
    expect(store.at(passages.length)).toBeUndefined();
  });

  it('reads a store that sits at an odd offset of a larger buffer, and an empty one', () => {
    const passage = { id: 'news/x#0', docId: 'news/x', section: 'Mục một', position: 0, text: 'Cử tri đi bầu từ 7 giờ sáng.' };
    const encoded = PassageStore.encode([passage]);
    const shifted = Buffer.concat([Buffer.from([0]), encoded]).subarray(1);
    expect(PassageStore.decode(shifted).at(0)).toEqual(passage);
    expect(PassageStore.decode(PassageStore.encode([])).length).toBe(0);
  });
});
