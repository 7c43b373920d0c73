import { readSeedDirectory } from '../adapters/filesystem/seed-directory.ts';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { SqliteConversationStore } from '../adapters/sqlite/sqlite-conversation-store.ts';
import type { AppConfig } from '../config.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { ConversationStore } from '../domain/ports/conversation-store.ts';
import type { SeedSource } from '../services/ingest-service.ts';

/** The one place where adapters are chosen and wired; the server and the CLI both start here. */
export interface Services {
  store: ClauseStore;
  conversations: ConversationStore;
  seeds: SeedSource;
  close(): void;
}

export function createServices(config: AppConfig): Services {
  const database = openDatabase(config.databasePath);
  const store = new SqliteClauseStore(database);
  const conversations = new SqliteConversationStore(database);
  const seeds: SeedSource = { read: () => readSeedDirectory(config.seedsDirectory, config.maxSeedFileBytes) };
  return { store, conversations, seeds, close: () => store.close() };
}
