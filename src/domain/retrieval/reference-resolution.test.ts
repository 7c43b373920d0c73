import { describe, expect, it } from 'vitest';
import { seedRetrieval } from '../../test-support/seed-retrieval.ts';
import type { ClauseReference } from '../question/question-frame.ts';
import { resolveReference } from './reference-resolution.ts';

const { catalog } = await seedRetrieval();
const reference = (clauseIds: string[], relation: ClauseReference['relation'], targetDocumentIds: string[] = []): ClauseReference => ({
  clauseIds, relation, targetDocumentIds, from: 'question', cues: [], ownTopic: false,
});

describe('clause references resolved against the alignment stored at ingest', () => {
  it('finds every local clause that implements a national one, and the national clause a local one implements', () => {
    expect(resolveReference(reference(['cn-2022-95:2.1'], 'corresponding', ['tj-2023-3']), catalog)).toEqual({
      relation: 'corresponding', sources: ['cn-2022-95:2.1'], closest: false,
      targets: [
        { clauseId: 'tj-2023-3:2.1', relation: 'implemented-by', of: 'cn-2022-95:2.1' },
        { clauseId: 'tj-2023-3:2.2', relation: 'implemented-by', of: 'cn-2022-95:2.1' },
      ],
    });
    expect(resolveReference(reference(['tj-2023-3:5.14'], 'corresponding', ['cn-2022-95']), catalog).targets).toEqual([{ clauseId: 'cn-2022-95:5.12', relation: 'implements', of: 'tj-2023-3:5.14' }]);
  });

  it('prefers implementation over a likeness in another document, and falls back to the nearest clause, said so', () => {
    const both = resolveReference(reference(['cn-2022-95:2.4'], 'corresponding', ['tj-2023-3', 'tj-2014-22']), catalog);
    expect(both.targets.map((target) => target.clauseId)).toEqual(['tj-2023-3:2.5']);
    const nearest = resolveReference(reference(['sw-2023-0926:5.13'], 'corresponding', ['tj-2023-3']), catalog);
    expect(nearest).toMatchObject({ closest: true, targets: [{ clauseId: 'tj-2023-3:2.5', relation: 'nearest' }] });
  });

  it('between two local documents, weighs the national clause both take up: Tianjin\'s brand clause finds Shanwei\'s brand clause, not a closer wording', () => {
    // tj 6.19 implements cn 6.17, to which sw 7.21 is nearest; sw 4.12 is nearer to tj 6.19 in wording alone.
    const direct = catalog.counterparts('tj-2023-3:6.19', ['sw-2023-0926']);
    expect(direct.find((each) => each.clauseId === 'sw-2023-0926:4.12')!.score).toBeGreaterThan(direct.find((each) => each.clauseId === 'sw-2023-0926:7.21')!.score);
    const bridged = resolveReference(reference(['tj-2023-3:6.19'], 'corresponding', ['sw-2023-0926']), catalog);
    expect(bridged).toMatchObject({ closest: true, targets: [{ clauseId: 'sw-2023-0926:7.21', relation: 'nearest' }] });
  });

  it('keeps a same-clause reference to clauses of the library and within the request filter', () => {
    expect(resolveReference(reference(['tj-2023-3:2.2', 'nope:1.1'], 'same'), catalog).targets.map((target) => target.clauseId)).toEqual(['tj-2023-3:2.2']);
    expect(resolveReference(reference(['tj-2023-3:2.2'], 'same'), catalog, ['cn-2022-95']).targets).toEqual([]);
    expect(resolveReference(reference(['cn-2022-95:2.1'], 'corresponding', ['tj-2023-3']), catalog, ['sw-2023-0926']).targets).toEqual([]);
  });
});
