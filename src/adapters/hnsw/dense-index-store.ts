import { createHash } from 'node:crypto';
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
 * vectors were made from. An index made with another model or chunker is rebuilt; one made for
 * another version of the library is brought up to date in place: the windows of clauses that are
 * gone are marked deleted, only new or changed windows are embedded and added, the rest keep their
 * vectors. The manifest names the corpus version the vectors are for.
 */
const manifestSchema = z.object({
  formatVersion: z.literal(2),
  modelId: z.string(),
  dimensions: z.number().int().positive(),
  corpusHash: z.string(),
  chunkerVersion: z.number().int(),
  space: z.literal('cosine'),
  m: z.number().int(),
  efConstruction: z.number().int(),
  createdAt: z.string(),
  /** Per window label, in label order: its clause id and a hash of its text; empty for a deleted window. */
  windowKeys: z.array(z.string()),
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

export async function openDenseIndex(catalog: PassageCatalog, embedder: Embedder, options: DenseIndexOptions): Promise<{ retriever: DenseRetriever; built: boolean; embedded: number }> {
  const manifestPath = join(options.directory, 'manifest.json');
  const vectorsPath = join(options.directory, 'vectors.hnsw');
  const model = { modelId: embedder.modelId, dimensions: embedder.dimensions, chunkerVersion: CHUNKER_VERSION };
  const existing = readManifest(manifestPath);
  const mismatch = !existing
    ? 'no dense index yet'
    : Object.entries(model)
        .filter(([key, value]) => existing[key as keyof typeof model] !== value)
        .map(([key, value]) => `${key} is ${String(existing[key as keyof typeof model])}, expected ${String(value)}`)
        .join('; ');
  const windows = passageWindows(catalog.passages.map((passage) => passage.clause));
  const keys = windows.map((window) => windowKey(catalog.passages[window.passageIndex]!.clause.id, window.text));
  if (existing && mismatch === '' && existsSync(vectorsPath)) {
    const index = HnswVectorIndex.load(vectorsPath, existing.dimensions, options.parameters.efSearch);
    if (existing.corpusHash === options.corpusHash) {
      const labels = resolveLabels(existing.windowKeys, keys, windows);
      if (labels) return { retriever: new DenseRetriever(embedder, index, labels), built: false, embedded: 0 };
    }
    if (options.rebuild === 'never') throw mismatchError(options.directory, `the library changed (corpus ${existing.corpusHash.slice(0, 12)}, now ${options.corpusHash.slice(0, 12)})`);
    // The library changed: keep the vectors of windows still there, embed only the new ones.
    const labelOf = new Map<string, number>();
    existing.windowKeys.forEach((key, label) => key !== '' && labelOf.set(key, label));
    const windowKeys = [...existing.windowKeys];
    const kept = new Set(keys);
    for (const [key, label] of labelOf) {
      if (kept.has(key)) continue;
      index.remove(label);
      windowKeys[label] = '';
    }
    const fresh = windows.map((window, position) => ({ window, key: keys[position]! })).filter(({ key }) => !labelOf.has(key));
    options.onProgress?.(`updating dense index: ${fresh.length} new windows, ${existing.windowKeys.filter((key, label) => key !== '' && windowKeys[label] === '').length} removed`);
    await embedInBatches(fresh.map(({ window }) => window.text), embedder, (vectors, offset) => index.add(vectors, windowKeys.length + offset), options);
    for (const { key } of fresh) windowKeys.push(key);
    save(index, windowKeys, vectorsPath, manifestPath, model, options);
    return { retriever: new DenseRetriever(embedder, index, passagesOfLabels(windowKeys, keys, windows)), built: false, embedded: fresh.length };
  }
  if (options.rebuild === 'never') throw mismatchError(options.directory, mismatch || 'clauses changed');
  options.onProgress?.(`building dense index (${mismatch || 'clauses changed'})`);
  const index = HnswVectorIndex.create(embedder.dimensions, windows.length, options.parameters);
  await embedInBatches(windows.map((window) => window.text), embedder, (vectors, offset) => index.add(vectors, offset), options);
  save(index, keys, vectorsPath, manifestPath, model, options);
  return { retriever: new DenseRetriever(embedder, index, Int32Array.from(windows, (window) => window.passageIndex)), built: true, embedded: windows.length };
}

function mismatchError(directory: string, why: string): IndexMismatchError {
  return new IndexMismatchError(`The dense index in ${directory} does not match (${why}). Rebuild it with npm run index:dense, or set DENSE_INDEX_REBUILD=auto.`);
}

async function embedInBatches(texts: string[], embedder: Embedder, add: (vectors: Float32Array[], offset: number) => void, options: DenseIndexOptions): Promise<void> {
  const batch = 64;
  for (let start = 0; start < texts.length; start += batch) {
    add(await embedder.embedPassages(texts.slice(start, start + batch)), start);
    options.onProgress?.(`embedded ${Math.min(start + batch, texts.length)}/${texts.length} windows`);
  }
}

function save(index: HnswVectorIndex, windowKeys: string[], vectorsPath: string, manifestPath: string, model: { modelId: string; dimensions: number; chunkerVersion: number }, options: DenseIndexOptions): void {
  mkdirSync(options.directory, { recursive: true });
  index.save(vectorsPath);
  const manifest: DenseIndexManifest = {
    formatVersion: 2,
    ...model,
    corpusHash: options.corpusHash,
    space: 'cosine',
    m: options.parameters.m,
    efConstruction: options.parameters.efConstruction,
    createdAt: new Date().toISOString(),
    windowKeys,
  };
  // The manifest is written last: a crash mid-build leaves no manifest that vouches for a half index.
  const temporary = `${manifestPath}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, manifestPath);
}

/** A window by its clause and text: the same window of an unchanged clause keeps its vector. */
function windowKey(clauseId: string, text: string): string {
  return `${clauseId}\u0001${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** The passage of each label for the current windows, -1 for labels whose window is gone. */
function passagesOfLabels(windowKeys: string[], keys: string[], windows: { passageIndex: number }[]): Int32Array {
  const passageOf = new Map(keys.map((key, position) => [key, windows[position]!.passageIndex]));
  return Int32Array.from(windowKeys, (key) => (key === '' ? -1 : (passageOf.get(key) ?? -1)));
}

function readManifest(path: string): DenseIndexManifest | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** The labels of a manifest for the current windows, when every current window has one. */
function resolveLabels(windowKeys: string[], keys: string[], windows: { passageIndex: number }[]): Int32Array | undefined {
  const present = new Set(windowKeys.filter((key) => key !== ''));
  if (present.size !== new Set(keys).size || keys.some((key) => !present.has(key))) return undefined;
  return passagesOfLabels(windowKeys, keys, windows);
}
