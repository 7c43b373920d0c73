import { POLICY } from '../answer-policy.ts';
import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';
import type { ClauseCorrespondence, DocumentRecord } from './policy-document.ts';

/**
 * Which clause of one document takes up which clause of another, computed at ingest. A local plan
 * that names a national plan as what it follows (按照…《进一步提高产品、工程和服务质量行动方案》)
 * implements it clause by clause: each of its clauses is aligned with the national clause it is
 * closest to. Between other documents only close matches count: they correspond. Closeness is the
 * mean of two cosines over content words (nouns, names, verbal nouns), weighted by how few clauses
 * use them: the clauses' whole texts, and their lead sentences (the title of the task). Below the
 * thresholds a clause's closest clause in each other document is still kept, as nearest: what
 * "the corresponding clause in the Tianjin plan" falls back to, said to be the closest match.
 */
const CONTENT_TAG = /^(n|nz|nr|ns|nt|nw|vn|eng|l|j|an)/u;
// In a quality library every clause speaks of quality: the word tells no clause from another.
const EVERYWHERE = new Set(['质量']);
// The responsibility list at the end of a clause names units, not the task.
const RESPONSIBILITY = /[（(【][^（()）【】]*(负责|落实|分工)[^（()）【】]*[)）】]\s*$/u;

type Vector = Map<string, number>;

interface ClauseVectors {
  id: string;
  whole: Vector;
  lead: Vector;
}

export function alignClauses(documents: DocumentRecord[], segmenter: ChineseSegmenter): ClauseCorrespondence[] {
  return candidateAlignments(documents, segmenter)
    .filter((candidate) => candidate.score > 0)
    .map((candidate) => {
      const { whole, ...correspondence } = candidate;
      return { ...correspondence, relation: accepted({ ...correspondence, whole }) ? candidate.relation : 'nearest' };
    });
}

/** The rule, with the numbers npm run fit:alignment chose: lower for a plan that follows the other. */
export function accepted(candidate: AlignmentCandidate, policy: AlignmentPolicy = POLICY.alignment): boolean {
  return candidate.relation === 'implements'
    ? candidate.score >= policy.implementsScore
    : candidate.score >= policy.correspondsScore && candidate.whole >= policy.correspondsWhole;
}

export interface AlignmentPolicy {
  implementsScore: number;
  correspondsScore: number;
  correspondsWhole: number;
}

/** Each clause's closest clause in every other document, before any threshold; whole: the cosine of the whole texts. */
export interface AlignmentCandidate extends Omit<ClauseCorrespondence, 'relation'> {
  relation: 'implements' | 'corresponds';
  whole: number;
}

export function candidateAlignments(documents: DocumentRecord[], segmenter: ChineseSegmenter): AlignmentCandidate[] {
  const words = (text: string) => segmenter.tag(text).filter(({ word, tag }) => CONTENT_TAG.test(tag) && [...word].length >= 2 && !EVERYWHERE.has(word)).map(({ word }) => word);
  const clauses = new Map(documents.map((document) => [document.id, document.clauses.filter((clause) => clause.kind === 'clause')]));
  const tokenized = new Map<string, { whole: string[]; lead: string[] }>();
  const frequency = new Map<string, number>();
  for (const clause of [...clauses.values()].flat()) {
    const body = clause.normalizedText.replace(RESPONSIBILITY, '');
    const lead = body.slice(0, Math.max(4, body.indexOf('。')));
    const entry = { whole: words(body), lead: words(lead) };
    tokenized.set(clause.id, entry);
    for (const word of new Set(entry.whole)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const total = tokenized.size;
  const vectors = new Map<string, ClauseVectors[]>();
  for (const [documentId, list] of clauses) {
    vectors.set(documentId, list.map((clause) => {
      const entry = tokenized.get(clause.id)!;
      return { id: clause.id, whole: weigh(entry.whole, frequency, total), lead: weigh(entry.lead, frequency, total) };
    }));
  }

  const candidates: AlignmentCandidate[] = [];
  for (const document of documents) {
    for (const other of documents) {
      if (other === document) continue;
      const relation = implementsDocument(document, other) ? 'implements' : 'corresponds';
      for (const clause of vectors.get(document.id)!) {
        const best = bestMatch(clause, vectors.get(other.id)!);
        if (best) candidates.push({ clauseId: clause.id, documentId: document.id, otherClauseId: best.id, otherDocumentId: other.id, relation, score: round(best.score), whole: round(best.whole) });
      }
    }
  }
  return candidates;
}

/** A local document implements a national one it names as what it follows, and it came after it. */
export function implementsDocument(document: DocumentRecord, other: DocumentRecord): boolean {
  if (other.level !== 'national' || document.level === 'national') return false;
  if (document.date && other.date && document.date < other.date) return false;
  const title = bare(other.titleSimplified);
  return title.length > 0 && document.facts.some((fact) => fact.field === 'basis' && bare(fact.value).includes(title));
}

/** A title without its book-title marks, brackets, spaces and punctuation: how two documents cite it alike. */
function bare(title: string): string {
  return title.replace(/[^\p{Script=Han}\p{N}\p{L}]/gu, '');
}

function bestMatch(clause: ClauseVectors, candidates: ClauseVectors[]): { id: string; score: number; whole: number } | undefined {
  let best: { id: string; score: number; whole: number } | undefined;
  for (const candidate of candidates) {
    const whole = cosine(clause.whole, candidate.whole);
    const score = (whole + cosine(clause.lead, candidate.lead)) / 2;
    if (!best || score > best.score) best = { id: candidate.id, score, whole };
  }
  return best;
}

function weigh(words: string[], frequency: Map<string, number>, total: number): Vector {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const vector: Vector = new Map();
  let norm = 0;
  for (const [word, count] of counts) {
    const weight = (1 + Math.log(count)) * Math.log(1 + total / (frequency.get(word) ?? 1));
    vector.set(word, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [word, weight] of vector) vector.set(word, weight / norm);
  return vector;
}

function cosine(left: Vector, right: Vector): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let sum = 0;
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0);
  return sum;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
