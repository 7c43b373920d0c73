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

  constructor(documents: DocumentSummary[], clauses: StoredClause[]) {
    this.documents = documents;
    const documentsById = new Map(documents.map((document) => [document.id, document]));
    this.passages = clauses.flatMap((clause) => {
      const document = documentsById.get(clause.documentId);
      return document ? [{ clause, document }] : [];
    });
    this.byId = new Map(this.passages.map((passage, index) => [passage.clause.id, index]));
  }

  indexOf(clauseId: string): number | undefined {
    return this.byId.get(clauseId);
  }

  /** 1 for passages of the given documents, 0 elsewhere; undefined means every document. */
  documentMask(documentIds: string[] | undefined): Uint8Array | undefined {
    if (!documentIds || documentIds.length === 0) return undefined;
    const wanted = new Set(documentIds);
    return Uint8Array.from(this.passages, (passage) => (wanted.has(passage.document.id) ? 1 : 0));
  }
}
