import { readFileSync } from 'node:fs';
import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';
import { SortedLines } from '../dictionary/sorted-lines.ts';

/**
 * English → Chinese lookups over ECDICT's common words and phrases (ecdict-terms.tsv, built by npm
 * run build:english-dictionary from ECDICT, MIT). An English-to-Chinese dictionary lists each word's
 * renderings in order of sense, so the first is scored highest. The file is kept as loaded and
 * searched by bisection (SortedLines): a few megabytes, nothing parsed at start-up.
 */
const POSITION_SCORES = [1, 0.8, 0.7];
const LATER_SCORE = 0.6;

let shared: EcdictDictionary | undefined;

export class EcdictDictionary implements BilingualDictionary {
  readonly name = 'ECDICT';
  private readonly lines: SortedLines;

  static shared(): EcdictDictionary {
    shared ??= new EcdictDictionary(readFileSync(new URL('./ecdict-terms.tsv', import.meta.url), 'utf8'));
    return shared;
  }

  /** text: lines "word<TAB>rendering,rendering", sorted by word. */
  constructor(text: string) {
    this.lines = new SortedLines(text);
  }

  chineseFor(englishWord: string): { term: string; score: number }[] {
    return scored(this.find(englishWord.toLowerCase().trim()));
  }

  chineseForPhrase(englishPhrase: string): { term: string; score: number }[] {
    const phrase = englishPhrase.toLowerCase().trim().replace(/\s+/gu, ' ');
    return phrase.includes(' ') ? scored(this.find(phrase)) : [];
  }

  private find(word: string): string[] | undefined {
    return this.lines.find(word)?.split(',');
  }
}

function scored(renderings: string[] | undefined): { term: string; score: number }[] {
  return (renderings ?? []).map((term, index) => ({ term, score: POSITION_SCORES[index] ?? LATER_SCORE }));
}
