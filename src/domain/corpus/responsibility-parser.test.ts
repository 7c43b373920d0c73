import { describe, expect, it } from 'vitest';
import { findResponsibilityAnnotation, parseResponsibleUnits } from './responsibility-parser.ts';

const names = (text: string) => findResponsibilityAnnotation(text)?.units.map((unit) => `${unit.role === 'lead' ? '*' : ''}${unit.name}`);

describe('findResponsibilityAnnotation', () => {
  it('reads a bracketed list ending in 按职责分工负责, first unit leading', () => {
    expect(names('加强监管。(市市场监管委、市公安局等按职责分工负责)')).toEqual(['*市市场监管委', '市公安局']);
  });

  it('reads 【…】 annotations', () => {
    expect(names('强化保障。【市住房城乡建设局、市水务局按职责分工负责】')).toEqual(['*市住房城乡建设局', '市水务局']);
  });

  it('puts an explicitly 牵头 unit first even when others are listed before it', () => {
    expect(parseResponsibleUnits('市财政局、市科技局按职责分工负责,市市场监管局牵头')).toEqual([
      { name: '市市场监管局', role: 'lead' },
      { name: '市财政局', role: 'co' },
      { name: '市科技局', role: 'co' },
    ]);
  });

  it('ignores a closing parenthetical that names nobody', () => {
    expect(findResponsibilityAnnotation('到2025年完成10个示范区(试点)')).toBeUndefined();
    expect(findResponsibilityAnnotation('没有括号的句子。')).toBeUndefined();
  });

  it('keeps brackets inside unit names and drops a stray one', () => {
    expect(names('推动出口。【市商务局、汕尾海关按职责分工负责)】')).toEqual(['*市商务局', '汕尾海关']);
    expect(names('建设。(市质量强市工作领导小组(办公室)、市财政局等按职责分工负责)')).toEqual(['*市质量强市工作领导小组(办公室)', '市财政局']);
  });

  it('drops local implementers and document-wide notes', () => {
    expect(names('落实。(农业农村部、市场监管总局等部门及地方各级人民政府负责落实。以下均需地方各级人民政府落实,不再列出)')).toEqual([
      '*农业农村部', '市场监管总局',
    ]);
    expect(names('落实。【市科技局、市市场监管局按职责分工负责,各县(市、区)党委、人民政府(管委会)负责落实,以下不再列出】')).toEqual([
      '*市科技局', '市市场监管局',
    ]);
  });

  it('reports where the annotation starts so that callers can quote the clause without it', () => {
    const text = '加强监管。(市市场监管委牵头负责)';
    const annotation = findResponsibilityAnnotation(text)!;
    expect(text.slice(0, annotation.start)).toBe('加强监管。');
    expect(annotation.units).toEqual([{ name: '市市场监管委', role: 'lead' }]);
  });
});
