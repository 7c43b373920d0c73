import { describe, expect, it } from 'vitest';
import { seedRetrieval } from '../../test-support/seed-retrieval.ts';
import { findValue } from './evidence.ts';

const retrieval = await seedRetrieval();
const clause = (id: string) => retrieval.catalog.passages[retrieval.catalog.indexOf(id)!]!.clause;
const valueFor = async (question: string, id: string, kind: 'figure' | 'money' = 'figure') => {
  const result = await retrieval.search(question);
  return findValue(clause(id), result.groups, kind, result.frame);
};

describe('findValue', () => {
  it('takes the value from the comma-separated part that names the asked subject', async () => {
    expect((await valueFor('汕尾食品抽检合格率目标', 'sw-2023-0926:1.2'))?.value).toBe('98.5%');
    expect((await valueFor('汕尾农产品质量安全例行监测合格率目标', 'sw-2023-0926:1.2'))?.value).toBe('98%');
    expect((await valueFor('汕尾制造业产品质量合格率目标', 'sw-2023-0926:1.2'))?.value).toBe('94.8%');
  });

  it('carries the year the value is for from the sentence or the clause before it', async () => {
    expect((await valueFor('汕尾制造业产品质量合格率目标', 'sw-2023-0926:1.2'))?.year).toBe('2025');
    expect((await valueFor('天津农产品监测合格率', 'tj-2014-22:1.2'))?.year).toBe('2016');
  });

  it('does not take an amount written before another subject', async () => {
    expect((await valueFor('天津质量奖奖励多少钱', 'tj-2014-22:4.2', 'money'))?.value).toBe('100萬元');
    expect(await valueFor('中国质量奖奖金多少钱', 'tj-2014-22:4.2', 'money')).toBeUndefined();
    // Named in two words (中国 质量奖) and beside words the amount's part holds (获奖企业, 奖励): still another subject's amount.
    expect(await valueFor('天津2014年意见里中国质量奖获奖企业奖励多少钱', 'tj-2014-22:4.2', 'money')).toBeUndefined();
  });

  it('takes the value of the part that writes the subject named in full, not of a part before it', async () => {
    expect((await valueFor('What agricultural standardisation coverage rate did Tianjin target for 2016?', 'tj-2014-22:2.9'))?.value).toBe('36%');
  });

  it('takes a list label (五大) for a figure only when a count is asked', async () => {
    expect(await valueFor('天津2014年旅游满意度目标是多少', 'tj-2014-22:2.7')).toBeUndefined();
    expect((await valueFor('天津2014年意见要打造多少个特色旅游板块', 'tj-2014-22:2.7'))?.value).toBe('五大');
  });

  it('keeps to the asked measure', async () => {
    const result = await retrieval.search('天津每年监督抽查不少于多少批次');
    expect(findValue(clause('tj-2014-22:2.2'), result.groups, 'figure', result.frame)?.value).toBe('4萬批次');
    expect(findValue(clause('tj-2014-22:2.2'), result.groups, 'figure', { ...result.frame, measure: '%' })).toBeUndefined();
  });
});
