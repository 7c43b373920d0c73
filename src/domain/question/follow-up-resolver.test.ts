import { describe, expect, it } from 'vitest';
import { seedRetrieval } from '../../test-support/seed-retrieval.ts';

const { analyzer } = await seedRetrieval();
const history = (...questions: string[]) => questions.flatMap((content) => [{ role: 'user' as const, content }, { role: 'assistant' as const, content: '…' }]);

describe('follow-ups resolved from the earlier user turns', () => {
  it('carries topic and slot into a question that names only another document', () => {
    const frame = analyzer.analyze('那国家方案呢?', history('天津提升食品质量水平由哪个部门牵头?'));
    expect(frame).toMatchObject({ slot: 'lead', scope: { documentIds: ['cn-2022-95'] }, followUp: { continues: '天津提升食品质量水平由哪个部门牵头?', carried: ['topic', 'slot'] } });
    expect(frame.topic.words.map((word) => word.word)).toEqual(expect.arrayContaining(['食品', '质量']));
    expect(frame.standalone).toBe('那国家方案呢? (天津提升食品质量水平由哪个部门牵头?)');
  });

  it('keeps the slot and scope and takes the new topic (And for agricultural products?)', () => {
    const frame = analyzer.analyze('And for agricultural products?', history('What is the Shanwei food sampling pass rate target?'));
    expect(frame).toMatchObject({ slot: 'figure', scope: { documentIds: ['sw-2023-0926'] }, language: 'en' });
    expect(frame.followUp?.carried).toEqual(['slot', 'scope']);
  });

  it('re-scopes cleanly after a place the library does not cover', () => {
    const frame = analyzer.analyze('那国家方案呢?', history('北京提升食品质量由哪个部门牵头?'));
    expect(frame.scope).toMatchObject({ documentIds: ['cn-2022-95'], uncoveredPlace: null });
  });

  it('treats a question with its own topic and no follow-up words as a new question', () => {
    const frame = analyzer.analyze('汕尾制造业产品质量合格率目标是多少?', history('天津提升食品质量水平由哪个部门牵头?'));
    expect(frame.followUp).toBeNull();
  });
});
