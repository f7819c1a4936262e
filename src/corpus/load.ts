import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { normalizeText } from '../text/normalize.ts';
import { cleanBody } from './clean.ts';
import { CorpusError, CorpusFolderError } from './errors.ts';
import { normalizeSource, parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { EMPTY_LEXICON, parseTermTable, type Lexicon } from './lexicon.ts';
import { frontMatterSchema, latestDocumentDate, MAX_YEARS_AHEAD, type CorpusDocument } from './schema.ts';

export interface LoadedCorpus {
  documents: CorpusDocument[];
  lexicon: Lexicon;
  /** Non-fatal remarks: a document without a date, files that are not documents, duplicates. */
  warnings: string[];
  /** Hash of every file the index depends on, to tell when it is stale. */
  hash: string;
}

// Folder of data files (glossary, synonyms) that live beside the documents.
export const LEXICON_FOLDER = 'lexicon';
const GLOSSARY_FILE = `${LEXICON_FOLDER}/glossary.en-vi.tsv`;
const SYNONYMS_FILE = `${LEXICON_FOLDER}/synonyms.vi.tsv`;
const ABROAD_FILE = `${LEXICON_FOLDER}/foreign.tsv`;
const OUT_OF_SCOPE_FILES = [ABROAD_FILE, `${LEXICON_FOLDER}/other-topics.tsv`];

/** Every regular file below `dir`, as sorted relative paths with "/"; a missing folder names CORPUS_DIR. */
async function allFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CorpusFolderError(dir);
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const isDocument = (rel: string) => rel.endsWith('.md') && path.basename(rel) !== 'README.md';
const isCorpusFile = (rel: string) => isDocument(rel) || rel.startsWith(`${LEXICON_FOLDER}/`);
// Notes for people and hidden files (.DS_Store, .gitkeep, editor swap files) are expected beside the documents.
const isExpected = (rel: string) => path.basename(rel) === 'README.md' || rel.split('/').some((part) => part.startsWith('.'));

/** Relative paths of the files below `dir` that make up the corpus, sorted. */
export async function corpusFiles(dir: string): Promise<string[]> {
  return (await allFiles(dir)).filter(isCorpusFile);
}

/** "tittle (did you mean title?)": an unknown field with the known field closest to it, when one is close. */
function unknownField(name: string): string {
  const known = Object.keys(frontMatterSchema.shape);
  const [closest] = known.map((k) => ({ k, d: editDistance(name.toLowerCase(), k) })).sort((a, b) => a.d - b.d);
  return closest && closest.d <= Math.max(2, Math.floor(name.length / 3)) ? `${name} (did you mean ${closest.k}?)` : name;
}

/** The line of the file (the opening "---" is line 1) where the front matter sets `key`, or null when it does not. */
function lineOfField(yaml: string, key: string): number | null {
  const at = yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return at < 0 ? null : at + 2;
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length] as number;
}

/** Parses one corpus file's text; `file` is its path below the corpus folder, `today` bounds its date. */
export function parseDocument(file: string, source: string, today: Date = new Date()): { document: CorpusDocument; warnings: string[] } {
  // Windows line endings, a byte-order mark or NFD text must not change what a field holds.
  const { yaml, body: content, unclosed } = splitFrontMatter(normalizeSource(source));
  if (unclosed) throw new CorpusError(file, 'front matter', 'is not closed: end it with a line holding only ---');
  let data: unknown;
  try {
    data = yaml === null ? {} : parseFrontMatter(yaml);
  } catch (error) {
    // YAML counts lines from the first field; the file has the opening "---" above it.
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    const what = (error as Error).message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    throw new CorpusError(file, 'front matter', `is not valid YAML${line ? ` at line ${line + 1} of the file` : ''} (${what})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CorpusError(file, 'front matter', 'must be "field: value" lines, such as title: … and kind: …');
  }
  if (Object.keys(data).length === 0) {
    throw new CorpusError(file, 'front matter', 'is missing: start the file with a --- block holding at least title and kind');
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    // A misspelt field ("tittle") also leaves the field it meant missing: the unknown one is the cause, so it is named first.
    const issues = result.error.issues;
    const unknown = issues.find((i) => i.code === 'unrecognized_keys');
    const at = (key: string) => lineOfField(yaml ?? '', key);
    if (unknown?.code === 'unrecognized_keys') {
      const named = unknown.keys.map((key) => `${unknownField(key)}${at(key) ? ` on line ${at(key)} of the file` : ''}`);
      throw new CorpusError(file, 'front matter', `has unknown field(s): ${named.join(', ')}`);
    }
    const issue = issues[0];
    const key = issue?.path[0];
    const line = typeof key === 'string' ? at(key) : null;
    throw new CorpusError(file, issue?.path.length ? issue.path.join('.') : 'front matter', `${issue?.message ?? 'is invalid'}${line ? ` (line ${line} of the file)` : ''}`);
  }
  const { date: written, ...fields } = result.data;
  const meta = { ...fields, ...(written && written !== 'unknown' && { date: written }) };
  const latest = latestDocumentDate(today);
  if (meta.date && meta.date > latest) {
    throw new CorpusError(file, 'date', `${meta.date} is more than ${MAX_YEARS_AHEAD} years ahead (the latest accepted today is ${latest}); please check the year`);
  }
  const body = cleanBody(content, { keepRepeats: meta.kind === 'law' });
  if (!body) throw new CorpusError(file, 'body', 'is empty');
  const document: CorpusDocument = {
    ...meta,
    title: normalizeText(meta.title),
    ...(meta.issuer && { issuer: normalizeText(meta.issuer) }),
    ...(meta.publisher && { publisher: normalizeText(meta.publisher) }),
    ...(meta.place && { place: normalizeText(meta.place) }),
    id: file.replace(/\.md$/, ''),
    body,
  };
  // "date: unknown" says the source gives none: no warning, and answers still say the document is undated.
  const warnings = written ? [] : [`${file}: date is missing (write "date: unknown" if the source gives none); answers will say the document is undated`];
  return { document, warnings };
}

interface CorpusSources {
  sources: Array<{ file: string; source: string }>;
  /** Files that are neither documents nor lexicon tables nor expected notes. */
  skipped: string[];
  hash: string;
}

async function readCorpusSources(dir: string): Promise<CorpusSources> {
  const hash = createHash('sha256');
  const sources: Array<{ file: string; source: string }> = [];
  const files = await allFiles(dir);
  for (const file of files.filter(isCorpusFile)) {
    const source = await readFile(path.join(dir, file), 'utf8');
    hash.update(`${file}\0${source}\0`);
    sources.push({ file, source });
  }
  const skipped = files.filter((f) => !isCorpusFile(f) && !isExpected(f));
  return { sources, skipped, hash: hash.digest('hex') };
}

/** Hash of the corpus files without parsing them: cheap enough to run before every start. */
export async function hashCorpus(dir: string): Promise<string> {
  return (await readCorpusSources(dir)).hash;
}

/** Warnings for files that look like documents but are not loaded, and for the same document saved twice. */
function fileWarnings(sources: CorpusSources): string[] {
  const warnings: string[] = [];
  if (sources.skipped.length > 0) {
    warnings.push(
      `${sources.skipped.length} file(s) skipped because only .md files (lower-case extension, with front matter) are documents: ${sources.skipped.join(', ')}`,
    );
  }
  const known = new Set([GLOSSARY_FILE, SYNONYMS_FILE, ...OUT_OF_SCOPE_FILES]);
  const unknownTables = sources.sources.map((s) => s.file).filter((f) => f.startsWith(`${LEXICON_FOLDER}/`) && !isDocument(f) && !known.has(f));
  if (unknownTables.length > 0) {
    warnings.push(`${unknownTables.join(', ')} not read: the lexicon tables are ${[...known].join(', ')}`);
  }
  return warnings;
}

/** The same text saved twice, under one title or two: answers would cite it twice. */
function duplicateWarnings(documents: CorpusDocument[]): string[] {
  const byText = new Map<string, string[]>();
  for (const doc of documents) {
    const key = createHash('sha256').update(doc.body.toLowerCase()).digest('hex');
    byText.set(key, [...(byText.get(key) ?? []), `${doc.id}.md`]);
  }
  return [...byText.values()].filter((same) => same.length > 1).map((same) => `${same.join(' and ')} have the same text; answers may cite the document twice, so keep one`);
}

/** Reads and validates every document below `dir`. Throws CorpusError on the first broken file. */
export async function loadCorpus(dir: string, today: Date = new Date()): Promise<LoadedCorpus> {
  const corpusSources = await readCorpusSources(dir);
  const { sources, hash } = corpusSources;
  const documents: CorpusDocument[] = [];
  const warnings: string[] = [];
  const lexicon: Lexicon = structuredClone(EMPTY_LEXICON);
  for (const { file, source } of sources) {
    if (file === GLOSSARY_FILE) lexicon.glossary = parseTermTable(file, source);
    if (file === SYNONYMS_FILE) lexicon.synonyms = parseTermTable(file, source);
    if (OUT_OF_SCOPE_FILES.includes(file)) {
      const table = parseTermTable(file, source);
      Object.assign(lexicon.outOfScope, table);
      if (file === ABROAD_FILE) lexicon.abroad = Object.keys(table);
    }
    if (!isDocument(file)) continue;
    const parsed = parseDocument(file, source, today);
    documents.push(parsed.document);
    warnings.push(...parsed.warnings);
  }
  if (documents.length === 0) {
    throw new CorpusError(dir, 'documents', 'none found: add Markdown files with front matter (see corpus/README.md)');
  }
  warnings.push(...fileWarnings(corpusSources), ...duplicateWarnings(documents));
  return { documents, lexicon, warnings, hash };
}
