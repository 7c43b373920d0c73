import { serve } from '@hono/node-server';
import { createServices } from './composition.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import { RetrievalSetupError, setUpRetrieval } from './retrieval-setup.ts';
import { ingestSeeds } from './services/ingest-service.ts';

async function start() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = createServices(config);

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

  const retrieval = await setUpRetrieval(config, services.store, logger);
  const app = createApp({ store: services.store, retrievalStatus: retrieval.status, logError: (error) => logger.error('request failed', error) });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (address) => {
    logger.info(`listening on http://${config.host}:${address.port}`);
  });
  const shutdown = () => {
    server.close(() => {
      services.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RetrievalSetupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
});
