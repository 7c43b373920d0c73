import { renameSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import type { VectorIndex, VectorMatch } from '../../domain/ports/vector-index.ts';

export interface HnswParameters {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** hnswlib (cosine space) behind the VectorIndex port. */
export class HnswVectorIndex implements VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
  ) {}

  static create(dimensions: number, capacity: number, parameters: HnswParameters): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(capacity, 1), parameters.m, parameters.efConstruction, 42);
    index.setEf(parameters.efSearch);
    return new HnswVectorIndex(index, dimensions);
  }

  static load(path: string, dimensions: number, efSearch: number): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.readIndexSync(path);
    index.setEf(efSearch);
    return new HnswVectorIndex(index, dimensions);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  /** How many points fit before the index must grow. */
  get capacity(): number {
    return this.index.getMaxElements();
  }

  add(vectors: Float32Array[], firstLabel: number): void {
    const needed = firstLabel + vectors.length;
    // Grown ahead of need, by half again, so a run of small additions does not resize each time.
    if (needed > this.capacity) this.index.resizeIndex(Math.max(needed, Math.ceil(this.capacity * 1.5)));
    vectors.forEach((vector, offset) => this.index.addPoint(Array.from(vector), firstLabel + offset));
  }

  /** Takes a point out of every later search; its label is not reused. */
  remove(label: number): void {
    this.index.markDelete(label);
  }

  search(vector: Float32Array, limit: number, accept?: (label: number) => boolean): VectorMatch[] {
    const count = Math.min(limit, this.size);
    if (count === 0) return [];
    const result = accept ? this.index.searchKnn(Array.from(vector), count, accept) : this.index.searchKnn(Array.from(vector), count);
    // hnswlib's cosine space reports distance = 1 − similarity.
    return result.neighbors.map((label, position) => ({ label, similarity: 1 - result.distances[position]! }));
  }

  save(path: string): void {
    const temporary = `${path}.tmp-${process.pid}`;
    this.index.writeIndexSync(temporary);
    renameSync(temporary, path);
  }
}
