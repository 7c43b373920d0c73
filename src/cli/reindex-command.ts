import { createServices } from '../app/composition.ts';
import { loadConfig } from '../config.ts';
import { runEntryPoint } from '../app/entry-point.ts';

/**
 * npm run reindex [-- --allow-removals]: reads and parses every file of the library again (the seeds
 * folder's and the uploaded originals kept under UPLOADS_DIR), for a parser that improved.
 */
async function run(): Promise<number> {
  const config = loadConfig();
  const services = createServices(config);
  try {
    const outcome = await services.library.reindex({ allowRemovals: process.argv.includes('--allow-removals'), onProgress: (message) => console.log(`  … ${message}`) });
    if (outcome.changed) console.log(`Reindexed: ${outcome.run.documents} documents, ${outcome.run.clauses} clauses.`);
    return 0;
  } finally {
    services.close();
  }
}

runEntryPoint(run);
