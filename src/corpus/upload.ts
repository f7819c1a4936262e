import { randomBytes } from 'node:crypto';
import { foldDiacritics } from '../text/normalize.ts';
import { parseArticle } from './article.ts';
import { stringifyDocument } from './front-matter.ts';
import { parseDocument } from './load.ts';

export const UPLOAD_FOLDER = 'uploads';

/** A safe file name from a title: ASCII, dashed, dated, with a random tail so two uploads never collide. */
function uploadName(title: string): string {
  const slug = foldDiacritics(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'tai-lieu';
  return `${UPLOAD_FOLDER}/${new Date().toISOString().slice(0, 10)}-${slug}-${randomBytes(3).toString('hex')}.md`;
}

/** Turns an uploaded .md or .txt into a corpus file, validated exactly like any other; throws CorpusError. */
export function documentFromUpload(fileName: string, text: string): { file: string; source: string } {
  if (fileName.toLowerCase().endsWith('.txt')) {
    const article = parseArticle(text);
    const data = Object.fromEntries(Object.entries({ title: article.title, kind: 'news', publisher: article.publisher, place: article.place, date: article.date }).filter(([, v]) => v));
    const source = stringifyDocument(data, article.body);
    const file = uploadName(article.title);
    parseDocument(file, source);
    return { file, source };
  }
  const provisional = parseDocument(`${UPLOAD_FOLDER}/${fileName}`, text);
  const file = uploadName(provisional.document.title);
  parseDocument(file, text);
  return { file, source: text };
}
