/**
 * npm run build:gazetteer [-- --check]
 * Writes src/domain/places/gazetteer.json (see scripts/gazetteer/gazetteer-source.ts). --check fails
 * when the committed file differs from what its source data gives, so it cannot drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildGazetteerText, GAZETTEER_PATH } from './gazetteer/gazetteer-source.ts';

const text = buildGazetteerText();
const count = (text.match(/^    \[/gmu) ?? []).length;
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
if (values.check) {
  if (readFileSync(GAZETTEER_PATH, 'utf8') !== text) {
    console.error('src/domain/places/gazetteer.json differs from its source data; run npm run build:gazetteer and commit the result.');
    process.exit(1);
  }
  console.log(`gazetteer up to date: ${count} places`);
} else {
  writeFileSync(GAZETTEER_PATH, text);
  console.log(`wrote ${count} places to src/domain/places/gazetteer.json`);
}
