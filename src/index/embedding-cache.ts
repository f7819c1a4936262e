import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from './embedder.ts';
import { encodeHalves } from './float16.ts';

// Version 3: content hashes, then half-precision vectors, in one file per build (and per set-aside embedder).
const MAGIC = 'CTHE3';
const HASH_BYTES = 16;
// The header is padded so the vectors after it start at an aligned offset.
const ALIGN = 16;

/**
 * The passage vectors of one embedder in half precision, each with the hash of the text it was
 * computed from: row i is passage i of the build that wrote it, and the hashes let the next build
 * reuse any row whose text has not changed.
 */
export interface StoredVectors {
  embedder: string;
  dimensions: number;
  count: number;
  /** HASH_BYTES per passage. */
  hashes: Buffer;
  /** `dimensions` halves per passage. */
  halves: Uint16Array;
}

/** The key a passage's vector is kept under: a hash of its exact indexed text. */
export function contentHash(text: string): Buffer {
  return createHash('sha256').update(text).digest().subarray(0, HASH_BYTES);
}

export function hashAt(stored: StoredVectors, i: number): string {
  return stored.hashes.toString('latin1', i * HASH_BYTES, (i + 1) * HASH_BYTES);
}

export async function writeStoredVectors(file: string, stored: StoredVectors): Promise<void> {
  const { embedder, dimensions, count } = stored;
  const line = JSON.stringify({ magic: MAGIC, embedder, dimensions, count });
  const header = Buffer.from(`${line.padEnd(Math.ceil((line.length + 1) / ALIGN) * ALIGN - 1)}\n`);
  const vectors = Buffer.from(stored.halves.buffer, stored.halves.byteOffset, count * dimensions * 2);
  await writeFile(file, Buffer.concat([header, stored.hashes.subarray(0, count * HASH_BYTES), vectors]));
}

/** The vectors in `file` if it holds this embedder's, whole; null when it is absent, of another embedder or damaged. */
export async function readStoredVectors(file: string, embedder: Pick<Embedder, 'id' | 'dimensions'>): Promise<StoredVectors | null> {
  const buffer = await readFile(file).catch(() => null);
  if (!buffer) return null;
  const newline = buffer.indexOf(10);
  let header: { magic?: string; embedder?: string; dimensions?: number; count?: number };
  try {
    header = JSON.parse(buffer.subarray(0, newline).toString('utf8'));
  } catch {
    return null;
  }
  const { count = -1 } = header;
  const start = newline + 1;
  const hashesEnd = start + count * HASH_BYTES;
  // Anything unexpected means starting afresh: reuse may only ever save work, never change a vector.
  if (header.magic !== MAGIC || header.embedder !== embedder.id || header.dimensions !== embedder.dimensions || start % ALIGN !== 0) return null;
  if (count < 0 || buffer.length !== hashesEnd + count * embedder.dimensions * 2) return null;
  // readFile's buffer of a large file starts its own ArrayBuffer; a small one may sit at an odd offset in Node's pool.
  const aligned = buffer.byteOffset % 2 === 0 ? buffer : Buffer.from(buffer);
  return {
    embedder: embedder.id,
    dimensions: embedder.dimensions,
    count,
    hashes: aligned.subarray(start, hashesEnd),
    halves: new Uint16Array(aligned.buffer, aligned.byteOffset + hashesEnd, count * embedder.dimensions),
  };
}

/** Vectors as stored in an index, in half precision, without text hashes: for building a graph over vectors alone (benchmarks). */
export function storeVectors(embedder: Pick<Embedder, 'id' | 'dimensions'>, vectors: Float32Array[]): StoredVectors {
  const halves = new Uint16Array(vectors.length * embedder.dimensions);
  vectors.forEach((v, i) => halves.set(encodeHalves(v), i * embedder.dimensions));
  return { embedder: embedder.id, dimensions: embedder.dimensions, count: vectors.length, hashes: Buffer.alloc(vectors.length * HASH_BYTES), halves };
}

export interface EmbedResult {
  stored: StoredVectors;
  reused: number;
  computed: number;
}

/**
 * Vectors for `texts` in order: rows whose text any of `sources` already holds are copied, the
 * rest computed in batches. Fresh vectors are stored in half precision like the reused ones, so a
 * build that reuses equals one from scratch.
 */
export async function embedTexts(
  texts: string[],
  embedder: Embedder,
  sources: StoredVectors[],
  batchSize: number,
  onProgress?: (done: number, total: number) => void,
): Promise<EmbedResult> {
  const { dimensions } = embedder;
  const hashes = Buffer.alloc(texts.length * HASH_BYTES);
  texts.forEach((t, i) => contentHash(t).copy(hashes, i * HASH_BYTES));
  const stored: StoredVectors = { embedder: embedder.id, dimensions, count: texts.length, hashes, halves: new Uint16Array(texts.length * dimensions) };
  const known = new Map<string, { source: StoredVectors; row: number }>();
  for (const source of sources) {
    for (let row = 0; row < source.count; row++) {
      const hash = hashAt(source, row);
      if (!known.has(hash)) known.set(hash, { source, row });
    }
  }
  // Identical texts are embedded once.
  const todo = new Map<string, number[]>();
  for (let i = 0; i < texts.length; i++) {
    const hash = hashAt(stored, i);
    const hit = known.get(hash);
    if (hit) stored.halves.set(hit.source.halves.subarray(hit.row * dimensions, (hit.row + 1) * dimensions), i * dimensions);
    else if (todo.has(hash)) todo.get(hash)?.push(i);
    else todo.set(hash, [i]);
  }
  const pending = [...todo.values()];
  onProgress?.(0, pending.length);
  for (let b = 0; b < pending.length; b += batchSize) {
    const batch = pending.slice(b, b + batchSize);
    const embedded = await embedder.embedPassages(batch.map((rows) => texts[rows[0] as number] as string));
    batch.forEach((rows, j) => {
      const halves = encodeHalves(embedded[j] as Float32Array);
      for (const i of rows) stored.halves.set(halves, i * dimensions);
    });
    onProgress?.(Math.min(b + batchSize, pending.length), pending.length);
  }
  const computed = pending.reduce((n, rows) => n + rows.length, 0);
  return { stored, reused: texts.length - computed, computed };
}

/**
 * Vectors of embedders other than the live index's, set aside in `<dir>/<embedder>.bin` when an
 * index of another embedder replaces theirs, so switching back reuses them. The live embedder's
 * vectors live in the published build alone: its file here is removed once that build is live.
 */
export class SetAsideVectors {
  constructor(private readonly dir: string) {}

  private file(embedderId: string): string {
    return path.join(this.dir, `${embedderId.replace(/[^\w.-]+/g, '_')}.bin`);
  }

  read(embedder: Pick<Embedder, 'id' | 'dimensions'>): Promise<StoredVectors | null> {
    return readStoredVectors(this.file(embedder.id), embedder);
  }

  /** Copies a replaced build's vectors file here; written aside and renamed, so a concurrent build never reads half a file. */
  async keep(embedderId: string, vectorsFile: string): Promise<void> {
    // The index's parent folder exists once a build is published; a recursive mkdir would never return for a path under /proc.
    await mkdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const temporary = `${this.file(embedderId)}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await copyFile(vectorsFile, temporary);
      await rename(temporary, this.file(embedderId));
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async drop(embedderId: string): Promise<void> {
    await rm(this.file(embedderId), { force: true });
  }
}
