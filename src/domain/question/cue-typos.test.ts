import { describe, expect, it } from 'vitest';
import { CueTypoReader } from './cue-typos.ts';

const words = new Set(['前头', '千头', '水管']);
const reader = new CueTypoReader(['牵头', '负责', '谁管', '哪家', 'lead'], (text) => words.has(text));

describe('CueTypoReader', () => {
  it('reads a frame word typed with a same-sound character as the word', () => {
    expect(reader.repair('知识产权警务站谁牵投').repaired).toBe('知识产权警务站谁牵头');
    expect(reader.repair('这事谁负则').repairs).toEqual([{ written: '负则', read: '负责' }]);
  });

  it('leaves a cue that stands as written: 什么时候 is not 什么事 mistyped', () => {
    const withLonger = new CueTypoReader(['什么事', '什么时候'], () => false);
    expect(withLonger.repair('意见最晚什么时候交').repaired).toBe('意见最晚什么时候交');
  });

  it('leaves a window that is a word of its own, or differs in sound', () => {
    expect(reader.repair('排在前头的是谁').repaired).toBe('排在前头的是谁');
    expect(reader.repair('牵手').repairs).toEqual([]);
  });

  it('never replaces the question word: 那家 and 水管 mean what they say', () => {
    expect(reader.repair('那家企业获奖了吗').repaired).toBe('那家企业获奖了吗');
    expect(reader.repair('更换水管').repaired).toBe('更换水管');
  });

  it('drops the filler between the asker and the verb', () => {
    expect(reader.repair('海河工匠是谁在管').repaired).toBe('海河工匠是谁管');
    expect(reader.repair('由谁来负责').repaired).toBe('由谁负责');
    expect(reader.repair('国家方案印发给了哪些单位').repaired).toBe('国家方案印发给哪些单位');
  });
});
