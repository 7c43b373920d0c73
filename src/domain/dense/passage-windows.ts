import { findResponsibilityAnnotation } from '../corpus/responsibility-parser.ts';
import type { StoredClause } from '../ports/clause-store.ts';

/**
 * Long clauses exceed the model's 512 tokens and name their units at the very end, so each
 * clause is embedded as overlapping windows of its body, every window carrying the clause
 * heading and its responsibility line. Window i maps back to its clause by `passageIndex`.
 */
export const CHUNKER_VERSION = 1;
const WINDOW_CHARACTERS = 320;
const OVERLAP_CHARACTERS = 80;

export interface PassageWindow {
  passageIndex: number;
  text: string;
}

export function passageWindows(passages: StoredClause[]): PassageWindow[] {
  const windows: PassageWindow[] = [];
  passages.forEach((clause, passageIndex) => {
    const annotation = findResponsibilityAnnotation(clause.normalizedText);
    const body = annotation ? clause.normalizedText.slice(0, annotation.start) : clause.normalizedText;
    const heading = clause.heading ? `${clause.sectionHeading ?? ''} ${clause.heading}`.trim() : clause.sectionHeading ?? '';
    const responsibility = annotation?.raw ?? '';
    for (let start = 0; start < Math.max(body.length, 1); start += WINDOW_CHARACTERS - OVERLAP_CHARACTERS) {
      const chunk = body.slice(start, start + WINDOW_CHARACTERS);
      windows.push({ passageIndex, text: [heading, chunk, responsibility].filter(Boolean).join('\n') });
      if (start + WINDOW_CHARACTERS >= body.length) break;
    }
  });
  return windows;
}
