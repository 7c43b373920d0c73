import type { ChatTurn, NumberedClause } from '../domain/ports/answer-backend.ts';
import { resolveFollowUp, type ResolvedQuestion } from '../domain/answer/follow-up-resolver.ts';
import { MIN_CONFIDENCE } from '../domain/answer/not-found.ts';
import { asksForUnits, type ScopeDocument } from '../domain/retrieval/query-analyzer.ts';
import type { RetrievalResult, Retriever } from '../domain/retrieval/retriever.ts';

/** Clauses handed to the answerer: enough to answer and to offer related reading, few enough to read. */
export const CLAUSES_PER_ANSWER = 5;

export interface ChatRetrieval {
  resolved: ResolvedQuestion;
  result: RetrievalResult;
  clauses: NumberedClause[];
  compare: boolean;
  /** The documents the question, its conversation or the request's filter narrowed to. */
  scopeDocumentIds: string[];
}

/**
 * Resolves the question against the conversation, retrieves, and for a comparison retrieves once
 * per document in scope, so that each document's best clause is on the table.
 */
export async function retrieveForChat(
  retriever: Retriever,
  documents: ScopeDocument[],
  question: string,
  history: ChatTurn[],
  filter: string[] | undefined,
  rewritten?: string,
): Promise<ChatRetrieval> {
  const previous = history.filter((turn) => turn.role === 'user').map((turn) => turn.content);
  // A question rewritten by an LLM is already self-contained.
  const resolved = rewritten ? resolveFollowUp(rewritten, [], documents) : resolveFollowUp(question, previous, documents);
  const documentIds = narrow(filter, resolved.documentIds);
  const options = { ...(documentIds ? { documentIds } : {}), ...(resolved.intents ? { intents: resolved.intents } : {}) };
  const result = await retriever.retrieve(resolved.retrievalText, { ...options, limit: CLAUSES_PER_ANSWER });
  const compare = result.query.intents.includes('compare');
  const scopeDocumentIds = documentIds ?? result.query.scope.documentIds;
  if (!compare) return { resolved, result, clauses: number(result.hits), compare, scopeDocumentIds };

  const inScope = documentIds ?? (result.query.scope.documentIds.length > 0 ? result.query.scope.documentIds : documents.map((document) => document.id));
  const perDocument = await Promise.all(
    inScope.map((documentId) => retriever.retrieve(resolved.retrievalText, { documentIds: [documentId], limit: 1, intents: result.query.intents })),
  );
  // A document takes part when its own retrieval is confident, on the same scale the answerer uses.
  const best = perDocument
    .filter((each) => each.hits.length > 0 && each.confidence >= MIN_CONFIDENCE)
    .sort((left, right) => right.confidence - left.confidence)
    .map((each) => each.hits[0]!);
  // "Who leads … in each?" is answered only by documents that name units (the 2014 opinion names none).
  const answering = asksForUnits(result.query.intents) && best.some((hit) => hit.clause.units.length > 0) ? best.filter((hit) => hit.clause.units.length > 0) : best;
  return { resolved, result, clauses: number(answering.length > 0 ? answering : result.hits), compare, scopeDocumentIds };
}

function number(hits: RetrievalResult['hits']): NumberedClause[] {
  return hits.map((hit, index) => ({ n: index + 1, hit }));
}

/** The request's document filter is explicit and wins; the conversation's scope narrows within it. */
function narrow(filter: string[] | undefined, scoped: string[] | undefined): string[] | undefined {
  if (!filter || filter.length === 0) return scoped && scoped.length > 0 ? scoped : undefined;
  if (!scoped || scoped.length === 0) return filter;
  const both = filter.filter((id) => scoped.includes(id));
  return both.length > 0 ? both : filter;
}
