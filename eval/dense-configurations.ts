import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDenseIndex } from '../src/adapters/hnsw/dense-index-store.ts';
import type { BilingualDictionary } from '../src/domain/ports/bilingual-dictionary.ts';
import type { ClauseStore } from '../src/domain/ports/clause-store.ts';
import { LexicalRetriever } from '../src/domain/retrieval/lexical-retriever.ts';
import { PassageCatalog } from '../src/domain/retrieval/passage-catalog.ts';
import { Retriever } from '../src/domain/retrieval/retriever.ts';
import { fixtureEmbedder } from '../src/test-support/fixture-model.ts';

/**
 * Dense-only and hybrid configurations on the committed fixture model. Its weights are random,
 * so these rows measure the plumbing (and show what fusion does with a weak dense path), not a
 * real model; point EMBEDDING_MODEL_PATH at a real model for meaningful dense figures.
 */
export async function denseConfigurations(store: ClauseStore, dictionary: BilingualDictionary): Promise<{ name: string; retriever: Retriever }[]> {
  const catalog = new PassageCatalog(store.listDocuments(), store.allPassages());
  const directory = mkdtempSync(join(tmpdir(), 'eval-dense-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  const { retriever: dense } = await openDenseIndex(catalog, await fixtureEmbedder(), {
    directory,
    corpusHash: store.currentCorpusHash() ?? 'empty',
    parameters: { m: 16, efConstruction: 200, efSearch: 64 },
    rebuild: 'auto',
  });
  const lexical = new LexicalRetriever(catalog, { tokenizerMode: 'jieba+bigram', dictionary });
  // A lexical path over no passages, so that the dense path is measured on its own.
  const noLexical = new LexicalRetriever(new PassageCatalog(catalog.documents, []), { tokenizerMode: 'bigram' });
  return [
    { name: 'dense only (fixture model)', retriever: new Retriever(catalog, noLexical, dense) },
    { name: 'hybrid jieba+bigram + fixture', retriever: new Retriever(catalog, lexical, dense) },
  ];
}
