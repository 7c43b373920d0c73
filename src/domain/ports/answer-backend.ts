import type { DocumentFactView, DocumentSummary } from './clause-store.ts';
import type { RetrievalHit } from '../retrieval/retriever.ts';
import type { QueryIntent, QueryLanguage } from '../retrieval/query-analyzer.ts';

/**
 * Version 1 of the answer-backend contract. A backend receives the question and the clauses
 * retrieval returned, numbered from 1, and writes an answer that cites them as [n]. It never sees
 * other text to cite: whatever numbers it writes are checked against these afterwards.
 */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface NumberedClause {
  n: number;
  hit: RetrievalHit;
}

export interface AnswerInput {
  /** The question as the user wrote it. */
  question: string;
  /** The question with a follow-up's missing topic or scope filled in from the conversation. */
  standaloneQuestion: string;
  language: QueryLanguage;
  intents: QueryIntent[];
  history: ChatTurn[];
  clauses: NumberedClause[];
  /** 0…1, from retrieval: how well the best clause covers the question. */
  confidence: number;
  /** Words of the question (三字以上) that occur nowhere in the corpus: 无人机, 装机容量. */
  unseenWords: string[];
  /** Chinese terms of the question, weighted, for choosing which sentences to quote. */
  terms: { term: string; weight: number }[];
  /** Years and numbers the question names, for figure questions. */
  years: string[];
  /** The question compares documents: answer one line per document. */
  compare: boolean;
  /** The question names a covered place, year or status (Tianjin, 国家, 2014, draft). */
  scopeNamed: boolean;
  /** Documents the question (or its conversation, or the request's filter) is about; empty when unscoped. */
  scopeDocuments: DocumentSummary[];
  /** The places the library covers (国家, 天津市, 汕尾市), to say which it does not. */
  coveredRegions: { region: string; regionEn: string }[];
  /** Per document of the clauses: every value its sources give for issuer, number and dates. */
  documentFacts: Record<string, DocumentFactView[]>;
}

export interface AnswerDraft {
  /** Answer text with [n] markers that refer to AnswerInput.clauses. */
  text: string;
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
  readonly specificationVersion: 'v1';
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
