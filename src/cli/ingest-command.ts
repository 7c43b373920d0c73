import { parseArgs } from 'node:util';
import { createServices } from '../app/composition.ts';
import { loadConfig } from '../config.ts';
import { runEntryPoint } from '../app/entry-point.ts';
import { ingestSeeds } from '../services/ingest-service.ts';

/**
 * npm run ingest [-- --allow-removals]: rebuilds the clause database from the seeds folder and prints a
 * summary. A folder that would leave the library with fewer documents is refused unless removals are allowed.
 */
function run(): number {
  const { values } = parseArgs({ options: { 'allow-removals': { type: 'boolean', default: false } } });
  const config = loadConfig();
  const services = createServices(config);
  try {
    console.log(`Ingesting ${config.seedsDirectory} into ${config.databasePath}`);
    const outcome = ingestSeeds(services.seeds, services.store, {
      maxFileBytes: config.maxSeedFileBytes,
      allowRemovals: values['allow-removals'],
      onProgress: (message) => console.log(`  … ${message}`),
    });
    if (!outcome.changed) return 0;
    const { run: summary } = outcome;
    const documents = services.store.listDocuments();
    console.log('\nDocuments:');
    for (const document of documents) {
      const sources = document.sources.map((source) => `${source.fileName}${source.primary ? '' : ' (merged)'}`).join(', ');
      console.log(`  ${document.id.padEnd(16)} ${String(document.clauseCount).padStart(3)} clauses  ${document.docNumber ?? '(no number)'}  ${document.titleSimplified}\n${' '.repeat(24)}${sources}`);
    }
    console.log(
      `\nSummary: ${summary.documents} documents, ${summary.clauses} clauses, ${summary.passages} other passages, ` +
        `${summary.units} units, ${summary.duplicatesMerged} duplicate source(s) merged, ${summary.rejected.length} file(s) rejected, ${summary.warnings.length} warning(s)`,
    );
    for (const file of summary.rejected) console.log(`  rejected ${file.fileName}: ${file.reason}`);
    for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
    return 0;
  } finally {
    services.close();
  }
}

runEntryPoint(run);
