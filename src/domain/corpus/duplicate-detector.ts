import { normalizeText } from './text-normalizer.ts';
import type { SourceDraft } from './source-parser.ts';

/**
 * Two files are one document when nearly every clause of the shorter one has a near-identical
 * clause in the other. Comparison runs on normalised text with punctuation and spaces removed,
 * so full-width vs half-width punctuation, line breaks and pinyin garbage do not matter, while
 * the national plan and the Tianjin plan that follows it (similar wording, different clauses) stay apart.
 */
const CLAUSE_SIMILARITY = 0.85;
const DOCUMENT_MATCH_RATIO = 0.8;

export interface DuplicateVerdict {
  duplicate: boolean;
  clauseMatchRatio: number;
}

export function compareSources(left: SourceDraft, right: SourceDraft): DuplicateVerdict {
  const leftUnits = comparisonUnits(left);
  const rightUnits = comparisonUnits(right);
  const [smaller, larger] = leftUnits.length <= rightUnits.length ? [leftUnits, rightUnits] : [rightUnits, leftUnits];
  if (smaller.length === 0) return { duplicate: false, clauseMatchRatio: 0 };
  let matched = 0;
  for (const unit of smaller) {
    if (larger.some((candidate) => jaccard(unit, candidate) >= CLAUSE_SIMILARITY)) matched += 1;
  }
  const clauseMatchRatio = matched / smaller.length;
  // A short fragment that matches a few clauses of a long document is an excerpt, not a copy.
  const sizeRatio = smaller.length / larger.length;
  return { duplicate: clauseMatchRatio >= DOCUMENT_MATCH_RATIO && sizeRatio >= DOCUMENT_MATCH_RATIO, clauseMatchRatio };
}

function comparisonUnits(source: SourceDraft): Set<string>[] {
  const passages = source.structure.passages;
  const clauses = passages.filter((passage) => passage.kind === 'clause');
  const chosen = clauses.length >= 3 ? clauses : passages;
  return chosen.map((passage) => bigrams(normalizeText(passage.lines.join(''), source.script)));
}

function bigrams(text: string): Set<string> {
  const compact = text.replace(/[^\p{Script=Han}\p{Letter}\p{Number}]/gu, '');
  const grams = new Set<string>();
  for (let index = 0; index < compact.length - 1; index += 1) grams.add(compact.slice(index, index + 2));
  return grams;
}

function jaccard(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}
