import { describe, expect, it } from 'vitest';
import type { BilingualDictionary } from './bilingual-dictionary.ts';

/** Behaviour every BilingualDictionary must show; each implementation runs this suite against itself. */
export function bilingualDictionaryContract(name: string, dictionary: () => BilingualDictionary) {
  describe(`BilingualDictionary contract: ${name}`, () => {
    it('has a name to report', () => {
      expect(dictionary().name.length).toBeGreaterThan(0);
    });

    it('renders common words in Chinese, best first, scores between 0 and 1', () => {
      for (const word of ['safety', 'quality', 'food', 'standard']) {
        const candidates = dictionary().chineseFor(word);
        expect(candidates.length, word).toBeGreaterThan(0);
        for (const { term, score } of candidates) {
          expect(term, word).toMatch(/^\p{Script=Han}+$/u);
          expect(score, word).toBeGreaterThan(0);
          expect(score, word).toBeLessThanOrEqual(1);
        }
        const scores = candidates.map((candidate) => candidate.score);
        expect(scores, word).toEqual([...scores].sort((left, right) => right - left));
      }
      expect(dictionary().chineseFor('Safety')).toEqual(dictionary().chineseFor('safety'));
    });

    it('returns nothing, never throws, for what it does not know', () => {
      expect(dictionary().chineseFor('qxzvbnw')).toEqual([]);
      expect(dictionary().chineseFor('')).toEqual([]);
      expect(dictionary().chineseForPhrase('qxzvbnw plorp')).toEqual([]);
    });
  });
}
