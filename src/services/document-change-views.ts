import type { ClauseRecord, DocumentRecord } from '../domain/corpus/policy-document.ts';
import type { DocumentChange } from './library-service.ts';

/**
 * What the admin sees of a file before and after it joins the library: the document's metadata
 * with the evidence for each value, its sections, each clause with its units (the lead marked), and
 * what happens to the library (a new document, another source of one already there, a replacement).
 */
export interface DocumentChangeView {
  document: {
    id: string; title: string; titleSimplified: string; docNumber: string | null; issuer: string | null; date: string | null;
    level: string; region: string; status: string; sources: { fileName: string; format: string; primary: boolean }[];
  };
  /** Every value read for a field, with where it was read. */
  facts: { field: string; value: string; evidence: string; sourceFile: string }[];
  sections: { numeral: string; heading: string }[];
  clauses: ClausePreview[];
  /** How many numbered clauses, and the distinct responsible units across them (leads first). */
  clauseCount: number;
  units: string[];
  mergedInto: string | null;
  replaced: string | null;
  warnings: string[];
}

export interface ClausePreview {
  id: string;
  section: string | null;
  clause: string | null;
  heading: string | null;
  page: number | null;
  units: { name: string; role: 'lead' | 'co' }[];
}

export function documentChangeView(change: DocumentChange): DocumentChangeView {
  const { document } = change;
  const clauses = document.clauses.filter((clause) => clause.kind === 'clause');
  return {
    document: documentHeader(document),
    facts: document.facts.map((fact) => ({ field: fact.field, value: fact.value, evidence: fact.evidence, sourceFile: fact.sourceFile })),
    sections: document.sections.map((section) => ({ numeral: section.numeral, heading: section.heading })),
    clauses: clauses.map(clausePreview),
    clauseCount: clauses.length,
    units: unitsOf(clauses),
    mergedInto: change.mergedInto,
    replaced: change.replaced,
    warnings: change.warnings,
  };
}

function documentHeader(document: DocumentRecord): DocumentChangeView['document'] {
  return {
    id: document.id, title: document.title, titleSimplified: document.titleSimplified, docNumber: document.docNumber,
    issuer: document.issuer, date: document.date, level: document.level, region: document.region, status: document.status,
    sources: document.sources.map((source) => ({ fileName: source.fileName, format: source.format, primary: source.primary })),
  };
}

function clausePreview(clause: ClauseRecord): ClausePreview {
  return {
    id: clause.id, section: clause.sectionNumeral, clause: clause.numeral, heading: clause.heading, page: clause.page ?? null,
    units: clause.units.map((unit) => ({ name: unit.name, role: unit.role })),
  };
}

function unitsOf(clauses: ClauseRecord[]): string[] {
  const leads = new Set<string>();
  const all = new Set<string>();
  for (const clause of clauses) {
    for (const unit of clause.units) {
      all.add(unit.name);
      if (unit.role === 'lead') leads.add(unit.name);
    }
  }
  return [...leads, ...[...all].filter((name) => !leads.has(name))];
}
