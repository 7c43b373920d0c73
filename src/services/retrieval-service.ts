import type { BilingualDictionary } from '../domain/ports/bilingual-dictionary.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { DenseSearch } from '../domain/ports/dense-search.ts';
import { LexicalRetriever } from '../domain/retrieval/lexical-retriever.ts';
import { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import { Retriever } from '../domain/retrieval/retriever.ts';
import type { TokenizerMode } from '../domain/retrieval/text-tokenizer.ts';

export interface RetrievalSetup {
  tokenizerMode: TokenizerMode;
  dictionary?: BilingualDictionary;
  /** Builds the dense path over the catalog, or undefined to run lexical only. */
  dense?: (catalog: PassageCatalog) => Promise<DenseSearch | undefined>;
}

/** Loads the stored corpus into a catalog and builds the retrieval paths over it. */
export async function buildRetriever(store: ClauseStore, setup: RetrievalSetup): Promise<{ retriever: Retriever; catalog: PassageCatalog }> {
  const catalog = new PassageCatalog(store.listDocuments(), store.allPassages());
  const lexical = new LexicalRetriever(catalog, { tokenizerMode: setup.tokenizerMode, ...(setup.dictionary ? { dictionary: setup.dictionary } : {}) });
  const dense = setup.dense ? await setup.dense(catalog) : undefined;
  return { retriever: new Retriever(catalog, lexical, dense), catalog };
}
