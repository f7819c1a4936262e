export { parseArticle, type ParsedArticle } from './article.ts';
export { chunkDocument, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunk.ts';
export { cleanBody } from './clean.ts';
export { CorpusError, CorpusFolderError } from './errors.ts';
export { normalizeSource, splitFrontMatter, stringifyDocument } from './front-matter.ts';
export { EMPTY_LEXICON, parseTermTable, type Lexicon } from './lexicon.ts';
export { corpusFiles, hashCorpus, LEXICON_FOLDER, loadCorpus, parseDocument, type LoadedCorpus } from './load.ts';
export { DOCUMENT_KINDS, frontMatterSchema, latestDocumentDate, MAX_YEARS_AHEAD, type CorpusDocument, type DocumentKind, type FrontMatter, type Passage, type PassageLaw } from './schema.ts';
export { documentFromUpload, UPLOAD_FOLDER } from './upload.ts';
