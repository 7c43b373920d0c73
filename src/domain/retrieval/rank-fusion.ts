/**
 * Reciprocal-rank fusion: each active path votes 1/(k + rank) for its results. Ranks, not raw
 * scores, are combined, because BM25 scores and cosine similarities live on different scales.
 */
export const RRF_K = 60;

export interface RankedList {
  path: string;
  /** Item keys, best first. */
  items: number[];
}

export function reciprocalRankFusion(lists: RankedList[], limit: number): { item: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.items.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + 1 / (RRF_K + rank + 1)));
  }
  return [...scores.entries()]
    .map(([item, score]) => ({ item, score }))
    .sort((left, right) => right.score - left.score || left.item - right.item)
    .slice(0, limit);
}
