import { describe, expect, it } from 'vitest';
import { collapseLayoutSpaces, detectScript, normalizeText, unifyWidths } from './text-normalizer.ts';

describe('text normalisation', () => {
  it('tells Traditional from Simplified text', () => {
    expect(detectScript('進一步提高產品、工程和服務質量行動方案')).toBe('traditional');
    expect(detectScript('进一步提高产品、工程和服务质量行动方案')).toBe('simplified');
  });

  it('maps Taiwan wording to mainland wording in Traditional text', () => {
    expect(normalizeText('堅決打擊侵犯智慧財產權,強化積體電路、網路購物監管')).toBe('坚决打击侵犯知识产权,强化集成电路、网络购物监管');
    expect(normalizeText('手機、穿戴式裝置等資通訊產品的智慧化')).toBe('手机、可穿戴设备等信息通信产品的智能化');
  });

  it('keeps ordinary words that IT-jargon tables would rewrite', () => {
    expect(normalizeText('建立先進質量管理體系,整合、最佳化政府監管資源,踐行核心價值觀')).toBe('建立先进质量管理体系,整合、优化政府监管资源,践行核心价值观');
  });

  it('does not rewrite Simplified text', () => {
    const text = '强化食品安全监督抽检与风险监测,严控农药兽药残留';
    expect(normalizeText(text)).toBe(text);
  });

  it('unifies full-width punctuation, digits and letters', () => {
    expect(unifyWidths('（一）目标：９５％，ＡＢ')).toBe('(一)目标:95%,AB');
  });

  it('removes layout spaces between Chinese characters but keeps them between Latin words', () => {
    expect(collapseLayoutSpaces('提高产品 工程和服务 quality policy 2025年')).toBe('提高产品工程和服务quality policy 2025年');
  });
});
