import type { AppConfig } from '../config.ts';
import type { Services } from './composition.ts';
import type { Logger } from '../logger.ts';
import { ingestSeeds } from '../services/ingest-service.ts';

/**
 * Part of the composition root: what every program that serves the corpus does first. Ingest the
 * seeds when they changed since the last ingest (rejected files and warnings are logged), then
 * report what the database holds.
 */
export function ingestChangedSeeds(config: AppConfig, services: Services, logger: Logger): void {
  const outcome = ingestSeeds(services.seeds, services.store, {
    maxFileBytes: config.maxSeedFileBytes,
    onlyIfChanged: true,
    onProgress: (message) => logger.info(`ingest: ${message}`),
  });
  if (outcome.changed) {
    for (const file of outcome.run.rejected) logger.warn(`ingest: rejected ${file.fileName}: ${file.reason}`);
    for (const warning of outcome.run.warnings) logger.warn(`ingest: ${warning}`);
  }
  const stats = services.store.stats();
  logger.info(`corpus: ${stats.documents} documents, ${stats.clauses} clauses, ${stats.passages} other passages, ${stats.units} units`);
}
