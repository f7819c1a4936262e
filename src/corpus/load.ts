import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { normalizeText } from '../text/normalize.ts';
import { cleanBody } from './clean.ts';
import { CorpusError } from './errors.ts';
import { EMPTY_LEXICON, parseTermTable, type Lexicon } from './lexicon.ts';
import { frontMatterSchema, type CorpusDocument } from './schema.ts';


export interface LoadedCorpus {
  documents: CorpusDocument[];
  lexicon: Lexicon;
  /** Non-fatal remarks, e.g. a document without a date. */
  warnings: string[];
  /** Hash of every file the index depends on, to tell when it is stale. */
  hash: string;
}

// Folder of data files (glossary, synonyms) that live beside the documents.
export const LEXICON_FOLDER = 'lexicon';
const GLOSSARY_FILE = `${LEXICON_FOLDER}/glossary.en-vi.tsv`;
const SYNONYMS_FILE = `${LEXICON_FOLDER}/synonyms.vi.tsv`;
const OUT_OF_SCOPE_FILES = [`${LEXICON_FOLDER}/foreign.tsv`, `${LEXICON_FOLDER}/other-topics.tsv`];

/** Relative paths of the files below `dir` that make up the corpus, sorted. */
export async function corpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => (rel.endsWith('.md') && path.basename(rel) !== 'README.md') || rel.startsWith(`${LEXICON_FOLDER}/`))
    .sort();
}

/** Parses one corpus file's text; `file` is its path below the corpus folder. */
export function parseDocument(file: string, source: string): { document: CorpusDocument; warnings: string[] } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // The YAML core schema keeps dates as text, so "2021-13-45" is rejected instead of rolling over to 2022.
    // Passing options also disables gray-matter's content cache, which would keep every file in memory.
    parsed = matter(source, { engines: { yaml: (text: string) => (YAML.parse(text, { schema: 'core' }) ?? {}) as object } });
  } catch (error) {
    throw new CorpusError(file, 'front matter', `is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (Object.keys(parsed.data).length === 0) {
    throw new CorpusError(file, 'front matter', 'is missing: start the file with a --- block holding at least title and kind');
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'front matter';
    const reason = issue?.code === 'unrecognized_keys' ? `has unknown field(s): ${issue.keys.join(', ')}` : (issue?.message ?? 'is invalid');
    throw new CorpusError(file, issue?.code === 'unrecognized_keys' ? 'front matter' : field, reason);
  }
  const body = cleanBody(parsed.content);
  if (!body) throw new CorpusError(file, 'body', 'is empty');
  const meta = result.data;
  const document: CorpusDocument = {
    ...meta,
    title: normalizeText(meta.title),
    ...(meta.issuer && { issuer: normalizeText(meta.issuer) }),
    ...(meta.publisher && { publisher: normalizeText(meta.publisher) }),
    ...(meta.place && { place: normalizeText(meta.place) }),
    id: file.replace(/\.md$/, ''),
    body,
  };
  const warnings = meta.date ? [] : [`${file}: date is missing; answers will say the document is undated`];
  return { document, warnings };
}

async function readCorpusSources(dir: string): Promise<{ sources: Array<{ file: string; source: string }>; hash: string }> {
  const hash = createHash('sha256');
  const sources: Array<{ file: string; source: string }> = [];
  for (const file of await corpusFiles(dir)) {
    const source = await readFile(path.join(dir, file), 'utf8');
    hash.update(`${file}\0${source}\0`);
    sources.push({ file, source });
  }
  return { sources, hash: hash.digest('hex') };
}

/** Hash of the corpus files without parsing them: cheap enough to run before every start. */
export async function hashCorpus(dir: string): Promise<string> {
  return (await readCorpusSources(dir)).hash;
}

/** Reads and validates every document below `dir`. Throws CorpusError on the first broken file. */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const { sources, hash } = await readCorpusSources(dir);
  const documents: CorpusDocument[] = [];
  const warnings: string[] = [];
  const lexicon: Lexicon = structuredClone(EMPTY_LEXICON);
  for (const { file, source } of sources) {
    if (file === GLOSSARY_FILE) lexicon.glossary = parseTermTable(file, source);
    if (file === SYNONYMS_FILE) lexicon.synonyms = parseTermTable(file, source);
    if (OUT_OF_SCOPE_FILES.includes(file)) Object.assign(lexicon.outOfScope, parseTermTable(file, source));
    if (!file.endsWith('.md')) continue;
    const parsed = parseDocument(file, source);
    documents.push(parsed.document);
    warnings.push(...parsed.warnings);
  }
  if (documents.length === 0) {
    throw new CorpusError(dir, 'documents', 'none found: add Markdown files with front matter (see corpus/README.md)');
  }
  return { documents, lexicon, warnings, hash };
}
