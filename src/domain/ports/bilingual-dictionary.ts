/** English → Chinese candidates from a general dictionary (CC-CEDICT), best first. */
export interface BilingualDictionary {
  readonly name: string;
  chineseFor(englishWord: string): { term: string; score: number }[];
}
