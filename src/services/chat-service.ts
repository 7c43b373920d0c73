import { randomUUID } from 'node:crypto';
import { enforceCitations, CitationStreamFilter } from '../domain/answer/citation-integrity.ts';
import { composeExtractiveAnswer } from '../domain/answer/extractive-answerer.ts';
import { AnswerBackendError, type AnswerBackend, type AnswerDraft, type AnswerInput, type ChatTurn } from '../domain/ports/answer-backend.ts';
import type { ClauseStore, DocumentFactView } from '../domain/ports/clause-store.ts';
import type { ConversationStore } from '../domain/ports/conversation-store.ts';
import { detectLanguage } from '../domain/retrieval/query-analyzer.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import type { Retriever } from '../domain/retrieval/retriever.ts';
import { retrieveForChat } from './chat-retrieval.ts';
import { citationView, type CitationView } from './citation-views.ts';

export interface ChatRequest {
  messages: ChatTurn[];
  conversationId?: string;
  documentIds?: string[];
}

export interface ChatReply {
  conversationId: string;
  messageId: string;
  answer: string;
  notFound: boolean;
  citations: CitationView[];
  related: CitationView[];
  /** Clause ids retrieval returned, best first: what the answer could draw on (for evaluation and debugging). */
  retrieved: string[];
  /** The backend that wrote the answer; "extractive (fallback: …)" when the configured one failed. */
  backend: string;
  /** Problems the user may want to know about: removed invented citations, a provider that failed. */
  warnings: string[];
  timings: { retrievalMs: number; answerMs: number; totalMs: number };
}

export type ChatEvent =
  | { type: 'answer-start'; conversationId: string; messageId: string; backend: string }
  | { type: 'text-delta'; text: string }
  | { type: 'citation'; citation: CitationView }
  | { type: 'answer-end'; reply: ChatReply };

export class ConversationNotFoundError extends Error {
  override name = 'ConversationNotFoundError';
}

export interface ChatServiceDependencies {
  retriever: Retriever;
  catalog: PassageCatalog;
  store: ClauseStore;
  conversations: ConversationStore;
  backend: AnswerBackend;
  /** Provider errors are logged here; the reply only says that the fallback answered. */
  logWarning?: (message: string) => void;
}

/**
 * One chat turn: resolve the follow-up, retrieve, answer with the configured backend (falling back
 * to the extractive answerer when it fails), check every [n] against the clauses given, store the
 * exchange. The reply is the same whether streamed or not; the stream's answer-end carries it.
 */
export class ChatService {
  /** The places the library covers; fixed for the life of the service, like the catalog. */
  private readonly coveredRegions: AnswerInput['coveredRegions'];

  constructor(private readonly dependencies: ChatServiceDependencies) {
    const seen = new Map<string, { region: string; regionEn: string }>();
    for (const document of dependencies.catalog.documents) {
      if (!seen.has(document.regionCode)) seen.set(document.regionCode, { region: document.region, regionEn: document.regionEn });
    }
    this.coveredRegions = [...seen.values()];
  }

  hasConversation(conversationId: string): boolean {
    return this.dependencies.conversations.exists(conversationId);
  }

  async reply(request: ChatRequest, onEvent: (event: ChatEvent) => void = () => {}, signal?: AbortSignal): Promise<ChatReply> {
    const { retriever, catalog, conversations, backend } = this.dependencies;
    const started = performance.now();
    if (request.conversationId !== undefined && !conversations.exists(request.conversationId)) {
      throw new ConversationNotFoundError(`No conversation with id ${request.conversationId}; omit conversationId to start a new one.`);
    }
    const conversationId = request.conversationId ?? randomUUID();
    const messageId = randomUUID();
    const question = request.messages.at(-1)!.content.trim();
    const history = request.messages.slice(0, -1);
    const warnings: string[] = [];
    onEvent({ type: 'answer-start', conversationId, messageId, backend: backend.name });

    let rewritten: string | undefined;
    if (backend.rewriteFollowUp && history.some((turn) => turn.role === 'user')) {
      try {
        rewritten = await backend.rewriteFollowUp(question, history, signal ? { signal } : {});
      } catch (error) {
        warnings.push(`${backend.name} could not rewrite the follow-up; it was resolved by rule instead.`);
        this.dependencies.logWarning?.(`follow-up rewrite failed: ${(error as Error).message}`);
      }
    }
    const retrieval = await retrieveForChat(retriever, catalog.documents, question, history, request.documentIds, rewritten);
    const retrievedAt = performance.now();

    const input: AnswerInput = {
      question,
      standaloneQuestion: retrieval.resolved.standalone,
      language: detectLanguage(question),
      intents: retrieval.result.query.intents,
      history,
      clauses: retrieval.clauses,
      confidence: retrieval.result.confidence,
      unseenWords: retrieval.result.unseenWords,
      terms: retrieval.result.terms,
      years: retrieval.resolved.years,
      compare: retrieval.compare,
      scopeNamed: retrieval.resolved.scopeNamed || (request.documentIds?.length ?? 0) > 0,
      scopeDocuments: catalog.documents.filter((document) => retrieval.scopeDocumentIds.includes(document.id)),
      coveredRegions: this.coveredRegions,
      documentFacts: this.factsFor([...retrieval.clauses.map((clause) => clause.hit.document.id), ...retrieval.scopeDocumentIds]),
    };
    const valid = new Set(input.clauses.map((clause) => clause.n));
    const filter = new CitationStreamFilter(valid);
    const emit = (text: string) => text !== '' && onEvent({ type: 'text-delta', text });
    let draft: AnswerDraft;
    let backendLabel = backend.name;
    try {
      draft = await backend.answer(input, { onDelta: (delta) => emit(filter.push(delta)), ...(signal ? { signal } : {}) });
      emit(filter.flush());
    } catch (error) {
      // Only a provider failure is answered by the fallback; anything else is a bug and surfaces as one.
      if (!(error instanceof AnswerBackendError)) throw error;
      const reason = error.message;
      this.dependencies.logWarning?.(`answer backend ${backend.name} failed: ${reason}`);
      warnings.push(`The ${backend.name} model did not answer (${error.kind}); this answer was extracted from the clauses instead.`);
      backendLabel = `extractive (fallback: ${backend.name} ${error.kind})`;
      draft = composeExtractiveAnswer(input);
      emit(`\n\n${draft.text}`);
    }
    const answeredAt = performance.now();

    const checked = enforceCitations(draft.text, valid);
    if (checked.removed.length > 0) warnings.push(`Removed citations to clauses that were not given: ${checked.removed.map((n) => `[${n}]`).join(' ')}.`);
    const byNumber = new Map(input.clauses.map((clause) => [clause.n, clause]));
    const citations = draft.notFound ? [] : [...checked.cited].sort((left, right) => left - right).map((n) => citationView(byNumber.get(n)!, draft.quotes[n]));
    const related = draft.related.filter((n) => byNumber.has(n)).map((n) => citationView(byNumber.get(n)!));
    for (const citation of citations) onEvent({ type: 'citation', citation });

    const timings = { retrievalMs: round(retrievedAt - started), answerMs: round(answeredAt - retrievedAt), totalMs: round(performance.now() - started) };
    const reply: ChatReply = {
      conversationId, messageId, answer: checked.text, notFound: draft.notFound, citations, related,
      retrieved: input.clauses.map(({ hit }) => hit.clause.id), backend: backendLabel, warnings, timings,
    };
    conversations.recordExchange({
      conversationId,
      question: { id: randomUUID(), content: question },
      answer: {
        id: messageId, content: reply.answer, notFound: reply.notFound, backend: backendLabel, warnings, timings,
        citations: [
          ...citations.map((citation) => ({ n: citation.n, clauseId: citation.clauseId, documentId: citation.docId, role: 'cited' as const })),
          ...related.map((citation) => ({ n: citation.n, clauseId: citation.clauseId, documentId: citation.docId, role: 'related' as const })),
        ],
      },
    });
    onEvent({ type: 'answer-end', reply });
    return reply;
  }

  // The catalog is fixed for the life of the service, so a document's facts are read once.
  private readonly facts = new Map<string, DocumentFactView[]>();

  private factsFor(documentIds: string[]): Record<string, DocumentFactView[]> {
    for (const id of documentIds) {
      if (!this.facts.has(id)) this.facts.set(id, this.dependencies.store.getDocument(id)?.facts ?? []);
    }
    return Object.fromEntries([...new Set(documentIds)].map((id) => [id, this.facts.get(id)!]));
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}
