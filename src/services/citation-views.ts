import type { NumberedClause } from '../domain/ports/answer-backend.ts';

/** A cited (or related) clause as the API returns it. */
export interface CitationView {
  n: number;
  clauseId: string;
  docId: string;
  docTitle: string;
  docNumber: string | null;
  /** A draft for comment is not in force; readers should know before they rely on it. */
  docStatus: 'in-force' | 'draft';
  section: string | null;
  clause: string | null;
  heading: string | null;
  text: string;
  /** The sentence(s) the answer relies on, for highlighting; absent when it relies on the whole clause. */
  quote?: string;
  units: { name: string; nameEn: string | null; role: 'lead' | 'co' }[];
}

export function citationView({ n, hit }: NumberedClause, quote?: string): CitationView {
  const { clause, document } = hit;
  return {
    n,
    clauseId: clause.id,
    docId: document.id,
    docTitle: document.title,
    docNumber: document.docNumber,
    docStatus: document.status,
    section: clause.section,
    clause: clause.clause,
    heading: clause.heading,
    text: clause.text,
    ...(quote && clause.text.includes(quote) ? { quote } : {}),
    units: clause.units.map((unit) => ({ name: unit.name, nameEn: unit.nameEn, role: unit.role })),
  };
}
