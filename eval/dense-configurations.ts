import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDenseIndex } from '../src/adapters/hnsw/dense-index-store.ts';
import type { BilingualDictionary } from '../src/domain/ports/bilingual-dictionary.ts';
import type { ClauseStore } from '../src/domain/ports/clause-store.ts';
import { LexicalRetriever } from '../src/domain/retrieval/lexical-retriever.ts';
import { PassageCatalog } from '../src/domain/retrieval/passage-catalog.ts';
import { Retriever, type RetrievalResult, type RetrieveOptions } from '../src/domain/retrieval/retriever.ts';
import { buildRetriever } from '../src/services/retrieval-service.ts';
import { fixtureEmbedder } from '../src/test-support/fixture-model.ts';

export interface SearchConfiguration {
  name: string;
  search(question: string, options?: RetrieveOptions): Promise<RetrievalResult>;
}

/**
 * Dense-only and hybrid configurations on the committed fixture model. Its weights are random,
 * so these rows measure the plumbing (and show what fusion does with a weak dense path), not a
 * real model; point EMBEDDING_MODEL_PATH at a real model for meaningful dense figures.
 */
export async function denseConfigurations(store: ClauseStore, dictionary: BilingualDictionary): Promise<SearchConfiguration[]> {
  const directory = mkdtempSync(join(tmpdir(), 'eval-dense-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  let dense: Awaited<ReturnType<typeof openDenseIndex>>['retriever'] | undefined;
  const hybrid = await buildRetriever(store, {
    tokenizerMode: 'jieba+bigram',
    dictionary,
    dense: async (catalog) => {
      ({ retriever: dense } = await openDenseIndex(catalog, await fixtureEmbedder(), {
        directory,
        corpusHash: store.currentCorpusHash() ?? 'empty',
        parameters: { m: 16, efConstruction: 200, efSearch: 64 },
        rebuild: 'auto',
      }));
      return dense;
    },
  });
  // A lexical path over no passages, so that the dense path is measured on its own; questions are read as the server reads them.
  const noLexical = new LexicalRetriever(new PassageCatalog(hybrid.catalog.documents, []), { tokenizerMode: 'bigram', segmenter: hybrid.segmenter });
  const denseOnly = new Retriever(hybrid.catalog, noLexical, dense);
  return [
    { name: 'dense only (fixture model)', search: (question, options) => denseOnly.retrieve(hybrid.analyzer.read(question), options) },
    { name: 'hybrid jieba+bigram + fixture', search: hybrid.search },
  ];
}
