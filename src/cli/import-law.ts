// Imports official legal texts (the Legal Code's Markdown, or a plain decree or law) as corpus documents of kind `law`.
// Usage: npm run import-law -- FILE|FOLDER… [--out DIR] [--url URL]
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, legalCorpusFiles, type LegalCorpusFile } from '../corpus/index.ts';
import { readArgs } from './args.ts';

const USAGE = 'Usage: npm run import-law -- FILE|FOLDER… [--out DIR] [--url URL]   (a folder imports its .md and .txt files; DIR defaults to corpus/law)';

const args = readArgs({ allowPositionals: true, options: { out: { type: 'string', default: path.join('corpus', 'law') }, url: { type: 'string' } } }, USAGE);
if (!args) process.exit();
if (args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(2);
}

const out = args.values.out;
// Corpus ids are relative to the corpus folder: "law/x" for the default corpus/law.
const folder = path.basename(path.resolve(out));
let failed = 0;
/** The files an argument names: itself, or a folder's .md and .txt files (not its subfolders), in name order. */
async function filesOf(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => null);
  if (!info?.isDirectory()) return [input];
  const names = (await readdir(input, { withFileTypes: true })).filter((e) => e.isFile() && /\.(?:md|txt)$/i.test(e.name)).map((e) => e.name);
  if (names.length === 0) console.error(`${input}: a folder with no .md or .txt file; nothing to import`);
  return names.sort().map((name) => path.join(input, name));
}
const inputs = (await Promise.all(args.positionals.map(filesOf))).flat();
if (inputs.length === 0) failed++;
for (const input of inputs) {
  let files: LegalCorpusFile[];
  try {
    files = legalCorpusFiles(path.basename(input), await readFile(input, 'utf8'), { folder, ...(args.values.url && { url: args.values.url }) });
  } catch (error) {
    if (!(error instanceof CorpusError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.error(`${input}: ${error instanceof CorpusError ? `${error.field} ${error.reason}` : 'no such file'}`);
    failed++;
    continue;
  }
  await mkdir(out, { recursive: true });
  for (const f of files) {
    await writeFile(path.join(out, path.basename(f.file)), f.source);
    const number = f.document.number ? ` (${f.document.number})` : '';
    const link = /^url:/m.test(f.source) ? '' : ' (no link to the document: add its url with --url)';
    console.log(`${path.join(out, path.basename(f.file))}: ${f.title}${number}: ${f.articles} articles, ${f.clauses} clauses${link}`);
  }
}
// A partial import still fails the run (a script must notice), and says how much was imported.
if (failed > 0 && inputs.length > 1) console.error(`${inputs.length - failed} of ${inputs.length} files imported; the others are named above`);
process.exitCode = failed > 0 ? 1 : 0;
