import type { DocumentFact } from './metadata-extractor.ts';
import type { Script } from './text-normalizer.ts';

/** The structured corpus that ingest produces and the clause store keeps. */

export type DocumentStatus = 'in-force' | 'draft';
/** The parts a document is split into: its notice, preamble, section introductions, clauses, closing and signature. */
export type PassageKind = 'notice' | 'preamble' | 'section-text' | 'clause' | 'closing' | 'signature';
/** A responsible unit leads (牵头, or listed first) or shares the task. */
export type UnitRole = 'lead' | 'co';

export interface ResponsibleUnit {
  name: string;
  role: UnitRole;
}
export type DocumentLevel = RegionLevel;
import type { RegionLevel } from '../places/regions.ts';

export interface ClauseRecord {
  /** Stable across ingests: document id, then section and clause positions (tj-2023-3:2.2). */
  id: string;
  documentId: string;
  kind: PassageKind;
  /** Order of the passage within its document, from 1. */
  position: number;
  /** Numerals as written, without 、 or brackets; null where the passage has none. */
  sectionNumeral: string | null;
  sectionHeading: string | null;
  numeral: string | null;
  /** The lead phrase before the first 。, as written. */
  heading: string | null;
  /** As the source writes it, minus garbage. */
  text: string;
  /** Simplified, mainland wording, unified widths: for indexing and matching. */
  normalizedText: string;
  /** The responsibility annotation as found at the end of the clause, normalised. */
  responsibility: string | null;
  units: ResponsibleUnit[];
  sourceLine: number;
  /** For a PDF source: the page the passage starts on. */
  page?: number | null;
}

export interface SectionRecord {
  numeral: string;
  ordinal: number;
  heading: string;
  normalizedHeading: string;
}

export interface SourceRecord {
  fileName: string;
  /** Of the file's bytes: the key of an uploaded original. */
  sha256: string;
  format: 'pdf' | 'docx' | 'html' | 'txt';
  bytes: number;
  /** The source whose text the document shows; the others only add facts. */
  primary: boolean;
  script: Script;
  removedLines: number;
  pinyinAnnotationsRemoved: number;
  warnings: string[];
}

export interface SourcedFact extends DocumentFact {
  sourceFile: string;
}

export interface DocumentRecord {
  id: string;
  /** As the source writes it (Traditional for a Traditional source). */
  title: string;
  /** The title in Simplified script with its own spacing, for display. */
  titleSimplified: string;
  normalizedTitle: string;
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
  sources: SourceRecord[];
  facts: SourcedFact[];
  sections: SectionRecord[];
  clauses: ClauseRecord[];
}

/** A responsible unit. 市财政局 of Tianjin and of Shanwei are different units, so the key carries the region. */
export interface UnitRecord {
  /** regionCode:name, e.g. tj:市市场监管委 */
  key: string;
  name: string;
  regionCode: string;
  nameEn: string | null;
}

export interface RejectedFile {
  fileName: string;
  reason: string;
}

export interface MergedDuplicate {
  documentId: string;
  keptSource: string;
  mergedSources: string[];
  /** Share of the smaller source's clauses that found a near-identical clause in the other. */
  clauseMatchRatio: number;
}

/**
 * A clause of one document that takes up a clause of another (clause-alignment.ts): implements, when
 * its document follows the other (a local plan and the national plan it names); corresponds, when
 * the two only match closely; nearest, when it is only the closest clause of that document.
 */
export interface ClauseCorrespondence {
  clauseId: string;
  documentId: string;
  otherClauseId: string;
  otherDocumentId: string;
  relation: 'implements' | 'corresponds' | 'nearest';
  score: number;
}

export interface Corpus {
  documents: DocumentRecord[];
  units: UnitRecord[];
  correspondences: ClauseCorrespondence[];
  /** Identifies the input and the parser that read it: same hash, same corpus. */
  corpusHash: string;
  rejected: RejectedFile[];
  duplicates: MergedDuplicate[];
  warnings: string[];
}
