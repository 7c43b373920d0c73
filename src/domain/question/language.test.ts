import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('reads Chinese names set into an English sentence as English', () => {
    expect(detectLanguage('is 税务总局 in it too?')).toBe('en');
    expect(detectLanguage('shanwei: which clauses does 市住房城乡建设局 lead')).toBe('en');
    expect(detectLanguage('Who leads 双百标杆 in the national plan?')).toBe('en');
  });

  it('reads a Chinese question with English words in it as Chinese', () => {
    expect(detectLanguage('国家方案IPv6规模部署由谁牵头?')).toBe('zh-Hans');
    expect(detectLanguage('天津 quality month 活动是哪个部门负责')).toBe('zh-Hans');
    expect(detectLanguage('汕尾 2025 target 是多少')).toBe('zh-Hans');
    expect(detectLanguage('國家方案裡 科技部牽頭哪些條？')).toBe('zh-Hant');
  });
});
