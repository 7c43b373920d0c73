import { describe, expect, it } from 'vitest';
import { PinyinSpellings } from './pinyin-spellings.ts';

describe('PinyinSpellings', () => {
  it('finds the words that toneless pinyin, syllables joined, spells', () => {
    const spellings = new PinyinSpellings(['海河', '鲁班奖', '鲁班', '质量', '绿色', 'IPv6', '食品安全标准体系']);
    expect(spellings.wordsSpelled('Haihe')).toEqual(['海河']);
    expect(spellings.wordsSpelled('luban')).toEqual(['鲁班']);
    expect(spellings.wordsSpelled('lubanjiang')).toEqual(['鲁班奖']);
    // ü is written u, as English does (绿色 → lüse → luse).
    expect(spellings.wordsSpelled('luse')).toEqual(['绿色']);
    // Only words of two to four Han characters are spelt: one syllable is too easily an English word.
    expect(spellings.wordsSpelled('ipv6')).toEqual([]);
    expect(spellings.wordsSpelled('shipinanquanbiaozhuntixi')).toEqual([]);
    expect(spellings.wordsSpelled('quality')).toEqual([]);
  });

  it('reads the words it is given once, when built', () => {
    let reads = 0;
    function* words() {
      reads += 1;
      yield '海河';
    }
    const spellings = new PinyinSpellings(words());
    expect(reads).toBe(1);
    expect(spellings.wordsSpelled('haihe')).toEqual(['海河']);
    spellings.wordsSpelled('luban');
    expect(reads).toBe(1);
  });
});
