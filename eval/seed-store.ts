import { readSeedDirectory } from '../src/adapters/filesystem/seed-directory.ts';
import { openDatabase } from '../src/adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../src/adapters/sqlite/sqlite-clause-store.ts';
import { buildCorpus } from '../src/domain/corpus/corpus-builder.ts';
import { fileURLToPath } from 'node:url';

export const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));

/** The committed seeds ingested into an in-memory SQLite store, as the server would hold them. */
export function seedStore(maxFileBytes = 2 * 1024 * 1024): SqliteClauseStore {
  const { files, rejected } = readSeedDirectory(SEEDS, maxFileBytes);
  const store = new SqliteClauseStore(openDatabase(':memory:'));
  store.replaceCorpus(buildCorpus(files, { maxFileBytes }, rejected));
  return store;
}
