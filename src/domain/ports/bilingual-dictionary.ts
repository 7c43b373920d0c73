/** English → Chinese candidates from a general dictionary (CC-CEDICT, ECDICT, or both combined), best first. */
export interface BilingualDictionary {
  readonly name: string;
  /** Candidates for a word; its other forms (implementation → implement) when the word itself has none. */
  chineseFor(englishWord: string): { term: string; score: number }[];
  /** Candidates for a phrase of two or three words that a dictionary entry glosses as a whole (fuel cell, spot check). */
  chineseForPhrase(englishPhrase: string): { term: string; score: number }[];
}
