import { describe, expect, it } from 'vitest';
import { Bm25Index, type WeightedTerm } from './bm25-index.ts';
import { TermTable } from './term-table.ts';

/** A corpus with a Zipf-like vocabulary, so some terms are in most documents and most are rare. */
function syntheticIndex(documents: number, seed: number): { index: Bm25Index; random: () => number } {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const term = () => `t${Math.floor(1 / (random() + 0.002)) % 400}`;
  const index = new Bm25Index([
    { name: 'heading', weight: 3, lengthNormalization: 0.5 },
    { name: 'text', weight: 1, lengthNormalization: 0.75 },
  ]);
  for (let document = 0; document < documents; document += 1) {
    index.add([Array.from({ length: 1 + Math.floor(random() * 4) }, term), Array.from({ length: 20 + Math.floor(random() * 80) }, term)]);
  }
  index.build();
  return { index, random };
}

describe('Bm25Index', () => {
  it('returns the same top documents, scores and coverage with pruning as scoring every document', () => {
    const { index, random } = syntheticIndex(3000, 7);
    for (let round = 0; round < 200; round += 1) {
      const query: WeightedTerm[] = Array.from({ length: 2 + Math.floor(random() * 14) }, () => ({ term: `t${Math.floor(random() * random() * 420)}`, weight: random() < 0.3 ? 0.5 : 1 }));
      const limit = 1 + Math.floor(random() * 30);
      const allowed = round % 4 === 0 ? Uint8Array.from({ length: index.size }, () => (random() < 0.5 ? 1 : 0)) : undefined;
      const pruned = index.search(query, limit, allowed);
      // A limit as large as the corpus leaves nothing to prune: every matching document is scored.
      const exhaustive = index.search(query, index.size, allowed).slice(0, limit);
      expect(pruned.map((hit) => hit.score)).toEqual(exhaustive.map((hit) => expect.closeTo(hit.score, 4)));
      for (const [rank, hit] of pruned.entries()) {
        const reference = exhaustive[rank]!;
        // Equal scores may come in either order; otherwise the same document at the same rank.
        if (Math.abs(hit.score - (exhaustive[rank + 1]?.score ?? -1)) > 1e-4 && Math.abs(hit.score - (exhaustive[rank - 1]?.score ?? -1)) > 1e-4) expect(hit.index).toBe(reference.index);
        expect(hit.coverage).toBeCloseTo(exhaustive.find((candidate) => candidate.index === hit.index)?.coverage ?? -1, 5);
      }
    }
  });

  it('scores a document higher for a rarer matching term and for the weightier field', () => {
    const index = new Bm25Index([
      { name: 'heading', weight: 3, lengthNormalization: 0 },
      { name: 'text', weight: 1, lengthNormalization: 0 },
    ]);
    index.add([['乳制品'], ['质量', '安全']]);
    index.add([['质量'], ['乳制品', '安全']]);
    index.add([['质量'], ['安全']]);
    index.build();
    const [first, second] = index.search([{ term: '乳制品', weight: 1 }, { term: '质量', weight: 1 }], 3);
    expect(first!.index).toBe(0);
    expect(second!.index).toBe(1);
    expect(index.idf('乳制品')).toBeGreaterThan(index.idf('质量'));
  });

  it('shares its term table with later indexes and reads only the terms it was built with', () => {
    const fields = [{ name: 'text', weight: 1, lengthNormalization: 0 }];
    const terms = new TermTable();
    const before = new Bm25Index(fields, terms);
    before.add([['钢铁', '质量']]);
    before.add([['质量']]);
    before.build();
    // The next library drops the steel clause and brings a dairy one, numbering into the same table.
    const after = new Bm25Index(fields, terms);
    after.add([['质量']]);
    after.add([['乳制品', '质量']]);
    after.build();
    expect(terms.size).toBe(3);
    expect(before.has('乳制品')).toBe(false);
    expect(before.search([{ term: '乳制品', weight: 1 }], 5)).toEqual([]);
    expect(before.search([{ term: '钢铁', weight: 1 }], 5).map((hit) => hit.index)).toEqual([0]);
    // A term only a removed document had is not in the new index: no postings, no idf.
    expect(after.has('钢铁')).toBe(false);
    expect(after.idf('钢铁')).toBe(0);
    expect(after.search([{ term: '乳制品', weight: 1 }], 5).map((hit) => hit.index)).toEqual([1]);
  });

  it('builds from kept term counts (buildFrom) the same index as from added documents', () => {
    let state = 11;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const terms = new TermTable();
    const fields = [{ name: 'heading', weight: 3, lengthNormalization: 0.5 }, { name: 'text', weight: 1, lengthNormalization: 0.75 }];
    const documents = Array.from({ length: 500 }, () => [0, 1].map((field) => Array.from({ length: (field === 0 ? 1 : 20) + Math.floor(random() * 30) }, () => terms.intern(`t${Math.floor(1 / (random() + 0.01)) % 120}`))));
    const added = new Bm25Index(fields, terms);
    for (const document of documents) added.addTermIds(document);
    added.build();
    const read = new Bm25Index(fields, terms);
    read.buildFrom(documents.length, (document, visit) => {
      documents[document]!.forEach((ids, field) => {
        const counts = new Map<number, number>();
        for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
        for (const [id, count] of counts) visit(field, id, count);
      });
    });
    expect(read.size).toBe(added.size);
    for (let round = 0; round < 50; round += 1) {
      const query = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({ term: `t${Math.floor(random() * 130)}`, weight: 1 }));
      expect(read.search(query, 10)).toEqual(added.search(query, 10));
    }
    expect(() => read.buildFrom(1, () => {})).toThrow(/once/u);
  });
});
