import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCorpus } from '../../test-support/seed-files.ts';
import type { Corpus } from '../corpus/policy-document.ts';
import type { ClauseStore } from './clause-store.ts';

/** Behaviour every ClauseStore must show; each implementation runs this suite against itself. */
export function clauseStoreContract(name: string, createStore: () => { store: ClauseStore; dispose: () => void }) {
  describe(`ClauseStore contract: ${name}`, () => {
    let store: ClauseStore;
    let dispose: () => void;
    const corpus = seedCorpus();

    beforeEach(() => {
      ({ store, dispose } = createStore());
    });
    afterEach(() => dispose());

    it('starts empty', () => {
      expect(store.listDocuments()).toEqual([]);
      expect(store.currentCorpusHash()).toBeNull();
      expect(store.stats()).toMatchObject({ documents: 0, clauses: 0, lastIngest: null });
    });

    it('stores and returns the whole corpus', () => {
      const run = store.replaceCorpus(corpus);
      expect(run).toMatchObject({ documents: 4, clauses: 99, duplicatesMerged: 1, rejected: [] });
      expect(store.currentCorpusHash()).toBe(corpus.corpusHash);
      expect(store.listDocuments().map((document) => [document.id, document.clauseCount])).toEqual(
        corpus.documents.map((document) => [document.id, document.clauses.filter((clause) => clause.kind === 'clause').length]),
      );
      const detail = store.getDocument('tj-2023-3')!;
      expect(detail.sources.map((source) => source.fileName)).toEqual(['003_1fb4b9bfca63f1e3.txt', '000_b4600086fd213c1b.txt']);
      expect(detail.clauses[1]).toMatchObject({ id: 'tj-2023-3:2.2', section: '二', clause: '二', heading: '提升食品质量水平' });
      expect(detail.clauses[1]!.units[0]).toEqual({ name: '市工业和信息化局', nameEn: 'Tianjin Municipal Bureau of Industry and Information Technology', role: 'lead' });
      expect(detail.passages.map((passage) => passage.kind)).toEqual(['notice', 'preamble', 'section-text', 'section-text', 'closing']);
      expect(detail.facts.filter((fact) => fact.field === 'issuer').length).toBeGreaterThan(1);
      expect(store.getDocument('missing')).toBeUndefined();
    });

    it('returns clauses by id in the order asked, skipping unknown ids', () => {
      store.replaceCorpus(corpus);
      expect(store.getClauses(['cn-2022-95:2.1', 'nope', 'tj-2023-3:2.2']).map((clause) => clause.id)).toEqual(['cn-2022-95:2.1', 'tj-2023-3:2.2']);
      expect(store.allPassages()).toHaveLength(corpus.documents.reduce((sum, document) => sum + document.clauses.length, 0));
    });

    it('keeps the clause correspondences computed at ingest, each between two stored clauses', () => {
      store.replaceCorpus(corpus);
      const stored = store.listCorrespondences();
      expect(stored).toHaveLength(corpus.correspondences.length);
      expect(stored).toContainEqual({ clauseId: 'tj-2023-3:2.2', documentId: 'tj-2023-3', otherClauseId: 'cn-2022-95:2.1', otherDocumentId: 'cn-2022-95', relation: 'implements', score: expect.any(Number) });
      const ids = new Set(store.allPassages().map((passage) => passage.id));
      expect(stored.every((each) => ids.has(each.clauseId) && ids.has(each.otherClauseId))).toBe(true);
    });

    it('is idempotent: the same corpus twice gives the same contents', () => {
      store.replaceCorpus(corpus);
      const first = { documents: store.listDocuments(), passages: store.allPassages() };
      store.replaceCorpus(corpus);
      expect({ documents: store.listDocuments(), passages: store.allPassages() }).toEqual(first);
      expect(store.stats()).toMatchObject({ documents: 4, clauses: 99 });
    });

    it('keeps the previous corpus when a replacement fails half-way', () => {
      store.replaceCorpus(corpus);
      const before = store.allPassages();
      const broken: Corpus = structuredClone(corpus);
      // Two clauses with one id: the write fails on the second, after many rows went in.
      const last = broken.documents.at(-1)!;
      last.clauses.push({ ...last.clauses[0]! });
      expect(() => store.replaceCorpus(broken)).toThrow();
      expect(store.allPassages()).toEqual(before);
      expect(store.currentCorpusHash()).toBe(corpus.corpusHash);
    });
  });
}
