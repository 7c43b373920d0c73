import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { clauseStoreContract } from '../../domain/ports/clause-store.contract.ts';
import { seedCorpus, temporaryDirectory } from '../../test-support/seed-files.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { openDatabase } from './open-database.ts';
import { SqliteClauseStore } from './sqlite-clause-store.ts';

clauseStoreContract('SQLite file', () => {
  const directory = temporaryDirectory('clause-store');
  const store = new SqliteClauseStore(openDatabase(join(directory.path, 'nested', 'corpus.sqlite')));
  return { store, dispose: () => { store.close(); directory.remove(); } };
});

describe('SQLite database file', () => {
  it('is in WAL mode at the current schema version, and survives a reopen', () => {
    const directory = temporaryDirectory('clause-store');
    const path = join(directory.path, 'corpus.sqlite');
    try {
      const store = new SqliteClauseStore(openDatabase(path));
      store.replaceCorpus(seedCorpus());
      store.close();
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const links = seedCorpus().documents.flatMap((document) => document.clauses).reduce((sum, clause) => sum + clause.units.length, 0);
      expect((raw.prepare('SELECT COUNT(*) AS n FROM clause_units').get() as { n: number }).n).toBe(links);
      raw.close();
      const reopened = new SqliteClauseStore(openDatabase(path));
      expect(reopened.stats()).toMatchObject({ documents: 4, clauses: 99 });
      reopened.close();
    } finally {
      directory.remove();
    }
  });

  it('refuses a database from a newer schema with a message that says what to do', () => {
    const directory = temporaryDirectory('clause-store');
    const path = join(directory.path, 'future.sqlite');
    try {
      const raw = new Database(path);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
      raw.close();
      expect(() => openDatabase(path)).toThrow(/newer than this program knows.*DATABASE_PATH/su);
    } finally {
      directory.remove();
    }
  });
});
