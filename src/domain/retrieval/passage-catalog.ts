import type { DocumentSummary, StoredClause } from '../ports/clause-store.ts';

/** The passages retrieval works over, each with its document, in one fixed order. */
export interface CatalogPassage {
  clause: StoredClause;
  document: DocumentSummary;
}

export class PassageCatalog {
  readonly passages: CatalogPassage[];
  readonly documents: DocumentSummary[];
  private readonly byId: Map<string, number>;
  /** For each passage, the position of its document in `documents`: masks are built from it. */
  private readonly documentOrdinals: Uint32Array;
  /** Masks by their sorted document ids: a library has few documents, so few distinct scopes. */
  private readonly masks = new Map<string, Uint8Array>();

  constructor(documents: DocumentSummary[], clauses: StoredClause[]) {
    this.documents = documents;
    const documentsById = new Map(documents.map((document) => [document.id, document]));
    this.passages = clauses.flatMap((clause) => {
      const document = documentsById.get(clause.documentId);
      return document ? [{ clause, document }] : [];
    });
    this.byId = new Map(this.passages.map((passage, index) => [passage.clause.id, index]));
    const ordinals = new Map(documents.map((document, index) => [document.id, index]));
    this.documentOrdinals = Uint32Array.from(this.passages, (passage) => ordinals.get(passage.document.id)!);
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
