import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PassageCatalog } from '../../domain/retrieval/passage-catalog.ts';
import type { Embedder } from '../../domain/ports/embedder.ts';
import { fixtureEmbedder } from '../../test-support/fixture-model.ts';
import { temporaryDirectory } from '../../test-support/seed-files.ts';
import { seedStore } from '../../../eval/seed-store.ts';
import { IndexMismatchError, openDenseIndex } from './dense-index-store.ts';

const PARAMETERS = { m: 16, efConstruction: 100, efSearch: 64 };

describe('dense index on disk, built with the fixture model', () => {
  const store = seedStore();
  const catalog = new PassageCatalog(store.listDocuments(), store.allPassages());
  const corpusHash = store.currentCorpusHash()!;
  const directory = temporaryDirectory('dense-index');
  afterAll(() => {
    store.close();
    directory.remove();
  });

  it('builds, persists with a manifest, reloads without rebuilding, and searches', async () => {
    const embedder = await fixtureEmbedder();
    const progress: string[] = [];
    const first = await openDenseIndex(catalog, embedder, { directory: directory.path, corpusHash, parameters: PARAMETERS, rebuild: 'auto', onProgress: (message) => progress.push(message) });
    expect(first.built).toBe(true);
    expect(progress[0]).toMatch(/no dense index yet/u);
    const manifest = JSON.parse(readFileSync(join(directory.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ formatVersion: 2, modelId: 'fixture/tiny-bert-e5', dimensions: 32, corpusHash, chunkerVersion: 1, space: 'cosine' });
    // Long clauses become several windows, each mapped back to its clause.
    const clauseIds = (manifest.windowKeys as string[]).map((key) => key.split('\u0001')[0]);
    expect(clauseIds.length).toBeGreaterThan(catalog.passages.length);
    expect(new Set(clauseIds).size).toBe(catalog.passages.length);

    const second = await openDenseIndex(catalog, embedder, { directory: directory.path, corpusHash, parameters: PARAMETERS, rebuild: 'never' });
    expect(second.built).toBe(false);
    const exact = catalog.passages[catalog.indexOf('tj-2023-3:2.2')!]!.clause.normalizedText.slice(0, 200);
    const hits = await second.retriever.search(exact, 5);
    expect(hits[0]!.passageIndex).toBe(catalog.indexOf('tj-2023-3:2.2'));
    expect(hits[0]!.similarity).toBeGreaterThan(0.5);
    expect(new Set(hits.map((hit) => hit.passageIndex)).size).toBe(hits.length);
  });

  it('keeps to the allowed documents', async () => {
    const { retriever } = await openDenseIndex(catalog, await fixtureEmbedder(), { directory: directory.path, corpusHash, parameters: PARAMETERS, rebuild: 'never' });
    const allowed = catalog.documentMask(['sw-2023-0926'])!;
    const hits = await retriever.search('食品安全', 8, allowed);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => catalog.passages[hit.passageIndex]!.document.id === 'sw-2023-0926')).toBe(true);
  });

  it('never queries an index built with another model or corpus', async () => {
    const fixture = await fixtureEmbedder();
    const otherModel: Embedder = {
      modelId: 'other/model',
      dimensions: fixture.dimensions,
      embedQueries: (texts) => fixture.embedQueries(texts),
      embedPassages: (texts) => fixture.embedPassages(texts),
    };
    await expect(openDenseIndex(catalog, otherModel, { directory: directory.path, corpusHash, parameters: PARAMETERS, rebuild: 'never' })).rejects.toThrow(IndexMismatchError);
    await expect(openDenseIndex(catalog, otherModel, { directory: directory.path, corpusHash, parameters: PARAMETERS, rebuild: 'never' })).rejects.toThrow(/modelId is fixture\/tiny-bert-e5, expected other\/model.*npm run index:dense/su);
    await expect(openDenseIndex(catalog, fixture, { directory: directory.path, corpusHash: 'changed', parameters: PARAMETERS, rebuild: 'never' })).rejects.toThrow(/the library changed/u);
    const rebuilt = await openDenseIndex(catalog, otherModel, { directory: directory.path, corpusHash, parameters: PARAMETERS, rebuild: 'auto' });
    expect(rebuilt.built).toBe(true);
    expect(JSON.parse(readFileSync(join(directory.path, 'manifest.json'), 'utf8')).modelId).toBe('other/model');
    expect(existsSync(join(directory.path, 'vectors.hnsw'))).toBe(true);
  });

  it('brings the index up to date for a changed library: only new windows are embedded, removed ones never found', async () => {
    const fixture = await fixtureEmbedder();
    let embedded = 0;
    const counting: Embedder = { ...fixture, modelId: fixture.modelId, dimensions: fixture.dimensions, embedQueries: (texts) => fixture.embedQueries(texts), embedPassages: (texts) => { embedded += texts.length; return fixture.embedPassages(texts); } };
    const own = temporaryDirectory('dense-incremental');
    try {
      const options = { directory: own.path, parameters: PARAMETERS, rebuild: 'auto' as const };
      await openDenseIndex(catalog, counting, { ...options, corpusHash: 'v1' });
      const all = embedded;
      // One document leaves, one clause changes its text, one new clause arrives.
      const passages = store.allPassages().filter((clause) => clause.documentId !== 'tj-2014-22').map((clause) => (clause.id === 'tj-2023-3:2.2' ? { ...clause, normalizedText: `${clause.normalizedText}新增无人机产品质量追溯要求。` } : clause));
      passages.push({ ...passages[0]!, id: 'tj-2023-3:9.1', normalizedText: '开展无人机产品质量监督抽查，建立无人机质量追溯制度。', text: '开展无人机产品质量监督抽查。' });
      const changed = new PassageCatalog(store.listDocuments().filter((document) => document.id !== 'tj-2014-22'), passages);
      embedded = 0;
      const updated = await openDenseIndex(changed, counting, { ...options, corpusHash: 'v2' });
      expect(updated.built).toBe(false);
      expect(embedded).toBe(updated.embedded);
      expect(embedded).toBeGreaterThan(0);
      expect(embedded).toBeLessThan(all / 10);
      const hits = await updated.retriever.search('天津市提高质量', 20);
      expect(hits.every((hit) => changed.passages[hit.passageIndex]!.document.id !== 'tj-2014-22')).toBe(true);
      expect((await updated.retriever.search('开展无人机产品质量监督抽查，建立无人机质量追溯制度。', 3))[0]!.passageIndex).toBe(changed.indexOf('tj-2023-3:9.1'));
      // Reopened for the same version: nothing to embed.
      embedded = 0;
      expect((await openDenseIndex(changed, counting, { ...options, corpusHash: 'v2', rebuild: 'never' })).built).toBe(false);
      expect(embedded).toBe(0);
    } finally {
      own.remove();
    }
  });
});
