import type { DenseHit, DenseSearch } from '../ports/dense-search.ts';
import type { Embedder } from '../ports/embedder.ts';
import type { VectorIndex } from '../ports/vector-index.ts';

/** Nearest windows by embedding, folded back to their passages (best window per passage). */
export class DenseRetriever implements DenseSearch {
  constructor(
    private readonly embedder: Embedder,
    private readonly index: VectorIndex,
    /** Passage index of each window label. */
    private readonly windowPassages: Int32Array,
  ) {}

  get windowCount(): number {
    return this.index.size;
  }

  get description(): string {
    return `${this.embedder.modelId} (${this.embedder.dimensions} dimensions, ${this.index.size} windows)`;
  }

  async search(question: string, limit: number, allowed?: Uint8Array): Promise<DenseHit[]> {
    const [vector] = await this.embedder.embedQueries([question]);
    const accept = allowed ? (label: number) => allowed[this.windowPassages[label]!] === 1 : undefined;
    // Several windows of one clause can crowd the list, so ask for more windows than passages.
    const matches = this.index.search(vector!, limit * 3, accept);
    const best = new Map<number, number>();
    for (const { label, similarity } of matches) {
      const passageIndex = this.windowPassages[label]!;
      if (!best.has(passageIndex) || best.get(passageIndex)! < similarity) best.set(passageIndex, similarity);
    }
    return [...best.entries()]
      .map(([passageIndex, similarity]) => ({ passageIndex, similarity }))
      .sort((left, right) => right.similarity - left.similarity)
      .slice(0, limit);
  }
}
