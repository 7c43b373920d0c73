import type { StoredUnit } from '../ports/clause-store.ts';
import type { RetrievalHit } from '../retrieval/retrieval-types.ts';

/** What the answer decision returns and every backend reads. Types only. */

export interface NumberedClause {
  n: number;
  hit: RetrievalHit;
}

/** The kinds of answer, in one list; answer-kinds.ts holds what each needs and how it answers. */
export type AnswerKindName = 'metadata' | 'unit-tasks' | 'alignment' | 'mentions' | 'compare' | 'unit-check' | 'unit-count' | 'lead' | 'units' | 'money' | 'figure' | 'date' | 'content';

export type NotFoundReasonKind =
  /** The question names a place no document covers. */
  | 'uncovered-place'
  /** The question asks what a document says that the library holds only as what one of its documents implements. */
  | 'uncovered-document'
  /** The question's topic holds a word no document uses. */
  | 'unseen-topic'
  /** No clause is close enough to the question's topic. */
  | 'off-topic'
  /** The nearest clause is on topic but does not state the asked fact (an amount, a figure for that year, units). */
  | 'missing-fact'
  /** Nothing was retrieved (an empty library, a filter that leaves nothing). */
  | 'nothing-retrieved'
  /** An LLM backend read the clauses and found no answer in them. */
  | 'model-declined';

export interface NotFoundReason {
  kind: NotFoundReasonKind;
  /** One line in English for logs, the eval report and npm run search -- --explain. */
  detail: string;
  place?: string;
  term?: string;
  /** For uncovered-document: its title, and the library document that implements it. */
  document?: { title: string; implementedBy: string };
  /** For unseen-topic: other documents of the library use the term, only those asked about do not. */
  elsewhere?: boolean;
  /** For missing-fact: what is missing, and the clause that came closest. */
  /** unit: the clause does not list the unit the question names. */
  missing?: 'units' | 'unit' | 'figure' | 'money' | 'date' | 'year' | 'document';
  year?: string;
  nearest?: number;
}

/** One clause the answer rests on, and what in it answers. */
export interface Evidence {
  clause: NumberedClause;
  /** The sentence(s) to quote, as written. */
  quote: string;
  /** The asked value (94.8%, the lead unit's name, 是/不是), when the kind has one. */
  value?: string;
  /** The units, lead first, for unit answers. */
  units?: StoredUnit[];
  /** For a yes/no check: the verdict. */
  verdict?: boolean;
  /** The year the value is for. */
  year?: string | null;
  /** The comma-separated part of the quote that holds the value, as written (制造业产品质量合格率力争达到94.8%). */
  part?: string;
  /** A figure was asked for this year and the clause sets none: its wording for the year is quoted instead. */
  noFigureFor?: string;
  /** A yes/no on a thing the clause does not name (拖拉机): the no is said with what is missing. */
  notNamed?: string;
}

export type AnswerDecision =
  | {
      outcome: 'answer';
      kind: AnswerKindName;
      /** Best first; for a comparison, one per document. */
      evidence: Evidence[];
      /** The asked fact was not certain in the best on-topic clause: the answer says it is the closest match. */
      closestMatch: boolean;
      /** Why this kind and these clauses: the rule that fired, for explanations. */
      rule: string;
    }
  | { outcome: 'not-found'; reason: NotFoundReason; rule: string };
