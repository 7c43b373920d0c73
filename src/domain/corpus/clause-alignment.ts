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

/** A unit vector over word ids, sorted by id: two vectors meet in one merge pass. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}
// A clause's heaviest words that find the clauses it is compared with, and a bound on how many.
const INDEX_WORDS = 8;
const MAX_CANDIDATES = 200;
// How many other documents keep a clause's nearest clause when it passes no threshold there.
const NEAREST_DOCUMENTS = 4;

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
  const wordIds = new Map<string, number>();
  const vocabulary: string[] = [];
  const vectors = new Map<string, ClauseVectors[]>();
  for (const [documentId, list] of clauses) {
    vectors.set(documentId, list.map((clause) => {
      const entry = tokenized.get(clause.id)!;
      return { id: clause.id, whole: weigh(entry.whole, frequency, total, wordIds, vocabulary), lead: weigh(entry.lead, frequency, total, wordIds, vocabulary) };
    }));
  }

  // Every clause of a plan that implements another is aligned against all of that one's clauses;
  // between other documents only clauses that share one of a clause's heaviest words are compared
  // (an inverted index), so the cost grows with the library, not with its square.
  const all = [...vectors.values()].flat();
  const documentOf = new Map<string, string>();
  for (const [documentId, list] of vectors) for (const clause of list) documentOf.set(clause.id, documentId);
  const postings = new Map<number, number[]>();
  all.forEach((clause, index) => {
    for (const word of clause.whole.ids) {
      const list = postings.get(word);
      if (list) list.push(index);
      else postings.set(word, [index]);
    }
  });
  const candidates: AlignmentCandidate[] = [];
  for (const document of documents) {
    const implemented = documents.filter((other) => other !== document && implementsDocument(document, other));
    for (const clause of vectors.get(document.id)!) {
      const best = new Map<string, { id: string; score: number; whole: number }>();
      for (const other of implemented) {
        const match = bestMatch(clause, vectors.get(other.id)!);
        if (match) best.set(other.id, match);
      }
      const heaviest = [...clause.whole.ids.keys()].sort((left, right) => clause.whole.weights[right]! - clause.whole.weights[left]!).slice(0, INDEX_WORDS).map((position) => clause.whole.ids[position]!);
      const seen = new Set<number>();
      for (const word of heaviest) {
        for (const index of postings.get(word) ?? []) {
          if (seen.size >= MAX_CANDIDATES) break;
          seen.add(index);
        }
        if (seen.size >= MAX_CANDIDATES) break;
      }
      const skipped = new Set([document.id, ...implemented.map((other) => other.id)]);
      for (const index of seen) {
        const candidate = all[index]!;
        const otherId = documentOf.get(candidate.id)!;
        if (skipped.has(otherId)) continue;
        const whole = cosine(clause.whole, candidate.whole);
        const score = (whole + cosine(clause.lead, candidate.lead)) / 2;
        const current = best.get(otherId);
        if (!current || current.score < score) best.set(otherId, { id: candidate.id, score, whole });
      }
      const ranked = [...best].sort((left, right) => right[1].score - left[1].score);
      ranked.forEach(([otherId, match], rank) => {
        const relation = implemented.some((other) => other.id === otherId) ? 'implements' : 'corresponds';
        const candidate = { clauseId: clause.id, documentId: document.id, otherClauseId: match.id, otherDocumentId: otherId, relation, score: round(match.score), whole: round(match.whole) } as const;
        // Past the closest few documents, only matches that pass the thresholds are worth keeping.
        if (rank < NEAREST_DOCUMENTS || accepted(candidate)) candidates.push(candidate);
      });
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

function weigh(words: string[], frequency: Map<string, number>, total: number, wordIds: Map<string, number>, vocabulary: string[] = []): Vector {
  const counts = new Map<number, number>();
  for (const word of words) {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(word, id);
      vocabulary[id] = word;
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from(counts.keys()).sort();
  const weights = new Float64Array(ids.length);
  let norm = 0;
  ids.forEach((id, position) => {
    const weight = (1 + Math.log(counts.get(id)!)) * Math.log(1 + total / (frequency.get(vocabulary[id]!) ?? 1));
    weights[position] = weight;
    norm += weight * weight;
  });
  norm = Math.sqrt(norm) || 1;
  for (let position = 0; position < weights.length; position += 1) weights[position]! /= norm;
  return { ids, weights };
}

function cosine(left: Vector, right: Vector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < left.ids.length && j < right.ids.length) {
    const a = left.ids[i]!;
    const b = right.ids[j]!;
    if (a === b) sum += left.weights[i++]! * right.weights[j++]!;
    else if (a < b) i += 1;
    else j += 1;
  }
  return sum;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
