import { randomBytes } from 'node:crypto';
import { foldDiacritics } from '../text/normalize.ts';
import { parseArticle } from './article.ts';
import { normalizeSource, parseFrontMatter, splitFrontMatter, stringifyDocument } from './front-matter.ts';
import { legalCorpusFiles, parseLegalText } from './law.ts';
import { parseDocument } from './load.ts';

export const UPLOAD_FOLDER = 'uploads';

/** A safe file name from a title: ASCII, dashed, dated, with a random tail so two uploads never collide. */
function uploadName(title: string): string {
  const slug = foldDiacritics(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'tai-lieu';
  return `${UPLOAD_FOLDER}/${new Date().toISOString().slice(0, 10)}-${slug}-${randomBytes(3).toString('hex')}.md`;
}

/** True when the text opens with front matter of ours (it names a `kind`), which makes it a corpus file already. */
function hasCorpusFrontMatter(text: string): boolean {
  const { yaml } = splitFrontMatter(normalizeSource(text));
  if (yaml === null) return false;
  try {
    const data = parseFrontMatter(yaml);
    return typeof data === 'object' && data !== null && 'kind' in data;
  } catch {
    return false;
  }
}

/**
 * True for official legal text: articles "Điều N." (two at least, or one under the Legal Code's
 * heading, so a news story quoting one article is still news) and no front matter of ours.
 */
export function isLegalText(text: string): boolean {
  if (hasCorpusFrontMatter(text)) return false;
  const parsed = parseLegalText(text);
  const articles = parsed.documents.reduce((n, d) => n + d.articles.length, 0);
  return articles >= 2 || (articles === 1 && parsed.layout === 'code');
}

/**
 * Turns an uploaded .md or .txt into corpus files, validated exactly like any other; throws CorpusError.
 * Official legal text becomes one `law` document per legal document it holds (a Code topic can hold a
 * law and resolutions), named after its number so a new upload of the same law replaces the old one;
 * anything else becomes one file.
 */
export function documentsFromUpload(fileName: string, text: string): Array<{ file: string; source: string }> {
  if (isLegalText(text)) return legalCorpusFiles(fileName, text, { folder: UPLOAD_FOLDER }).map(({ file, source }) => ({ file, source }));
  if (fileName.toLowerCase().endsWith('.txt')) {
    const article = parseArticle(text);
    const data = Object.fromEntries(Object.entries({ title: article.title, kind: 'news', publisher: article.publisher, place: article.place, date: article.date }).filter(([, v]) => v));
    const source = stringifyDocument(data, article.body);
    const file = uploadName(article.title);
    parseDocument(file, source);
    return [{ file, source }];
  }
  const provisional = parseDocument(`${UPLOAD_FOLDER}/${fileName}`, text);
  const file = uploadName(provisional.document.title);
  parseDocument(file, text);
  return [{ file, source: text }];
}

