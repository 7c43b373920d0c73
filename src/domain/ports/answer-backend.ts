import type { AnswerDecision, NumberedClause } from '../answer/answer-decision-types.ts';
import type { DocumentFactView, DocumentSummary } from './clause-store.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import type { TopicGroup } from '../retrieval/retrieval-types.ts';

export type { NumberedClause } from '../answer/answer-decision-types.ts';

/**
 * Version 2 of the answer-backend contract. A backend is called only when the answer decision found
 * something to answer (answer/answer-decision.ts, run for every backend); it receives the question's
 * frame, the decision (kind and evidence) and the clauses retrieval returned, numbered from 1, and
 * writes an answer that cites them as [n]. It never sees other text to cite: whatever numbers it
 * writes are checked against these afterwards. v1 backends read the question text and intents; v2
 * ones read the frame.
 */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
  /** For an answer of a stored conversation: the clauses it cited (follow-ups such as 这一条 point at them). */
  citedClauseIds?: string[];
}

export interface AnswerInput {
  frame: QuestionFrame;
  history: ChatTurn[];
  /** Numbered from 1, evidence first. */
  clauses: NumberedClause[];
  decision: Extract<AnswerDecision, { outcome: 'answer' }>;
  /** The topic's weighted words, for choosing what to quote. */
  groups: TopicGroup[];
  /** Documents the question (or its conversation, or the request's filter) is about; empty when unscoped. */
  scopeDocuments: DocumentSummary[];
  /** The documents searched: those in scope, or the whole library. */
  searchedDocuments: DocumentSummary[];
  /** Per document of the clauses: every value its sources give for issuer, number and dates. */
  documentFacts: Record<string, DocumentFactView[]>;
}

export interface AnswerDraft {
  /** Answer text with [n] markers that refer to AnswerInput.clauses. */
  text: string;
  /** True only when the backend read the clauses and found no answer in them (an LLM's NOT_FOUND). */
  notFound: boolean;
  /** For a not-found answer: the clauses offered as related reading, not as support. */
  related: number[];
  /** The sentence(s) of a cited clause that the answer relies on, for highlighting. */
  quotes: Record<number, string>;
}

export interface AnswerOptions {
  /** Called with each piece of text as it is produced, for streaming. */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

export interface BackendStatus {
  backend: string;
  model: string | null;
  reachable: boolean;
  detail: string;
}

export interface AnswerBackend {
  readonly specificationVersion: 'v2';
  /** Shown in replies and /health: "extractive", "openai-compatible", "anthropic". */
  readonly name: string;
  answer(input: AnswerInput, options?: AnswerOptions): Promise<AnswerDraft>;
  /** Backends that can rewrite a follow-up into a self-contained question; others are resolved by rule. */
  rewriteFollowUp?(question: string, history: ChatTurn[], options?: { signal?: AbortSignal }): Promise<string>;
  status(): Promise<BackendStatus>;
}

/** A backend could not produce an answer (provider down, timeout, bad key): the caller falls back. */
export class AnswerBackendError extends Error {
  override name = 'AnswerBackendError';
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout' | 'rejected' | 'invalid-response',
  ) {
    super(message);
  }
}
