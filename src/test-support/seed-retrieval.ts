import { englishChineseDictionary } from '../adapters/dictionary/english-chinese-dictionary.ts';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { composeExtractiveAnswer } from '../domain/answer/extractive-answerer.ts';
import { notFoundDraft } from '../domain/answer/not-found-text.ts';
import type { ChatTurn } from '../domain/ports/answer-backend.ts';
import { buildRetriever, type RetrievalComponents } from '../services/retrieval-service.ts';
import { TurnDecider } from '../services/turn-decision.ts';
import { seedCorpus } from './seed-files.ts';

/**
 * The seeds in an in-memory SQLite store with the server's lexical retrieval and question analyzer
 * over them, built once per test file: for tests of the question frame and of the answer kinds.
 */
let shared: Promise<RetrievalComponents & { store: SqliteClauseStore; decider: TurnDecider }> | undefined;

export function seedRetrieval(): Promise<RetrievalComponents & { store: SqliteClauseStore; decider: TurnDecider }> {
  shared ??= (async () => {
    const store = new SqliteClauseStore(openDatabase(':memory:'));
    store.replaceCorpus(seedCorpus());
    const components = await buildRetriever(store, { tokenizerMode: 'jieba+bigram', dictionary: englishChineseDictionary() });
    return { ...components, store, decider: new TurnDecider({ ...components, store }) };
  })();
  return shared;
}

/** A question decided and worded as the chat service does it with the extractive answerer, without storing it. */
export async function answerFromSeeds(question: string, history: ChatTurn[] = [], documentIds?: string[]) {
  const { decider, catalog } = await seedRetrieval();
  const turn = await decider.decide(question, history, documentIds);
  const { frame, decision, retrieval, scopeDocuments, searchedDocuments, documentFacts } = turn;
  const coveredRegions = [...new Map(catalog.documents.map((document) => [document.regionCode, { region: document.region, regionEn: document.regionEn }])).values()];
  const draft =
    decision.outcome === 'answer'
      ? composeExtractiveAnswer({ frame, history, clauses: retrieval.clauses, decision, groups: retrieval.result.groups, scopeDocuments, searchedDocuments, documentFacts })
      : notFoundDraft({ frame, clauses: retrieval.clauses, coveredRegions }, decision.reason);
  const cited = decision.outcome === 'answer' ? decision.evidence.map((evidence) => evidence.clause.hit.clause.id) : [];
  return { ...turn, text: draft.text, cited };
}
