import { createHash } from 'node:crypto';
import { primaryFact } from './metadata-extractor.ts';
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

const unitsOf = new WeakMap<SourceDraft, Set<string>[]>();

/** A source's clauses as bigram sets, computed once per source however many pairs it is in. */
function comparisonUnits(source: SourceDraft): Set<string>[] {
  let units = unitsOf.get(source);
  if (!units) {
    units = computeComparisonUnits(source);
    unitsOf.set(source, units);
  }
  return units;
}

function computeComparisonUnits(source: SourceDraft): Set<string>[] {
  return comparedPassages(source).map((passage) => bigrams(normalizeText(passage.lines.join(''), source.script)));
}

/** The clauses, or every passage of a source with fewer than three. */
function comparedPassages(source: SourceDraft) {
  const passages = source.structure.passages;
  const clauses = passages.filter((passage) => passage.kind === 'clause');
  return clauses.length >= 3 ? clauses : passages;
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

// MinHash over a source's five-character shingles, banded for locality-sensitive hashing: two copies
// of one document (Jaccard 0.85 or more) share a band with probability 0.96 or more (0.996 at 0.9),
// while two local plans that follow one national plan in similar words (0.5) do with 0.04.
// 80 hashes in 10 bands of 8.
const HASHES = 80;
const ROWS_PER_BAND = 8;
const SHINGLE = 5;
const SEEDS = Array.from({ length: HASHES }, (_, index) => Math.imul(index + 1, 0x9e3779b1) >>> 0);

/**
 * The pairs of sources worth comparing clause by clause: those with the same 文号, and those whose
 * texts MinHash puts in one bucket. Linear in the number of sources, where comparing all pairs is
 * quadratic; compareSources still decides.
 */
export function duplicateCandidates(drafts: SourceDraft[]): [number, number][] {
  const pairs = new Set<string>();
  const buckets = new Map<string, number[]>();
  drafts.forEach((draft, index) => {
    const number = primaryFact(draft.facts, 'docNumber')?.value;
    const keys = number ? [`number:${number}`] : [];
    const signature = minHash(shinglesOf(draft));
    for (let band = 0; band < HASHES / ROWS_PER_BAND; band += 1) keys.push(`band:${band}:${signature.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND).join(',')}`);
    for (const key of keys) {
      const members = buckets.get(key) ?? [];
      for (const other of members) pairs.add(`${other},${index}`);
      members.push(index);
      buckets.set(key, members);
    }
  });
  return [...pairs].map((pair) => pair.split(',').map(Number) as [number, number]).sort((left, right) => left[0] - right[0] || left[1] - right[1]);
}

/**
 * Five-character shingles of the compared passages: bigrams are shared by any two texts on one
 * subject, five characters in a row mostly by copies of one text.
 */
function shinglesOf(source: SourceDraft): Set<string> {
  const shingles = new Set<string>();
  for (const passage of comparedPassages(source)) {
    const compact = normalizeText(passage.lines.join(''), source.script).replace(/[^\p{Script=Han}\p{Letter}\p{Number}]/gu, '');
    for (let index = 0; index + SHINGLE <= compact.length; index += 1) shingles.add(compact.slice(index, index + SHINGLE));
  }
  return shingles;
}

function minHash(shingles: Set<string>): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  {
    for (const gram of shingles) {
      const base = hashGram(gram);
      for (let index = 0; index < HASHES; index += 1) {
        const value = (Math.imul(base ^ SEEDS[index]!, 0x85ebca6b) ^ (base >>> 13)) >>> 0;
        if (value < signature[index]!) signature[index] = value;
      }
    }
  }
  return signature;
}

const gramHashes = new Map<string, number>();
function hashGram(gram: string): number {
  let value = gramHashes.get(gram);
  if (value === undefined) {
    value = createHash('md5').update(gram).digest().readUInt32LE(0);
    if (gramHashes.size < 1_000_000) gramHashes.set(gram, value);
  }
  return value;
}
