import { join } from 'node:path';
import { englishChineseDictionary } from '../adapters/dictionary/english-chinese-dictionary.ts';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { SqliteConversationStore } from '../adapters/sqlite/sqlite-conversation-store.ts';
import type { AnswerBackend } from '../domain/ports/answer-backend.ts';
import type { QuestionAnalyzer } from '../domain/question/question-analyzer.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import type { Retriever } from '../domain/retrieval/retriever.ts';
import { ChatService } from '../services/chat-service.ts';
import { LiveLibrary, libraryView } from '../services/live-library.ts';
import { buildRetriever } from '../services/retrieval-service.ts';
import { seedCorpus, temporaryDirectory } from './seed-files.ts';
import type { Corpus } from '../domain/corpus/policy-document.ts';

export interface ChatFixture {
  store: SqliteClauseStore;
  conversations: SqliteConversationStore;
  retriever: Retriever;
  catalog: PassageCatalog;
  analyzer: QuestionAnalyzer;
  chatWith(backend: AnswerBackend, logWarning?: (message: string) => void): ChatService;
  databasePath: string;
  close(): void;
}

/** The seeds (or a corpus edited from them) in a real SQLite file with the server's lexical retrieval over them, for chat tests. */
export async function createChatFixture(prefix: string, editCorpus: (corpus: Corpus) => Corpus = (corpus) => corpus): Promise<ChatFixture> {
  const directory = temporaryDirectory(prefix);
  const databasePath = join(directory.path, 'chat.sqlite');
  const database = openDatabase(databasePath);
  const store = new SqliteClauseStore(database);
  store.replaceCorpus(editCorpus(seedCorpus()));
  const conversations = new SqliteConversationStore(database);
  const { retriever, catalog, analyzer } = await buildRetriever(store, { tokenizerMode: 'jieba+bigram', dictionary: englishChineseDictionary() });
  return {
    store,
    conversations,
    retriever,
    catalog,
    analyzer,
    databasePath,
    chatWith: (backend, logWarning) => new ChatService({ library: new LiveLibrary(libraryView({ analyzer, retriever, catalog, store })), store, conversations, backend, ...(logWarning ? { logWarning } : {}) }),
    close: () => {
      store.close();
      directory.remove();
    },
  };
}
