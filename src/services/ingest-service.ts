import { buildCorpus } from '../domain/corpus/corpus-builder.ts';
import type { RejectedFile } from '../domain/corpus/policy-document.ts';
import type { SeedFile } from '../domain/corpus/seed-file-decoder.ts';
import type { ClauseStore, IngestRun } from '../domain/ports/clause-store.ts';

export interface SeedSource {
  read(): { files: SeedFile[]; rejected: RejectedFile[] };
}

export interface IngestOptions {
  maxFileBytes: number;
  /** Skip the write when the stored corpus was built from the same files by the same parser. */
  onlyIfChanged?: boolean;
  onProgress?: (message: string) => void;
}

export type IngestOutcome = { changed: true; run: IngestRun } | { changed: false; corpusHash: string };

export function ingestSeeds(seeds: SeedSource, store: ClauseStore, options: IngestOptions): IngestOutcome {
  const progress = options.onProgress ?? (() => {});
  const { files, rejected } = seeds.read();
  progress(`read ${files.length} seed file(s)${rejected.length > 0 ? `, ${rejected.length} unreadable` : ''}`);
  const corpus = buildCorpus(files, { maxFileBytes: options.maxFileBytes }, rejected);
  const usable = files.length - (corpus.rejected.length - rejected.length);
  progress(`parsed ${corpus.documents.length} document(s) from ${usable} usable file(s)`);
  if (options.onlyIfChanged && store.currentCorpusHash() === corpus.corpusHash) {
    progress('corpus unchanged since the last ingest');
    return { changed: false, corpusHash: corpus.corpusHash };
  }
  const run = store.replaceCorpus(corpus);
  progress('database written');
  return { changed: true, run };
}
