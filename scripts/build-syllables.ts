// Writes src/text/data/syllables.vi.txt: the lower-case Vietnamese syllables of the cspell Vietnamese
// dictionary (@cspell/dict-vi-vn, MIT), one per line, sorted. Usage: npm run build-syllables
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';

const require = createRequire(import.meta.url);
const trieFile = require.resolve('@cspell/dict-vi-vn/cspell-ext.json').replace(/cspell-ext\.json$/, 'vi.trie.gz');
const words = [...decodeTrie(gunzipSync(await readFile(trieFile)).toString('utf8')).words()];
// Abbreviations and names (UBND, Nguyễn) are not syllables a speller may correct towards.
const syllables = [...new Set(words.filter((w) => /^[a-zđ\u00E0-\u1EF9]+$/u.test(w)).map((w) => w.normalize('NFC')))].sort();
const out = new URL('../src/text/data/syllables.vi.txt', import.meta.url);
await writeFile(out, `${syllables.join('\n')}\n`);
console.log(`${syllables.length} syllables written to src/text/data/syllables.vi.txt`);
