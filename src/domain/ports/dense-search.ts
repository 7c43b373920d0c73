/** The dense path as the retriever sees it: passages nearest to a question, by catalog index. */
export interface DenseHit {
  passageIndex: number;
  /** Cosine similarity, −1…1. */
  similarity: number;
}

export interface DenseSearch {
  readonly description: string;
  search(question: string, limit: number, allowed?: Uint8Array): Promise<DenseHit[]>;
}
