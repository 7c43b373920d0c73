import { buildCorpus, corpusFingerprint } from '../domain/corpus/corpus-builder.ts';
import type { RejectedFile } from '../domain/corpus/policy-document.ts';
import type { SeedFile } from '../domain/corpus/seed-file-decoder.ts';
import type { ClauseStore, IngestRun } from '../domain/ports/clause-store.ts';

export interface SeedSource {
  read(): { files: SeedFile[]; rejected: RejectedFile[] };
}

export interface IngestOptions {
  maxFileBytes: number;
  /** Let the new corpus hold fewer documents than the stored one (or none): npm run ingest -- --allow-removals. */
  allowRemovals?: boolean;
  /** Skip the write when the stored corpus was built from the same files by the same parser. */
  onlyIfChanged?: boolean;
  onProgress?: (message: string) => void;
}

export type IngestOutcome = { changed: true; run: IngestRun } | { changed: false; corpusHash: string };

/**
 * The seeds would replace the library with fewer documents (an emptied or half-copied folder, a
 * wrong SEEDS_DIR): nothing is written unless removals are allowed explicitly.
 */
export class IngestRefusedError extends Error {
  override name = 'IngestRefusedError';
  constructor(readonly removed: string[], readonly remaining: number) {
    super(
      `Ingest refused: the seeds folder would remove ${removed.length} of the library's documents (${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''}), ` +
        `leaving ${remaining}. The library was kept as it is. If the removal is meant, run npm run ingest -- --allow-removals.`,
    );
  }
}

export function ingestSeeds(seeds: SeedSource, store: ClauseStore, options: IngestOptions): IngestOutcome {
  const progress = options.onProgress ?? (() => {});
  const { files, rejected } = seeds.read();
  progress(`read ${files.length} seed file(s)${rejected.length > 0 ? `, ${rejected.length} unreadable` : ''}`);
  // Compared before parsing: a start on an unchanged folder reads and hashes the files, nothing more.
  const fingerprint = corpusFingerprint(files, rejected);
  if (options.onlyIfChanged && store.currentCorpusHash() === fingerprint) {
    progress('corpus unchanged since the last ingest');
    return { changed: false, corpusHash: fingerprint };
  }
  const corpus = buildCorpus(files, { maxFileBytes: options.maxFileBytes }, rejected);
  const usable = files.length - (corpus.rejected.length - rejected.length);
  progress(`parsed ${corpus.documents.length} document(s) from ${usable} usable file(s)`);
  const kept = new Set(corpus.documents.map((document) => document.id));
  const removed = store.listDocuments().map((document) => document.id).filter((id) => !kept.has(id));
  if (removed.length > 0 && !options.allowRemovals) throw new IngestRefusedError(removed, corpus.documents.length);
  const run = store.replaceCorpus(corpus);
  progress('database written');
  return { changed: true, run };
}
