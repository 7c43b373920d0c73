/**
 * Each numbered clause usually closes with the units that carry it out:
 *   （市工业和信息化局、市市场监管委…等按职责分工负责）   【市市场监管局牵头负责】
 *   （…等部门及各区人民政府负责落实。以下均需各区人民政府落实，不再列出）
 * The first listed unit leads unless another is explicitly marked 牵头.
 * Parsing works on the normalised text (Simplified, half-width brackets).
 */

import type { ResponsibleUnit } from './policy-document.ts';

export type { ResponsibleUnit, UnitRole } from './policy-document.ts';

export interface ResponsibilityAnnotation {
  /** The annotation as found, brackets included, in the normalised text. */
  raw: string;
  /** Offset in the normalised text where the annotation starts. */
  start: number;
  units: ResponsibleUnit[];
}

const RESPONSIBILITY_MARKER = /负责|牵头/u;
const CLOSING_TO_OPENING: Record<string, string> = { ')': '(', '】': '【' };

/** Finds the bracketed annotation that ends the text, if it names responsible units. */
export function findResponsibilityAnnotation(normalizedText: string): ResponsibilityAnnotation | undefined {
  const text = normalizedText.trimEnd();
  const closing = text.at(-1);
  if (closing === undefined || !(closing in CLOSING_TO_OPENING)) return undefined;
  const start = closing === '】' ? text.lastIndexOf('【') : findMatchingOpening(text);
  if (start < 0) return undefined;
  const raw = text.slice(start);
  const content = raw.slice(1, -1);
  if (!RESPONSIBILITY_MARKER.test(content)) return undefined;
  const units = parseResponsibleUnits(content);
  return units.length > 0 ? { raw, start, units } : undefined;
}

function findMatchingOpening(text: string): number {
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const character = text[index];
    if (character === ')') depth += 1;
    if (character === '(') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

// Notes that apply to the whole document or restate the duty, not units.
const DOCUMENT_WIDE_NOTE = /以下(均需.*)?不再列出|^以下均需/u;
// Local governments that implement every clause (各区人民政府, 地方各级人民政府,
// 各县(市、区)党委、人民政府(管委会)) are named once for the whole document, not per clause.
const LOCAL_IMPLEMENTERS = /^(各|地方各级)/u;
const DUTY_SUFFIX = /(等部门|等单位|等)?(按职责分工负责|负责落实|牵头负责|具体负责|负责)$/u;
const LEAD_SUFFIX = /牵头(负责)?$/u;
const TRAILING_ET_CETERA = /(等部门|等单位|等)$/u;

export function parseResponsibleUnits(content: string): ResponsibleUnit[] {
  // Only the first sentence lists units; what follows 。 is a note such as 以下均需…不再列出.
  const firstSentence = removeUnbalancedBrackets(content.split('。')[0] ?? '');
  const leads: string[] = [];
  const others: string[] = [];
  for (const segment of splitTopLevel(firstSentence, ',;')) {
    const trimmed = segment.trim();
    if (trimmed === '' || DOCUMENT_WIDE_NOTE.test(trimmed)) continue;
    const isLead = LEAD_SUFFIX.test(trimmed);
    const listed = trimmed.replace(LEAD_SUFFIX, '').replace(DUTY_SUFFIX, '');
    if (LOCAL_IMPLEMENTERS.test(listed)) continue;
    // “…市知识产权局等部门及各区人民政府” lists units, then the local implementers.
    const [unitList = ''] = listed.split(/等(?:部门|单位)?及/u);
    for (const candidate of splitTopLevel(unitList, '、')) {
      const name = candidate.trim().replace(TRAILING_ET_CETERA, '');
      if (name === '' || LOCAL_IMPLEMENTERS.test(name)) continue;
      (isLead ? leads : others).push(name);
    }
  }
  const ordered = [...new Set([...leads, ...others])];
  const leadName = leads[0] ?? ordered[0];
  return ordered.map((name) => ({ name, role: name === leadName ? 'lead' : 'co' }));
}

function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(' || character === '【') depth += 1;
    if (character === ')' || character === '】') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(character)) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

/** Drops a stray “)” or “(” that a source left inside an annotation (…汕尾海关按职责分工负责)】). */
function removeUnbalancedBrackets(text: string): string {
  const keep = new Array<boolean>(text.length).fill(true);
  const open: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '(') open.push(index);
    if (text[index] === ')') {
      if (open.length > 0) open.pop();
      else keep[index] = false;
    }
  }
  for (const index of open) keep[index] = false;
  return text.split('').filter((_, index) => keep[index]).join('');
}
