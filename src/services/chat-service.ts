import { randomUUID } from 'node:crypto';
import type { AnswerKindName, NotFoundReason } from '../domain/answer/answer-decision-types.ts';
import { enforceCitations, CitationStreamFilter } from '../domain/answer/citation-integrity.ts';
import { composeExtractiveAnswer } from '../domain/answer/extractive-answerer.ts';
import { notFoundDraft } from '../domain/answer/not-found-text.ts';
import { AnswerBackendError, type AnswerBackend, type AnswerDraft, type AnswerInput, type ChatTurn } from '../domain/ports/answer-backend.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { ConversationStore, StoredCitation } from '../domain/ports/conversation-store.ts';
import type { LiveLibrary } from './live-library.ts';
import { citationView, type CitationView } from './citation-views.ts';
import { suggestionCandidates, verifiedSuggestions } from './follow-up-suggestions.ts';

export interface ChatRequest {
  messages: ChatTurn[];
  conversationId?: string;
  documentIds?: string[];
  /** The asking browser (a hash of its anonymous id): a new conversation goes on its list, another's cannot be continued. */
  owner?: string;
  /** The face it asks in (page, embed:…): its list is kept apart. */
  channel?: string;
}

export interface ChatReply {
  conversationId: string;
  messageId: string;
  answer: string;
  notFound: boolean;
  /** Why the documents do not answer: kind (uncovered-place, uncovered-document, unseen-topic, off-topic, missing-fact, …) and detail. */
  notFoundReason: Pick<NotFoundReason, 'kind' | 'detail'> | null;
  /** The kind of answer given (lead, figure, unit-check, …), or not-found. */
  answerKind: AnswerKindName | 'not-found';
  citations: CitationView[];
  related: CitationView[];
  /** Clause ids retrieval returned, best first: what the answer could draw on (for evaluation and debugging). */
  retrieved: string[];
  /** The backend that wrote the answer; "extractive (fallback: …)" when the configured one failed. */
  backend: string;
  /** Problems the user may want to know about: removed invented citations, a provider that failed. */
  warnings: string[];
  timings: { retrievalMs: number; answerMs: number; totalMs: number };
  /** Questions to ask next, each checked to be answered by the library (follow-up-suggestions.ts). */
  suggestions: string[];
  /** The documents the question names that the scope (filters.documentIds) left out; the page offers to ask across all. */
  scopeConflict: { documents: { id: string; title: string; docNumber: string | null }[] } | null;
}

export type ChatEvent =
  | { type: 'answer-start'; conversationId: string; messageId: string; backend: string }
  /** Retrieval and the decision are done: the answer is being worded (the page shows that step). */
  | { type: 'retrieved'; clauses: number; notFound: boolean }
  | { type: 'text-delta'; text: string }
  | { type: 'citation'; citation: CitationView }
  | { type: 'answer-end'; reply: ChatReply };

export class ConversationNotFoundError extends Error {
  override name = 'ConversationNotFoundError';
}

/** A stored conversation holds as many messages as it may: a new one starts the next question. */
export class ConversationFullError extends Error {
  override name = 'ConversationFullError';
}

/**
 * What a turn may cost. Follow-ups are resolved from the last few turns, each read up to a length:
 * a conversation's tenth question back does not change what "那国家方案呢?" means, and reading forty
 * long messages on every turn would let one client slow everyone. A stored conversation is capped.
 */
export const HISTORY_TURNS_READ = 8;
/** Earlier questions are short; earlier answers name the clauses they cite at their start. */
export const HISTORY_QUESTION_CHARACTERS = 400;
export const HISTORY_CHARACTERS_PER_TURN = 1200;
export const MAX_STORED_MESSAGES = 200;

export interface ChatServiceDependencies {
  /** The library questions are answered from; each turn takes its current view once. */
  library: LiveLibrary;
  store: ClauseStore;
  conversations: ConversationStore;
  backend: AnswerBackend;
  /** Provider errors are logged here; the reply only says that the fallback answered. */
  logWarning?: (message: string) => void;
}

/**
 * One chat turn: read the question into its frame, retrieve, decide whether and how the documents
 * answer (turn-decision.ts), word the answer with the configured backend only when there is one
 * (falling back to the extractive answerer when a provider fails), check every [n] against the
 * clauses given, store the exchange with its answer kind and not-found reason. The reply is the
 * same whether streamed or not; the stream's answer-end carries it.
 */
export class ChatService {
  constructor(private readonly dependencies: ChatServiceDependencies) {}

  /**
   * The clauses each earlier answer cited, from the stored conversation: the messages a client sends
   * carry only text. An answer the store does not hold (edited, or from elsewhere) keeps its text only,
   * and its clause references are read from that.
   */
  private withStoredCitations(history: ChatTurn[], conversationId: string | undefined): ChatTurn[] {
    if (conversationId === undefined) return history;
    // The stored window the turns read can come from: the last few exchanges, not the whole conversation.
    const stored = this.dependencies.conversations.getConversation(conversationId, { offset: -2 * HISTORY_TURNS_READ })?.messages.filter((message) => message.role === 'assistant') ?? [];
    return history.map((turn) => {
      if (turn.role !== 'assistant') return turn;
      const match = stored.findLast((message) => message.content.slice(0, HISTORY_CHARACTERS_PER_TURN).trim() === turn.content.trim());
      return match ? { ...turn, citedClauseIds: match.citations.filter((citation) => citation.role === 'cited').map((citation) => citation.clauseId) } : turn;
    });
  }

  /** The conversation may take no more messages: the next question starts a new one. */
  isConversationFull(conversationId: string): boolean {
    return this.dependencies.conversations.messageCount(conversationId) + 2 > MAX_STORED_MESSAGES;
  }

  /** The conversation exists and this asker may continue it (its owner, or anyone when it has none). */
  hasConversation(conversationId: string, owner?: string): boolean {
    const stored = this.dependencies.conversations.ownerOf(conversationId);
    return stored !== undefined && (stored === null || stored === owner);
  }

  async reply(request: ChatRequest, onEvent: (event: ChatEvent) => void = () => {}, signal?: AbortSignal): Promise<ChatReply> {
    const { conversations, backend } = this.dependencies;
    const started = performance.now();
    if (request.conversationId !== undefined && !conversations.exists(request.conversationId)) {
      throw new ConversationNotFoundError(`No conversation with id ${request.conversationId}; omit conversationId to start a new one.`);
    }
    if (request.conversationId !== undefined && this.isConversationFull(request.conversationId)) {
      throw new ConversationFullError(`Conversation ${request.conversationId} holds ${MAX_STORED_MESSAGES} messages, as many as one may; omit conversationId to start a new one.`);
    }
    const conversationId = request.conversationId ?? randomUUID();
    const messageId = randomUUID();
    const question = request.messages.at(-1)!.content.trim();
    const history = this.withStoredCitations(readableHistory(request.messages.slice(0, -1)), request.conversationId);
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
    // One view of the library for the whole turn, whatever an upload swaps in meanwhile.
    const view = this.dependencies.library.current;
    const { frame, retrieval, decision, scopeDocuments, searchedDocuments, documentFacts, scopeConflict } = await view.decider.decide(question, history, request.documentIds, rewritten);
    if (scopeConflict) {
      const names = scopeConflict.named.map((document) => document.docNumber ?? document.titleSimplified).join(', ');
      warnings.push(`The question names ${names}, outside the documents in scope; it was answered from the scope only. Ask without filters to search all documents.`);
    }
    const retrievedAt = performance.now();
    onEvent({ type: 'retrieved', clauses: retrieval.clauses.length, notFound: decision.outcome === 'not-found' });
    const valid = new Set(retrieval.clauses.map((clause) => clause.n));
    const filter = new CitationStreamFilter(valid);
    const emit = (text: string) => text !== '' && onEvent({ type: 'text-delta', text });
    const notFoundInput = { frame, clauses: retrieval.clauses, coveredRegions: view.coveredRegions };
    let draft: AnswerDraft;
    let backendLabel = backend.name;
    let notFoundReason: NotFoundReason | null = null;
    if (decision.outcome === 'not-found') {
      // Decided before any backend: nothing to answer from, so no model is asked.
      notFoundReason = decision.reason;
      draft = notFoundDraft(notFoundInput, decision.reason);
      emit(draft.text);
    } else {
      const input: AnswerInput = { frame, history, clauses: retrieval.clauses, decision, groups: retrieval.result.groups, scopeDocuments, searchedDocuments, documentFacts };
      try {
        draft = await backend.answer(input, { onDelta: (delta) => emit(filter.push(delta)), ...(signal ? { signal } : {}) });
        emit(filter.flush());
        if (draft.notFound) notFoundReason = { kind: 'model-declined', detail: draft.text };
      } catch (error) {
        // Only a provider failure is answered by the fallback; anything else is a bug and surfaces as one.
        if (!(error instanceof AnswerBackendError)) throw error;
        this.dependencies.logWarning?.(`answer backend ${backend.name} failed: ${error.message}`);
        warnings.push(`The ${backend.name} model did not answer (${error.kind}); this answer was extracted from the clauses instead.`);
        backendLabel = `extractive (fallback: ${backend.name} ${error.kind})`;
        draft = composeExtractiveAnswer(input);
        emit(`\n\n${draft.text}`);
      }
    }
    const answeredAt = performance.now();

    const checked = enforceCitations(draft.text, valid);
    if (checked.removed.length > 0) warnings.push(`Removed citations to clauses that were not given: ${checked.removed.map((n) => `[${n}]`).join(' ')}.`);
    const byNumber = new Map(retrieval.clauses.map((clause) => [clause.n, clause]));
    const citations = draft.notFound ? [] : [...checked.cited].sort((left, right) => left - right).map((n) => citationView(byNumber.get(n)!, view.catalog, draft.quotes[n]));
    const related = draft.related.filter((n) => byNumber.has(n)).map((n) => citationView(byNumber.get(n)!, view.catalog));
    for (const citation of citations) onEvent({ type: 'citation', citation });

    // Checked against this turn as history: "这一条…" must find the clause this answer cites.
    const suggestions = await verifiedSuggestions(
      suggestionCandidates(notFoundReason ? 'not-found' : decision.outcome === 'answer' ? decision.kind : 'not-found', citations, related, frame.language === 'en'),
      view.decider,
      [...history, { role: 'user', content: question }, { role: 'assistant', content: checked.text, citedClauseIds: citations.map((citation) => citation.clauseId) }],
      request.documentIds,
    );
    const timings = { retrievalMs: round(retrievedAt - started), answerMs: round(answeredAt - retrievedAt), totalMs: round(performance.now() - started) };
    const answerKind = notFoundReason ? 'not-found' : decision.outcome === 'answer' ? decision.kind : 'not-found';
    const reason = notFoundReason ? { kind: notFoundReason.kind, detail: notFoundReason.detail } : null;
    const reply: ChatReply = {
      conversationId, messageId, answer: checked.text, notFound: draft.notFound, notFoundReason: reason, answerKind, citations, related,
      retrieved: retrieval.clauses.map(({ hit }) => hit.clause.id), backend: backendLabel, warnings, timings, suggestions,
      scopeConflict: scopeConflict ? { documents: scopeConflict.named.map((document) => ({ id: document.id, title: document.titleSimplified, docNumber: document.docNumber })) } : null,
    };
    conversations.recordExchange({
      conversationId,
      ...(request.owner ? { owner: request.owner } : {}),
      ...(request.channel ? { channel: request.channel } : {}),
      question: { id: randomUUID(), content: question },
      answer: {
        id: messageId, content: reply.answer, notFound: reply.notFound, answerKind, notFoundReason: reason, backend: backendLabel, warnings, timings,
        citations: [
          ...citations.map((citation) => storedCitation(citation, 'cited')),
          ...related.map((citation) => storedCitation(citation, 'related')),
        ],
      },
    });
    onEvent({ type: 'answer-end', reply });
    return reply;
  }

}

/** A citation as stored with its answer, with the clause's words as they were: they outlive the document. */
function storedCitation(citation: CitationView, role: StoredCitation['role']): StoredCitation {
  return {
    n: citation.n, clauseId: citation.clauseId, documentId: citation.docId, role,
    snapshot: {
      docTitle: citation.docTitle, docNumber: citation.docNumber, docStatus: citation.docStatus, section: citation.section, clause: citation.clause,
      heading: citation.heading, text: citation.text, page: citation.page, units: citation.units, ...(citation.quote ? { quote: citation.quote } : {}),
    },
  };
}

/** The turns follow-ups are resolved from: the last few, each cut to a length (stored answers are matched on the same cut). */
function readableHistory(history: ChatTurn[]): ChatTurn[] {
  return history.slice(-HISTORY_TURNS_READ).map((turn) => ({ ...turn, content: turn.content.slice(0, turn.role === 'user' ? HISTORY_QUESTION_CHARACTERS : HISTORY_CHARACTERS_PER_TURN) }));
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 10) / 10;
}
