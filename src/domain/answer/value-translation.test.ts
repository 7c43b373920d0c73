import { describe, expect, it } from 'vitest';
import { englishAmount, englishDate, englishQualifiers, englishValue } from './value-translation.ts';

describe('values in English', () => {
  it('converts amounts with their scale', () => {
    expect(englishAmount('100万元')).toBe('RMB 1 million');
    expect(englishAmount('500万元')).toBe('RMB 5 million');
    expect(englishAmount('2.5亿元')).toBe('RMB 250 million');
    expect(englishAmount('30亿元')).toBe('RMB 3 billion');
    expect(englishAmount('5000元')).toBe('RMB 5,000');
    expect(englishAmount('100萬元')).toBe('RMB 1 million');
    expect(englishAmount('94.8%')).toBeNull();
  });

  it('puts dates in English order', () => {
    expect(englishDate('2023年9月4日')).toBe('4 September 2023');
    expect(englishDate('2025年10月')).toBe('October 2025');
    expect(englishDate('2025年底')).toBe('the end of 2025');
    expect(englishDate('2025年')).toBe('2025');
    expect(englishDate('2025年13月')).toBeNull();
  });

  it('keeps figures as written and reads the words that qualify a target', () => {
    expect(englishValue('94.8%')).toEqual({ text: '94.8%', kind: 'figure' });
    expect(englishValue('100萬元')).toEqual({ text: 'RMB 1 million', kind: 'amount' });
    expect(englishQualifiers('制造业产品质量合格率力争达到94.8%', '94.8%')).toEqual(['aims for']);
    expect(englishQualifiers('食品抽检合格率达到98.5%以上', '98.5%')).toEqual(['or more']);
    expect(englishQualifiers('确保不低于95%', '95%')).toEqual(['at least']);
    expect(englishQualifiers('合格率达到93%', '93%')).toEqual([]);
  });
});
