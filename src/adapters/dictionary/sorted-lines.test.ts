import { describe, expect, it } from 'vitest';
import { SortedLines, sortedLinesText } from './sorted-lines.ts';

describe('SortedLines', () => {
  it('finds every key of a sorted file, and no key that is only a prefix or an extension of one', () => {
    const text = sortedLinesText([['p:fuel cell', '燃料电池1'], ['w:dairy', '乳品2,奶站1'], ['w:dai', '戴1'], ['w:dairyman', '奶农1'], ['s:dairi', '乳品2'], ['w:z', '最后1']]);
    const lines = new SortedLines(text);
    expect(lines.size).toBe(6);
    expect(lines.find('w:dairy')).toBe('乳品2,奶站1');
    expect(lines.find('w:dai')).toBe('戴1');
    expect(lines.find('w:dairyman')).toBe('奶农1');
    expect(lines.find('p:fuel cell')).toBe('燃料电池1');
    expect(lines.find('w:z')).toBe('最后1');
    expect(lines.find('w:da')).toBeUndefined();
    expect(lines.find('w:dairymen')).toBeUndefined();
    expect(lines.find('a:anything')).toBeUndefined();
    expect(lines.find('')).toBeUndefined();
    expect(new SortedLines('').find('w:dairy')).toBeUndefined();
  });
});
