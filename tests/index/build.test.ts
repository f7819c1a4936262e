import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from '../../src/corpus/index.ts';
import { buildIndex, checkIndex, INDEX_FORMAT_VERSION, loadIndex, LocalEmbedder, openIndex, readManifest, SUPERSEDED_GRACE_MS } from '../../src/index/index.ts';
import { memoryLogger, scratchWorkspace } from '../helpers.ts';

const embedder = new LocalEmbedder();
let ws: Awaited<ReturnType<typeof scratchWorkspace>>;
let shipped: number;

beforeEach(async () => {
  ws = await scratchWorkspace();
  shipped = (await loadCorpus(ws.corpusDir)).documents.length;
});

describe('buildIndex', () => {
  it('stores each document\'s passages together, so a document holds a term when one of its passages does', async () => {
    await buildIndex({ ...ws, embedder });
    const index = await loadIndex(ws.indexDir);
    const passagesOf = new Map<string, number[]>();
    index.passages.forEach((p, i) => passagesOf.set(p.docId, [...(passagesOf.get(p.docId) ?? []), i]));
    for (const [docId, passages] of passagesOf) {
      expect(passages.at(-1)! - passages[0]! + 1, docId).toBe(passages.length);
      for (const term of ['bau_cu', 'phieu', 'chi_thi', 'xylophone']) {
        expect(index.documentHas(docId, term), `${docId} ${term}`).toBe(passages.some((p) => index.passageHas(p, term)));
      }
    }
    expect(index.documentHas('guidance/no-such-document', 'phieu')).toBe(false);
  });

  it('writes a manifest that describes the build and an index that loads', async () => {
    const progress: number[] = [];
    const { manifest } = await buildIndex({ ...ws, embedder, onProgress: (done) => progress.push(done) });
    expect(manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      counts: { documents: shipped },
    });
    expect(manifest.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toBe(manifest.counts.passages);
    const index = await loadIndex(ws.indexDir);
    expect(index.passages).toHaveLength(manifest.counts.passages);
    expect(index.vectorSearch(await embedder.embedQuery(index.passages[3]?.text ?? ''), 1)[0]?.passage).toBe(3);
  });

  it('leaves the live index serving when a document is broken, and names the file and field', async () => {
    await buildIndex({ ...ws, embedder });
    const before = await readManifest(ws.indexDir);
    await writeFile(path.join(ws.corpusDir, 'news', 'zz-broken.md'), '---\ntitle: Hỏng\nkind: news\ndate: 2021-13-45\n---\nNội dung.\n');
    const error = await buildIndex({ ...ws, embedder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect(error).toMatchObject({ file: 'news/zz-broken.md', field: 'date' });
    expect(await readManifest(ws.indexDir)).toEqual(before);
    expect((await loadIndex(ws.indexDir)).passages.length).toBe(before?.counts.passages);
  });

  it('swaps builds atomically: a reader holding the old index keeps working, replaced builds stay for a grace period', async () => {
    await buildIndex({ ...ws, embedder });
    const builds = `${ws.indexDir}.builds`;
    // Unfinished builds without a live owner on this host: kept until their owner has been silent for an hour.
    const foreign = async (name: string, ageMs: number) => {
      await mkdir(path.join(builds, name));
      await writeFile(path.join(builds, name, 'owner.json'), JSON.stringify({ pid: 1, hostname: 'another-host', startedAt: '' }));
      const then = new Date(Date.now() - ageMs);
      await utimes(path.join(builds, name, 'owner.json'), then, then);
    };
    await foreign('other-host-running', 60_000);
    await foreign('other-host-dead', 2 * 3_600_000);
    await mkdir(path.join(builds, 'in-progress'));
    const old = await loadIndex(ws.indexDir);
    await rm(path.join(ws.corpusDir, 'news', 'undated-bac-lieu-tao-su-chuyen-bien-tich-cuc.md'));
    const second = await buildIndex({ ...ws, embedder });
    expect(second.manifest.counts.documents).toBe(shipped - 1);
    expect(old.lexicalSearch({ exact: [], folded: ['lieu'], bigrams: [] }, 5).length).toBeGreaterThan(0);
    const secondIndex = await loadIndex(ws.indexDir);
    expect(secondIndex.manifest.counts.documents).toBe(shipped - 1);
    const third = await buildIndex({ ...ws, embedder });
    const thirdIndex = await loadIndex(ws.indexDir);
    expect(thirdIndex.manifest.builtAt).toBe(third.manifest.builtAt);
    const names = (...dirs: string[]) => dirs.map((d) => path.basename(d)).sort();
    // Both replaced builds are within their grace period; the silent foreign build is gone.
    expect((await readdir(builds)).sort()).toEqual(names(old.location, secondIndex.location, thirdIndex.location, 'in-progress', 'other-host-running'));

    // Once the grace period has passed (its clock is the mtime of the mark a build gets when replaced), the next build removes them.
    const past = new Date(Date.now() - SUPERSEDED_GRACE_MS - 1000);
    for (const replaced of [old.location, secondIndex.location]) await utimes(path.join(replaced, 'superseded'), past, past);
    await buildIndex({ ...ws, embedder });
    const fourth = await loadIndex(ws.indexDir);
    expect((await readdir(builds)).sort()).toEqual(names(thirdIndex.location, fourth.location, 'in-progress', 'other-host-running'));
  });
});

describe('incremental reindex', () => {
  const counting = () => {
    const local = new LocalEmbedder();
    const seen: string[] = [];
    const wrapped = {
      id: local.id,
      dimensions: local.dimensions,
      embedPassages: async (texts: string[]) => (seen.push(...texts), local.embedPassages(texts)),
      embedQuery: (text: string) => local.embedQuery(text),
    };
    return { embedder: wrapped, seen };
  };

  it('embeds nothing for an unchanged corpus and only the passages of a changed document', async () => {
    const first = await buildIndex({ ...ws, embedder });
    expect(first.embeddings).toEqual({ computed: first.manifest.counts.passages, reused: 0 });

    const { embedder: watched, seen } = counting();
    const progress: Array<[number, number]> = [];
    const unchanged = await buildIndex({ ...ws, embedder: watched, onProgress: (done, total) => progress.push([done, total]) });
    expect(seen).toEqual([]);
    expect(unchanged.embeddings).toEqual({ computed: 0, reused: first.manifest.counts.passages });
    expect(progress).toEqual([[0, 0]]);

    const file = path.join(ws.corpusDir, 'guidance', 'phieu-khong-hop-le.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Phiếu bầu không hợp lệ (bản sửa)'));
    const changed = await buildIndex({ ...ws, embedder: watched });
    const index = await loadIndex(ws.indexDir);
    const ofChanged = index.passages.filter((p) => p.docId === 'guidance/phieu-khong-hop-le');
    expect(ofChanged.length).toBeGreaterThan(0);
    expect(changed.embeddings).toEqual({ computed: ofChanged.length, reused: index.passages.length - ofChanged.length });
    expect(seen.every((text) => text.startsWith('Phiếu bầu không hợp lệ (bản sửa)'))).toBe(true);

    // Cached vectors are exactly what a build from scratch computes.
    const fresh = await buildIndex({ corpusDir: ws.corpusDir, indexDir: path.join(ws.root, 'fresh'), embedder });
    expect(fresh.embeddings.reused).toBe(0);
    expect(index.passageVectors).toEqual((await loadIndex(path.join(ws.root, 'fresh'))).passageVectors);
  });

  it('drops the passages of a removed document, and keeps no second copy of the live vectors', async () => {
    const first = await buildIndex({ ...ws, embedder });
    await rm(path.join(ws.corpusDir, 'guidance', 'phieu-khong-hop-le.md'));
    const second = await buildIndex({ ...ws, embedder });
    const index = await loadIndex(ws.indexDir);
    expect(index.passages.some((p) => p.docId === 'guidance/phieu-khong-hop-le')).toBe(false);
    expect(second.embeddings).toEqual({ computed: 0, reused: index.passages.length });
    expect(index.passages.length).toBeLessThan(first.manifest.counts.passages);
    expect(await readdir(`${ws.indexDir}.embeddings`).catch(() => [])).toEqual([]);
  });

  it('sets aside the vectors of an embedder that is switched away from, and reuses them when switched back', async () => {
    const first = await buildIndex({ ...ws, embedder });
    const other = new LocalEmbedder(256);
    expect((await buildIndex({ ...ws, embedder: other })).embeddings.reused).toBe(0);
    expect(await readdir(`${ws.indexDir}.embeddings`)).toEqual([`${embedder.id}.bin`]);
    const back = await buildIndex({ ...ws, embedder });
    expect(back.embeddings).toEqual({ computed: 0, reused: first.manifest.counts.passages });
    expect(await readdir(`${ws.indexDir}.embeddings`)).toEqual([`${other.id}.bin`]);
  });

  it("ignores the previous build's vectors when they are damaged, and computes every vector again", async () => {
    const first = await buildIndex({ ...ws, embedder });
    const file = path.join((await loadIndex(ws.indexDir)).location, 'vectors.bin');
    await writeFile(file, (await readFile(file)).subarray(0, 1000));
    const second = await buildIndex({ ...ws, embedder });
    expect(second.embeddings).toEqual({ computed: first.manifest.counts.passages, reused: 0 });
    expect(second.manifest.graph).toEqual({ nextLabel: first.manifest.counts.passages, changedSinceRebuild: 0 });
  });

  it('changes the graph in place for a changed document, and builds it whole again once much has changed', async () => {
    const first = await buildIndex({ ...ws, embedder });
    const total = first.manifest.counts.passages;
    expect(first.manifest.graph).toEqual({ nextLabel: total, changedSinceRebuild: 0 });
    const file = path.join(ws.corpusDir, 'guidance', 'phieu-khong-hop-le.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Phiếu bầu không hợp lệ (bản sửa)'));
    const changed = await buildIndex({ ...ws, embedder });
    const index = await loadIndex(ws.indexDir);
    const replaced = index.passages.filter((p) => p.docId === 'guidance/phieu-khong-hop-le').length;
    expect(changed.manifest.graph).toEqual({ nextLabel: total + replaced, changedSinceRebuild: 2 * replaced });
    // Every passage, kept or new, is still its own nearest neighbour (or ties with a passage of the same text).
    const vectors = index.passageVectors;
    vectors.forEach((vector, i) => {
      const [top] = index.vectorSearch(vector, 1);
      expect(top?.passage === i || index.similarity(top?.passage ?? -1, vector) > 0.9999).toBe(true);
    });

    await rm(path.join(ws.corpusDir, 'law'), { recursive: true });
    const smaller = await buildIndex({ ...ws, embedder });
    expect(smaller.manifest.graph).toEqual({ nextLabel: smaller.manifest.counts.passages, changedSinceRebuild: 0 });
  });
});

describe('concurrent builds', () => {
  it('lets two builds run at once; both succeed and the index that wins loads', async () => {
    const results = await Promise.all([buildIndex({ ...ws, embedder }), buildIndex({ ...ws, embedder })]);
    expect(results.map((r) => r.manifest.counts.documents)).toEqual([shipped, shipped]);
    expect((await loadIndex(ws.indexDir)).passages.length).toBe(results[0]?.manifest.counts.passages);
  });
});

describe('checkIndex and openIndex', () => {
  it('reports a missing index, then a changed corpus, then a changed embedder', async () => {
    expect(await checkIndex(ws.corpusDir, ws.indexDir, embedder)).toBe('missing');
    await buildIndex({ ...ws, embedder });
    expect(await checkIndex(ws.corpusDir, ws.indexDir, embedder)).toBe('fresh');
    const file = path.join(ws.corpusDir, 'news', '2021-02-06-trien-khai-cong-tac-bau-cu-dbqh-khoa.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nĐoạn mới thêm vào.\n`);
    expect(await checkIndex(ws.corpusDir, ws.indexDir, embedder)).toBe('corpus-changed');
    expect(await checkIndex(ws.corpusDir, ws.indexDir, new LocalEmbedder(256))).toBe('embedder-changed');
  });

  it('builds a missing or stale index before answering and says so in the log', async () => {
    const { logger, lines } = memoryLogger();
    await openIndex({ ...ws, embedder, logger });
    expect(lines().some((l) => l.reason === 'missing' && String(l.msg).includes('building'))).toBe(true);
    const other = new LocalEmbedder(256);
    const index = await openIndex({ ...ws, embedder: other, logger });
    expect(lines().some((l) => l.reason === 'embedder-changed')).toBe(true);
    expect(index.manifest.embedder.dimensions).toBe(256);
  });

  it('keeps answering from the previous index when a changed corpus fails to build', async () => {
    const { logger, lines } = memoryLogger();
    await openIndex({ ...ws, embedder, logger });
    await writeFile(path.join(ws.corpusDir, 'news', 'zz-broken.md'), '---\nkind: news\n---\nKhông có tiêu đề.\n');
    const index = await openIndex({ ...ws, embedder, logger });
    expect(index.manifest.counts.documents).toBe(shipped);
    expect(lines().filter((l) => l.level === 50).map((l) => l.msg)).toEqual([
      'rebuild failed: news/zz-broken.md: title is missing; it must be text; answering from the previous index until the corpus changes',
    ]);
    // The same broken corpus is not rebuilt and reported again on every question; a change is.
    await openIndex({ ...ws, embedder, logger });
    expect(lines().filter((l) => Number(l.level) >= 40)).toHaveLength(1);
    await writeFile(path.join(ws.corpusDir, 'news', 'zz-broken.md'), '---\ntitle: X\nkind: news\ntittle: X\n---\nKhông có tiêu đề.\n');
    await openIndex({ ...ws, embedder, logger });
    expect(lines().filter((l) => l.level === 50).at(-1)?.msg).toContain('tittle (did you mean title?)');
  });

  it('refuses to fall back when there is no index to fall back to', async () => {
    await writeFile(path.join(ws.corpusDir, 'news', 'zz-broken.md'), '---\nkind: news\n---\nKhông có tiêu đề.\n');
    await expect(openIndex({ ...ws, embedder, logger: memoryLogger().logger })).rejects.toThrow(/zz-broken\.md: title/);
  });
});
