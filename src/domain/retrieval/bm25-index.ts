/**
 * In-memory BM25F over clause fields. Per-document term weights are precomputed at build time,
 * so a query only walks the postings of its own terms and adds floats. Common terms (质量 is in
 * most clauses) are not walked at all once they can no longer change which documents make the
 * top: MaxScore pruning (Turtle & Flood, 1995), exact, not approximate.
 */
export interface FieldSpec {
  name: string;
  weight: number;
  /** BM25 length normalisation for this field (0: none, 1: full). */
  lengthNormalization: number;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface ScoredDocument {
  index: number;
  score: number;
  /** Share of the query's total idf-weight that this document matched, 0…1. */
  coverage: number;
}

const K1 = 1.2;
const EMPTY = new Uint32Array(0);

interface Posting {
  documents: number[];
  weights: number[];
}

interface FrozenPosting {
  /** Ascending document indexes. */
  documents: Uint32Array;
  saturated: Float32Array;
  idf: number;
  /** The largest saturated weight: with the idf, the most this term can add to any score. */
  maxSaturated: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly fieldLengths: number[][] = [];
  private readonly pending: Map<string, number>[][] = [];
  private frozen?: Map<string, FrozenPosting>;

  constructor(private readonly fields: FieldSpec[]) {}

  get size(): number {
    return this.fieldLengths.length;
  }

  /** Adds a document; `fieldTokens[i]` are the tokens of `fields[i]`. Returns its index. */
  add(fieldTokens: string[][]): number {
    const counts = fieldTokens.map((tokens) => {
      const map = new Map<string, number>();
      for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
      return map;
    });
    this.pending.push(counts);
    this.fieldLengths.push(fieldTokens.map((tokens) => tokens.length));
    this.frozen = undefined;
    return this.fieldLengths.length - 1;
  }

  /** Precomputes saturated term weights; called once after the last add. */
  build(): void {
    const documentCount = this.fieldLengths.length;
    const averages = this.fields.map((_, field) => this.fieldLengths.reduce((sum, lengths) => sum + lengths[field]!, 0) / Math.max(documentCount, 1) || 1);
    this.postings.clear();
    this.pending.forEach((fieldCounts, documentIndex) => {
      const combined = new Map<string, number>();
      fieldCounts.forEach((counts, field) => {
        const spec = this.fields[field]!;
        const norm = 1 - spec.lengthNormalization + spec.lengthNormalization * (this.fieldLengths[documentIndex]![field]! / averages[field]!);
        for (const [term, count] of counts) combined.set(term, (combined.get(term) ?? 0) + (spec.weight * count) / norm);
      });
      for (const [term, weighted] of combined) {
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = { documents: [], weights: [] }));
        posting.documents.push(documentIndex);
        posting.weights.push(weighted);
      }
    });
    this.frozen = new Map();
    for (const [term, posting] of this.postings) {
      const documentFrequency = posting.documents.length;
      const idf = Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
      const saturated = Float32Array.from(posting.weights, (weight) => weight / (K1 + weight));
      this.frozen.set(term, { documents: Uint32Array.from(posting.documents), saturated, idf, maxSaturated: saturated.reduce((max, value) => Math.max(max, value), 0) });
    }
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Ascending indexes of the documents holding the term (empty when none does). Read only. */
  documentsWith(term: string): Uint32Array {
    return this.requireBuilt().get(term)?.documents ?? EMPTY;
  }

  idf(term: string): number {
    return this.requireBuilt().get(term)?.idf ?? 0;
  }

  /**
   * Top documents for the weighted query terms. `allowed`, when given, masks documents out
   * (scope filters) before ranking.
   */
  search(query: WeightedTerm[], limit: number, allowed?: Uint8Array): ScoredDocument[] {
    const frozen = this.requireBuilt();
    const scores = new Float32Array(this.size);
    const matchedWeight = new Float32Array(this.size);
    const touched: number[] = [];
    const merged = new Map<string, number>();
    for (const { term, weight } of query) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
    // Terms by the most they can add to a score, highest first: rare terms, short postings.
    const terms = [...merged]
      .flatMap(([term, weight]) => {
        const posting = frozen.get(term);
        return posting ? [{ posting, termWeight: posting.idf * weight, bound: posting.idf * weight * posting.maxSaturated * (K1 + 1) }] : [];
      })
      .sort((left, right) => right.bound - left.bound);
    const totalWeight = terms.reduce((sum, term) => sum + term.termWeight, 0);
    // remaining[i]: the most that terms i… can still add to any one document.
    const remaining = new Float64Array(terms.length + 1);
    for (let index = terms.length - 1; index >= 0; index -= 1) remaining[index] = remaining[index + 1]! + terms[index]!.bound;

    let next = 0;
    let maxScore = 0;
    for (; next < terms.length; next += 1) {
      // Once the terms left cannot lift a document that has none of the terms so far into the
      // top `limit`, only the documents already scored can still place; switch to looking them up.
      if (touched.length >= limit && remaining[next]! < maxScore && remaining[next]! < kthScore(touched, scores, limit)) break;
      const { posting, termWeight } = terms[next]!;
      const { documents, saturated } = posting;
      for (let position = 0; position < documents.length; position += 1) {
        const document = documents[position]!;
        if (allowed && allowed[document] === 0) continue;
        if (scores[document] === 0) touched.push(document);
        const score = scores[document]! + termWeight * saturated[position]! * (K1 + 1);
        scores[document] = score;
        if (score > maxScore) maxScore = score;
        matchedWeight[document] = matchedWeight[document]! + termWeight;
      }
    }
    let candidates = touched;
    for (; next < terms.length; next += 1) {
      const threshold = kthScore(candidates, scores, limit);
      candidates = candidates.filter((document) => scores[document]! + remaining[next]! >= threshold);
      const { posting, termWeight } = terms[next]!;
      for (const document of candidates) {
        const position = findPosition(posting.documents, document);
        if (position === -1) continue;
        scores[document] = scores[document]! + termWeight * posting.saturated[position]! * (K1 + 1);
        matchedWeight[document] = matchedWeight[document]! + termWeight;
      }
    }
    return topDocuments(candidates, scores, limit).map((index) => ({
      index,
      score: scores[index]!,
      coverage: totalWeight > 0 ? matchedWeight[index]! / totalWeight : 0,
    }));
  }

  private requireBuilt() {
    if (!this.frozen) this.build();
    return this.frozen!;
  }
}

/** The score of the `limit`-th best document, or 0 when there are fewer. */
function kthScore(documents: number[], scores: Float32Array, limit: number): number {
  if (documents.length < limit) return 0;
  const best = topDocuments(documents, scores, limit);
  return scores[best[limit - 1]!]!;
}

/** Binary search in ascending document indexes. */
function findPosition(documents: Uint32Array, document: number): number {
  let low = 0;
  let high = documents.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = documents[middle]!;
    if (value === document) return middle;
    if (value < document) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The `limit` best of the touched documents, best first, without sorting them all. */
function topDocuments(touched: number[], scores: Float32Array, limit: number): number[] {
  const best: number[] = [];
  for (const document of touched) {
    const score = scores[document]!;
    if (best.length === limit && score <= scores[best[limit - 1]!]!) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (scores[best[middle]!]! >= score) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, document);
    if (best.length > limit) best.pop();
  }
  return best;
}
