import { describe, expect, it } from 'vitest';
import { sentenceSteps } from './extractive-answerer.ts';

describe('sentenceSteps', () => {
  it('cuts after each sentence end (closing quotes kept with it) and each line break, losing nothing', () => {
    const text = '牵头单位是**市工业和信息化局**。\n津质量发〔2023〕3号 二(二)「提升食品质量水平」[1]：“增强。深入推进!”好的？The lead is X. ok';
    const steps = sentenceSteps(text);
    expect(steps.join('')).toBe(text);
    expect(steps.slice(0, 4)).toEqual(['牵头单位是**市工业和信息化局**。', '\n', '津质量发〔2023〕3号 二(二)「提升食品质量水平」[1]：“增强。', '深入推进!”']);
    expect(sentenceSteps('')).toEqual([]);
  });
});
