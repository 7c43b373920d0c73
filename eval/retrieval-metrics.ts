/** Retrieval metrics by clause id: recall@k (any gold clause in the top k) and reciprocal rank. */
export interface RankedOutcome {
  group: string;
  gold: string[];
  ranked: string[];
}

export interface RetrievalMetrics {
  count: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export function retrievalMetrics(outcomes: RankedOutcome[]): RetrievalMetrics {
  const count = outcomes.length;
  if (count === 0) return { count, recallAt1: 0, recallAt5: 0, mrr: 0 };
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  for (const { gold, ranked } of outcomes) {
    const rank = ranked.findIndex((id) => gold.includes(id));
    if (rank === 0) at1 += 1;
    if (rank >= 0 && rank < 5) at5 += 1;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  return { count, recallAt1: at1 / count, recallAt5: at5 / count, mrr: reciprocal / count };
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
