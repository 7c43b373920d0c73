/**
 * Turns text into unit-length vectors. Queries and passages are embedded separately because
 * models such as E5 expect different prefixes for them.
 */
export interface Embedder {
  /** Identifies the model, so that an index built with one model is never queried with another. */
  readonly modelId: string;
  readonly dimensions: number;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
}
