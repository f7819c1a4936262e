export { parseArticle, type ParsedArticle } from './article.ts';
export { chunkDocument, DEFAULT_CHUNK_OPTIONS, isArticledLaw, type ChunkOptions } from './chunk.ts';
export { cleanBody } from './clean.ts';
export { CorpusError, CorpusFolderError } from './errors.ts';
export { normalizeSource, splitFrontMatter, stringifyDocument } from './front-matter.ts';
export { EMPTY_LEXICON, parseTermTable, type Lexicon } from './lexicon.ts';
export { corpusFiles, hashCorpus, LEXICON_FOLDER, loadCorpus, parseDocument, type LoadedCorpus } from './load.ts';
export { DOCUMENT_KINDS, frontMatterSchema, latestDocumentDate, MAX_YEARS_AHEAD, type CorpusDocument, type DocumentKind, type FrontMatter, type Passage, type PassageLaw } from './schema.ts';
export { documentsFromUpload, isLegalText, UPLOAD_FOLDER } from './upload.ts';
export {
  clauseCount,
  GAZETTE_URL,
  LEGAL_CODE_URL,
  legalBody,
  legalCorpusFiles,
  legalDocumentTitle,
  legalFrontMatter,
  parseLegalText,
  type LegalArticle,
  type LegalCorpusFile,
  type LegalDocument,
  type LegalParagraph,
  type ParsedLegalText,
} from './law.ts';
