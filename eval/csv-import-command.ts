/**
 * npm run eval:import-csv -- questions.csv [--out eval/sets/questions.jsonl]
 * Columns: question, expected answer, gold clause (optional: id, language, kind). See eval/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { evalItemSchema } from './eval-set.ts';
import { importCsv } from './csv-import.ts';
import { seedStore } from './seed-store.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const input = positionals[0];
if (!input) {
  process.stderr.write('usage: npm run eval:import-csv -- questions.csv [--out eval/sets/questions.jsonl]\n');
  process.exit(2);
}
const prefix = basename(input).replace(/\.csv$/iu, '');
const out = values.out ?? `eval/sets/${prefix}.jsonl`;
const store = seedStore();
const { items, warnings } = importCsv(readFileSync(input, 'utf8'), prefix, (clauseId) => {
  const [clause] = store.getClauses([clauseId]);
  return clause ? `${clause.normalizedText}\n${clause.units.map((unit) => unit.name).join('、')}` : undefined;
});
for (const item of items) evalItemSchema.parse(item);
writeFileSync(out, items.map((item) => JSON.stringify(item)).join('\n') + '\n');
for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
console.log(`${items.length} items written to ${out}; run npm test to validate them, then npm run eval -- --set ${out}`);
