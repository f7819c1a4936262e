import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from './embedder.ts';
import { decodeHalves, encodeHalves, roundToHalf } from './float16.ts';

// Version 2 stores half-precision vectors.
const MAGIC = 'CTHE2';
const HASH_BYTES = 16;

/** The key a passage's vector is cached under: its exact indexed text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_BYTES * 2);
}

export interface EmbedResult {
  vectors: Float32Array[];
  reused: number;
  computed: number;
}

/**
 * Passage vectors of one embedder, kept by content hash in `<dir>/<embedder>.bin` so a reindex
 * embeds only passages whose text is new. The file holds exactly the last build's passages, in half
 * precision; fresh vectors are rounded the same way, so a build from the cache equals one from scratch.
 */
export class EmbeddingCache {
  private constructor(
    private readonly file: string,
    private readonly embedder: Embedder,
    private readonly stored: Map<string, Float32Array>,
  ) {}

  static async open(dir: string, embedder: Embedder): Promise<EmbeddingCache> {
    const file = path.join(dir, `${embedder.id.replace(/[^\w.-]+/g, '_')}.bin`);
    return new EmbeddingCache(file, embedder, await readEntries(file, embedder));
  }

  get size(): number {
    return this.stored.size;
  }

  /** Vectors for `texts` in order, computing (in batches) only those not cached. */
  async embed(texts: string[], batchSize: number, onProgress?: (done: number, total: number) => void): Promise<EmbedResult> {
    const hashes = texts.map(contentHash);
    const vectors: Array<Float32Array | undefined> = hashes.map((h) => this.stored.get(h));
    const todo = [...new Set(hashes.filter((_, i) => !vectors[i]))];
    const fresh = new Map<string, Float32Array>();
    const textOf = new Map(hashes.map((h, i) => [h, texts[i] as string]));
    onProgress?.(0, todo.length);
    for (let i = 0; i < todo.length; i += batchSize) {
      const batch = todo.slice(i, i + batchSize);
      const embedded = await this.embedder.embedPassages(batch.map((h) => textOf.get(h) as string));
      batch.forEach((h, j) => fresh.set(h, roundToHalf(embedded[j] as Float32Array)));
      onProgress?.(Math.min(i + batchSize, todo.length), todo.length);
    }
    const result = hashes.map((h, i) => vectors[i] ?? (fresh.get(h) as Float32Array));
    const computed = texts.filter((_, i) => !vectors[i]).length;
    return { vectors: result, reused: texts.length - computed, computed };
  }

  /** Replaces the cache with exactly these passages, so removed passages leave it too. */
  async save(texts: string[], vectors: Float32Array[]): Promise<void> {
    const entries = new Map(texts.map((t, i) => [contentHash(t), vectors[i] as Float32Array]));
    const { dimensions } = this.embedder;
    const header = Buffer.from(JSON.stringify({ magic: MAGIC, embedder: this.embedder.id, dimensions, count: entries.size }) + '\n');
    const body = Buffer.alloc(entries.size * (HASH_BYTES + dimensions * 2));
    let offset = 0;
    for (const [hash, vector] of entries) {
      body.write(hash, offset, 'hex');
      const halves = encodeHalves(vector);
      Buffer.from(halves.buffer, halves.byteOffset, halves.byteLength).copy(body, offset + HASH_BYTES);
      offset += HASH_BYTES + dimensions * 2;
    }
    // The index's parent folder exists once a build is published; a recursive mkdir would never return for a path under /proc.
    await mkdir(path.dirname(this.file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    // Written aside and renamed, so a concurrent build never reads half a file.
    const temporary = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, Buffer.concat([header, body]));
      await rename(temporary, this.file);
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

async function readEntries(file: string, embedder: Embedder): Promise<Map<string, Float32Array>> {
  const entries = new Map<string, Float32Array>();
  const buffer = await readFile(file).catch(() => null);
  if (!buffer) return entries;
  const newline = buffer.indexOf(10);
  let header: { magic?: string; embedder?: string; dimensions?: number; count?: number };
  try {
    header = JSON.parse(buffer.subarray(0, newline).toString('utf8'));
  } catch {
    return entries;
  }
  const { dimensions } = embedder;
  const record = HASH_BYTES + dimensions * 2;
  const count = header.count ?? -1;
  // Anything unexpected means starting afresh: a cache may only ever save work, never change a vector.
  if (header.magic !== MAGIC || header.embedder !== embedder.id || header.dimensions !== dimensions) return entries;
  if (buffer.length - newline - 1 !== count * record) return entries;
  const body = buffer.subarray(newline + 1);
  for (let offset = 0; offset < body.length; offset += record) {
    const halves = new Uint16Array(dimensions);
    Buffer.from(halves.buffer).set(body.subarray(offset + HASH_BYTES, offset + record));
    entries.set(body.toString('hex', offset, offset + HASH_BYTES), decodeHalves(halves));
  }
  return entries;
}
