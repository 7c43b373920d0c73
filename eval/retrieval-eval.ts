/**
 * npm run eval:retrieval [-- --set eval/sets/dev.jsonl] [--misses]
 * Recall@1, recall@5 and MRR by clause id, per language and per retrieval path.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { englishChineseDictionary } from '../src/adapters/dictionary/english-chinese-dictionary.ts';
import type { TokenizerMode } from '../src/domain/retrieval/text-tokenizer.ts';
import { buildRetriever } from '../src/services/retrieval-service.ts';
import { loadEvalSet, type EvalItem } from './eval-set.ts';
import { printTable } from './report-table.ts';
import { groupBy, retrievalMetrics, type RankedOutcome } from './retrieval-metrics.ts';
import { seedStore } from './seed-store.ts';
import { denseConfigurations, type SearchConfiguration } from './dense-configurations.ts';
import { buildNewcomerBaseline } from './newcomer-baseline.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: fileURLToPath(new URL('./sets/dev.jsonl', import.meta.url)) },
    misses: { type: 'boolean', default: false },
  },
});

const items = loadEvalSet(values.set!).filter((item) => item.gold.length > 0 && !item.expectNotFound);
const store = seedStore();
const dictionary = englishChineseDictionary();

const configurations: SearchConfiguration[] = [];
for (const mode of ['jieba', 'bigram', 'jieba+bigram'] as TokenizerMode[]) {
  configurations.push({ name: `lexical ${mode}`, search: (await buildRetriever(store, { tokenizerMode: mode, dictionary })).search });
}
configurations.push({ name: 'lexical jieba, no CC-CEDICT', search: (await buildRetriever(store, { tokenizerMode: 'jieba' })).search });
for (const dense of await denseConfigurations(store, dictionary)) configurations.push(dense);

console.log(`${items.length} answerable questions from ${values.set}\n`);
const header = ['configuration', 'language', 'n', 'recall@1', 'recall@5', 'MRR'];
const rows: string[][] = [];
for (const { name, search } of configurations) {
  const outcomes: (RankedOutcome & { item: EvalItem })[] = [];
  for (const item of items) {
    const result = await search(item.question, { limit: 10 });
    outcomes.push({ item, group: item.language, gold: item.gold, ranked: result.hits.map((hit) => hit.clause.id) });
  }
  const groups = [['all', outcomes], ['zh (Simplified + Traditional)', outcomes.filter((outcome) => outcome.group !== 'en')], ...groupBy(outcomes, (outcome) => outcome.group)] as [string, RankedOutcome[]][];
  for (const [group, list] of groups) {
    const metrics = retrievalMetrics(list);
    rows.push([name, group, String(metrics.count), metrics.recallAt1.toFixed(3), metrics.recallAt5.toFixed(3), metrics.mrr.toFixed(3)]);
  }
  if (values.misses) {
    for (const outcome of outcomes) {
      const rank = outcome.ranked.findIndex((id) => outcome.gold.includes(id));
      if (rank !== 0) console.log(`  [${name}] ${outcome.item.id} rank ${rank === -1 ? 'miss' : rank + 1}: ${outcome.item.question} → ${outcome.ranked.slice(0, 3).join(', ')} (gold ${outcome.gold.join(', ')})`);
    }
  }
}
// The newcomer's pipeline ranks chunks, not clauses: a rank is a chunk's, and it finds the gold
// clause when it overlaps it.
const newcomer = await buildNewcomerBaseline(store.allPassages());
const newcomerOutcomes: RankedOutcome[] = items.map((item) => ({
  group: item.language,
  gold: item.gold,
  ranked: newcomer.rankChunks(item.question, 10).map((clauseIds, rank) => clauseIds.find((id) => item.gold.includes(id)) ?? `chunk-${rank}`),
}));
const newcomerName = `newcomer: 500-char chunks + jieba BM25 (${newcomer.chunkCount} chunks)`;
for (const [group, list] of [['all', newcomerOutcomes], ['zh (Simplified + Traditional)', newcomerOutcomes.filter((outcome) => outcome.group !== 'en')], ...groupBy(newcomerOutcomes, (outcome) => outcome.group)] as [string, RankedOutcome[]][]) {
  const metrics = retrievalMetrics(list);
  rows.push([newcomerName, group, String(metrics.count), metrics.recallAt1.toFixed(3), metrics.recallAt5.toFixed(3), metrics.mrr.toFixed(3)]);
}
printTable(header, rows);
store.close();
