import { afterAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../../eval/seed-store.ts';
import { englishChineseDictionary } from '../../adapters/dictionary/english-chinese-dictionary.ts';
import { openDenseIndex } from '../../adapters/hnsw/dense-index-store.ts';
import { buildRetriever } from '../../services/retrieval-service.ts';
import { fixtureEmbedder } from '../../test-support/fixture-model.ts';
import { temporaryDirectory } from '../../test-support/seed-files.ts';

describe('Retriever over the seed corpus', async () => {
  const store = seedStore();
  const directory = temporaryDirectory('retriever');
  afterAll(() => {
    store.close();
    directory.remove();
  });
  const dictionary = englishChineseDictionary();
  const lexical = await buildRetriever(store, { tokenizerMode: 'jieba+bigram', dictionary });
  const unseen = (result: Awaited<ReturnType<typeof lexical.search>>) => result.frame.topic.words.filter((word) => !word.seen && word.specific).map((word) => word.word);
  const top = async (question: string, options = {}) => (await lexical.search(question, options)).hits.map((hit) => hit.clause.id);

  it('finds the clause for Simplified, Traditional and English questions', async () => {
    expect((await top('汕尾到2025年制造业产品质量合格率目标是多少?'))[0]).toBe('sw-2023-0926:1.2');
    expect((await top('汕尾提高農產品食品藥品質量安全水平由哪些部門負責?'))[0]).toBe('sw-2023-0926:4.10');
    expect((await top('which bureau leads dairy safety?'))[0]).toBe('tj-2023-3:2.2');
  });

  it('translates English through the glossary first and the dictionary second', async () => {
    const result = await lexical.search('What does the national plan say about infant formula and bridges?');
    expect(result.frame.translation).toContainEqual(expect.objectContaining({ english: 'infant formula', chinese: '婴幼儿配方乳粉', source: 'glossary' }));
    expect(result.frame.translation).toContainEqual(expect.objectContaining({ english: 'bridges', chinese: '桥梁', source: 'dictionary' }));
    expect(result.frame.scope.documentIds).toEqual(['cn-2022-95']);
    expect(result.hits.every((hit) => hit.document.id === 'cn-2022-95')).toBe(true);
  });

  it('matches glossary phrases that hold filler words (and, of) before the fillers are dropped', async () => {
    const result = await lexical.search('Who leads strengthening the role of science and technology innovation in quality improvement in Tianjin?');
    expect(result.frame.translation).toContainEqual(expect.objectContaining({ english: 'science and technology innovation', chinese: '科技创新', source: 'glossary' }));
    expect(result.hits[0]!.clause.id).toBe('tj-2023-3:6.16');
  });

  it('does not read "national standards" as naming the national plan, and keeps the phrase for translation', async () => {
    const result = await lexical.search('How many national standards did Tianjin help set?');
    expect(result.frame.scope.documentIds).toEqual(['tj-2023-3', 'tj-2014-22']);
    expect(result.frame.translation).toContainEqual(expect.objectContaining({ english: 'national standards', chinese: '国家标准' }));
    expect((await lexical.search('What does the national plan say about national standards?')).frame.scope.documentIds).toEqual(['cn-2022-95']);
  });

  it('reads scope and intent cues and returns them with the result', async () => {
    const result = await lexical.search('天津2014年的意见中天津质量奖奖励多少钱?');
    expect(result.frame.slots).toEqual(['money']);
    expect(result.frame.scope).toMatchObject({ documentIds: ['tj-2014-22'], cues: ['天津', '2014'] });
    expect(result.hits[0]!.clause.id).toBe('tj-2014-22:4.2');
  });

  it('finds the clause of a lead question by its topic', async () => {
    const result = await lexical.search('天津提升建筑工程质量水平的牵头单位?');
    expect(result.frame.slot).toBe('lead');
    expect(result.hits[0]!.clause.id).toBe('tj-2023-3:2.5');
  });

  it('reads a 文号 as naming exactly that document, in any brackets, without counting it as Chinese text', async () => {
    const chinese = await lexical.search('津质量发〔2023〕3号是哪个单位发布的?');
    // Without the 文号, 2023 would also take in the Shanwei 2023 draft.
    expect(chinese.frame.scope.documentIds).toEqual(['tj-2023-3']);
    expect(chinese.frame.scope.cues).toContain('津质量发〔2023〕3号');
    const english = await lexical.search('Who issued 津质量发[2023]3号?');
    expect(english.frame.language).toBe('en');
    expect(english.frame.scope.documentIds).toEqual(['tj-2023-3']);
    // The number is a scope cue, not a topic word the corpus might lack.
    expect(unseen(await lexical.search('国市监质发〔2022〕95号对电梯有什么要求?'))).toEqual([]);
  });

  it('counts a compound as seen when one clause writes its parts apart, and not otherwise', async () => {
    // 儿童用品 is never written as such; cn-2022-95:2.2 says 儿童老年人残疾人用品.
    expect(unseen(await lexical.search('国家方案对老年用品和儿童用品有什么要求?'))).toEqual([]);
    expect(unseen(await lexical.search('天津无人机适航认证的费用标准是什么?'))).toContain('无人机');
  });

  it('honours an explicit document filter', async () => {
    expect(await top('食品安全', { documentIds: ['tj-2014-22'] })).toSatisfy((ids: string[]) => ids.length > 0 && ids.every((id) => id.startsWith('tj-2014-22:')));
  });

  it('gives low confidence to a question the corpus does not cover', async () => {
    const covered = await lexical.search('汕尾食品抽检合格率要达到多少?');
    const uncovered = await lexical.search('天津无人机适航认证的费用标准是什么?');
    expect(covered.confidence).toBeGreaterThan(0.6);
    expect(uncovered.confidence).toBeLessThan(covered.confidence);
    expect(uncovered.confidence).toBeLessThan(0.5);
  });

  it('fuses the dense path when it is active and reports per-path ranks', async () => {
    const embedder = await fixtureEmbedder();
    const hybrid = await buildRetriever(store, {
      tokenizerMode: 'jieba+bigram',
      dictionary,
      dense: async (catalog) =>
        (await openDenseIndex(catalog, embedder, { directory: directory.path, corpusHash: store.currentCorpusHash()!, parameters: { m: 16, efConstruction: 100, efSearch: 64 }, rebuild: 'auto' })).retriever,
    });
    const result = await hybrid.search('深入推进乳制品质量安全提升行动');
    expect(result.activePaths).toEqual(['lexical', 'dense']);
    expect(result.hits[0]!.clause.id).toBe('tj-2023-3:2.2');
    expect(result.hits.some((hit) => hit.paths.dense !== undefined)).toBe(true);
    expect(result.hits[0]!.paths.lexical!.rank).toBe(1);
  });
});
