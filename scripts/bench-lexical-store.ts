/**
 * npm run bench:lexical-store [-- --sizes 0,10000,100000]
 * The lexical index, in memory (src/domain/retrieval/bm25-index.ts, what the server uses) against
 * SQLite FTS5 fed the same tokens: build time, query latency (p50/p95, the same term lists for
 * both, tokenisation excluded) and, on the seeds, recall@1/@5 of each index's own ranking on the
 * dev set. Each size runs in its own process. Prints figures; asserts nothing.
 *
 * FTS5 gets every advantage: an in-memory database, the question already tokenised, no scope
 * filter. Its bm25() sums per-column BM25 instead of BM25F and cannot weight query terms, so
 * English questions lose the glossary-versus-dictionary weights.
 */
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { englishChineseDictionary } from '../src/adapters/dictionary/english-chinese-dictionary.ts';
import { normalizeText } from '../src/domain/corpus/text-normalizer.ts';
import type { StoredClause } from '../src/domain/ports/clause-store.ts';
import type { WeightedTerm } from '../src/domain/retrieval/bm25-index.ts';
import { PassageCatalog } from '../src/domain/retrieval/passage-catalog.ts';
import { buildRetrievalOver } from '../src/services/retrieval-service.ts';
import { LexicalRetriever } from '../src/domain/retrieval/lexical-retriever.ts';
import { loadEvalSet } from '../eval/eval-set.ts';
import { retrievalMetrics } from '../eval/retrieval-metrics.ts';
import { seedStore } from '../eval/seed-store.ts';
import { latency, runEachSizeInChild } from './bench-support.ts';
import { synthesizeClauses } from './synthetic-clauses.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '0,10000,100000' }, child: { type: 'string' }, repeat: { type: 'string', default: '3' } } });

if (values.child === undefined) {
  runEachSizeInChild(fileURLToPath(import.meta.url), values.sizes!.split(',').map(Number), ['--repeat', values.repeat!]);
} else {
  console.log(JSON.stringify(await measure(Number(values.child), Number(values.repeat))));
}

async function measure(size: number, repeat: number): Promise<Record<string, string>[]> {
  const store = seedStore();
  const documents = store.listDocuments();
  const seedPassages = store.allPassages();
  const passages = size === 0 ? seedPassages : synthesizeClauses(seedPassages, size);
  const catalog = new PassageCatalog(documents, passages);
  const corpus = size === 0 ? `seeds (${passages.length})` : `synthetic ${passages.length}`;

  const { analyzer, segmenter } = await buildRetrievalOver(catalog, { tokenizerMode: 'jieba+bigram', dictionary: englishChineseDictionary() });
  let started = performance.now();
  const lexical = new LexicalRetriever(catalog, { tokenizerMode: 'jieba+bigram', segmenter });
  const memoryBuild = performance.now() - started;

  started = performance.now();
  const fts = buildFts5(passages, (text) => lexical.tokenize(text));
  const ftsBuild = performance.now() - started;

  const items = loadEvalSet(fileURLToPath(new URL('../eval/sets/dev.jsonl', import.meta.url))).filter((item) => item.gold.length > 0 && !item.expectNotFound);
  const queries = items.map((item) => {
    const analyzed = analyzer.read(item.question);
    return { item, analyzed, terms: lexical.search(analyzed, 30).terms };
  });
  const clauseIdAt = (index: number) => catalog.passages[index]!.clause.id;

  type Query = (typeof queries)[number];
  const time = async (search: (query: Query) => unknown) => {
    await latency(queries, 1, search); // warm-up
    return latency(queries, repeat, search);
  };
  // Each index's own ranking, without the retriever's re-ranking: what the index itself is worth.
  const recall = (rank: (query: Query) => string[]) => {
    if (size !== 0) return '–';
    const metrics = retrievalMetrics(queries.map((query) => ({ group: query.item.language, gold: query.item.gold, ranked: rank(query) })));
    return `${metrics.recallAt1.toFixed(3)} / ${metrics.recallAt5.toFixed(3)}`;
  };

  const rows = [
    {
      corpus,
      index: 'in memory (BM25F, MaxScore)',
      'build s': (memoryBuild / 1000).toFixed(1),
      'search p50/p95 ms': await time((query) => lexical.search(query.analyzed, 30)),
      'recall@1/@5 (own ranking)': recall((query) => lexical.search(query.analyzed, 30).hits.map((hit) => clauseIdAt(hit.index))),
    },
    {
      corpus,
      index: 'SQLite FTS5 (bm25, :memory:)',
      'build s': (ftsBuild / 1000).toFixed(1),
      'search p50/p95 ms': await time((query) => fts.search(query.terms, 30)),
      'recall@1/@5 (own ranking)': recall((query) => fts.search(query.terms, 30).map((row) => clauseIdAt(row - 1))),
    },
  ];
  fts.close();
  store.close();
  return rows;
}

/** FTS5 over the same four fields and the same tokens the in-memory index gets. */
function buildFts5(passages: StoredClause[], tokenize: (text: string) => string[]) {
  // The ascii tokenizer splits only at ASCII separators, so Chinese tokens pass through whole; the
  // bigram marker ~ is ASCII, so it becomes a non-ASCII one.
  const field = (text: string) => tokenize(text).map(asFtsToken).join(' ');
  const database = new Database(':memory:');
  database.exec("CREATE VIRTUAL TABLE passages USING fts5(heading, section, body, units, tokenize = 'ascii')");
  const insert = database.prepare('INSERT INTO passages (rowid, heading, section, body, units) VALUES (?, ?, ?, ?, ?)');
  database.transaction(() => {
    passages.forEach((clause, index) => {
      insert.run(index + 1, field(normalizeText(clause.heading ?? '')), field(normalizeText(clause.sectionHeading ?? '')), field(clause.normalizedText), field(clause.units.map((unit) => unit.name).join(' ')));
    });
  })();
  const query = database.prepare('SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages, 2, 0.5, 1, 1.5) LIMIT ?').pluck();
  return {
    search: (terms: WeightedTerm[], limit: number): number[] => {
      const expression = [...new Set(terms.map((term) => asFtsToken(term.term)))].map((token) => `"${token}"`).join(' OR ');
      return expression === '' ? [] : (query.all(expression, limit) as number[]);
    },
    close: () => database.close(),
  };
}

function asFtsToken(token: string): string {
  return token.replace(/^~/u, '〜').replace(/"/gu, '');
}
