import { parseChineseNumeral } from './chinese-numerals.ts';
import { CLAUSE_START, DATE_LINE, SECTION_HEADING, hasTerminalPunctuation } from './line-kinds.ts';
import { findResponsibilityAnnotation } from './responsibility-parser.ts';
import type { SourceLine } from './source-lines.ts';

import type { PassageKind } from './policy-document.ts';

export type { PassageKind } from './policy-document.ts';

export interface ParsedSection {
  ordinal: number;
  /** The numeral as written, normalised to Simplified: 一, 二 … 十. */
  numeral: string;
  heading: SourceLine;
}

export interface ParsedPassage {
  kind: PassageKind;
  section?: ParsedSection;
  /** Clause numeral as written (一 … 三十), for numbered clauses only. */
  numeral?: string;
  /** Position of the clause or paragraph within its section, from 1. */
  ordinalInSection: number;
  /** Display lines; for a clause the first line has its (一) prefix removed. */
  lines: string[];
  firstLineNumber: number;
}

export interface ParsedStructure {
  title?: SourceLine;
  /** Titles seen above the plan title, such as the 关于印发…的通知 covering notice. */
  otherTitles: SourceLine[];
  passages: ParsedPassage[];
  sections: ParsedSection[];
  warnings: string[];
}

const ORGANISATION_LINE = /^[\p{Script=Han}()\s]{2,60}(局|委|会|部|办|院|府|署|社|联|行|组|厅|中心|小组)$/u;

/**
 * Splits the cleaned lines of one source into notice, preamble, sections, numbered clauses,
 * closing paragraphs and the signature block. Every body line ends up in exactly one passage.
 */
export function parseStructure(lines: SourceLine[]): ParsedStructure {
  const warnings: string[] = [];
  const firstStructural = lines.findIndex((line) => line.kind === 'section-heading' || line.kind === 'clause-start');
  if (firstStructural === -1) return parseUnstructured(lines);

  const header = lines.slice(0, firstStructural);
  const titleIndex = header.findLastIndex((line) => line.kind === 'title');
  const title = titleIndex >= 0 ? header[titleIndex] : undefined;
  const otherTitles = header.filter((line, index) => line.kind === 'title' && index !== titleIndex);
  const passages: ParsedPassage[] = [];
  const isTextLine = (line: SourceLine) =>
    !['title', 'document-number', 'document-header', 'publication-note'].includes(line.kind);
  pushPassage(passages, 'notice', header.slice(0, Math.max(titleIndex, 0)).filter(isTextLine));
  pushPassage(passages, 'preamble', header.slice(titleIndex + 1).filter(isTextLine));

  const body = lines.slice(firstStructural);
  const signatureStart = findSignatureStart(body);
  const signature = body.slice(signatureStart);
  const sections: ParsedSection[] = [];
  let section: ParsedSection | undefined;
  let openClause: ParsedPassage | undefined;
  let ordinalInSection = 0;
  const trailing: SourceLine[] = [];

  for (const line of body.slice(0, signatureStart)) {
    const sectionMatch = line.kind === 'section-heading' ? SECTION_HEADING.exec(line.normalized) : null;
    if (sectionMatch) {
      flushTrailing(passages, trailing, section, () => (ordinalInSection += 1));
      // A numeral the document already used (an appendix that numbers again from 一、) gets the next free
      // ordinal: sections are keyed by it. checkNumbering reports the break.
      const written = parseChineseNumeral(sectionMatch[1]!) ?? sections.length + 1;
      const ordinal = sections.some((each) => each.ordinal === written) ? Math.max(...sections.map((each) => each.ordinal)) + 1 : written;
      section = { ordinal, numeral: sectionMatch[1]!, heading: line };
      sections.push(section);
      openClause = undefined;
      ordinalInSection = 0;
      continue;
    }
    const clauseMatch = line.kind === 'clause-start' ? CLAUSE_START.exec(line.normalized) : null;
    if (clauseMatch) {
      flushTrailing(passages, trailing, section, () => (ordinalInSection += 1));
      ordinalInSection += 1;
      openClause = {
        kind: 'clause',
        numeral: clauseMatch[1]!,
        ordinalInSection,
        lines: [stripClauseNumber(line.display)],
        firstLineNumber: line.lineNumber,
        ...(section ? { section } : {}),
      };
      passages.push(openClause);
      if (isClosedByResponsibility(line)) openClause = undefined;
      continue;
    }
    // A clause without its responsibility line yet continues onto the next paragraph
    // (汕尾 (二) 目标任务 runs on with 到2035年…); after it, paragraphs stand on their own.
    if (openClause) {
      openClause.lines.push(line.display);
      if (isClosedByResponsibility(line)) openClause = undefined;
      continue;
    }
    trailing.push(line);
  }
  flushTrailing(passages, trailing, section, () => (ordinalInSection += 1), true);
  pushPassage(passages, 'signature', signature);
  checkNumbering(passages, sections, warnings);
  return { ...(title ? { title } : {}), otherTitles, passages, sections, warnings };
}

function pushPassage(passages: ParsedPassage[], kind: PassageKind, lines: SourceLine[], extra: Partial<ParsedPassage> = {}) {
  if (lines.length === 0) return;
  passages.push({ kind, ordinalInSection: 0, lines: lines.map((line) => line.display), firstLineNumber: lines[0]!.lineNumber, ...extra });
}

/**
 * Paragraphs that follow a section heading before its first clause introduce the section;
 * paragraphs after the last clause of the document close it. Each paragraph is its own passage
 * so that retrieval can point at it.
 */
function flushTrailing(
  passages: ParsedPassage[],
  trailing: SourceLine[],
  section: ParsedSection | undefined,
  nextOrdinal: () => number,
  atEnd = false,
) {
  const lastPassage = passages.at(-1);
  const afterClauses = atEnd && passages.some((passage) => passage.kind === 'clause') && lastPassage?.kind !== 'section-text';
  for (const line of trailing) {
    if (atEnd && afterClauses) {
      pushPassage(passages, 'closing', [line]);
    } else {
      pushPassage(passages, 'section-text', [line], { ordinalInSection: nextOrdinal(), ...(section ? { section } : {}) });
    }
  }
  trailing.length = 0;
}

function isClosedByResponsibility(line: SourceLine): boolean {
  return findResponsibilityAnnotation(line.normalized) !== undefined;
}

function stripClauseNumber(display: string): string {
  return display.replace(/^[（(][一二三四五六七八九十]{1,4}[)）]\s*/u, '');
}

/** The signature block is the run of issuing bodies and dates that ends the text. */
function findSignatureStart(body: SourceLine[]): number {
  let start = body.length;
  while (start > 0) {
    const line = body[start - 1]!;
    const isDate = DATE_LINE.test(line.normalized);
    const isOrganisation = ORGANISATION_LINE.test(line.normalized) && !hasTerminalPunctuation(line.normalized);
    if (line.kind !== 'date' && !(line.kind === 'paragraph' && (isDate || isOrganisation))) break;
    start -= 1;
  }
  // A lone organisation name without a date is more likely a closing heading than a signature.
  return body.slice(start).some((line) => line.kind === 'date') ? start : body.length;
}

function parseUnstructured(lines: SourceLine[]): ParsedStructure {
  const warnings = ['no sections or numbered clauses found: the whole text is kept as one clause'];
  // Without structure, a short unpunctuated first line is the best title there is.
  const first = lines[0];
  const title = first && lines.length > 1 && first.normalized.length <= 60 && !hasTerminalPunctuation(first.normalized) ? first : undefined;
  const textLines = title ? lines.slice(1) : lines;
  const passages: ParsedPassage[] = [];
  pushPassage(passages, 'clause', textLines.length > 0 ? textLines : lines, { ordinalInSection: 1 });
  return { ...(title ? { title } : {}), otherTitles: [], passages, sections: [], warnings };
}

function checkNumbering(passages: ParsedPassage[], sections: ParsedSection[], warnings: string[]) {
  sections.forEach((section, index) => {
    if ((parseChineseNumeral(section.numeral) ?? section.ordinal) !== index + 1) warnings.push(`section ${section.numeral}、 is out of sequence (expected number ${index + 1})`);
  });
  const clauses = passages.filter((passage) => passage.kind === 'clause' && passage.numeral !== undefined);
  const numbers = clauses.map((clause) => parseChineseNumeral(clause.numeral!) ?? 0);
  const runsOn = numbers.every((value, index) => value === index + 1);
  const restartsPerSection = clauses.every((clause) => parseChineseNumeral(clause.numeral!) === clause.ordinalInSection);
  if (!runsOn && !restartsPerSection) {
    warnings.push(`clause numbering neither runs on nor restarts per section: ${clauses.map((clause) => clause.numeral).join(' ')}`);
  }
}
