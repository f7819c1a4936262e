import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { chunkDocument, loadCorpus } from '../../src/corpus/index.ts';
import { LexicalIndex } from '../../src/index/lexical.ts';
import { analyzeQuery } from '../../src/search/index.ts';
import { passageTerms } from '../../src/text/terms.ts';
import { tempDir } from '../helpers.ts';

const corpus = await loadCorpus('corpus');
const texts = corpus.documents.flatMap((d) => chunkDocument(d).map((p) => `${d.title}\n${p.text}`));
const questions = (JSON.parse(await readFile('tests/eval/questions.json', 'utf8')) as Array<{ question: string }>).map((q) => q.question);

/** The same fields and boosts in MiniSearch, whose BM25+ the ranking was first tuned with. */
function miniSearchReference() {
  const search = new MiniSearch<{ id: number; folded: string; exact: string; bigrams: string }>({
    fields: ['folded', 'exact', 'bigrams'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { boost: { folded: 1, exact: 0.6, bigrams: 1.4 }, combineWith: 'OR' },
  });
  search.addAll(texts.map((text, id) => {
    const t = passageTerms(text);
    return { id, folded: t.folded.join(' '), exact: t.exact.join(' '), bigrams: t.bigrams.join(' ') };
  }));
  return search;
}

describe('LexicalIndex', () => {
  it('ranks and scores every eval question exactly as MiniSearch does with the same fields and boosts', () => {
    const ours = LexicalIndex.build(texts);
    const reference = miniSearchReference();
    for (const question of questions) {
      const query = analyzeQuery(question, corpus.lexicon).lexical;
      const terms = [...new Set([...query.folded, ...query.exact, ...query.bigrams])];
      const expected = terms.length ? reference.search(terms.join(' ')).slice(0, 20) : [];
      const actual = ours.query(query, 20);
      expect(actual.map((h) => h.passage), question).toEqual(expected.map((h) => h.id));
      actual.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]?.score as number, 6));
    }
  });

  it('tells whether a passage is indexed under a word, a word pair or a word as written, as its own terms say', () => {
    const index = LexicalIndex.build(texts);
    const all = texts.map((text) => {
      const t = passageTerms(text);
      return new Set([...t.folded, ...t.bigrams, ...t.exact.map((w) => `=${w}`)]);
    });
    const probes = [...new Set(all.slice(0, 40).flatMap((terms) => [...terms].slice(0, 15))), 'xylophone', '=xylophone'];
    all.slice(0, 40).forEach((terms, passage) => {
      for (const term of probes) expect(index.contains(passage, term), `${passage} ${term}`).toBe(terms.has(term));
    });
  });

  it('tells whether any passage of a range is indexed under a term, as asking each passage does', () => {
    const index = LexicalIndex.build(texts);
    const probes = ['bau_cu', 'phieu', '=bầu', 'nghi_quyet', 'xylophone'];
    const ranges = [[0, 1], [0, 5], [3, 9], [10, 40], [7, 7], [texts.length - 3, texts.length]] as const;
    for (const [from, to] of ranges) {
      for (const term of probes) {
        const any = Array.from({ length: to - from }, (_, i) => from + i).some((passage) => index.contains(passage, term));
        expect(index.containsIn(term, from, to), `${from}-${to} ${term}`).toBe(any);
      }
    }
  });

  it('counts the passages indexed under a word, a word pair or a word as written, as asking each passage does', () => {
    const index = LexicalIndex.build(texts);
    for (const term of ['bau_cu', 'phieu', '=bầu', '=phiếu', 'xylophone', '=xylophone']) {
      const each = texts.filter((_, passage) => index.contains(passage, term)).length;
      expect(index.documentFrequency(term), term).toBe(each);
    }
    expect(index.documentFrequency('=bầu')).toBeGreaterThan(0);
  });

  it('lists the passages indexed under a word or a word pair, in order, as asking each passage does', () => {
    const index = LexicalIndex.build(texts);
    for (const term of ['bau_cu', 'phieu', 'nghi_quyet', 'xylophone']) {
      const each = texts.map((_, passage) => passage).filter((passage) => index.contains(passage, term));
      expect([...index.passagesWith(term)], term).toEqual(each);
    }
  });

  it('answers the same after a write and read, and nothing for unknown words', async () => {
    const built = LexicalIndex.build(texts);
    const file = path.join(await tempDir(), 'lexical.bin');
    await built.write(file);
    const read = await LexicalIndex.read(file);
    const query = { exact: ['bầu', 'cử'], folded: ['bau', 'cu', 'phieu'], bigrams: ['bau_cu'] };
    expect(read.query(query, 10)).toEqual(built.query(query, 10));
    expect(read.query({ exact: [], folded: ['xylophone'], bigrams: [] }, 10)).toEqual([]);
    expect(LexicalIndex.build([]).query(query, 10)).toEqual([]);
  });
});
