import { simplifiedForDisplay } from '../domain/corpus/text-normalizer.ts';
import { sentenceTexts } from '../domain/answer/sentences.ts';
import type { NumberedClause } from '../domain/ports/answer-backend.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';

/** A clause of another document that this one takes up, or that takes it up (computed at ingest). */
export interface CounterpartView {
  clauseId: string;
  docId: string;
  docNumber: string | null;
  docTitle: string;
  /** national, provincial, municipal, city…: the source panel says 对应国家方案 for a national one. */
  level: string;
  section: string | null;
  clause: string | null;
  heading: string | null;
  headingSimplified: string | null;
  /** implements: this clause implements that one; implemented-by: that one implements this; corresponds: they match closely. */
  relation: 'implements' | 'implemented-by' | 'corresponds';
}

/** A cited (or related) clause as the API returns it. */
export interface CitationView {
  n: number;
  clauseId: string;
  docId: string;
  docTitle: string;
  docNumber: string | null;
  /** A draft for comment is not in force; readers should know before they rely on it. */
  docStatus: 'in-force' | 'draft';
  docIssuer: string | null;
  docDate: string | null;
  section: string | null;
  clause: string | null;
  heading: string | null;
  /** The PDF page the clause starts on; null for other formats. */
  page: number | null;
  text: string;
  /** The sentence(s) the answer relies on, for highlighting; absent when it relies on the whole clause. */
  quote?: string;
  /** The same in Simplified characters (equal to the original for a Simplified source), for Simplified and English readers. */
  docTitleSimplified: string;
  headingSimplified: string | null;
  textSimplified: string;
  quoteSimplified?: string;
  units: { name: string; nameEn: string | null; role: 'lead' | 'co' }[];
  /** Best match per other document, national first. */
  counterparts: CounterpartView[];
}

export function citationView({ n, hit }: NumberedClause, catalog: PassageCatalog, quote?: string): CitationView {
  const { clause, document } = hit;
  return {
    n,
    clauseId: clause.id,
    docId: document.id,
    docTitle: document.title,
    docNumber: document.docNumber,
    docStatus: document.status,
    docIssuer: document.issuer,
    docDate: document.date,
    section: clause.section,
    clause: clause.clause,
    heading: clause.heading,
    page: clause.page ?? null,
    text: clause.text,
    ...(quote ? locateQuote(clause.text, quote) : {}),
    docTitleSimplified: document.titleSimplified,
    headingSimplified: clause.heading ? simplifiedForDisplay(clause.heading) : null,
    textSimplified: simplifiedForDisplay(clause.text),
    units: clause.units.map((unit) => ({ name: unit.name, nameEn: unit.nameEn, role: unit.role })),
    counterparts: counterpartViews(clause.id, catalog),
  };
}

/**
 * The quoted sentence(s) in the clause as written and in Simplified. A quote may join sentences that
 * are not next to each other (the first and third), and may be taken from the clause's Simplified
 * reading of a Traditional source: each sentence is found on its own, in the text or in its
 * character-for-character Simplified form, and mapped back. Absent when a sentence is not there.
 */
function locateQuote(text: string, quote: string): { quote: string; quoteSimplified: string } | Record<string, never> {
  const simplified = simplifiedForDisplay(text);
  const sameLength = simplified.length === text.length;
  const original: string[] = [];
  const converted: string[] = [];
  // Cut as the quote was made (sentences.ts), so each piece is a sentence of the clause.
  for (const sentence of sentenceTexts(quote)) {
    const direct = text.indexOf(sentence);
    const at = direct >= 0 ? direct : sameLength ? simplified.indexOf(sentence) : -1;
    if (at < 0) return {};
    original.push(text.slice(at, at + sentence.length));
    converted.push(simplified.slice(at, at + sentence.length));
  }
  return original.length > 0 ? { quote: original.join(''), quoteSimplified: converted.join('') } : {};
}

export function counterpartViews(clauseId: string, catalog: PassageCatalog): CounterpartView[] {
  const seen = new Set<string>();
  const views: CounterpartView[] = [];
  for (const counterpart of catalog.counterparts(clauseId)) {
    if (counterpart.relation === 'nearest') continue;
    const index = catalog.indexOf(counterpart.clauseId);
    if (index === undefined) continue;
    const { clause, document } = catalog.passages[index]!;
    // Several clauses of one document may implement one national clause (天津 二(一) and 二(二)): all are named.
    const key = counterpart.implementer === 'other' ? clause.id : document.id;
    if (seen.has(key)) continue;
    seen.add(key);
    views.push({
      clauseId: clause.id, docId: document.id, docNumber: document.docNumber, docTitle: document.title, level: document.level,
      section: clause.section, clause: clause.clause, heading: clause.heading, headingSimplified: clause.heading ? simplifiedForDisplay(clause.heading) : null,
      relation: counterpart.implementer === 'this' ? 'implements' : counterpart.implementer === 'other' ? 'implemented-by' : 'corresponds',
    });
  }
  const national = (view: CounterpartView) => (view.level === 'national' ? 0 : 1);
  return views.sort((left, right) => national(left) - national(right));
}
