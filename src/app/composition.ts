import { readSeedDirectory } from '../adapters/filesystem/seed-directory.ts';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { SqliteConversationStore } from '../adapters/sqlite/sqlite-conversation-store.ts';
import type { AppConfig } from '../config.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { ConversationStore } from '../domain/ports/conversation-store.ts';
import { FileDocumentReader } from '../adapters/formats/document-readers.ts';
import { OriginalFileDirectory } from '../adapters/filesystem/original-files.ts';
import { LibraryService, type LibraryOperation, type SeedSource } from '../services/library-service.ts';
import type { IngestRun } from '../domain/ports/clause-store.ts';

/** The one place where adapters are chosen and wired; the server and the CLI both start here. */
export interface Services {
  store: ClauseStore;
  conversations: ConversationStore;
  seeds: SeedSource;
  library: LibraryService;
  /** Where the library reports a change (the chat set-up swaps retrieval in here). */
  onLibraryChanged(listener: (run: IngestRun) => Promise<void>): void;
  /** Where each library change reports how long it took (the metrics). */
  onLibraryTimed(listener: (operation: LibraryOperation, ms: number) => void): void;
  close(): void;
}

export function createServices(config: AppConfig): Services {
  const database = openDatabase(config.databasePath);
  const store = new SqliteClauseStore(database);
  const conversations = new SqliteConversationStore(database);
  const seeds: SeedSource = { read: () => readSeedDirectory(config.seedsDirectory, config.maxSeedFileBytes) };
  const listeners: ((run: IngestRun) => Promise<void>)[] = [];
  const timers: ((operation: LibraryOperation, ms: number) => void)[] = [];
  const library = new LibraryService({
    store,
    seeds,
    originals: new OriginalFileDirectory(config.uploadsDirectory),
    reader: new FileDocumentReader(config.maxSeedFileBytes),
    onChanged: async (run) => {
      for (const listener of listeners) await listener(run);
    },
    onTimed: (operation, ms) => {
      for (const timer of timers) timer(operation, ms);
    },
  });
  return {
    store, conversations, seeds, library,
    onLibraryChanged: (listener) => listeners.push(listener),
    onLibraryTimed: (listener) => timers.push(listener),
    close: () => store.close(),
  };
}
