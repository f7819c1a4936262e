import { sentences, wordCount } from '../text/normalize.ts';
import type { CorpusDocument, Passage } from './schema.ts';

export interface ChunkOptions {
  minWords: number;
  maxWords: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { minWords: 60, maxWords: 200 };

interface Block {
  section: string | null;
  text: string;
}

function blocksOf(body: string): Block[] {
  const blocks: Block[] = [];
  let section: string | null = null;
  for (const raw of body.split(/\n\s*\n/)) {
    const paragraph = raw.trim();
    if (!paragraph) continue;
    const heading = paragraph.match(/^#{1,6}\s+(.+)$/);
    if (heading && !paragraph.includes('\n')) {
      section = (heading[1] as string).trim();
      continue;
    }
    blocks.push({ section, text: paragraph.replace(/\s*\n\s*/g, ' ') });
  }
  return blocks;
}

/** Splits an over-long paragraph at sentence boundaries into pieces of at most `max` words. */
function splitLong(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const sentence of sentences(text)) {
    const n = wordCount(sentence);
    if (count > 0 && count + n > max) {
      pieces.push(current.join(' '));
      current = [];
      count = 0;
    }
    current.push(sentence);
    count += n;
  }
  if (current.length > 0) pieces.push(current.join(' '));
  return pieces;
}

/**
 * Cuts a document into passages of about `minWords`–`maxWords` words along paragraph and
 * sentence boundaries, never across a section heading.
 */
export function chunkDocument(doc: CorpusDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  const { minWords, maxWords } = options;
  const groups: Block[] = [];
  let open: { block: Block; words: number } | null = null;
  for (const block of blocksOf(doc.body)) {
    for (const piece of wordCount(block.text) > maxWords ? splitLong(block.text, maxWords) : [block.text]) {
      const words = wordCount(piece);
      const fits = open && open.block.section === block.section && open.words + words <= maxWords;
      if (open && fits && open.words < minWords) {
        open.block.text += `\n\n${piece}`;
        open.words += words;
        continue;
      }
      open = { block: { section: block.section, text: piece }, words };
      groups.push(open.block);
    }
  }
  // A short tail joins the passage before it when both fit and share a section.
  for (let i = groups.length - 1; i > 0; i--) {
    const tail = groups[i] as Block;
    const before = groups[i - 1] as Block;
    if (wordCount(tail.text) < minWords && before.section === tail.section && wordCount(before.text) + wordCount(tail.text) <= maxWords) {
      before.text += `\n\n${tail.text}`;
      groups.splice(i, 1);
    }
  }
  return groups.map((group, position) => ({
    id: `${doc.id}#${position}`,
    docId: doc.id,
    section: group.section,
    position,
    text: group.text,
  }));
}
