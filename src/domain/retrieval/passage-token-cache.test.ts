import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../../adapters/sqlite/sqlite-clause-store.ts';
import { loadEvalSet } from '../../../eval/eval-set.ts';
import { buildRetriever } from '../../services/retrieval-service.ts';
import { seedCorpus } from '../../test-support/seed-files.ts';
import { SegmenterVocabulary } from '../text/chinese-segmenter.ts';
import { PassageTokenCache, decodeFields, encodeFields, textHash, type GrowingVocabulary } from './passage-token-cache.ts';

class CountingVocabulary implements GrowingVocabulary {
  words: string[] = [];
  get version() {
    return this.words.length;
  }
  wordsSince(version: number) {
    return this.words.slice(version);
  }
}

describe('PassageTokenCache', () => {
  it('keeps tokens of unchanged text, cuts changed text, and cuts again text holding a newly learned word', () => {
    const vocabulary = new CountingVocabulary();
    const cache = new PassageTokenCache(vocabulary);
    let cuts = 0;
    const cut = () => {
      cuts += 1;
      return [[cuts]];
    };
    expect(cache.termIds('a', '提升钢铁产品质量', cut)).toEqual([[1]]);
    expect(cache.termIds('a', '提升钢铁产品质量', cut)).toEqual([[1]]);
    expect(cache.termIds('b', '提高港口物流服务质量', cut)).toEqual([[2]]);
    vocabulary.words.push('钢铁产品');
    expect(cache.termIds('a', '提升钢铁产品质量', cut)).toEqual([[3]]);
    expect(cache.termIds('b', '提高港口物流服务质量', cut)).toEqual([[2]]);
    // The same passage id with other text is cut again.
    expect(cache.termIds('b', '提高港口物流服务水平', cut)).toEqual([[4]]);
    cache.keepOnlyUsed();
    expect(cache.size).toBe(2);
    expect(cache.termIds('a', '提升钢铁产品质量', cut)).toEqual([[3]]);
    cache.keepOnlyUsed();
    expect(cache.size).toBe(1);
  });

  it('writes fields so that they read back as the same terms with the same counts, large numbers and empty fields included', () => {
    const fields = [[], [5, 5, 5, 0], [40_000, 3, 1_073_741_823, 40_000, 32_767, 32_768], Array.from({ length: 20_000 }, (_, index) => index % 7_000)];
    const read = decodeFields(encodeFields(fields));
    expect(read).toEqual(fields.map((ids) => [...ids].sort((left, right) => left - right)));
  });

  it('holds about two bytes per distinct term of a passage', () => {
    const ids = Array.from({ length: 300 }, (_, index) => index * 1_000 + 7);
    expect(encodeFields([ids]).length).toBeLessThanOrEqual(301);
  });

  it('hashes texts that differ in one character apart', () => {
    expect(textHash('提升钢铁产品质量')).not.toBe(textHash('提升钢铁产品质最'));
    expect(textHash('')).toBe(textHash(''));
  });
});

/** The library grows by a document: the index built with kept tokens ranks exactly as one built afresh. */
describe('lexical retrieval over kept tokens', () => {
  it('matches a fresh build after a document is added', async () => {
    const corpus = seedCorpus();
    const withoutShanwei = { ...corpus, documents: corpus.documents.filter((document) => !document.id.startsWith('sw-')), correspondences: [] };
    const before = new SqliteClauseStore(openDatabase(':memory:'));
    before.replaceCorpus(withoutShanwei);
    const after = new SqliteClauseStore(openDatabase(':memory:'));
    after.replaceCorpus(corpus);
    const vocabulary = new SegmenterVocabulary();
    const tokenCache = new PassageTokenCache(vocabulary);
    await buildRetriever(before, { tokenizerMode: 'jieba+bigram', vocabulary, tokenCache });
    const kept = await buildRetriever(after, { tokenizerMode: 'jieba+bigram', vocabulary, tokenCache });
    const fresh = await buildRetriever(after, { tokenizerMode: 'jieba+bigram' });
    const questions = loadEvalSet(new URL('../../../eval/sets/answers.jsonl', import.meta.url).pathname).map((item) => item.question).slice(0, 40);
    for (const question of questions) {
      const ranked = async (components: typeof kept) => (await components.search(question)).hits.map((hit) => `${hit.clause.id} ${hit.score.toFixed(6)}`);
      expect(await ranked(kept), question).toEqual(await ranked(fresh));
    }
  });
});
