import { describe, expect, it } from 'vitest';
import { shortPlaceName } from './short-names.ts';

describe('shortPlaceName', () => {
  it('drops the suffix of each level', () => {
    expect(shortPlaceName('河北省', 'province')).toBe('河北');
    expect(shortPlaceName('北京市', 'province')).toBe('北京');
    expect(shortPlaceName('唐山市', 'prefecture')).toBe('唐山');
    expect(shortPlaceName('大兴安岭地区', 'prefecture')).toBe('大兴安岭');
    expect(shortPlaceName('迁安市', 'county')).toBe('迁安');
    expect(shortPlaceName('滨海新区', 'county')).toBe('滨海');
  });

  it('drops the ethnic groups an autonomous division is named for', () => {
    expect(shortPlaceName('广西壮族自治区', 'province')).toBe('广西');
    expect(shortPlaceName('新疆维吾尔自治区', 'province')).toBe('新疆');
    expect(shortPlaceName('延边朝鲜族自治州', 'prefecture')).toBe('延边');
    expect(shortPlaceName('恩施土家族苗族自治州', 'prefecture')).toBe('恩施');
    expect(shortPlaceName('博尔塔拉蒙古自治州', 'prefecture')).toBe('博尔塔拉');
    expect(shortPlaceName('长阳土家族自治县', 'county')).toBe('长阳');
  });

  it('gives no short name of one character', () => {
    expect(shortPlaceName('城区', 'county')).toBeUndefined();
    expect(shortPlaceName('东区', 'county')).toBeUndefined();
  });
});
