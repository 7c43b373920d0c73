import { decideAnswer, type ExplainedDecision } from '../domain/answer/answer-decision.ts';
import type { ChatTurn } from '../domain/ports/answer-backend.ts';
import type { ClauseStore, DocumentFactView, DocumentSummary } from '../domain/ports/clause-store.ts';
import { detectLanguage } from '../domain/question/language.ts';
import type { QuestionAnalyzer } from '../domain/question/question-analyzer.ts';
import type { QuestionFrame } from '../domain/question/question-frame.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import type { Retriever } from '../domain/retrieval/retriever.ts';
import { retrieveForChat, type ChatRetrieval } from './chat-retrieval.ts';

/**
 * The first half of a chat turn, shared by the chat service and npm run search -- --explain: read the
 * question once into its frame, retrieve for it, and decide whether and how the documents answer.
 */
export interface TurnDecision extends ExplainedDecision {
  frame: QuestionFrame;
  retrieval: ChatRetrieval;
  scopeDocuments: DocumentSummary[];
  searchedDocuments: DocumentSummary[];
  documentFacts: Record<string, DocumentFactView[]>;
  /**
   * The question names documents (a place, a 文号) outside the scope the client asked for: the
   * scope was kept, and the reader must be told. Absent otherwise.
   */
  scopeConflict?: { named: DocumentSummary[]; cues: string[] };
}

export interface TurnDependencies {
  analyzer: QuestionAnalyzer;
  retriever: Retriever;
  catalog: PassageCatalog;
  store: ClauseStore;
}

/**
 * How much of a question is read: real questions are a line or two (in the eval sets at most 142
 * characters); the API takes up to 2,000 (a pasted paragraph), and reading all of it would cost as
 * much as fifty ordinary questions.
 */
export const QUESTION_READ_CHARACTERS = 200;

export class TurnDecider {
  // The catalog is fixed for the life of the decider, so a document's facts are read once.
  private readonly facts = new Map<string, DocumentFactView[]>();

  constructor(private readonly dependencies: TurnDependencies) {}

  /** `rewritten`: a follow-up an LLM made self-contained; the answer keeps the language the user asked in. */
  async decide(question: string, history: ChatTurn[], documentIds: string[] | undefined, rewritten?: string): Promise<TurnDecision> {
    const { analyzer, retriever, catalog } = this.dependencies;
    const resolved = analyzer.analyze(question.slice(0, QUESTION_READ_CHARACTERS), history);
    // A rewrite carries the topic and slot in words, not which clauses the answer before cited: a
    // clause reference resolved from the conversation stays.
    const frame = rewritten ? withReference({ ...analyzer.read(rewritten.slice(0, QUESTION_READ_CHARACTERS)), original: question, language: detectLanguage(question) }, resolved) : resolved;
    const retrieval = await retrieveForChat(retriever, frame, catalog, documentIds);
    const scopeDocuments = catalog.documents.filter((document) => retrieval.scopeDocumentIds.includes(document.id));
    const documentFacts = this.factsFor([...retrieval.clauses.map((clause) => clause.hit.document.id), ...retrieval.scopeDocumentIds]);
    const searchedDocuments = scopeDocuments.length > 0 ? scopeDocuments : catalog.documents;
    const explained = decideAnswer({ frame, clauses: retrieval.clauses, groups: retrieval.result.groups, scopeDocuments, searchedDocuments, documentFacts, scopeUnseen: retrieval.result.scopeUnseen, referenced: retrieval.result.reference !== undefined });
    const named = frame.scope.named && documentIds && documentIds.length > 0 && !frame.scope.documentIds.some((id) => documentIds.includes(id))
      ? catalog.documents.filter((document) => frame.scope.documentIds.includes(document.id))
      : [];
    return { ...explained, frame, retrieval, scopeDocuments, searchedDocuments, documentFacts, ...(named.length > 0 ? { scopeConflict: { named, cues: frame.scope.cues } } : {}) };
  }

  private factsFor(documentIds: string[]): Record<string, DocumentFactView[]> {
    for (const id of documentIds) {
      if (!this.facts.has(id)) this.facts.set(id, this.dependencies.store.getDocument(id)?.facts ?? []);
    }
    return Object.fromEntries([...new Set(documentIds)].map((id) => [id, this.facts.get(id)!]));
  }
}

function withReference(rewritten: QuestionFrame, resolved: QuestionFrame): QuestionFrame {
  if (rewritten.reference || !resolved.reference) return rewritten;
  return { ...rewritten, reference: resolved.reference, followUp: resolved.followUp };
}
