import type { AppConfig } from '../config.ts';
import type { Services } from './composition.ts';
import type { Logger } from '../logger.ts';
import { IngestRefusedError } from '../services/library-service.ts';

/**
 * Part of the composition root: what every program that serves the corpus does first. Ingest the
 * seeds when they changed since the last ingest (rejected files and warnings are logged), unless that
 * would remove documents (then the stored library stays and a warning says how to confirm), then
 * report what the database holds.
 */
export async function ingestChangedSeeds(_config: AppConfig, services: Services, logger: Logger): Promise<void> {
  let outcome;
  try {
    outcome = await services.library.ingest({
      onlyIfChanged: true,
      onProgress: (message) => logger.info(`ingest: ${message}`),
    });
  } catch (error) {
    // The stored library keeps serving; removing documents takes an explicit npm run ingest -- --allow-removals.
    if (!(error instanceof IngestRefusedError)) throw error;
    logger.warn(error.message);
    outcome = undefined;
  }
  if (outcome?.changed) {
    for (const file of outcome.run.rejected) logger.warn(`ingest: rejected ${file.fileName}: ${file.reason}`);
    for (const warning of outcome.run.warnings) logger.warn(`ingest: ${warning}`);
  }
  const stats = services.store.stats();
  logger.info(`corpus: ${stats.documents} documents, ${stats.clauses} clauses, ${stats.passages} other passages, ${stats.units} units`);
}
