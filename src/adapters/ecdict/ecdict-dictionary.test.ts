import { describe, expect, it } from 'vitest';
import { bilingualDictionaryContract } from '../../domain/ports/bilingual-dictionary.contract.ts';
import { CedictDictionary } from '../cedict/cedict-dictionary.ts';
import { CombinedDictionary } from '../dictionary/combined-dictionary.ts';
import { englishChineseDictionary } from '../dictionary/english-chinese-dictionary.ts';
import { EcdictDictionary } from './ecdict-dictionary.ts';

bilingualDictionaryContract('ECDICT', () => EcdictDictionary.shared());
bilingualDictionaryContract('CC-CEDICT', () => CedictDictionary.shared());
bilingualDictionaryContract('CC-CEDICT + ECDICT', () => englishChineseDictionary());

describe('ECDICT beside CC-CEDICT', () => {
  it('knows what an English → Chinese dictionary lists and the reverse of CC-CEDICT misses', () => {
    const terms = (word: string) => EcdictDictionary.shared().chineseFor(word).map((candidate) => candidate.term);
    expect(terms('craftsman')).toContain('工匠');
    expect(terms('lab')).toContain('实验室');
    expect(terms('waterway')).toContain('航道');
    // Adjectival 的 is cut: offshore → 海面, not 海面的.
    expect(terms('offshore')).toContain('海面');
  });

  it('finds the first and the last word of its file, phrases, and nothing between two words', () => {
    const dictionary = new EcdictDictionary('able\t能够\nable to\t会,能\nbeta\t贝塔\nzone\t区域,地带\n');
    expect(dictionary.chineseFor('able')).toEqual([{ term: '能够', score: 1 }]);
    expect(dictionary.chineseFor('ZONE').map((candidate) => candidate.term)).toEqual(['区域', '地带']);
    expect(dictionary.chineseForPhrase('able  to').map((candidate) => candidate.term)).toEqual(['会', '能']);
    expect(dictionary.chineseFor('alpha')).toEqual([]);
    expect(dictionary.chineseForPhrase('beta')).toEqual([]);
  });

  it('gives each candidate the best score any dictionary gives it, once', () => {
    const combined = new CombinedDictionary([
      { name: 'a', chineseFor: () => [{ term: '安全', score: 0.5 }, { term: '保安', score: 0.4 }], chineseForPhrase: () => [] },
      { name: 'b', chineseFor: () => [{ term: '安全', score: 1 }], chineseForPhrase: () => [] },
    ]);
    expect(combined.name).toBe('a + b');
    expect(combined.chineseFor('safety')).toEqual([{ term: '安全', score: 1 }, { term: '保安', score: 0.4 }]);
  });
});
