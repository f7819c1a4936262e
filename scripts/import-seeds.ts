// Imports the seed news articles (plain text copied from news sites) into corpus/news/ as Markdown.
// Usage: npm run import-seeds -- [seedDir] [corpusDir]
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArticle, parseDocument, stringifyDocument } from '../src/corpus/index.ts';
import { foldDiacritics } from '../src/text/normalize.ts';

// What the text implies but does not state in a form parseArticle reads, with the evidence.
const HINTS: Record<string, Record<string, string>> = {
  // Organised by the provincial election committee, as the lead says.
  '001_6ae9fade7c011aa1.txt': { issuer: 'Ủy ban bầu cử tỉnh Lạng Sơn' },
  // "Chiều 24/10" in the lead, "quý 3/2024" in the title; Hồng Dân and Vĩnh Lợi are districts of Bạc Liêu.
  '003_b5454957d71063fe.txt': { date: '2024-10-24', place: 'Bạc Liêu' },
};

function slug(text: string): string {
  return foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-');
}

const seedDir = process.argv[2] ?? '../shared/seeds';
const corpusDir = process.argv[3] ?? 'corpus';
await mkdir(path.join(corpusDir, 'news'), { recursive: true });
for (const name of (await readdir(seedDir)).filter((f) => f.endsWith('.txt')).sort()) {
  const article = parseArticle(await readFile(path.join(seedDir, name), 'utf8'));
  const meta: Record<string, string | undefined> & { title: string } = { ...article, ...HINTS[name] };
  const data = Object.fromEntries(
    Object.entries({ title: meta.title, kind: 'news', issuer: meta.issuer, publisher: meta.publisher, place: meta.place, date: meta.date }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const file = `news/${meta.date ?? 'undated'}-${slug(meta.title)}.md`;
  const text = stringifyDocument(data, article.body);
  parseDocument(file, text);
  await writeFile(path.join(corpusDir, file), text);
  console.log(`${name} -> ${file}`);
}
