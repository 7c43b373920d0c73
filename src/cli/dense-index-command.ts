import { createServices } from '../app/composition.ts';
import { loadConfig } from '../config.ts';
import { ingestChangedSeeds } from '../app/corpus-setup.ts';
import { runEntryPoint } from '../app/entry-point.ts';
import { createLogger } from '../logger.ts';
import { RetrievalSetupError, setUpRetrieval } from '../app/retrieval-setup.ts';

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
    await ingestChangedSeeds(config, services, logger);
    const { status } = await setUpRetrieval(config, services.store, logger);
    if (!status.dense.active) throw new RetrievalSetupError(status.dense.reason);
    console.log(`dense index ready in ${config.denseIndex.directory}: ${status.dense.model}, ${status.dense.dimensions} dimensions, ${status.dense.windows} windows`);
    return 0;
  } finally {
    services.close();
  }
}

runEntryPoint(run);
