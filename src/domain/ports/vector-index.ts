/** Approximate nearest neighbours over unit vectors, by cosine similarity. */
export interface VectorMatch {
  label: number;
  similarity: number;
}

export interface VectorIndex {
  readonly dimensions: number;
  readonly size: number;
  add(vectors: Float32Array[], firstLabel: number): void;
  /** Takes a point out of every later search (its label is not reused). */
  remove(label: number): void;
  search(vector: Float32Array, limit: number, accept?: (label: number) => boolean): VectorMatch[];
  /** Writes the index to a file atomically (temporary file, then rename). */
  save(path: string): void;
}
