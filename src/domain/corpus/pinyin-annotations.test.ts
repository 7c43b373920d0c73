import { describe, expect, it } from 'vitest';
import { stripPinyinAnnotations } from './pinyin-annotations.ts';

describe('stripPinyinAnnotations', () => {
  it('removes syllables with tone marks, including the ones followed by a space', () => {
    expect(stripPinyinAnnotations('關(guān)于印發(fā)銀保監會(huì )')).toEqual({ text: '關于印發銀保監會', removed: 3 });
  });

  it('keeps real parentheticals, numbers and Latin words', () => {
    const text = '方案(2022—2025年)(此件公開發布)(一)(試點)5G(AI)';
    expect(stripPinyinAnnotations(text)).toEqual({ text, removed: 0 });
  });

  it('only removes annotations that follow a Han character', () => {
    expect(stripPinyinAnnotations('see (note) 質(zhì)量').text).toBe('see (note) 質量');
  });
});
