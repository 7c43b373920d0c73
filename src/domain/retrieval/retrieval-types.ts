import type { DocumentSummary, StoredClause } from '../ports/clause-store.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import type { WeightedTerm } from './bm25-index.ts';

/** What retrieval returns; the answer decision and every backend read it. Types only. */

/** A unit of a topic word (a bigram, a number, a Latin word) with its idf in the corpus. */
export interface WeightedUnit {
  unit: string;
  idf: number;
}

/** One word of the question's topic, as matched against texts (topic-coverage.ts). */
export interface TopicGroup {
  /** Question word or English word, for explanations. */
  label: string;
  weight: number;
  /** Alternative spellings (translations); each is a list of units (bigrams, numbers, words). */
  alternatives: WeightedUnit[][];
}
export type RetrievalPath = 'lexical' | 'dense';

export interface RetrievalHit {
  clause: StoredClause;
  document: DocumentSummary;
  /** Fused score (reciprocal-rank fusion over the active paths). */
  score: number;
  /** 0…1: the idf-weighted share of the question's topic words the clause holds. */
  coverage: number;
  paths: {
    lexical?: { rank: number; score: number; coverage: number };
    dense?: { rank: number; similarity: number };
  };
  /** Retrieved by a clause reference: a clause pointed at (source), or one that takes it up or that it takes up (target). */
  reference?: ReferenceRole;
  /**
   * Put on the table for what the question asks, not found by search: the passages stating a document's
   * record (notice, signature), or those setting its goals by a year (the year the plan runs to).
   */
  supplied?: 'record' | 'goals';
}

export interface ReferenceRole {
  role: 'source' | 'target';
  /** For a target: how it relates to the source it was found from. */
  /** same-topic: not aligned at ingest, but the clause there that holds the whole topic the source was asked on. */
  relation?: 'same' | 'implements' | 'implemented-by' | 'corresponds' | 'same-topic' | 'nearest';
  /** For a target: the source clause. */
  of?: string;
}

/** A clause reference resolved against the catalog: the clauses asked about, and those pointed at. */
export interface ResolvedReference {
  relation: 'same' | 'corresponding';
  targets: { clauseId: string; relation: NonNullable<ReferenceRole['relation']>; of: string }[];
  sources: string[];
  /** Only nearest matches were found: the answer says it is the closest clause, not the corresponding one. */
  closest: boolean;
}

export interface RetrievalResult {
  frame: QuestionFrame;
  /** The Chinese terms matched against clauses (translated for English questions). */
  terms: WeightedTerm[];
  /** The topic's words with their weights: topicShare(groups, text) scores any text, a sentence for one. */
  groups: TopicGroup[];
  hits: RetrievalHit[];
  /** 0…1: the best coverage among the top hits. */
  confidence: number;
  activePaths: RetrievalPath[];
  /** The documents searched (the frame's scope within the request's filter); empty: all. */
  searchedDocumentIds: string[];
  /** Specific topic words the corpus uses, but none of the searched documents does (预制菜 asked of Tianjin). */
  scopeUnseen: string[];
  /** Set when the clauses were those a reference points at, not a search. */
  reference?: ResolvedReference;
}
