import { describe, expect, it } from 'vitest';
import { chineseYesNoCue, englishYesNoCue } from './yes-no-reader.ts';

describe('yes/no without a cue word', () => {
  it('reads the colloquial Chinese forms and a statement asked with its question mark alone', () => {
    expect(chineseYesNoCue('海关参不参与', '海关参不参与')).toBe('参不参');
    expect(chineseYesNoCue('国家统计局有参与没', '国家统计局有参与没')).toBeDefined();
    expect(chineseYesNoCue('国家层面呢也是住建部', '国家层面呢也是住建部?')).toBe('也是');
    expect(chineseYesNoCue('汕尾是哪个部门牵头', '汕尾是哪个部门牵头?')).toBeUndefined();
    expect(chineseYesNoCue('是市监局还是工信局牵头', '是市监局还是工信局牵头?')).toBeUndefined();
  });

  it('reads an English auxiliary at the opening of any clause or sentence, or a tag, not in a request', () => {
    expect(englishYesNoCue('We are the finance bureau. Do we lead any task?')).toBe('do');
    expect(englishYesNoCue('MOHURD leads, right?')).toBe('right');
    expect(englishYesNoCue('list all tasks it is part of')).toBeUndefined();
    expect(englishYesNoCue('which bureau leads it?')).toBeUndefined();
  });
});
