import { describe, expect, it } from 'vitest';
import { readStatedUnitCount, readStatedValues, sameValue } from './stated-values.ts';

describe('stated values', () => {
  it('reads rates, amounts and quantities a question states, not its years or counts', () => {
    expect(readStatedValues('汕尾的食品抽检合格率目标是95%对吧?').map((value) => value.text)).toEqual(['95%']);
    expect(readStatedValues('每年监督抽查不少于3万批次,对吗?')).toEqual([{ text: '3万批次', kind: 'figure', measure: '批次' }]);
    expect(readStatedValues('天津质量奖奖励100 万元吗')).toEqual([{ text: '100万元', kind: 'money', measure: '元' }]);
    expect(readStatedValues("is tianjin's target 98 percent?").map((value) => value.text)).toEqual(['98%']);
    expect(readStatedValues('天津14年的意见里有几个单位负责?')).toEqual([]);
    expect(readStatedValues('到2025年的目标是多少')).toEqual([]);
  });

  it('compares a stated value with the one a clause writes, as numbers in one measure', () => {
    expect(sameValue('3万批次', '4萬批次')).toBe(false);
    expect(sameValue('4万批次', '4萬批次')).toBe(true);
    expect(sameValue('95%', '98.5%')).toBe(false);
    expect(sameValue('98.5%', '98.5%')).toBe(true);
    expect(sameValue('40000批次', '4万批次')).toBe(true);
    expect(sameValue('60%', '60家')).toBe(false);
  });

  it('reads a number of units stated to check it, not a unit picked out', () => {
    expect(readStatedUnitCount('汕尾 工业品质量迈向中高端 是三个单位负责吧', false)).toEqual({ text: '三个单位', count: 3 });
    expect(readStatedUnitCount('是不是十五个部门联合发的', false)?.count).toBe(15);
    expect(readStatedUnitCount('两个部门负责吗', false)?.count).toBe(2);
    expect(readStatedUnitCount('是不是同一个单位', false)).toBeNull();
    expect(readStatedUnitCount('哪个部门牵头', false)).toBeNull();
    expect(readStatedUnitCount('are three agencies responsible for it?', true)).toEqual({ text: 'three agencies', count: 3 });
    expect(readStatedUnitCount('is it 4 local departments', true)?.count).toBe(4);
    expect(readStatedUnitCount('which agencies are responsible', true)).toBeNull();
  });
});
