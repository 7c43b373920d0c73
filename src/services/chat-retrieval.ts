import type { NumberedClause } from '../domain/answer/answer-decision-types.ts';
import { POLICY } from '../domain/answer-policy.ts';
import { topicGate } from '../domain/answer/topic-gate.ts';
import { METADATA_SLOTS, type QuestionFrame } from '../domain/question/question-frame.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import { resolveReference } from '../domain/retrieval/reference-resolution.ts';
import { writesPhrases } from '../domain/retrieval/phrase-match.ts';
import { TARGET_YEAR } from '../domain/answer/sentences.ts';
import type { RetrievalHit, RetrievalResult, Retriever } from '../domain/retrieval/retriever.ts';

/** Clauses handed to the answerer: enough to answer and to offer related reading, few enough to read. */
export const CLAUSES_PER_ANSWER = POLICY.clausesPerAnswer;

export interface ChatRetrieval {
  result: RetrievalResult;
  clauses: NumberedClause[];
  /** The documents the question, its conversation or the request's filter narrowed to. */
  scopeDocumentIds: string[];
}

/**
 * Retrieves for the frame within the request's filter: the clauses a reference points at when it
 * resolves to any (else the carried topic is searched as usual); for a comparison, once per document in scope,
 * so that each document's best clause is on the table (a document takes part when the topic gate
 * finds its topic there).
 */
export async function retrieveForChat(retriever: Retriever, frame: QuestionFrame, catalog: PassageCatalog, filter: string[] | undefined): Promise<ChatRetrieval> {
  const documents = catalog.documents;
  if (frame.reference?.sourceDocumentIds && frame.reference.clauseIds.length === 0) {
    // The clause taken up is named by its topic: the source documents' clause on it, when the topic is there.
    const found = await retriever.retrieve({ ...frame, reference: null }, { documentIds: frame.reference.sourceDocumentIds, limit: POLICY.evidenceDepth });
    const source = topicGate(frame, number(found.hits), found).open ? bestCovered(found.hits)[0] : undefined;
    const reference = source ? { ...frame.reference, clauseIds: [source.clause.id] } : null;
    return retrieveForChat(retriever, { ...frame, reference }, catalog, filter);
  }
  if (frame.reference) {
    // Pointed-at clauses (这一条, 国家方案二(一), the corresponding clause) are the clauses to answer from.
    const resolved = resolveReference(frame.reference, catalog, filter);
    if (resolved.targets.length > 0) {
      const result = retriever.retrieveReferenced(frame, resolved);
      // The counterpart of a clause on the topic asked before (快递“最后一公里” → 国家方案对应的那条呢?): where the clause
      // aligned by title holds none of that topic and another clause of the document holds all of it, that one is.
      const topical = await topicalCounterpart(retriever, frame, result);
      if (topical) return { result: topical, clauses: number(topical.hits), scopeDocumentIds: topical.searchedDocumentIds };
      // Asked about something the clause pointed at does not hold (what does it say about tourism?), the
      // question is about its document: searched there like any other.
      const holdsTopic = !frame.reference.ownTopic || frame.reference.relation !== 'same' || topicGate(frame, number(result.hits), result).open;
      // Asked the facts of the document a clause is in (who issued that document?), its record passages come too, to cite.
      const hits = METADATA_SLOTS.includes(frame.slot) ? withRecordPassages(result.hits, catalog, result.searchedDocumentIds) : result.hits;
      if (holdsTopic) return { result, clauses: number(hits), scopeDocumentIds: result.searchedDocumentIds };
      return retrieveForChat(retriever, { ...frame, reference: null, scope: { ...frame.scope, documentIds: result.searchedDocumentIds } }, catalog, filter);
    }
  }
  const documentIds = narrow(filter, frame.scope.documentIds);
  if (frame.unitTasks) {
    const result = retriever.retrieveUnitTasks(frame, documentIds ? { documentIds } : {});
    return { result, clauses: number(result.hits), scopeDocumentIds: documentIds ?? [] };
  }
  const result = retriever.preferPrior(await retriever.retrieve(frame, { ...(documentIds ? { documentIds } : {}), limit: CLAUSES_PER_ANSWER }), documentIds);
  const scopeDocumentIds = documentIds ?? [];
  if (METADATA_SLOTS.includes(frame.slot)) return { result, clauses: number(withRecordPassages(result.hits, catalog, scopeDocumentIds)), scopeDocumentIds };
  if (frame.planYear) return { result, clauses: number(withGoalPassages(result.hits, catalog, scopeDocumentIds)), scopeDocumentIds };
  if (!frame.compare && !frame.documentsAsked) return { result, clauses: number(result.hits), scopeDocumentIds };

  const inScope = documentIds ?? documents.map((document) => document.id);
  // Each document's clause is the one of its first few that holds most of the topic: a heading that
  // shares one word with the question (建筑 for brand building) does not outrank the clause on it.
  const perDocument = (await Promise.all(inScope.map((documentId) => retriever.retrieve(frame, { documentIds: [documentId], limit: POLICY.evidenceDepth }))))
    .map((each) => ({ ...each, hits: bestCovered(each.hits) }));
  // Which documents hold the topic: every document's best clause, so that those without it are named too.
  // Asked literally (中国品牌日, IPv6), a document's clause is one that writes the phrases, wherever retrieval ranked it.
  if (frame.documentsAsked) {
    const clauses = inScope.flatMap((documentId, index) => {
      const writing = frame.topic.phrases.length > 0 ? clauseWriting(frame.topic.phrases, frame.topic.words.map((word) => word.word), documentId, perDocument[index]!, catalog) : undefined;
      return writing ? [writing] : perDocument[index]!.hits;
    });
    return { result, clauses: number(clauses), scopeDocumentIds };
  }
  const best = perDocument
    .filter((each) => each.hits.length > 0 && topicGate(frame, number(each.hits), each).open)
    .sort((left, right) => right.confidence - left.confidence)
    .map((each) => each.hits[0]!);
  return { result, clauses: number(best.length > 0 ? best : result.hits), scopeDocumentIds };
}

async function topicalCounterpart(retriever: Retriever, frame: QuestionFrame, referenced: RetrievalResult): Promise<RetrievalResult | undefined> {
  const reference = frame.reference!;
  if (reference.relation !== 'corresponding' || reference.ownTopic || !frame.followUp?.carried.includes('topic') || frame.topic.words.length === 0) return undefined;
  const targets = referenced.hits.filter((hit) => hit.reference?.role === 'target');
  const documentIds = [...new Set(targets.map((hit) => hit.document.id))];
  if (documentIds.length !== 1) return undefined;
  const searched = await retriever.retrieve({ ...frame, reference: null }, { documentIds, limit: POLICY.evidenceDepth });
  const best = bestCovered(searched.hits)[0];
  if (!best || targets.some((hit) => hit.clause.id === best.clause.id)) return undefined;
  const aligned = Math.max(...targets.map((hit) => retriever.coverageOf(searched.groups, hit.clause.id)));
  // Only a clear case: the aligned clause holds none of the topic, the other clause all of it (an aligned clause
  // that shares some of it, as 5G with a national clause on new technologies, stays the counterpart).
  if (aligned > POLICY.coverageMargin || best.coverage < 1 - 1e-9 || !topicGate(frame, number([best]), searched).open) return undefined;
  // Answered as the counterpart it is, beside the clause it was found from.
  const of = targets[0]!.reference?.of;
  const sources = referenced.hits.filter((hit) => hit.reference?.role === 'source');
  return { ...referenced, hits: [{ ...best, reference: { role: 'target', relation: 'same-topic', ...(of ? { of } : {}) } }, ...sources] };
}

/**
 * For 文号, issuer and dates, the passages where a document states them (its notice and signature)
 * come first: the answer comes from the document record and cites the passage that shows the value.
 */
function withRecordPassages(hits: RetrievalHit[], catalog: PassageCatalog, documentIds: string[]): RetrievalHit[] {
  return withSupplied(hits, catalog, documentIds, 'record', (passages) => passages.filter(({ clause }) => clause.kind === 'signature' || clause.kind === 'notice' || clause.kind === 'preamble'));
}

/**
 * For the year a plan runs to, the passages of each document's first section that set targets by a
 * year (到2025年…): where a plan states its horizon, whatever words the question used.
 */
function withGoalPassages(hits: RetrievalHit[], catalog: PassageCatalog, documentIds: string[]): RetrievalHit[] {
  return withSupplied(hits, catalog, documentIds, 'goals', (passages) => {
    const sectioned = passages.filter(({ clause }) => clause.section !== null);
    const first = sectioned[0]?.clause.section;
    return sectioned.filter(({ clause }) => clause.section === first && TARGET_YEAR.test(clause.normalizedText));
  });
}

/** The passages `select` picks from each scoped document (else the best hit's), first, marked as supplied; then the hits. */
function withSupplied(hits: RetrievalHit[], catalog: PassageCatalog, documentIds: string[], supplied: NonNullable<RetrievalHit['supplied']>, select: (passages: PassageCatalog['passages']) => PassageCatalog['passages']): RetrievalHit[] {
  const documents = documentIds.length > 0 ? documentIds : hits.slice(0, 1).map((hit) => hit.document.id);
  const chosen = documents.flatMap((documentId) => select(catalog.passages.filter(({ document }) => document.id === documentId)))
    .map(({ clause, document }) => ({ clause, document, score: 0, coverage: supplied === 'goals' ? 1 : 0, paths: {}, supplied }));
  const ids = new Set(chosen.map((each) => each.clause.id));
  return [...chosen, ...hits.filter((hit) => !ids.has(hit.clause.id))].slice(0, CLAUSES_PER_ANSWER);
}

/** The document's clause that writes every phrase: among those retrieval found first, else any of its passages. */
function clauseWriting(phrases: string[], topicWords: string[], documentId: string, found: RetrievalResult, catalog: PassageCatalog): RetrievalHit | undefined {
  const writes = (clause: RetrievalHit['clause']) => writesPhrases(clause, phrases, topicWords);
  const hit = found.hits.find((each) => writes(each.clause));
  if (hit) return hit;
  const passage = catalog.passages.find(({ clause, document }) => document.id === documentId && clause.kind !== 'signature' && writes(clause));
  return passage ? { clause: passage.clause, document: passage.document, score: 0, coverage: 1, paths: {} } : undefined;
}


function bestCovered(hits: RetrievalHit[]): RetrievalHit[] {
  const best = hits.reduce<RetrievalHit | undefined>((top, hit) => (!top || hit.coverage > top.coverage + POLICY.coverageMargin ? hit : top), undefined);
  return best ? [best] : [];
}

function number(hits: RetrievalResult['hits']): NumberedClause[] {
  return hits.map((hit, index) => ({ n: index + 1, hit }));
}

/** The request's document filter is explicit and wins; the question's scope narrows within it. */
function narrow(filter: string[] | undefined, scoped: string[]): string[] | undefined {
  if (!filter || filter.length === 0) return scoped.length > 0 ? scoped : undefined;
  if (scoped.length === 0) return filter;
  const both = filter.filter((id) => scoped.includes(id));
  return both.length > 0 ? both : filter;
}
