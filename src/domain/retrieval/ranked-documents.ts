/** The ranking helpers of a BM25 search over scored document indexes (bm25-index.ts). */

/** The score of the `limit`-th best document, or 0 when there are fewer. */
export function kthScore(documents: number[], scores: Float32Array, limit: number): number {
  if (documents.length < limit) return 0;
  const best = topDocuments(documents, scores, limit);
  return scores[best[limit - 1]!]!;
}

/** Binary search in ascending document indexes. */
export function findPosition(documents: Uint32Array, document: number): number {
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
export function topDocuments(touched: number[], scores: Float32Array, limit: number): number[] {
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
