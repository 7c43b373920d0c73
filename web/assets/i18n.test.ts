import { describe, expect, it } from 'vitest';
import { chooseLanguage, uiText } from './i18n.js';

describe('chooseLanguage', () => {
  it('takes the first explicit choice it understands, then the browser languages, then Chinese', () => {
    expect(chooseLanguage(['en', 'zh'], ['zh-CN'])).toBe('en');
    expect(chooseLanguage([null, 'fr', 'zh_TW'], ['en-US'])).toBe('zh');
    expect(chooseLanguage([undefined], ['de-DE', 'en-GB', 'zh-CN'])).toBe('en');
    expect(chooseLanguage([], ['ja-JP'])).toBe('zh');
  });

  it('has every UI string in both languages', () => {
    expect(Object.keys(uiText('en')).sort()).toEqual(Object.keys(uiText('zh')).sort());
    expect(uiText('en').rateLimited(12)).toMatch(/wait 12 seconds/u);
    expect(uiText('zh').rateLimited(12)).toBe('提问太频繁了，请 12 秒后再试。');
  });
});
