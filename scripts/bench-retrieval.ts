/**
 * npm run bench:retrieval [-- --sizes 10000,100000] [--lexical-only]
 * Query latency (p50/p95) of the lexical, dense (fixture model) and hybrid paths, build times
 * and peak memory, on the seeds and on synthetic corpora made from them. Each size runs in its
 * own process so that peak memory belongs to that size alone. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { englishChineseDictionary } from '../src/adapters/dictionary/english-chinese-dictionary.ts';
import { openDenseIndex } from '../src/adapters/hnsw/dense-index-store.ts';
import { PassageCatalog } from '../src/domain/retrieval/passage-catalog.ts';
import { PassageTokenCache } from '../src/domain/retrieval/passage-token-cache.ts';
import { SegmenterVocabulary } from '../src/domain/text/chinese-segmenter.ts';
import { buildRetrievalOver } from '../src/services/retrieval-service.ts';
import { fixtureEmbedder } from '../src/test-support/fixture-model.ts';
import { loadEvalSet } from '../eval/eval-set.ts';
import { seedStore } from '../eval/seed-store.ts';
import { latency, peakResidentMiB, retainedMemory, runEachSizeInChild } from './bench-support.ts';
import { synthesizeClauses } from './synthetic-clauses.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '0,10000,100000' }, child: { type: 'string' }, repeat: { type: 'string', default: '3' }, 'lexical-only': { type: 'boolean', default: false } } });

if (values.child === undefined) {
  runEachSizeInChild(fileURLToPath(import.meta.url), values.sizes!.split(',').map(Number), ['--repeat', values.repeat!, ...(values['lexical-only'] ? ['--lexical-only'] : [])]);
} else {
  console.log(JSON.stringify(await measure(Number(values.child), Number(values.repeat), values['lexical-only']!)));
}

async function measure(size: number, repeat: number, lexicalOnly: boolean): Promise<Record<string, string>> {
  const store = seedStore();
  const seedPassages = store.allPassages();
  const documents = store.listDocuments();
  const passages = size === 0 ? seedPassages : synthesizeClauses(seedPassages, size);
  const catalog = new PassageCatalog(documents, passages);
  const dictionary = englishChineseDictionary();

  // Lexical build: the index and the question analyzer over the corpus, as the server builds them,
  // with the jieba and the token cache it keeps for the next library change.
  const vocabulary = new SegmenterVocabulary();
  const tokenCache = new PassageTokenCache(vocabulary);
  let started = performance.now();
  let lexical = await buildRetrievalOver(catalog, { tokenizerMode: 'jieba+bigram', dictionary, vocabulary, tokenCache });
  const lexicalBuild = performance.now() - started;
  const retained = await retainedMemory();
  const buildPeak = peakResidentMiB();
  // A library change that keeps every passage (an upload is this plus the new document's own clauses).
  started = performance.now();
  lexical = await buildRetrievalOver(catalog, { tokenizerMode: 'jieba+bigram', dictionary, vocabulary, tokenCache });
  const lexicalRebuild = performance.now() - started;
  const afterRebuild = await retainedMemory();

  const questions = loadEvalSet(fileURLToPath(new URL('../eval/sets/dev.jsonl', import.meta.url))).map((item) => item.question);
  const time = (query: (question: string) => Promise<unknown>) => latency(questions, repeat, query);
  await time((question) => lexical.search(question)); // warm-up
  const corpus = size === 0 ? `seeds (${passages.length})` : `synthetic ${passages.length}`;
  const lexicalLatency = await time((question) => lexical.search(question));
  if (lexicalOnly) {
    store.close();
    return {
      corpus, 'lexical p50/p95 ms': lexicalLatency, 'lexical build / rebuild s': `${(lexicalBuild / 1000).toFixed(1)} / ${(lexicalRebuild / 1000).toFixed(1)}`,
      'heap / typed arrays after build MiB': `${retained.heap} / ${retained.external}`, 'RSS after build / rebuild MiB': `${retained.rss} / ${afterRebuild.rss}`, 'heap / typed arrays after rebuild MiB': `${afterRebuild.heap} / ${afterRebuild.external}`, 'peak RSS build / rebuild MiB': `${buildPeak} / ${peakResidentMiB()}`,
    };
  }

  const directory = mkdtempSync(join(tmpdir(), 'bench-dense-'));
  let denseBuild = 0;
  let dense: Awaited<ReturnType<typeof openDenseIndex>>['retriever'] | undefined;
  const hybrid = await buildRetrievalOver(catalog, {
    tokenizerMode: 'jieba+bigram',
    dictionary,
    vocabulary,
    tokenCache,
    dense: async (passageCatalog) => {
      started = performance.now();
      ({ retriever: dense } = await openDenseIndex(passageCatalog, await fixtureEmbedder(), {
        directory, corpusHash: `synthetic-${size}`, parameters: { m: 16, efConstruction: 100, efSearch: 64 }, rebuild: 'auto',
      }));
      denseBuild = performance.now() - started;
      return dense;
    },
  });
  rmSync(directory, { recursive: true, force: true });

  const result = {
    corpus,
    'lexical p50/p95 ms': lexicalLatency,
    'dense p50/p95 ms': await time((question) => dense!.search(question, 30)),
    'hybrid p50/p95 ms': await time((question) => hybrid.search(question)),
    'lexical build / rebuild s': `${(lexicalBuild / 1000).toFixed(1)} / ${(lexicalRebuild / 1000).toFixed(1)}`,
    'dense build s': (denseBuild / 1000).toFixed(1),
    'peak RSS MiB': peakResidentMiB(),
  };
  store.close();
  return result;
}
