import type { DenseHit, DenseSearch } from '../ports/dense-search.ts';
import type { Embedder } from '../ports/embedder.ts';
import type { VectorIndex } from '../ports/vector-index.ts';

/** Nearest windows by embedding, folded back to their passages (best window per passage). */
export class DenseRetriever implements DenseSearch {
  private readonly holes: boolean;

  constructor(
    private readonly embedder: Embedder,
    private readonly index: VectorIndex,
    /** Passage index of each window label; -1 for a label whose window left the library. */
    private readonly windowPassages: Int32Array,
  ) {
    this.holes = windowPassages.some((passage) => passage < 0);
  }

  get windowCount(): number {
    return this.windowPassages.filter((passage) => passage >= 0).length;
  }

  get description(): string {
    return `${this.embedder.modelId} (${this.embedder.dimensions} dimensions, ${this.index.size} windows)`;
  }

  async search(question: string, limit: number, allowed?: Uint8Array): Promise<DenseHit[]> {
    const [vector] = await this.embedder.embedQueries([question]);
    // Only filtered when something must be left out: hnswlib's filter costs on every candidate.
    const accept = allowed || this.holes
      ? (label: number) => {
          const passage = this.windowPassages[label] ?? -1;
          return passage >= 0 && (!allowed || allowed[passage] === 1);
        }
      : undefined;
    // Several windows of one clause can crowd the list, so ask for more windows than passages.
    const matches = this.index.search(vector!, limit * 3, accept);
    const best = new Map<number, number>();
    for (const { label, similarity } of matches) {
      const passageIndex = this.windowPassages[label] ?? -1;
      if (passageIndex < 0) continue;
      if (!best.has(passageIndex) || best.get(passageIndex)! < similarity) best.set(passageIndex, similarity);
    }
    return [...best.entries()]
      .map(([passageIndex, similarity]) => ({ passageIndex, similarity }))
      .sort((left, right) => right.similarity - left.similarity)
      .slice(0, limit);
  }
}
