/**
 * npm run fit:alignment [-- --dry-run]
 * Chooses the thresholds of clause alignment (src/domain/corpus/clause-alignment.ts) on the pairs
 * checked by hand (src/domain/corpus/clause-alignment.fixture.json) and writes them, with what they
 * were fitted on, into src/domain/answer-policy.json. A wrong "corresponds to" misleads a reader who
 * checks local implementation, a missing one only loses a link: precision weighs twice recall (F0.5).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { accepted, candidateAlignments, type AlignmentCandidate, type AlignmentPolicy } from '../src/domain/corpus/clause-alignment.ts';
import { plainChineseSegmenter } from '../src/domain/text/chinese-segmenter.ts';
import { seedCorpus } from '../src/test-support/seed-files.ts';
import { printTable } from '../eval/report-table.ts';
import fixture from '../src/domain/corpus/clause-alignment.fixture.json' with { type: 'json' };

const POLICY_PATH = fileURLToPath(new URL('../src/domain/answer-policy.json', import.meta.url));
const BETA = 0.5;

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const corpus = seedCorpus();
const national = new Set(corpus.documents.filter((document) => document.level === 'national').map((document) => document.id));
const candidates = candidateAlignments(corpus.documents, plainChineseSegmenter()).filter((candidate) => national.has(candidate.otherDocumentId));
const byClause = new Map(candidates.map((candidate) => [candidate.clauseId, candidate]));

interface Counts { truePositive: number; falsePositive: number; falseNegative: number }

function score(policy: AlignmentPolicy, relation: AlignmentCandidate['relation']): Counts {
  const counts: Counts = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  for (const pair of fixture.pairs.filter((each) => each.relation === relation)) {
    const candidate = byClause.get(pair.clause);
    const predicted = candidate && accepted(candidate, policy) ? candidate.otherClauseId : null;
    if (predicted !== null && predicted === pair.national) counts.truePositive += 1;
    else {
      if (predicted !== null) counts.falsePositive += 1;
      if (pair.national !== null) counts.falseNegative += 1;
    }
  }
  return counts;
}

function fScore({ truePositive, falsePositive, falseNegative }: Counts): number {
  const precision = truePositive / Math.max(1, truePositive + falsePositive);
  const recall = truePositive / Math.max(1, truePositive + falseNegative);
  return precision + recall === 0 ? 0 : ((1 + BETA ** 2) * precision * recall) / (BETA ** 2 * precision + recall);
}

const grid = Array.from({ length: 41 }, (_, index) => (index + 10) / 100);
// The middle of the thresholds that reach the best score: the most margin both ways.
const best = <T,>(items: T[], value: (item: T) => number): T => {
  const top = Math.max(...items.map(value));
  const plateau = items.filter((item) => value(item) === top);
  return plateau[Math.floor(plateau.length / 2)]!;
};
const implementsScore = best(grid, (threshold) => fScore(score({ implementsScore: threshold, correspondsScore: 1, correspondsWhole: 1 }, 'implements')));
const pairs = grid.flatMap((correspondsScore) => grid.map((correspondsWhole) => ({ correspondsScore, correspondsWhole })));
const corresponds = best(pairs, (pair) => fScore(score({ implementsScore, ...pair }, 'corresponds')));
const policy: AlignmentPolicy = { implementsScore, ...corresponds };

const rows = (['implements', 'corresponds'] as const).map((relation) => {
  const counts = score(policy, relation);
  const pairsOf = fixture.pairs.filter((pair) => pair.relation === relation);
  return {
    relation,
    clauses: String(pairsOf.length),
    'with counterpart': String(pairsOf.filter((pair) => pair.national !== null).length),
    precision: (counts.truePositive / Math.max(1, counts.truePositive + counts.falsePositive)).toFixed(3),
    recall: (counts.truePositive / Math.max(1, counts.truePositive + counts.falseNegative)).toFixed(3),
  };
});
printTable(Object.keys(rows[0]!), rows.map((row) => Object.values(row)));
console.log(`\nthresholds: ${JSON.stringify(policy)}`);

if (!values['dry-run']) {
  const file = JSON.parse(readFileSync(POLICY_PATH, 'utf8'));
  const summary = rows.map((row) => `${row.relation} precision ${row.precision} recall ${row.recall} (${row['with counterpart']} of ${row.clauses} clauses have one)`).join('; ');
  file.ingest.alignment = {
    value: policy,
    fittedOn: `npm run fit:alignment: the ${fixture.pairs.length} local clauses of src/domain/corpus/clause-alignment.fixture.json, checked by hand against the national plan; F${BETA} (precision weighs twice recall), the middle of the thresholds that reach the best score: ${summary}`,
  };
  writeFileSync(POLICY_PATH, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`written to ${POLICY_PATH.replace(/.*\/src\//u, 'src/')}`);
}
