import type { AppConfig } from '../config.ts';
import type { Services } from './composition.ts';
import { createAnswerBackend } from './answer-setup.ts';
import { ingestChangedSeeds } from './corpus-setup.ts';
import type { AnswerBackend } from '../domain/ports/answer-backend.ts';
import type { Logger } from '../logger.ts';
import type { RetrievalStatus } from '../domain/retrieval/retrieval-status.ts';
import { setUpRetrieval, type RetrievalCache } from './retrieval-setup.ts';
import { ChatService } from '../services/chat-service.ts';
import { LiveLibrary, libraryView } from '../services/live-library.ts';

export interface ChatSetup {
  chat: ChatService;
  library: LiveLibrary;
  backend: AnswerBackend;
  retrievalStatus: () => RetrievalStatus;
}

/**
 * Part of the composition root, shared by the server and the in-process eval: ingest the seeds if
 * they changed, build retrieval, choose the answer backend, and join them in the chat service.
 */
export async function setUpChat(config: AppConfig, services: Services, logger: Logger): Promise<ChatSetup> {
  await ingestChangedSeeds(config, services, logger);
  const cache: RetrievalCache = {};
  let retrieval = await setUpRetrieval(config, services.store, logger, cache);
  const library = new LiveLibrary(libraryView({ ...retrieval, store: services.store }));
  // A document added, replaced or removed: new indexes are built beside the old ones (the dense
  // index brought up to date in place), then swapped in whole; questions meanwhile use the old view.
  services.onLibraryChanged(async () => {
    retrieval = await setUpRetrieval(config, services.store, logger, cache);
    library.replace(libraryView({ ...retrieval, store: services.store }));
  });
  const backend = createAnswerBackend(config.answer);
  logger.info(`answers: ${backend.name}${config.answer.backend === 'extractive' ? '' : ` (${config.answer.model} at ${config.answer.baseUrl ?? 'the provider default URL'})`}`);
  const chat = new ChatService({
    library,
    store: services.store,
    conversations: services.conversations,
    backend,
    logWarning: (message) => logger.warn(message),
  });
  return { chat, library, backend, retrievalStatus: () => retrieval.status };
}
