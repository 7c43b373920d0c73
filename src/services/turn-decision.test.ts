import { describe, expect, it } from 'vitest';
import { englishChineseDictionary } from '../adapters/dictionary/english-chinese-dictionary.ts';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { buildCorpus } from '../domain/corpus/corpus-builder.ts';
import { readSeeds, TEST_MAX_FILE_BYTES } from '../test-support/seed-files.ts';
import { buildRetriever } from './retrieval-service.ts';
import { TurnDecider } from './turn-decision.ts';

const TANGSHAN = `唐山市进一步提高产品质量行动方案
为提高全市产品质量，制定本方案。
一、重点任务
（一）提升钢铁产品质量。推动钢铁企业对标国际先进标准，开展钢材质量监督抽查，提高板材、型材质量稳定性。（市工业和信息化局、市市场监管局等按职责分工负责）
（二）提升陶瓷产品质量。支持陶瓷企业开展质量品牌建设。（市市场监管局、市商务局按职责分工负责）
唐山市市场监督管理局
2024年3月1日
`;

async function deciderOver(extra: { fileName: string; text: string }[]) {
  const store = new SqliteClauseStore(openDatabase(':memory:'));
  const files = [...readSeeds(), ...extra.map(({ fileName, text }) => ({ fileName, bytes: Buffer.from(text, 'utf8') }))];
  store.replaceCorpus(buildCorpus(files, { maxFileBytes: TEST_MAX_FILE_BYTES }));
  const components = await buildRetriever(store, { tokenizerMode: 'jieba+bigram', dictionary: englishChineseDictionary() });
  return new TurnDecider({ ...components, store });
}

describe('a place is covered exactly when a document for it is in the library', () => {
  const question = '唐山提升钢铁产品质量由哪个部门牵头?';

  it('answers 唐山 from its own document once one is added, and not before', async () => {
    const before = await (await deciderOver([])).decide(question, [], undefined);
    expect(before.decision).toMatchObject({ outcome: 'not-found', reason: { kind: 'uncovered-place', place: '唐山' } });

    const after = await (await deciderOver([{ fileName: '900_tangshan.txt', text: TANGSHAN }])).decide(question, [], undefined);
    expect(after.frame.scope.uncoveredPlace).toBeNull();
    expect(after.decision.outcome).toBe('answer');
    if (after.decision.outcome !== 'answer') return;
    const cited = after.decision.evidence[0]!.clause.hit;
    expect(cited.document.region).toBe('河北省唐山市');
    expect(cited.clause.heading).toBe('提升钢铁产品质量');
    expect(after.decision.evidence[0]!.value).toBe('市工业和信息化局');
    // A place next to it still is not covered.
    expect((await (await deciderOver([{ fileName: '900_tangshan.txt', text: TANGSHAN }])).decide('秦皇岛提升钢铁产品质量由哪个部门牵头?', [], undefined)).decision).toMatchObject({ outcome: 'not-found', reason: { kind: 'uncovered-place' } });
  });
});
