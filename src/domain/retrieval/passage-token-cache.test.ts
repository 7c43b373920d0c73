import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../../adapters/sqlite/sqlite-clause-store.ts';
import { loadEvalSet } from '../../../eval/eval-set.ts';
import { buildRetriever } from '../../services/retrieval-service.ts';
import { seedCorpus } from '../../test-support/seed-files.ts';
import { SegmenterVocabulary } from '../text/chinese-segmenter.ts';
import { PassageTokenCache, type GrowingVocabulary } from './passage-token-cache.ts';

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
      return [[`cut-${cuts}`]];
    };
    expect(cache.tokens('提升钢铁产品质量', cut)).toEqual([['cut-1']]);
    expect(cache.tokens('提升钢铁产品质量', cut)).toEqual([['cut-1']]);
    expect(cache.tokens('提高港口物流服务质量', cut)).toEqual([['cut-2']]);
    vocabulary.words.push('钢铁产品');
    expect(cache.tokens('提升钢铁产品质量', cut)).toEqual([['cut-3']]);
    expect(cache.tokens('提高港口物流服务质量', cut)).toEqual([['cut-2']]);
    cache.keepOnlyUsed();
    expect(cache.size).toBe(2);
    expect(cache.tokens('提升钢铁产品质量', cut)).toEqual([['cut-3']]);
    cache.keepOnlyUsed();
    expect(cache.size).toBe(1);
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
