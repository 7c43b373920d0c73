import type { UnitRole } from '../domain/corpus/policy-document.ts';
import type { NamedUnit } from '../domain/question/question-frame.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';

/**
 * The responsible units as data (GET /api/units, /api/units/:name, the unit view of the web page):
 * every clause whose parsed responsibility list names a unit, per document and role. The same lists
 * answer "市商务局在天津方案里牵头哪些任务?" in the chat.
 */
export interface UnitSummary {
  /** regionCode:name: 市财政局 of Tianjin and of Shanwei are two units. */
  id: string;
  name: string;
  nameEn: string | null;
  region: string;
  regionEn: string;
  documents: { docId: string; lead: number; co: number }[];
}

export interface UnitClauseView {
  clauseId: string;
  section: string | null;
  clause: string | null;
  heading: string | null;
  role: UnitRole;
}

export interface UnitDetail extends Omit<UnitSummary, 'documents'> {
  documents: { docId: string; docNumber: string | null; docTitle: string; docStatus: 'in-force' | 'draft'; lead: number; co: number; clauses: UnitClauseView[] }[];
}

/** Finds the units a name stands for, as staff write it (工信局, MIIT, Tianjin Commerce Bureau). */
export type UnitNameReader = (text: string) => NamedUnit[];

interface Listing {
  summary: Omit<UnitSummary, 'documents'>;
  byDocument: Map<string, UnitClauseView[]>;
}

export class UnitViews {
  private readonly listings = new Map<string, Listing>();

  constructor(private readonly catalog: PassageCatalog, private readonly readNames: UnitNameReader) {
    for (const { clause, document } of catalog.passages) {
      for (const unit of clause.units) {
        const id = `${document.regionCode}:${unit.name}`;
        let listing = this.listings.get(id);
        if (!listing) {
          listing = { summary: { id, name: unit.name, nameEn: unit.nameEn, region: document.region, regionEn: document.regionEn }, byDocument: new Map() };
          this.listings.set(id, listing);
        }
        const clauses = listing.byDocument.get(document.id) ?? [];
        clauses.push({ clauseId: clause.id, section: clause.section, clause: clause.clause, heading: clause.heading, role: unit.role });
        listing.byDocument.set(document.id, clauses);
      }
    }
  }

  /** Every unit, those listed most often first. */
  list(): UnitSummary[] {
    return [...this.listings.values()]
      .map(({ summary, byDocument }) => ({ ...summary, documents: [...byDocument].map(([docId, clauses]) => ({ docId, ...counts(clauses) })) }))
      .sort((left, right) => total(right) - total(left) || left.id.localeCompare(right.id, 'zh'));
  }

  /**
   * The units a name stands for: a unit id (tj:市商务局), a name as the clauses write it (both cities'
   * 市财政局), or any name staff use for one. Empty when it names none.
   */
  find(name: string): UnitDetail[] {
    const exact = this.listings.get(name);
    if (exact) return [this.detail(exact)];
    const written = [...this.listings.values()].filter((listing) => listing.summary.name === name);
    if (written.length > 0) return written.map((listing) => this.detail(listing));
    const ids = new Set<string>();
    for (const unit of this.readNames(name)) {
      for (const [documentId, names] of Object.entries(unit.byDocument)) {
        const document = this.catalog.documents.find((each) => each.id === documentId);
        if (document) for (const each of names) ids.add(`${document.regionCode}:${each}`);
      }
    }
    return [...ids].flatMap((id) => (this.listings.has(id) ? [this.detail(this.listings.get(id)!)] : []));
  }

  private detail({ summary, byDocument }: Listing): UnitDetail {
    const documents = this.catalog.documents
      .filter((document) => byDocument.has(document.id))
      .map((document) => {
        const clauses = byDocument.get(document.id)!;
        return { docId: document.id, docNumber: document.docNumber, docTitle: document.title, docStatus: document.status, ...counts(clauses), clauses };
      });
    return { ...summary, documents };
  }
}

function counts(clauses: UnitClauseView[]): { lead: number; co: number } {
  const lead = clauses.filter((clause) => clause.role === 'lead').length;
  return { lead, co: clauses.length - lead };
}

function total(unit: UnitSummary): number {
  return unit.documents.reduce((sum, document) => sum + document.lead + document.co, 0);
}
