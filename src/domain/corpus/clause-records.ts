import { parseChineseNumeral } from './chinese-numerals.ts';
import type { ClauseRecord, SectionRecord } from './policy-document.ts';
import { findResponsibilityAnnotation } from './responsibility-parser.ts';
import type { ParsedPassage, ParsedStructure } from './structure-parser.ts';
import { normalizeText, type Script } from './text-normalizer.ts';

const MAX_HEADING = 60;

export function buildSections(structure: ParsedStructure, script: Script): SectionRecord[] {
  return structure.sections.map((section) => {
    const heading = section.heading.display.replace(/^[一二三四五六七八九十]{1,3}、\s*/u, '');
    return { numeral: section.numeral, ordinal: section.ordinal, heading, normalizedHeading: normalizeText(heading, script) };
  });
}

export function buildClauseRecords(documentId: string, structure: ParsedStructure, script: Script): ClauseRecord[] {
  const counters = new Map<string, number>();
  const usedIds = new Set<string>();
  return structure.passages.map((passage, index) => {
    const text = passage.lines.join('\n');
    const normalizedText = normalizeText(text, script).replace(/ ?\n ?/gu, '\n');
    const annotation = passage.kind === 'clause' ? findResponsibilityAnnotation(normalizedText) : undefined;
    const section = passage.section;
    // A source that repeats a clause number must not make two clauses share an id.
    let id = `${documentId}:${passageKey(passage, counters)}`;
    for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${documentId}:${passageKey(passage, counters)}-${suffix}`;
    usedIds.add(id);
    return {
      id,
      documentId,
      kind: passage.kind,
      position: index + 1,
      sectionNumeral: section?.numeral ?? null,
      sectionHeading: section ? section.heading.display.replace(/^[一二三四五六七八九十]{1,3}、\s*/u, '') : null,
      numeral: passage.numeral ?? null,
      heading: passage.kind === 'clause' || passage.kind === 'section-text' ? leadPhrase(text) : null,
      text,
      normalizedText,
      responsibility: annotation?.raw ?? null,
      units: annotation?.units ?? [],
      sourceLine: passage.firstLineNumber,
    };
  });
}

/** 2.2 for clause (二) of section 二; 1.p2 for the second paragraph introducing section 一; preamble, closing-1 … */
function passageKey(passage: ParsedPassage, counters: Map<string, number>): string {
  const sectionOrdinal = passage.section?.ordinal;
  if (passage.kind === 'clause' && passage.numeral !== undefined) {
    const clauseOrdinal = parseChineseNumeral(passage.numeral) ?? passage.ordinalInSection;
    return sectionOrdinal === undefined ? `${clauseOrdinal}` : `${sectionOrdinal}.${clauseOrdinal}`;
  }
  if (passage.kind === 'section-text' && sectionOrdinal !== undefined) return `${sectionOrdinal}.p${passage.ordinalInSection}`;
  const count = (counters.get(passage.kind) ?? 0) + 1;
  counters.set(passage.kind, count);
  return count === 1 && passage.kind !== 'closing' ? passage.kind : `${passage.kind}-${count}`;
}

function leadPhrase(text: string): string | null {
  const end = text.search(/[。;；]/u);
  if (end <= 0 || end > MAX_HEADING) return null;
  return text.slice(0, end);
}
