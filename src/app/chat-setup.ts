import type { AppConfig } from '../config.ts';
import type { Services } from './composition.ts';
import { createAnswerBackend } from './answer-setup.ts';
import { ingestChangedSeeds } from './corpus-setup.ts';
import type { AnswerBackend } from '../domain/ports/answer-backend.ts';
import type { Logger } from '../logger.ts';
import type { RetrievalStatus } from '../domain/retrieval/retrieval-status.ts';
import { setUpRetrieval } from './retrieval-setup.ts';
import { ChatService } from '../services/chat-service.ts';
import { UnitViews } from '../services/unit-views.ts';

export interface ChatSetup {
  chat: ChatService;
  units: UnitViews;
  backend: AnswerBackend;
  retrievalStatus: RetrievalStatus;
}

/**
 * Part of the composition root, shared by the server and the in-process eval: ingest the seeds if
 * they changed, build retrieval, choose the answer backend, and join them in the chat service.
 */
export async function setUpChat(config: AppConfig, services: Services, logger: Logger): Promise<ChatSetup> {
  ingestChangedSeeds(config, services, logger);
  const retrieval = await setUpRetrieval(config, services.store, logger);
  const backend = createAnswerBackend(config.answer);
  logger.info(`answers: ${backend.name}${config.answer.backend === 'extractive' ? '' : ` (${config.answer.model} at ${config.answer.baseUrl ?? 'the provider default URL'})`}`);
  const chat = new ChatService({
    analyzer: retrieval.analyzer,
    retriever: retrieval.retriever,
    catalog: retrieval.catalog,
    store: services.store,
    conversations: services.conversations,
    backend,
    logWarning: (message) => logger.warn(message),
  });
  const units = new UnitViews(retrieval.catalog, (name) => retrieval.analyzer.findUnits(name));
  return { chat, units, backend, retrievalStatus: retrieval.status };
}
