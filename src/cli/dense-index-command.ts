import { createServices } from '../composition.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { RetrievalSetupError, setUpRetrieval } from '../retrieval-setup.ts';
import { ingestSeeds } from '../services/ingest-service.ts';

/**
 * npm run index:dense: brings index/ up to date with the configured model and the current corpus,
 * rebuilding it when the manifest does not match. Unlike the server, it insists on the dense path:
 * a missing model is an error here, not a reason to carry on with lexical retrieval alone.
 */
async function run(): Promise<number> {
  const loaded = loadConfig();
  const config = {
    ...loaded,
    embeddings: { ...loaded.embeddings, mode: loaded.embeddings.mode === 'openai' ? ('openai' as const) : ('transformers' as const) },
    denseIndex: { ...loaded.denseIndex, rebuild: 'auto' as const },
  };
  const logger = createLogger(config.logLevel);
  const services = createServices(config);
  try {
    ingestSeeds(services.seeds, services.store, { maxFileBytes: config.maxSeedFileBytes, onlyIfChanged: true });
    const { status } = await setUpRetrieval(config, services.store, logger);
    if (!status.dense.active) throw new RetrievalSetupError(status.dense.reason);
    console.log(`dense index ready in ${config.denseIndex.directory}: ${status.dense.model}, ${status.dense.dimensions} dimensions, ${status.dense.windows} windows`);
    return 0;
  } finally {
    services.close();
  }
}

run().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof RetrievalSetupError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      throw error;
    }
  },
);
