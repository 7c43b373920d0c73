import { SegmenterVocabulary } from '../domain/text/chinese-segmenter.ts';
import { PassageTokenCache } from '../domain/retrieval/passage-token-cache.ts';
import { OpenAICompatibleEmbedder } from '../adapters/openai/openai-compatible-embedder.ts';
import { englishChineseDictionary } from '../adapters/dictionary/english-chinese-dictionary.ts';
import { IndexMismatchError, openDenseIndex } from '../adapters/hnsw/dense-index-store.ts';
import { ModelUnavailableError, TransformersEmbedder, modelProfile } from '../adapters/transformers/transformers-embedder.ts';
import type { AppConfig } from '../config.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { DenseSearch } from '../domain/ports/dense-search.ts';
import type { Embedder } from '../domain/ports/embedder.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import type { RetrievalStatus } from '../domain/retrieval/retrieval-status.ts';
import type { Logger } from '../logger.ts';
import { buildRetriever, type RetrievalComponents } from '../services/retrieval-service.ts';


export class RetrievalSetupError extends Error {
  override name = 'RetrievalSetupError';
}

/**
 * Part of the composition root: chooses the retrieval adapters from the configuration. With
 * EMBEDDINGS=auto a missing model leaves the lexical path alone, said plainly; with
 * EMBEDDINGS=transformers it stops start-up instead.
 */
/** What rebuilds of retrieval share: the embedding model is loaded once, not on every library change. */
export interface RetrievalCache {
  embedder?: Promise<Embedder>;
  /** jieba with the corpus's words, grown on each change rather than loaded again. */
  vocabulary?: SegmenterVocabulary;
  tokenCache?: PassageTokenCache;
}

export async function setUpRetrieval(config: AppConfig, store: ClauseStore, logger: Logger, cache: RetrievalCache = {}): Promise<RetrievalComponents & { status: RetrievalStatus }> {
  const dictionary = config.useEnglishDictionaries ? englishChineseDictionary() : undefined;
  // Set from inside the dense factory below, which runs while the retriever is built.
  const state: { dense: RetrievalStatus['dense'] } = { dense: { active: false, reason: 'EMBEDDINGS=off' } };
  cache.vocabulary ??= new SegmenterVocabulary();
  cache.tokenCache ??= new PassageTokenCache(cache.vocabulary);
  const components = await buildRetriever(store, {
    tokenizerMode: config.tokenizer,
    vocabulary: cache.vocabulary,
    tokenCache: cache.tokenCache,
    ...(dictionary ? { dictionary } : {}),
    ...(config.embeddings.mode === 'off'
      ? {}
      : {
          dense: async (passageCatalog: PassageCatalog): Promise<DenseSearch | undefined> => {
            try {
              cache.embedder ??= createEmbedder(config.embeddings);
              let embedder: Embedder;
              try {
                embedder = await cache.embedder;
              } catch (error) {
                cache.embedder = undefined;
                throw error;
              }
              const { retriever: denseRetriever } = await openDenseIndex(passageCatalog, embedder, {
                directory: config.denseIndex.directory,
                corpusHash: store.currentCorpusHash() ?? 'empty',
                parameters: { m: config.denseIndex.m, efConstruction: config.denseIndex.efConstruction, efSearch: config.denseIndex.efSearch },
                rebuild: config.denseIndex.rebuild,
                onProgress: (message) => logger.info(`dense index: ${message}`),
              });
              state.dense = { active: true, model: embedder.modelId, dimensions: embedder.dimensions, windows: denseRetriever.windowCount };
              return denseRetriever;
            } catch (error) {
              if (!(error instanceof ModelUnavailableError || error instanceof IndexMismatchError)) throw error;
              if (config.embeddings.mode !== 'auto') throw new RetrievalSetupError(`${error.message} (EMBEDDINGS=${config.embeddings.mode} requires the dense path; set EMBEDDINGS=auto to start without it)`);
              state.dense = { active: false, reason: error.message };
              return undefined;
            }
          },
        }),
  });
  const { dense } = state;
  const status: RetrievalStatus = {
    lexical: { active: true, tokenizer: config.tokenizer, dictionary: dictionary?.name ?? null },
    dense,
  };
  logger.info(`retrieval: lexical on (${config.tokenizer}${dictionary ? ', CC-CEDICT' : ''}); dense ${dense.active ? `on (${dense.model}, ${dense.windows} windows)` : `off: ${dense.reason}`}`);
  return { ...components, status };
}

async function createEmbedder(settings: AppConfig['embeddings']): Promise<Embedder> {
  const profile = modelProfile(settings.modelId);
  if (settings.mode === 'openai') {
    try {
      return await OpenAICompatibleEmbedder.connect({
        baseUrl: settings.baseUrl!,
        model: settings.modelId,
        // Local servers (Ollama, TEI) ignore the key, but the client insists on one.
        apiKey: settings.apiKey ?? 'not-needed',
        batchSize: settings.batchSize,
        timeoutMs: settings.timeoutMs,
        ...profile,
      });
    } catch (error) {
      throw new ModelUnavailableError((error as Error).message);
    }
  }
  return TransformersEmbedder.load({
    modelId: settings.modelId,
    ...(settings.modelPath ? { modelPath: settings.modelPath } : {}),
    allowDownload: settings.allowDownload,
    cacheDirectory: settings.cacheDirectory,
    batchSize: settings.batchSize,
    ...profile,
  });
}
