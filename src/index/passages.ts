import type { Passage } from '../corpus/index.ts';

// Columns per passage: document, section, position, article, clause, law title, chapter (string ids; -1 for none).
const COLUMNS = 7;
const NONE = -1;

/**
 * The passages of a build in one binary file: their texts as UTF-8 back to back, and their other
 * fields as integer columns over a table of distinct strings (a document id or a chapter heading is
 * written once, however many passages share it). Loading reads two arrays instead of parsing a large
 * JSON, and a passage becomes an object only when it is asked for.
 */
export class PassageStore {
  private constructor(
    private readonly strings: string[],
    private readonly columns: Int32Array,
    /** Byte offsets of each passage's text in `texts`, and the end of the last. */
    private readonly offsets: Uint32Array,
    private readonly texts: Buffer,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  static encode(passages: Passage[]): Buffer {
    const ids = new Map<string, number>();
    const id = (s: string | null | undefined) => {
      if (s === null || s === undefined) return NONE;
      let n = ids.get(s);
      if (n === undefined) ids.set(s, (n = ids.size));
      return n;
    };
    const columns = new Int32Array(passages.length * COLUMNS);
    const texts = passages.map((p) => Buffer.from(p.text, 'utf8'));
    const offsets = new Uint32Array(passages.length + 1);
    passages.forEach((p, i) => {
      columns.set([id(p.docId), id(p.section), p.position, id(p.law?.article), id(p.law?.clause), id(p.law?.title), id(p.law?.chapter)], i * COLUMNS);
      offsets[i + 1] = (offsets[i] as number) + (texts[i] as Buffer).length;
    });
    const line = JSON.stringify({ count: passages.length, strings: [...ids.keys()] });
    // Padded so the integer columns after the header start at a multiple of four bytes.
    const header = Buffer.from(`${line}${' '.repeat((4 - ((Buffer.byteLength(line) + 1) % 4)) % 4)}\n`);
    return Buffer.concat([header, Buffer.from(columns.buffer), Buffer.from(offsets.buffer), ...texts]);
  }

  static decode(buffer: Buffer): PassageStore {
    const newline = buffer.indexOf(10);
    const { count, strings } = JSON.parse(buffer.toString('utf8', 0, newline)) as { count: number; strings: string[] };
    // readFile's buffer of a large file starts its own ArrayBuffer; a small one may sit at an unaligned offset in Node's pool.
    const aligned = buffer.byteOffset % 4 === 0 ? buffer : Buffer.from(buffer);
    let at = aligned.byteOffset + newline + 1;
    const columns = new Int32Array(aligned.buffer, at, count * COLUMNS);
    at += columns.byteLength;
    const offsets = new Uint32Array(aligned.buffer, at, count + 1);
    at += offsets.byteLength;
    return new PassageStore(strings, columns, offsets, Buffer.from(aligned.buffer, at, offsets[count] as number));
  }

  private string(i: number, column: number): string | null {
    const n = this.columns[i * COLUMNS + column] as number;
    return n === NONE ? null : (this.strings[n] as string);
  }

  /** The document a passage belongs to, without decoding its text. */
  docId(i: number): string {
    return this.string(i, 0) as string;
  }

  /** The law article a passage belongs to ("69"), or null outside a law; without decoding its text. */
  article(i: number): string | null {
    return this.string(i, 3);
  }

  at(i: number): Passage | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const docId = this.docId(i);
    const position = this.columns[i * COLUMNS + 2] as number;
    const passage: Passage = {
      id: `${docId}#${position}`,
      docId,
      section: this.string(i, 1),
      position,
      text: this.texts.toString('utf8', this.offsets[i], this.offsets[i + 1]),
    };
    const article = this.article(i);
    if (article !== null) passage.law = { article, clause: this.string(i, 4), title: this.string(i, 5) as string, chapter: this.string(i, 6) };
    return passage;
  }
}
