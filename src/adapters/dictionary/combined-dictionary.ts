import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';

/**
 * Several dictionaries asked as one: each candidate with the best score any gives it, best first,
 * shorter terms first on ties (as each dictionary orders its own).
 */
const MEMO_LIMIT = 20_000;

export class CombinedDictionary implements BilingualDictionary {
  readonly name: string;
  private readonly words = new Map<string, { term: string; score: number }[]>();

  constructor(private readonly dictionaries: readonly BilingualDictionary[]) {
    this.name = dictionaries.map((dictionary) => dictionary.name).join(' + ');
  }

  chineseFor(englishWord: string): { term: string; score: number }[] {
    // The same words come up in question after question: merged once each, within a bound.
    let candidates = this.words.get(englishWord);
    if (!candidates) {
      candidates = merged(this.dictionaries.map((dictionary) => dictionary.chineseFor(englishWord)));
      if (this.words.size >= MEMO_LIMIT) this.words.clear();
      this.words.set(englishWord, candidates);
    }
    return candidates;
  }

  chineseForPhrase(englishPhrase: string): { term: string; score: number }[] {
    return merged(this.dictionaries.map((dictionary) => dictionary.chineseForPhrase(englishPhrase)));
  }
}

function merged(lists: { term: string; score: number }[][]): { term: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const list of lists) for (const { term, score } of list) scores.set(term, Math.max(score, scores.get(term) ?? 0));
  return [...scores].map(([term, score]) => ({ term, score })).sort((left, right) => right.score - left.score || left.term.length - right.term.length);
}
