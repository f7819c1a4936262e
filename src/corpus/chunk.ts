import { pointsBack } from '../text/anaphora.ts';
import { sentences, wordCount } from '../text/normalize.ts';
import { clauseNumberOf } from './law.ts';
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

// How far past the word limit a piece may run to keep a sentence that points back with the one before it.
const POINTING_OVERRUN = 1.5;

/**
 * Units (sentences, paragraphs) packed in order into pieces of at most `max` words, joined by `separator`. A unit that
 * `pointsBack` stays with the one before it: in its piece up to half past `max`, beyond that both open the next piece.
 */
function packUnits(units: string[], max: number, separator: string, pointsBackAt: (unit: string) => boolean = () => false): string[] {
  const pieces: string[][] = [];
  let count = 0;
  for (const unit of units) {
    const n = wordCount(unit);
    const current = pieces.at(-1);
    const pointing = pointsBackAt(unit);
    if (current && (count === 0 || count + n <= max || (pointing && count + n <= POINTING_OVERRUN * max))) {
      current.push(unit);
      count += n;
    } else if (current && pointing && current.length > 1) {
      const previous = current.pop() as string;
      pieces.push([previous, unit]);
      count = wordCount(previous) + n;
    } else {
      pieces.push([unit]);
      count = n;
    }
  }
  return pieces.map((piece) => piece.join(separator));
}

/** Splits an over-long paragraph at sentence boundaries into pieces of at most `max` words, never before a sentence that points back ("Nếu nơi đó …"). */
function splitLong(text: string, max: number): string[] {
  return packUnits(sentences(text), max, ' ', pointsBack);
}

// A law's structure as the importer writes it (src/corpus/law.ts): "## Chương …", "### Điều 69. Title", clauses "1. …".
const LAW_ARTICLE = /^###\s+Điều\s+(\d+[a-zđ]?)(?:\.\s*(.*))?$/u;
const LAW_CHAPTER = /^##\s+(Chương\s+.+)$/u;

/** True for a `law` document laid out in articles, which is cut along its articles and clauses. */
export function isArticledLaw(doc: Pick<CorpusDocument, 'kind' | 'body'>): boolean {
  return doc.kind === 'law' && /^###\s+Điều\s+\d/mu.test(doc.body);
}

interface LawPiece {
  section: string | null;
  text: string;
  law?: NonNullable<Passage['law']>;
}

/** Paragraphs packed in order into pieces of at most `max` words; a paragraph longer than that is cut at sentences. */
function pack(paragraphs: string[], max: number): string[] {
  return packUnits(
    paragraphs.flatMap((p) => (wordCount(p) > max ? splitLong(p, max) : [p])),
    max,
    '\n\n',
  );
}

/**
 * One passage per article, or, for an article longer than `maxWords`, one per clause with its points
 * (its text before the first clause on its own); never across articles. A clause longer than
 * `maxWords` is cut between its points.
 */
function chunkLaw(body: string, maxWords: number): LawPiece[] {
  const pieces: LawPiece[] = [];
  let chapter: string | null = null;
  let heading: string | null = null;
  let article: { number: string; title: string; paragraphs: string[] } | null = null;
  let loose: string[] = [];
  const closeLoose = () => {
    for (const text of pack(loose, maxWords)) pieces.push({ section: heading, text });
    loose = [];
  };
  const closeArticle = () => {
    if (!article || article.paragraphs.length === 0) return;
    const { number, title, paragraphs } = article;
    const section = title ? `Điều ${number}. ${title}` : `Điều ${number}`;
    const law = (clause: string | null) => ({ article: number, clause, title, chapter });
    if (paragraphs.reduce((n, p) => n + wordCount(p), 0) <= maxWords) {
      pieces.push({ section, text: paragraphs.join('\n\n'), law: law(null) });
      return;
    }
    const groups: Array<{ clause: string | null; paragraphs: string[] }> = [];
    for (const paragraph of paragraphs) {
      const clause = clauseNumberOf(paragraph);
      // A repeated clause number ("4." twice in Điều 69) opens a second clause, as the law prints it.
      if (clause !== undefined || groups.length === 0) groups.push({ clause: clause ?? null, paragraphs: [] });
      groups.at(-1)?.paragraphs.push(paragraph);
    }
    for (const group of groups) for (const text of pack(group.paragraphs, maxWords)) pieces.push({ section, text, law: law(group.clause) });
  };
  for (const raw of body.split(/\n\s*\n/)) {
    const paragraph = raw.trim();
    if (!paragraph) continue;
    const headingText = /^#{1,6}\s+(.+)$/.exec(paragraph)?.[1]?.trim();
    if (headingText !== undefined && !paragraph.includes('\n')) {
      closeArticle();
      closeLoose();
      article = null;
      const articleMatch = LAW_ARTICLE.exec(paragraph);
      if (articleMatch) {
        article = { number: articleMatch[1] as string, title: (articleMatch[2] ?? '').trim(), paragraphs: [] };
        continue;
      }
      const chapterMatch = LAW_CHAPTER.exec(paragraph);
      if (chapterMatch) chapter = (chapterMatch[1] as string).trim();
      heading = headingText;
      continue;
    }
    const text = paragraph.replace(/\s*\n\s*/g, ' ');
    if (article) article.paragraphs.push(text);
    else loose.push(text);
  }
  closeArticle();
  closeLoose();
  return pieces;
}

/**
 * Cuts a document into passages of about `minWords`–`maxWords` words along paragraph and
 * sentence boundaries, never across a section heading. A `law` laid out in articles is cut along
 * its articles and clauses instead, and each passage says which (`law`).
 */
export function chunkDocument(doc: CorpusDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  const { minWords, maxWords } = options;
  if (isArticledLaw(doc)) {
    return chunkLaw(doc.body, maxWords).map((piece, position) => ({
      id: `${doc.id}#${position}`,
      docId: doc.id,
      section: piece.section,
      position,
      text: piece.text,
      ...(piece.law && { law: piece.law }),
    }));
  }
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
