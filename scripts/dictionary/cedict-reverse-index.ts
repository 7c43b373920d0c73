import { stemmer } from 'stemmer';
import { sortedLinesText } from '../../src/adapters/dictionary/sorted-lines.ts';
import { CEDICT_KEY } from '../../src/adapters/cedict/cedict-dictionary.ts';
import type { RawEntry } from './cedict-entries.ts';

/**
 * CC-CEDICT read backwards: for each English gloss word, its Porter stem, and each gloss phrase of
 * two or three words, the simplified headwords glossed with it. Each headword carries the fewest
 * words of a gloss that names it (a gloss that is just "dairy" says more than "dairy cattle"), which
 * the adapter turns into a score. Headwords keep the order the dictionary first gives them, so ties
 * rank as they always have.
 */
export function cedictReverseIndex(entries: RawEntry[]): string {
  const keys = new Map<string, Map<string, number>>();
  const add = (key: string, headword: string, words: number) => {
    let headwords = keys.get(key);
    if (!headwords) keys.set(key, (headwords = new Map()));
    headwords.set(headword, Math.min(headwords.get(headword) ?? words, words));
  };
  for (const [, simplified, , meanings] of entries) {
    if (!/^\p{Script=Han}{1,6}$/u.test(simplified)) continue;
    for (const meaning of Array.isArray(meanings) ? meanings : [meanings]) {
      for (const gloss of meaning.split(';')) {
        const words = glossWords(gloss);
        if (!words) continue;
        for (const word of words) {
          add(CEDICT_KEY.word(word), simplified, words.length);
          add(CEDICT_KEY.stem(stemmer(word)), simplified, words.length);
        }
        // A gloss that is a phrase names the thing as a whole: fuel cell, not fuel and cell.
        if (words.length >= 2 && words.length <= 3) add(CEDICT_KEY.phrase(words.map(stemmer).join(' ')), simplified, 1);
      }
    }
  }
  return sortedLinesText([...keys].map(([key, headwords]) => [key, [...headwords].map(([headword, words]) => `${headword}${words}`).join(',')]));
}

/** The words of a gloss that says what a word means, or undefined for “CL:…”, “variant of …”, “surname …”. */
function glossWords(gloss: string): string[] | undefined {
  const cleaned = gloss.replace(/\([^)]*\)/gu, ' ').replace(/\b(to|a|an|the)\b/giu, ' ').trim().toLowerCase();
  if (cleaned === '' || /^(cl:|variant of|surname|old variant|see )/u.test(cleaned)) return undefined;
  const words = cleaned.split(/[^a-z0-9-]+/u).filter(Boolean);
  return words.length === 0 || words.length > 4 ? undefined : words;
}
