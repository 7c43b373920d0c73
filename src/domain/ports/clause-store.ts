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
  /** For a PDF source: the page the passage starts on. */
  page?: number | null;
  units: StoredUnit[];
}

export interface DocumentSource {
  fileName: string;
  primary: boolean;
  /** Of the file's bytes. */
  sha256: string;
  format: 'pdf' | 'docx' | 'html' | 'txt';
  /** seed: from the seeds folder; upload: through the admin API (addedAt, addedBy: the token's label). */
  origin: 'seed' | 'upload';
  addedAt: string | null;
  addedBy: string | null;
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

/** A file the library is built from, by the hash of its bytes: seeded from the folder, or uploaded. */
export interface LibraryFile {
  sha256: string;
  fileName: string;
  format: DocumentSource['format'];
  origin: DocumentSource['origin'];
  bytes: number;
  addedAt: string;
  /** The admin token's label for an upload. */
  addedBy: string | null;
  /** A removed file is kept on record and no longer read. */
  removedAt: string | null;
  removedBy: string | null;
}

/** Registry changes written in the same transaction as the corpus they produce. */
export interface LibraryFileChanges {
  add?: LibraryFile[];
  remove?: { sha256: string; by: string | null }[];
}

export interface ClauseStore {
  /**
   * Replaces the whole corpus in one transaction, with the registry changes that produced it: on
   * any failure the previous corpus and registry stay.
   */
  replaceCorpus(corpus: Corpus, files?: LibraryFileChanges): IngestRun;
  listLibraryFiles(): LibraryFile[];
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
