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

import { ChunkedArray } from './chunked-array.ts';
import { findPosition, kthScore, topDocuments } from './ranked-documents.ts';
import { TermTable } from './term-table.ts';

const K1 = 1.2;
/**
 * Saturated weights lie in [0, 1) and are kept as 8-bit steps of 1/255, as search engines keep
 * impacts (Lucene's norms are one byte): a quarter of the memory of 32-bit floats, 28 MiB less than
 * 16 bits at 100k clauses, and on every eval set the same answers and retrieval figures as 16 bits.
 */
const SATURATION_STEPS = 0xff;
/** A document's count of a term and the field it is in share 16 bits: two bits of field, fourteen of count. */
const FIELD_BITS = 2;
const MAX_COUNT = (1 << (16 - FIELD_BITS)) - 1;
const EMPTY_DOCUMENTS = new Uint32Array(0);

/** A term's postings: views into the index's shared arrays, never copies. */
interface Posting {
  /** Ascending document indexes. */
  documents: Uint32Array;
  /** Saturated weights in steps of 1/SATURATION_STEPS. */
  saturated: Uint8Array;
  idf: number;
  /** The largest saturated weight: with the idf, the most this term can add to any score. */
  maxSaturated: number;
}


/**
 * The postings of every term in two shared typed arrays (documents, 8-bit saturated weights), each term's
 * slice found by its id: no object and no JavaScript array per posting, so the index of 100,000
 * clauses fits in a fraction of the memory per-term objects took. Documents are added, then the
 * index is built once; adding after that is an error (a changed library builds a new index). Term
 * ids come from a TermTable, which the index may share with the builds before and after it.
 */
export class Bm25Index {
  private readonly documentStarts: number[] = [0];
  private readonly fieldLengths: number[] = [];
  // What add() gathered: per document, per field, each term with its count.
  private entryTerms = new ChunkedArray((size) => new Uint32Array(size));
  private entryCountFields = new ChunkedArray((size) => new Uint16Array(size));
  private scratch?: { scores: Float32Array; matchedWeight: Float32Array };
  private built?: { documentCount: number; termCount: number; offsets: Uint32Array; documents: Uint32Array; saturated: Uint8Array; idf: Float64Array; maxSaturated: Float32Array };

  constructor(private readonly fields: FieldSpec[], readonly terms: TermTable = new TermTable()) {
    if (fields.length > 1 << FIELD_BITS) throw new Error(`Bm25Index: at most ${1 << FIELD_BITS} fields`);
  }

  get size(): number {
    return this.built?.documentCount ?? this.documentStarts.length - 1;
  }

  /** Adds a document; `fieldTokens[i]` are the tokens of `fields[i]`. Returns its index. */
  add(fieldTokens: string[][]): number {
    return this.addTermIds(fieldTokens.map((tokens) => tokens.map((token) => this.terms.intern(token))));
  }

  /** The same with the tokens as numbers of the index's TermTable (what the token cache keeps). */
  addTermIds(fieldTermIds: ArrayLike<number>[]): number {
    if (this.built) throw new Error('Bm25Index: documents are added before build(); a changed library builds a new index');
    for (let field = 0; field < fieldTermIds.length; field += 1) {
      const ids = fieldTermIds[field]!;
      const counts = new Map<number, number>();
      for (let position = 0; position < ids.length; position += 1) counts.set(ids[position]!, (counts.get(ids[position]!) ?? 0) + 1);
      for (const [id, count] of counts) {
        this.entryTerms.push(id);
        this.entryCountFields.push((Math.min(count, MAX_COUNT) << FIELD_BITS) | field);
      }
      this.fieldLengths.push(ids.length);
    }
    this.documentStarts.push(this.entryTerms.length);
    return this.size - 1;
  }

  /** Precomputes saturated term weights into the shared postings; called once after the last add. */
  build(): void {
    if (this.built) return;
    const terms = this.entryTerms;
    const countFields = this.entryCountFields;
    this.buildOver(this.size, (document, visit) => {
      for (let entry = this.documentStarts[document]!; entry < this.documentStarts[document + 1]!; entry += 1) visit(terms.at(entry), countFields.at(entry));
    });
    // What add() gathered is in the postings now.
    this.entryTerms = new ChunkedArray((size) => new Uint32Array(size));
    this.entryCountFields = new ChunkedArray((size) => new Uint16Array(size));
  }

  /**
   * Builds the index over `documentCount` documents whose terms `termsOf` gives, each field's distinct
   * terms with their counts (what a token cache keeps), read twice instead of gathered by add(): no
   * copy of every (document, term) pair is held beside the postings while they are made, which at
   * 100k clauses was as large as the postings and held while a library change keeps the old index.
   */
  buildFrom(documentCount: number, termsOf: (document: number, visit: (field: number, term: number, count: number) => void) => void): void {
    if (this.built || this.size > 0) throw new Error('Bm25Index: buildFrom() builds an index nothing was added to, once');
    const fieldCount = this.fields.length;
    // Field lengths first (their averages normalise every weight), then the two passes over the terms.
    for (let document = 0; document < documentCount; document += 1) {
      const base = this.fieldLengths.length;
      for (let field = 0; field < fieldCount; field += 1) this.fieldLengths.push(0);
      termsOf(document, (field, _term, count) => {
        this.fieldLengths[base + field]! += count;
      });
    }
    this.buildOver(documentCount, (document, visit) => termsOf(document, (field, term, count) => visit(term, (Math.min(count, MAX_COUNT) << FIELD_BITS) | field)));
  }

  private buildOver(documentCount: number, eachEntry: (document: number, visit: (term: number, countField: number) => void) => void): void {
    const fieldCount = this.fields.length;
    const averages = this.fields.map((_, field) => {
      let sum = 0;
      for (let document = 0; document < documentCount; document += 1) sum += this.fieldLengths[document * fieldCount + field]!;
      return sum / Math.max(documentCount, 1) || 1;
    });
    const termCount = this.terms.size;
    // Pass 1: in how many documents each term occurs (a document may list a term in several fields).
    const frequency = new Uint32Array(termCount);
    const lastSeen = new Int32Array(termCount).fill(-1);
    for (let document = 0; document < documentCount; document += 1) {
      eachEntry(document, (term) => {
        if (lastSeen[term] !== document) {
          lastSeen[term] = document;
          frequency[term]! += 1;
        }
      });
    }
    const offsets = new Uint32Array(termCount + 1);
    for (let term = 0; term < termCount; term += 1) offsets[term + 1] = offsets[term]! + frequency[term]!;
    const documents = new Uint32Array(offsets[termCount]!);
    const saturated = new Uint8Array(offsets[termCount]!);
    const filled = new Uint32Array(termCount);
    // Pass 2: each document's combined field weight per term, saturated, into the term's slice.
    const combined = new Float64Array(termCount);
    const touched: number[] = [];
    for (let document = 0; document < documentCount; document += 1) {
      eachEntry(document, (term, countField) => {
        const field = countField & ((1 << FIELD_BITS) - 1);
        const spec = this.fields[field]!;
        const norm = 1 - spec.lengthNormalization + spec.lengthNormalization * (this.fieldLengths[document * fieldCount + field]! / averages[field]!);
        if (combined[term] === 0) touched.push(term);
        combined[term]! += (spec.weight * (countField >> FIELD_BITS)) / norm;
      });
      for (const term of touched) {
        const weight = combined[term]!;
        const position = offsets[term]! + filled[term]!;
        documents[position] = document;
        saturated[position] = Math.round((weight / (K1 + weight)) * SATURATION_STEPS);
        filled[term]! += 1;
        combined[term] = 0;
      }
      touched.length = 0;
    }
    const idf = new Float64Array(termCount);
    const maxSaturated = new Float32Array(termCount);
    for (let term = 0; term < termCount; term += 1) {
      const documentFrequency = frequency[term]!;
      idf[term] = Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
      let max = 0;
      for (let position = offsets[term]!; position < offsets[term + 1]!; position += 1) if (saturated[position]! > max) max = saturated[position]!;
      maxSaturated[term] = max / SATURATION_STEPS;
    }
    this.built = { documentCount, termCount, offsets, documents, saturated, idf, maxSaturated };
  }

  /** Some document of this index has the term (in any field). */
  has(term: string): boolean {
    return this.posting(term) !== undefined;
  }

  /** Ascending indexes of the documents holding the term (empty when none does). Read only. */
  documentsWith(term: string): Uint32Array {
    return this.posting(term)?.documents ?? EMPTY_DOCUMENTS;
  }

  idf(term: string): number {
    return this.posting(term)?.idf ?? 0;
  }

  /** The term's id when this index was built knowing it: the shared table may have grown since. */
  private termId(term: string): number | undefined {
    const id = this.terms.find(term);
    return id !== undefined && id < this.requireBuilt().termCount ? id : undefined;
  }

  private posting(term: string): Posting | undefined {
    const id = this.termId(term);
    if (id === undefined) return undefined;
    const { offsets, documents, saturated, idf, maxSaturated } = this.requireBuilt();
    const start = offsets[id]!;
    const end = offsets[id + 1]!;
    // A term of the shared table that no document of this index holds (one of a removed document's).
    if (start === end) return undefined;
    return { documents: documents.subarray(start, end), saturated: saturated.subarray(start, end), idf: idf[id]!, maxSaturated: maxSaturated[id]! };
  }

  /**
   * Top documents for the weighted query terms. `allowed`, when given, masks documents out
   * (scope filters) before ranking.
   */
  search(query: WeightedTerm[], limit: number, allowed?: Uint8Array): ScoredDocument[] {
    // One pair of score arrays per index, reused (a search runs start to end without yielding):
    // two fresh arrays of the corpus's size per question were most of what a search allocated.
    this.scratch ??= { scores: new Float32Array(this.size), matchedWeight: new Float32Array(this.size) };
    const { scores, matchedWeight } = this.scratch;
    const touched: number[] = [];
    try {
      return this.rank(query, limit, allowed, scores, matchedWeight, touched);
    } finally {
      for (const document of touched) {
        scores[document] = 0;
        matchedWeight[document] = 0;
      }
    }
  }

  private rank(query: WeightedTerm[], limit: number, allowed: Uint8Array | undefined, scores: Float32Array, matchedWeight: Float32Array, touched: number[]): ScoredDocument[] {
    const merged = new Map<string, number>();
    for (const { term, weight } of query) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
    // Terms by the most they can add to a score, highest first: rare terms, short postings.
    const terms = [...merged]
      .flatMap(([term, weight]) => {
        const posting = this.posting(term);
        // perStep: what one step of a saturated weight adds to a score.
        return posting ? [{ posting, termWeight: posting.idf * weight, perStep: (posting.idf * weight * (K1 + 1)) / SATURATION_STEPS, bound: posting.idf * weight * posting.maxSaturated * (K1 + 1) }] : [];
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
      const { posting, termWeight, perStep } = terms[next]!;
      const { documents, saturated } = posting;
      for (let position = 0; position < documents.length; position += 1) {
        const document = documents[position]!;
        if (allowed && allowed[document] === 0) continue;
        if (scores[document] === 0) touched.push(document);
        const score = scores[document]! + perStep * saturated[position]!;
        scores[document] = score;
        if (score > maxScore) maxScore = score;
        matchedWeight[document] = matchedWeight[document]! + termWeight;
      }
    }
    let candidates = touched;
    for (; next < terms.length; next += 1) {
      const threshold = kthScore(candidates, scores, limit);
      candidates = candidates.filter((document) => scores[document]! + remaining[next]! >= threshold);
      const { posting, termWeight, perStep } = terms[next]!;
      for (const document of candidates) {
        const position = findPosition(posting.documents, document);
        if (position === -1) continue;
        scores[document] = scores[document]! + perStep * posting.saturated[position]!;
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
    if (!this.built) this.build();
    return this.built!;
  }
}
