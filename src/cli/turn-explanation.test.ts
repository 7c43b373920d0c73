import { describe, expect, it } from 'vitest';
import { answerFromSeeds } from '../test-support/seed-retrieval.ts';
import { explainTurn } from './turn-explanation.ts';

describe('npm run search -- --explain', () => {
  it('shows the frame, the clauses, the gate and the rule that answered', async () => {
    const text = explainTurn(await answerFromSeeds('危化品质量监督抽查是不是市监委带头的'), 1.2);
    expect(text).toMatch(/asks: {6}lead, yes\/no/u);
    expect(text).toMatch(/units: {5}市监委 → 市市场监管委 \(tj-2023-3\)/u);
    expect(text).toMatch(/危化品→危险化学品/u);
    expect(text).toMatch(/topic gate: open, probability 0\.\d{3}/u);
    expect(text).toMatch(/decision: {2}answer \(unit-check\)/u);
    expect(text).toMatch(/evidence: {2}\[\d\] tj-2023-3:3\.7 value 市市场监管委 verdict no/u);
  });

  it('says why an answer is not found, and which rule said so', async () => {
    const text = explainTurn(await answerFromSeeds('唐山提升钢铁产品质量由哪个部门牵头?'), 1);
    expect(text).toMatch(/uncovered place: 唐山/u);
    expect(text).toMatch(/decision: {2}not found \(uncovered-place\): the library holds no document for 唐山/u);
    expect(text).toMatch(/rule: {6}place: the question names a place no document covers/u);
  });
});
