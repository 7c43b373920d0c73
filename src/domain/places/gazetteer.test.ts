import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteerText, GAZETTEER_PATH } from '../../../scripts/gazetteer/gazetteer-source.ts';
import { Gazetteer } from './gazetteer.ts';

const gazetteer = Gazetteer.standard();
const names = (text: string) => gazetteer.mentions(text).map((mention) => `${mention.text}:${mention.places.map((place) => place.code).join('/')}`);

describe('Gazetteer', () => {
  it('is the file its source data gives (npm run build:gazetteer)', () => {
    expect(readFileSync(GAZETTEER_PATH, 'utf8') === buildGazetteerText()).toBe(true);
  });

  it('holds every province, prefecture-level division and county, with what lies within what', () => {
    expect(gazetteer.get('12')?.name).toBe('天津市');
    expect(gazetteer.get('1302')?.name).toBe('唐山市');
    expect(gazetteer.within('120116', '12')).toBe(true); // 滨海新区
    expect(gazetteer.within('4415', '44')).toBe(true);
    expect(gazetteer.within('4403', '4415')).toBe(false);
    expect(gazetteer.lineage('441581').map((place) => place.name)).toEqual(['陆丰市', '汕尾市', '广东省']);
  });

  it('finds places by full and short name, longest first, in Simplified text', () => {
    expect(names('唐山提升钢铁产品质量由哪个部门牵头')).toEqual(['唐山:1302']);
    expect(names('河北省唐山市迁安市')).toEqual(['河北省:13', '唐山市:1302', '迁安市:130283']);
    expect(names('天津市滨海新区')).toEqual(['天津市:12', '滨海新区:120116']);
    expect(names('苏州和杭州')).toEqual(['苏州:3205', '杭州:3301']);
  });

  it('does not read ordinary words as places', () => {
    expect(names('供销合作总社负责东方市场的城区和郊区')).toEqual([]);
    expect(names('汕尾市城区')).toEqual(['汕尾市:4415', '城区:441502']);
    expect(names('天津市场监管委')).toEqual(['天津:12']);
  });

  it('finds places in English by pinyin and by their conventional English names', () => {
    expect(names('who leads steel quality in tangshan?')).toEqual(['tangshan:1302']);
    expect(names("what about xi'an and inner mongolia?")).toEqual(['xian:6101', 'inner mongolia:15']);
    expect(names('a mile of road in shaanxi')).toEqual(['shaanxi:61']);
  });

  it('finds districts and counties in English by their name with the word English writes after it', () => {
    expect(names('what does the hexi district plan say?')).toEqual(['hexi district:120103']);
    expect(names('the target haifeng county set')).toEqual(['haifeng county:441521']);
    expect(names('binhai new area rules')).toEqual(['binhai new area:120116']);
    // Without it, a district's pinyin is an ordinary string (hexi, haifeng): no place.
    expect(names('hexi and haifeng')).toEqual([]);
  });
});
