import { describe, expect, it } from 'vitest';
import { unitsAskedAbout } from './asker-introduction.ts';

const at = (text: string, name: string) => ({ name, start: text.indexOf(name), end: text.indexOf(name) + name.length });

describe('the asker’s introduction', () => {
  it('sets aside the asker’s own unit when another is asked about, and keeps it when it is the only one', () => {
    const check = '我是县市场监管局的，汕尾意见里那条，公安局也有份吗?';
    expect(unitsAskedAbout([at(check, '市场监管局'), at(check, '公安局')], check).map((unit) => unit.name)).toEqual(['公安局']);
    const own = '我们是市卫健局，汕尾的征求意见稿哪些条款涉及我们?';
    expect(unitsAskedAbout([at(own, '市卫健局')], own).map((unit) => unit.name)).toEqual(['市卫健局']);
    const english = "we are shanwei finance bureau, does the tax bureau take part?";
    expect(unitsAskedAbout([at(english, 'finance bureau'), at(english, 'tax bureau')], english).map((unit) => unit.name)).toEqual(['tax bureau']);
    const plain = '市财政局和市税务局都参与吗';
    expect(unitsAskedAbout([at(plain, '市财政局'), at(plain, '市税务局')], plain)).toHaveLength(2);
  });
});
