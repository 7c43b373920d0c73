import { describe, expect, it } from 'vitest';
import { isCommonEntry, renderingsOf } from './ecdict-rows.ts';

describe('reading ECDICT rows', () => {
  it('takes the renderings without part of speech, field labels, notes, adjectival 的 and web senses', () => {
    expect(renderingsOf('n. 车站, 站, 局\\nvt. 安置, 配置\\n[计] 站点\\n[网络] 站台')).toEqual(['车站', '安置', '配置', '站点']);
    expect(renderingsOf('a. 海面的, 吹向海面的, 近海的\\nadv. 向海面')).toEqual(['海面', '吹向海面', '近海', '向海面']);
    expect(renderingsOf('n. 宠物（猫狗等）; 宠儿')).toEqual(['宠物', '宠儿']);
  });

  it('keeps entries ranked among the common words or marked by a dictionary or exam list', () => {
    const row = { word: 'x', translation: '', frq: '0', bnc: '0', collins: '', oxford: '', tag: '' };
    expect(isCommonEntry(row)).toBe(false);
    expect(isCommonEntry({ ...row, frq: '1200' })).toBe(true);
    expect(isCommonEntry({ ...row, bnc: '90000' })).toBe(false);
    expect(isCommonEntry({ ...row, tag: 'cet4' })).toBe(true);
  });
});
