/**
 * In-memory BM25F over clause fields. Per-document term weights are precomputed at build time,
 * so a query only walks the postings of its own terms and adds floats: at 100k clauses the
 * common terms (质量) still cost one pass over a typed array.
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

interface Posting {
  documents: number[];
  weights: number[];
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly fieldLengths: number[][] = [];
  private readonly pending: Map<string, number>[][] = [];
  private frozen?: Map<string, { documents: Uint32Array; saturated: Float32Array; idf: number }>;

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
      this.frozen.set(term, {
        documents: Uint32Array.from(posting.documents),
        saturated: Float32Array.from(posting.weights, (weight) => weight / (K1 + weight)),
        idf,
      });
    }
  }

  has(term: string): boolean {
    return this.postings.has(term);
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
    let totalWeight = 0;
    const merged = new Map<string, number>();
    for (const { term, weight } of query) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
    for (const [term, weight] of merged) {
      const posting = frozen.get(term);
      if (!posting) continue;
      const termWeight = posting.idf * weight;
      totalWeight += termWeight;
      const { documents, saturated } = posting;
      for (let position = 0; position < documents.length; position += 1) {
        const document = documents[position]!;
        if (allowed && allowed[document] === 0) continue;
        if (scores[document] === 0) touched.push(document);
        scores[document] = scores[document]! + termWeight * saturated[position]! * (K1 + 1);
        matchedWeight[document] = matchedWeight[document]! + termWeight;
      }
    }
    return topDocuments(touched, scores, limit).map((index) => ({
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
