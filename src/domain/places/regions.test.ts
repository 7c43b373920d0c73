import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.ts';
import { resolveRegion } from './regions.ts';

const gazetteer = Gazetteer.standard();

describe('resolveRegion', () => {
  it('reads the region of the library documents from their number, issuer or title', () => {
    expect(resolveRegion('津质量发〔2023〕3号', null, '', gazetteer)).toMatchObject({ code: 'tj', place: '12' });
    expect(resolveRegion('国市监质发〔2022〕95号', null, '', gazetteer)).toMatchObject({ code: 'cn', place: null, level: 'national' });
    expect(resolveRegion(null, '汕尾市市场监督管理局', '关于深入贯彻落实《广东省质量强省建设纲要》的实施意见', gazetteer)).toMatchObject({ code: 'sw', place: '4415' });
    expect(resolveRegion(null, '广东省人民政府', '', gazetteer)).toMatchObject({ code: 'gd', place: '44' });
  });

  it('gives a place the region list does not hold a region of its own from the gazetteer', () => {
    expect(resolveRegion(null, '唐山市市场监督管理局', '唐山市质量提升行动方案', gazetteer)).toEqual({
      code: 'tangshan', place: '1302', level: 'city', name: '河北省唐山市', nameEn: 'Hebei / Tangshan', cityEn: 'Tangshan',
    });
    expect(resolveRegion(null, null, '北京市进一步提高产品质量实施方案', gazetteer)).toMatchObject({ code: 'beijing', level: 'municipal', name: '北京市' });
  });

  it('leaves a document that names no place of unknown region', () => {
    expect(resolveRegion(null, null, '关于提高质量的意见', gazetteer)).toMatchObject({ code: 'doc', level: 'unknown' });
  });
});
