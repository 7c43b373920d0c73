import { normalizeText } from '../domain/corpus/text-normalizer.ts';
import glossaryData from '../domain/text/policy-glossary.json' with { type: 'json' };
import { POLICY } from '../domain/answer-policy.ts';
import { Gazetteer } from '../domain/places/gazetteer.ts';
import type { BilingualDictionary } from '../domain/ports/bilingual-dictionary.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { DenseSearch } from '../domain/ports/dense-search.ts';
import type { ChatTurnText } from '../domain/question/follow-up-resolver.ts';
import { QuestionAnalyzer } from '../domain/question/question-analyzer.ts';
import type { QuestionFrame } from '../domain/question/question-frame.ts';
import { LexicalRetriever } from '../domain/retrieval/lexical-retriever.ts';
import { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import type { PassageTokenCache } from '../domain/retrieval/passage-token-cache.ts';
import { Retriever, type RetrievalResult, type RetrieveOptions } from '../domain/retrieval/retriever.ts';
import type { TokenizerMode } from '../domain/retrieval/text-tokenizer.ts';
import { createChineseSegmenter, type ChineseSegmenter, type SegmenterVocabulary } from '../domain/text/chinese-segmenter.ts';
import type { CorpusVocabulary } from '../domain/question/topic-reader.ts';

export interface RetrievalSetup {
  tokenizerMode: TokenizerMode;
  dictionary?: BilingualDictionary;
  /** Builds the dense path over the catalog, or undefined to run lexical only. */
  dense?: (catalog: PassageCatalog) => Promise<DenseSearch | undefined>;
  /** The process's jieba, kept across library changes (a fresh one when absent). */
  vocabulary?: SegmenterVocabulary;
  /** Passage tokens kept across library changes, over that jieba. */
  tokenCache?: PassageTokenCache;
}

export interface RetrievalComponents {
  catalog: PassageCatalog;
  analyzer: QuestionAnalyzer;
  retriever: Retriever;
  /** The shared segmenter and the corpus vocabulary (for the gate's question generator and explanations). */
  segmenter: ChineseSegmenter;
  vocabulary: CorpusVocabulary;
  /** Reads a question (against its conversation) and retrieves for it: for CLIs, evals and tests. */
  search(question: string, options?: RetrieveOptions & { history?: ChatTurnText[] }): Promise<RetrievalResult>;
}

// Names policy texts put in quotes (“振兴杯”, “海河工匠”) are proper names: one word each.
const QUOTED_NAME = /[“"「]([^”"」\s]{2,12})[”"」]/gu;

/**
 * Loads the stored corpus into a catalog and builds what reads questions and retrieves for them,
 * sharing one segmenter: the lexical index, the question analyzer (which knows the units, places
 * and vocabulary of the corpus), and the dense path when one is set up.
 */
export async function buildRetriever(store: ClauseStore, setup: RetrievalSetup): Promise<RetrievalComponents> {
  return buildRetrievalOver(new PassageCatalog(store.listDocuments(), store.allPassages(), store.listCorrespondences()), setup);
}

/** The same over a catalog made elsewhere (the benchmarks' synthetic corpora). */
export async function buildRetrievalOver(catalog: PassageCatalog, setup: RetrievalSetup): Promise<RetrievalComponents> {
  const unitNames = catalog.passages.flatMap((passage) => passage.clause.units.map((unit) => unit.name));
  const quotedNames = catalog.passages.flatMap((passage) => [...passage.clause.normalizedText.matchAll(QUOTED_NAME)].map((match) => match[1]!));
  const glossaryTerms = Object.values(glossaryData.terms as Record<string, string[]>).flat();
  const words = [...unitNames, ...glossaryTerms, ...quotedNames];
  const segmenter = setup.vocabulary ? setup.vocabulary.segmenter(words) : createChineseSegmenter(words);
  const lexical = new LexicalRetriever(catalog, { tokenizerMode: setup.tokenizerMode, segmenter, ...(setup.tokenCache ? { tokenCache: setup.tokenCache } : {}) });
  // Built while the server answers (a library change): let waiting questions through between steps.
  await new Promise((resolve) => setImmediate(resolve));
  const gazetteer = Gazetteer.standard();
  const cityOf = (placeCode: string | null) => (placeCode ? gazetteer.lineage(placeCode).find((place) => place.level !== 'county') : undefined);
  const analyzer = new QuestionAnalyzer({
    documents: catalog.documents,
    clauses: catalog.passages
      .filter(({ clause }) => clause.kind === 'clause')
      .map(({ clause }) => ({ id: clause.id, documentId: clause.documentId, section: clause.section, clause: clause.clause, heading: clause.heading ? normalizeText(clause.heading).toLowerCase().replace(/[。；;]$/u, '') : null })),
    units: catalog.passages.flatMap(({ clause, document }) =>
      clause.units.map((unit) => ({ name: unit.name, nameEn: unit.nameEn, documentId: document.id, city: cityOf(document.placeCode)?.short ?? null })),
    ),
    cityNames: [...new Set(catalog.documents.flatMap((document) => cityOf(document.placeCode)?.english ?? []))],
    segmenter,
    vocabulary: lexical,
    gazetteer,
    ...(setup.dictionary ? { dictionary: setup.dictionary } : {}),
    specificIdf: POLICY.specificIdf,
  });
  const dense = setup.dense ? await setup.dense(catalog) : undefined;
  const retriever = new Retriever(catalog, lexical, dense);
  return {
    catalog,
    analyzer,
    retriever,
    segmenter,
    vocabulary: lexical,
    search: (question, options = {}) => {
      const { history, ...retrieveOptions } = options;
      const frame: QuestionFrame = analyzer.analyze(question, history ?? []);
      return retriever.retrieve(frame, retrieveOptions);
    },
  };
}
