import cues from './question-cues.json' with { type: 'json' };
import { normalizeText } from '../corpus/text-normalizer.ts';
import { formatChineseNumeral } from '../corpus/chinese-numerals.ts';
import { cuePattern, matchesCue } from './cue-matching.ts';

/**
 * Clauses a question names by their place in a document (国家方案二(一), Tianjin 二(二), 天津方案(十四),
 * 第十四条) or by their title in quotes (天津方案「壓實企業主體責任」), and the words that point at
 * clauses instead of a topic: this clause (这一条, it), the corresponding one (对应, the Tianjin
 * version), implements (落实, only beside a clause named here).
 */
export interface ReferenceClause {
  id: string;
  documentId: string;
  /** Numerals as written: section 二, clause 一. */
  section: string | null;
  clause: string | null;
  /** The title of the task (the lead phrase), Simplified. */
  heading: string | null;
}

export interface ClauseReferenceReading {
  /** Clauses named in the question, in the order named. */
  clauseIds: string[];
  /** Pointing words found: to the clause before (这一条, it), to another document's clause (对应), and the labels and titles read. */
  sameClause: string | null;
  correspondence: string | null;
  labels: string[];
  /** The text with the labels, titles and pointing words taken out, for reading the slot and topic. */
  rest: string;
}

const NUMERAL = '[一二三四五六七八九十]{1,4}';
const SECTION_AND_CLAUSE = new RegExp(`(${NUMERAL})\\s*[、,，.]?\\s*[(（]\\s*(${NUMERAL})\\s*[)）]`, 'gu');
const CLAUSE_ONLY = new RegExp(`[(（]\\s*(${NUMERAL})\\s*[)）]|第\\s*(${NUMERAL})\\s*[条项]`, 'gu');
const QUOTED = /[「『“"'‘]([^「『“"'‘」』”"'’]{4,30})[」』”"'’]/gu;
const SAME_CLAUSE = [...cues.references.sameClause].sort((left, right) => right.length - left.length);
const CORRESPONDENCE = [...cues.references.correspondence].sort((left, right) => right.length - left.length);
const IMPLEMENTATION = cues.references.implementation;
// How far before a label its document may be named (天津市2023年质量提升行动方案的二(一)): a bound on the work per label.
const LOOK_BACK = 60;

export class ClauseReferenceReader {
  private readonly byDocument = new Map<string, ReferenceClause[]>();

  constructor(clauses: ReferenceClause[]) {
    // Appended in place: copying the list for every clause was quadratic, 300 million copies and half
    // a gigabyte of garbage for a library of 100,000 clauses.
    for (const clause of clauses) {
      const list = this.byDocument.get(clause.documentId);
      if (list) list.push(clause);
      else this.byDocument.set(clause.documentId, [clause]);
    }
  }

  /**
   * `documentsBefore(text)`: the documents a stretch of the question names (the scope reader), so
   * that a label is read in the document named just before it: in 天津方案哪一条落实国家方案二(一),
   * 二(一) is the national plan's. `scoped`: the documents the whole question names.
   */
  read(text: string, scoped: string[], documentsBefore: (text: string) => string[]): ClauseReferenceReading {
    let rest = text;
    const clauseIds: string[] = [];
    const labels: string[] = [];
    const take = (found: ReferenceClause[], label: string) => {
      if (found.length === 0) return;
      labels.push(label);
      for (const clause of found) if (!clauseIds.includes(clause.id)) clauseIds.push(clause.id);
      rest = rest.replace(label, ' ');
    };
    for (const match of text.matchAll(SECTION_AND_CLAUSE)) {
      take(this.near(text, match.index, scoped, documentsBefore, (clause) => clause.section === match[1] && clause.clause === match[2]), match[0]);
    }
    for (const match of rest.matchAll(CLAUSE_ONLY)) {
      const numeral = match[1] ?? match[2];
      take(this.near(rest, match.index, scoped, documentsBefore, (clause) => clause.clause === numeral), match[0]);
    }
    for (const match of rest.matchAll(QUOTED)) {
      const title = normalizeText(match[1]!).toLowerCase().replace(/[。；;]$/u, '');
      take(this.near(rest, match.index, scoped, documentsBefore, (clause) => clause.heading !== null && (clause.heading === title || (title.length >= 6 && clause.heading.includes(title)))), match[0]);
    }

    const sameClause = SAME_CLAUSE.find((cue) => matchesCue(rest, cue)) ?? null;
    let correspondence = CORRESPONDENCE.find((cue) => matchesCue(rest, cue)) ?? null;
    if (!correspondence && clauseIds.length > 0) correspondence = IMPLEMENTATION.find((cue) => matchesCue(rest, cue)) ?? null;
    if (correspondence) rest = rest.replace(cuePattern(correspondence), ' ');
    // "It" also stands for a document or a unit (does it say anything on…): it is only taken out when the resolver uses it.
    if (sameClause && sameClause !== 'it') rest = rest.replace(cuePattern(sameClause), ' ');
    return { clauseIds, sameClause, correspondence, labels, rest };
  }

  /** The clauses matching a label in the document named closest before it, else in the documents in scope. */
  private near(text: string, index: number, scoped: string[], documentsBefore: (text: string) => string[], matches: (clause: ReferenceClause) => boolean): ReferenceClause[] {
    const before = text.slice(0, index);
    // The shortest stretch before the label that names a document holding such a clause.
    for (let start = before.length - 1; start >= Math.max(0, before.length - LOOK_BACK); start -= 1) {
      if (start > 0 && !/[\s\p{Script=Han}]/u.test(before[start - 1]!) && !/\s/u.test(before[start]!)) continue;
      const named = documentsBefore(before.slice(start));
      const found = named.flatMap((id) => (this.byDocument.get(id) ?? []).filter(matches));
      if (found.length > 0) return found;
    }
    const documents = scoped.length > 0 ? scoped : [...this.byDocument.keys()];
    return documents.flatMap((id) => (this.byDocument.get(id) ?? []).filter(matches));
  }
}

// A clause labelled in Arabic numerals, as English answers and clients write them: 4(11), section 8 item 22, clause 4.11.
const ARABIC_LABELS: RegExp[] = [
  /(?<![\d.])(\d{1,2})\s*[(（]\s*(\d{1,2})\s*[)）]/gu,
  /\b(?:section|part)\s+(\d{1,2}),?\s+(?:item|clause|point|task|article)\s+(\d{1,2})\b/gu,
  /\b(?:clause|item|point)\s+(\d{1,2})\.(\d{1,2})\b/gu,
];

/** The same clause labels in the documents' own numerals (四(十一)), which the reader knows; lower-cased text in and out. */
export function withChineseClauseNumbers(text: string): string {
  return ARABIC_LABELS.reduce((written, pattern) => written.replace(pattern, (_match, section: string, item: string) => {
    const [major, minor] = [Number(section), Number(item)];
    return major >= 1 && minor >= 1 ? ` ${formatChineseNumeral(major)}(${formatChineseNumeral(minor)}) ` : _match;
  }), text);
}
