import { describe, expect, it } from 'vitest';
import { seedCorpus, documentById } from '../../test-support/seed-files.ts';
import { plainChineseSegmenter } from '../text/chinese-segmenter.ts';
import { alignClauses, implementsDocument } from './clause-alignment.ts';
import fixture from './clause-alignment.fixture.json' with { type: 'json' };

describe('clause alignment on the seeds, against the pairs checked by hand', () => {
  const corpus = seedCorpus();
  const toNational = new Map(
    corpus.correspondences.filter((each) => each.otherDocumentId === 'cn-2022-95' && each.relation !== 'nearest').map((each) => [each.clauseId, each]),
  );

  it('aligns every clause of the Tianjin plan with the national clause it implements, and no other', () => {
    const implementing = fixture.pairs.filter((pair) => pair.relation === 'implements');
    expect(implementing).toHaveLength(24);
    for (const pair of implementing) {
      expect(toNational.get(pair.clause), pair.clause).toMatchObject({ otherClauseId: pair.national, relation: 'implements' });
    }
  });

  it('says a clause of a document that does not follow the national plan corresponds to one only when the hand check agrees', () => {
    const corresponding = fixture.pairs.filter((pair) => pair.relation === 'corresponds');
    const found = corresponding.filter((pair) => toNational.has(pair.clause));
    expect(found.length).toBeGreaterThanOrEqual(8);
    for (const pair of found) expect(toNational.get(pair.clause), pair.clause).toMatchObject({ otherClauseId: pair.national, relation: 'corresponds' });
  });

  it('counts a plan as implementing the national one only when it names it as what it follows, and came after it', () => {
    const national = documentById(corpus, 'cn-2022-95');
    expect(implementsDocument(documentById(corpus, 'tj-2023-3'), national)).toBe(true);
    expect(implementsDocument(documentById(corpus, 'sw-2023-0926'), national)).toBe(false);
    expect(implementsDocument(documentById(corpus, 'tj-2014-22'), national)).toBe(false);
    const tianjin = documentById(corpus, 'tj-2023-3');
    expect(implementsDocument({ ...tianjin, date: '2021-01-01' }, national)).toBe(false);
    expect(implementsDocument(national, tianjin)).toBe(false);
  });

  it('keeps only nearest matches when no document names another and no clauses are alike', () => {
    const tianjin = documentById(corpus, 'tj-2023-3');
    const lone = { ...tianjin, id: 'x', facts: [], clauses: tianjin.clauses.slice(0, 3).map((clause) => ({ ...clause, id: `x:${clause.id}`, documentId: 'x' })) };
    const other = { ...documentById(corpus, 'cn-2022-95'), clauses: documentById(corpus, 'cn-2022-95').clauses.filter((clause) => clause.id.startsWith('cn-2022-95:7.')) };
    expect(alignClauses([lone, other], plainChineseSegmenter()).every((each) => each.relation === 'nearest')).toBe(true);
  });
});
