import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../domain/corpus/corpus-builder.ts';
import type { Corpus, DocumentRecord } from '../domain/corpus/policy-document.ts';
import type { SeedFile } from '../domain/corpus/seed-file-decoder.ts';

export const SEEDS_DIRECTORY = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const TEST_MAX_FILE_BYTES = 2 * 1024 * 1024;

export function readSeeds(): SeedFile[] {
  return readdirSync(SEEDS_DIRECTORY)
    .filter((name) => name.endsWith('.txt'))
    .map((fileName) => ({ fileName, bytes: readFileSync(join(SEEDS_DIRECTORY, fileName)) }));
}

let cached: Corpus | undefined;
/** The corpus built from the committed seeds; built once per test file. */
export function seedCorpus(): Corpus {
  cached ??= buildCorpus(readSeeds(), { maxFileBytes: TEST_MAX_FILE_BYTES });
  return cached;
}

export function documentById(corpus: Corpus, id: string): DocumentRecord {
  const document = corpus.documents.find((candidate) => candidate.id === id);
  if (!document) throw new Error(`no document ${id}; have ${corpus.documents.map((candidate) => candidate.id).join(', ')}`);
  return document;
}

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function temporaryDirectory(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
