import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CHUNKER_VERSION, passageWindows } from '../../domain/dense/passage-windows.ts';
import { DenseRetriever } from '../../domain/dense/dense-retriever.ts';
import type { Embedder } from '../../domain/ports/embedder.ts';
import type { PassageCatalog } from '../../domain/retrieval/passage-catalog.ts';
import { HnswVectorIndex, type HnswParameters } from './hnsw-vector-index.ts';

/**
 * The dense index on disk: index/vectors.hnsw plus index/manifest.json, which records what the
 * vectors were made from. An index made with another model, corpus or chunker is never queried.
 */
const manifestSchema = z.object({
  formatVersion: z.literal(1),
  modelId: z.string(),
  dimensions: z.number().int().positive(),
  corpusHash: z.string(),
  chunkerVersion: z.number().int(),
  space: z.literal('cosine'),
  m: z.number().int(),
  efConstruction: z.number().int(),
  createdAt: z.string(),
  /** Clause id of each window label, in label order. */
  windowClauseIds: z.array(z.string()),
});
export type DenseIndexManifest = z.infer<typeof manifestSchema>;

export class IndexMismatchError extends Error {
  override name = 'IndexMismatchError';
}

export interface DenseIndexOptions {
  directory: string;
  corpusHash: string;
  parameters: HnswParameters;
  /** auto: rebuild a missing or mismatched index; never: refuse and say how to rebuild. */
  rebuild: 'auto' | 'never';
  onProgress?: (message: string) => void;
}

export async function openDenseIndex(catalog: PassageCatalog, embedder: Embedder, options: DenseIndexOptions): Promise<{ retriever: DenseRetriever; built: boolean }> {
  const manifestPath = join(options.directory, 'manifest.json');
  const vectorsPath = join(options.directory, 'vectors.hnsw');
  const expected = { modelId: embedder.modelId, dimensions: embedder.dimensions, corpusHash: options.corpusHash, chunkerVersion: CHUNKER_VERSION };
  const existing = readManifest(manifestPath);
  const mismatch = !existing
    ? 'no dense index yet'
    : Object.entries(expected)
        .filter(([key, value]) => existing[key as keyof typeof expected] !== value)
        .map(([key, value]) => `${key} is ${String(existing[key as keyof typeof expected])}, expected ${String(value)}`)
        .join('; ');
  if (existing && mismatch === '' && existsSync(vectorsPath)) {
    const labels = resolveLabels(existing.windowClauseIds, catalog);
    if (labels) {
      const index = HnswVectorIndex.load(vectorsPath, existing.dimensions, options.parameters.efSearch);
      return { retriever: new DenseRetriever(embedder, index, labels), built: false };
    }
  }
  if (options.rebuild === 'never') {
    throw new IndexMismatchError(
      `The dense index in ${options.directory} does not match (${mismatch || 'clauses changed'}). Rebuild it with npm run index:dense, or set DENSE_INDEX_REBUILD=auto.`,
    );
  }
  options.onProgress?.(`building dense index (${mismatch || 'clauses changed'})`);
  const windows = passageWindows(catalog.passages.map((passage) => passage.clause));
  const index = HnswVectorIndex.create(embedder.dimensions, windows.length, options.parameters);
  const batch = 64;
  for (let start = 0; start < windows.length; start += batch) {
    const slice = windows.slice(start, start + batch);
    index.add(await embedder.embedPassages(slice.map((window) => window.text)), start);
    options.onProgress?.(`embedded ${Math.min(start + batch, windows.length)}/${windows.length} windows`);
  }
  mkdirSync(options.directory, { recursive: true });
  index.save(vectorsPath);
  const manifest: DenseIndexManifest = {
    formatVersion: 1,
    ...expected,
    space: 'cosine',
    m: options.parameters.m,
    efConstruction: options.parameters.efConstruction,
    createdAt: new Date().toISOString(),
    windowClauseIds: windows.map((window) => catalog.passages[window.passageIndex]!.clause.id),
  };
  // The manifest is written last: a crash mid-build leaves no manifest that vouches for a half index.
  const temporary = `${manifestPath}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, manifestPath);
  return { retriever: new DenseRetriever(embedder, index, Int32Array.from(windows, (window) => window.passageIndex)), built: true };
}

function readManifest(path: string): DenseIndexManifest | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

function resolveLabels(clauseIds: string[], catalog: PassageCatalog): Int32Array | undefined {
  const labels = new Int32Array(clauseIds.length);
  for (let label = 0; label < clauseIds.length; label += 1) {
    const passageIndex = catalog.indexOf(clauseIds[label]!);
    if (passageIndex === undefined) return undefined;
    labels[label] = passageIndex;
  }
  return labels;
}
