// Imports official legal texts (the Legal Code's Markdown, or a plain decree or law) as corpus documents of kind `law`.
// Usage: npm run import-law -- FILE… [--out DIR] [--url URL]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError, legalCorpusFiles, type LegalCorpusFile } from '../corpus/index.ts';

const USAGE = 'Usage: npm run import-law -- FILE… [--out DIR] [--url URL]   (DIR defaults to corpus/law)';

const OPTIONS = { out: { type: 'string', default: path.join('corpus', 'law') }, url: { type: 'string' }, help: { type: 'boolean' } } as const;
let args;
try {
  args = parseArgs({ allowPositionals: true, options: OPTIONS });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const out = args.values.out;
// Corpus ids are relative to the corpus folder: "law/x" for the default corpus/law.
const folder = path.basename(path.resolve(out));
let failed = 0;
for (const input of args.positionals) {
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
    console.log(`${path.join(out, path.basename(f.file))}: ${f.title}${number}: ${f.articles} articles, ${f.clauses} clauses`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
