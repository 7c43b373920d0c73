import type { ClauseCorrespondence, Corpus, DocumentLevel, DocumentStatus, PassageKind, UnitRole } from '../corpus/policy-document.ts';

/** What the rest of the system reads and writes about the corpus; SQLite implements it. */

export interface StoredUnit {
  name: string;
  nameEn: string | null;
  role: UnitRole;
}

export interface StoredClause {
  id: string;
  documentId: string;
  kind: PassageKind;
  position: number;
  /** Chinese numerals as written, without 、 or brackets (section 二, clause 二). */
  section: string | null;
  sectionHeading: string | null;
  clause: string | null;
  heading: string | null;
  text: string;
  normalizedText: string;
  units: StoredUnit[];
}

export interface DocumentSource {
  fileName: string;
  primary: boolean;
  sha256: string;
  warnings: string[];
}

export interface DocumentFactView {
  field: string;
  value: string;
  evidence: string;
  source: string;
}

export interface DocumentSummary {
  id: string;
  title: string;
  titleSimplified: string;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  level: DocumentLevel;
  regionCode: string;
  /** Gazetteer code of the place the document applies to (12 天津市); null for national documents. */
  placeCode: string | null;
  region: string;
  regionEn: string;
  status: DocumentStatus;
  sources: DocumentSource[];
  clauseCount: number;
}

export interface DocumentDetail extends DocumentSummary {
  /** Every value each source gave, with where it was read: sources disagree on issuer and dates. */
  facts: DocumentFactView[];
  sections: { numeral: string; heading: string }[];
  /** Numbered clauses, in document order. */
  clauses: StoredClause[];
  /** Notice, preamble, section introductions, closing paragraphs and signature. */
  passages: StoredClause[];
}

export interface IngestRun {
  finishedAt: string;
  corpusHash: string;
  documents: number;
  clauses: number;
  passages: number;
  units: number;
  duplicatesMerged: number;
  rejected: { fileName: string; reason: string }[];
  warnings: string[];
}

export interface CorpusStats {
  documents: number;
  clauses: number;
  passages: number;
  units: number;
  lastIngest: IngestRun | null;
}

export interface ClauseStore {
  /** Replaces the whole corpus in one transaction: on any failure the previous corpus stays. */
  replaceCorpus(corpus: Corpus): IngestRun;
  currentCorpusHash(): string | null;
  listDocuments(): DocumentSummary[];
  getDocument(id: string): DocumentDetail | undefined;
  getClauses(ids: string[]): StoredClause[];
  /** Every passage of every document, numbered clauses and others, for indexing. */
  allPassages(): StoredClause[];
  /** Which clause takes up which clause of another document (computed at ingest), best match first per clause. */
  listCorrespondences(): ClauseCorrespondence[];
  stats(): CorpusStats;
  close(): void;
}
