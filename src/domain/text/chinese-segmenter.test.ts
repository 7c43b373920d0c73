import { describe, expect, it } from 'vitest';
import { createChineseSegmenter } from './chinese-segmenter.ts';

// What a responsibility list or a quoted name may hold once parsed: jieba's user dictionary is one
// "word frequency tag" line per word, so a space, a tab or a line break inside a word would break it.
const HOSTILE = ['市WTO TBT通报咨询中心', '市\tTBT中心', '质量\n局', '质 量', '市场监管局 100 n', '12345', '9', 'x'.repeat(500), '😀质量局', '#注释', '  ', '\u3000市局', '市(TBT)中心', '市"引号"局', '\\\\', '中心 n n', ''];

describe('the shared jieba segmenter', () => {
  it('builds its user dictionary from any text without failing, keeping the words it can hold', () => {
    const segmenter = createChineseSegmenter([...HOSTILE, '振兴杯']);
    expect(segmenter.cut('市WTO TBT通报咨询中心负责')).toEqual(expect.arrayContaining(['WTO', 'TBT']));
    expect(segmenter.cut('开展振兴杯职工技能竞赛')).toContain('振兴杯');
    expect(segmenter.cut('😀质量局和12345')).toEqual(expect.arrayContaining(['12345']));
    for (const word of HOSTILE) expect(() => createChineseSegmenter([word]).cut(`关于${word}的工作`), JSON.stringify(word)).not.toThrow();
  });

  it('tells how rare a word is in general Chinese, and nothing for words its table lacks', () => {
    const segmenter = createChineseSegmenter([]);
    expect(segmenter.generalIdf('无人机')!).toBeGreaterThan(segmenter.generalIdf('事情')!);
    expect(segmenter.generalIdf('质')).toBeNull();
  });
});
