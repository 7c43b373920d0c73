import type { ClauseCorrespondence } from '../corpus/policy-document.ts';
import type { DocumentSummary, StoredClause } from '../ports/clause-store.ts';

/** The passages retrieval works over, each with its document, in one fixed order. */
export interface CatalogPassage {
  clause: StoredClause;
  document: DocumentSummary;
}

/** A clause of another document that takes up this one or is taken up by it (clause-alignment.ts). */
export interface Counterpart {
  clauseId: string;
  documentId: string;
  /** implements: one of the two follows the other (which one: `implementer`); corresponds: they match closely; nearest: only the closest. */
  relation: ClauseCorrespondence['relation'];
  implementer: 'this' | 'other' | null;
  score: number;
}

// A pair stored both ways keeps its strongest relation.
const RELATION_RANK: Record<ClauseCorrespondence['relation'], number> = { implements: 0, corresponds: 1, nearest: 2 };

export class PassageCatalog {
  readonly passages: CatalogPassage[];
  readonly documents: DocumentSummary[];
  private readonly byId: Map<string, number>;
  /** For each passage, the position of its document in `documents`: masks are built from it. */
  private readonly documentOrdinals: Uint32Array;
  /** Masks by their sorted document ids: a library has few documents, so few distinct scopes. */
  private readonly masks = new Map<string, Uint8Array>();

  private readonly counterpartsById = new Map<string, Counterpart[]>();

  constructor(documents: DocumentSummary[], clauses: StoredClause[], correspondences: ClauseCorrespondence[] = []) {
    this.documents = documents;
    const documentsById = new Map(documents.map((document) => [document.id, document]));
    this.passages = clauses.flatMap((clause) => {
      const document = documentsById.get(clause.documentId);
      return document ? [{ clause, document }] : [];
    });
    this.byId = new Map(this.passages.map((passage, index) => [passage.clause.id, index]));
    const ordinals = new Map(documents.map((document, index) => [document.id, index]));
    this.documentOrdinals = Uint32Array.from(this.passages, (passage) => ordinals.get(passage.document.id)!);
    for (const each of correspondences) {
      this.addCounterpart(each.clauseId, { clauseId: each.otherClauseId, documentId: each.otherDocumentId, relation: each.relation, implementer: each.relation === 'implements' ? 'this' : null, score: each.score });
      this.addCounterpart(each.otherClauseId, { clauseId: each.clauseId, documentId: each.documentId, relation: each.relation, implementer: each.relation === 'implements' ? 'other' : null, score: each.score });
    }
    for (const list of this.counterpartsById.values()) list.sort((left, right) => RELATION_RANK[left.relation] - RELATION_RANK[right.relation] || right.score - left.score);
  }

  /** The clauses of other documents that take this one up or that it takes up, best match first; both directions of a pair are one. */
  counterparts(clauseId: string, documentIds?: string[]): Counterpart[] {
    const all = this.counterpartsById.get(clauseId) ?? [];
    return documentIds ? all.filter((each) => documentIds.includes(each.documentId)) : all;
  }

  private addCounterpart(clauseId: string, counterpart: Counterpart): void {
    const list = this.counterpartsById.get(clauseId) ?? [];
    const existing = list.find((each) => each.clauseId === counterpart.clauseId);
    if (!existing) list.push(counterpart);
    else if (RELATION_RANK[counterpart.relation] < RELATION_RANK[existing.relation]) Object.assign(existing, counterpart);
    else existing.score = Math.max(existing.score, counterpart.score);
    this.counterpartsById.set(clauseId, list);
  }

  indexOf(clauseId: string): number | undefined {
    return this.byId.get(clauseId);
  }

  /** 1 for passages of the given documents, 0 elsewhere; undefined means every document. Shared: read only. */
  documentMask(documentIds: string[] | undefined): Uint8Array | undefined {
    if (!documentIds || documentIds.length === 0) return undefined;
    const key = [...new Set(documentIds)].sort().join('\n');
    const cached = this.masks.get(key);
    if (cached) return cached;
    const wanted = new Uint8Array(this.documents.length);
    for (const id of documentIds) {
      const ordinal = this.documents.findIndex((document) => document.id === id);
      if (ordinal !== -1) wanted[ordinal] = 1;
    }
    const mask = new Uint8Array(this.passages.length);
    for (let index = 0; index < mask.length; index += 1) mask[index] = wanted[this.documentOrdinals[index]!]!;
    // Bounded, though scopes repeat: every subset of a large library is not worth keeping.
    if (this.masks.size >= 64) this.masks.delete(this.masks.keys().next().value!);
    this.masks.set(key, mask);
    return mask;
  }
}
