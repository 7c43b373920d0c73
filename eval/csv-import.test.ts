import { describe, expect, it } from 'vitest';
import { importCsv } from './csv-import.ts';
import { seedStore } from './seed-store.ts';

const store = seedStore();
const lookup = (clauseId: string) => {
  const [clause] = store.getClauses([clauseId]);
  return clause ? `${clause.normalizedText}\n${clause.units.map((unit) => unit.name).join('、')}` : undefined;
};

describe('CSV import', () => {
  it('turns rows into eval items, keeping only key strings the gold clause holds', () => {
    const csv = [
      'Question,Expected answer,Gold clause',
      '天津提升食品质量水平由哪个部门牵头?,市工业和信息化局牵头,tj-2023-3:2.2',
      '"Who leads dairy safety, in Tianjin?","市工业和信息化局; 市市场监管委",tj-2023-3:2.2',
      '北京市由谁牵头?,not found,',
      '汕尾食品抽检合格率?,98.5%,xx:1',
    ].join('\n');
    const { items, warnings } = importCsv(csv, 'mine', lookup);
    expect(items).toEqual([
      { id: 'mine-001', language: 'zh-Hans', kind: 'lead', question: '天津提升食品质量水平由哪个部门牵头?', gold: ['tj-2023-3:2.2'], keys: [] },
      { id: 'mine-002', language: 'en', kind: 'lead', question: 'Who leads dairy safety, in Tianjin?', gold: ['tj-2023-3:2.2'], keys: ['市工业和信息化局', '市市场监管委'] },
      { id: 'mine-003', language: 'zh-Hans', kind: 'unanswerable', question: '北京市由谁牵头?', gold: [], keys: [], expectNotFound: true },
    ]);
    expect(warnings).toEqual(['line 2: "市工业和信息化局牵头" not found verbatim in the gold clause; not used as a key', 'line 5: no clause xx:1 (ids as GET /api/documents/:id lists them); skipped']);
  });
});
