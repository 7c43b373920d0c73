import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../app/composition.ts';
import { loadConfig } from '../config.ts';
import { runEntryPoint } from '../app/entry-point.ts';
import { FileRejectedError } from '../services/library-service.ts';
import type { IngestRun } from '../domain/ports/clause-store.ts';
import { ProgressLine } from './progress-line.ts';

/**
 * npm run ingest [-- --allow-removals] [file.pdf file.docx …]
 * Without files: rebuilds the library from the seeds folder (and the uploads on record) and prints a
 * summary; a folder that would leave fewer documents is refused unless removals are allowed. With
 * files: adds each to the library as the admin upload does (kept under UPLOADS_DIR), one by one.
 */
async function run(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { 'allow-removals': { type: 'boolean', default: false } }, allowPositionals: true });
  const config = loadConfig();
  const services = createServices(config);
  try {
    if (positionals.length > 0) return await addFiles(services, positionals);
    console.log(`Ingesting ${config.seedsDirectory} into ${config.databasePath}`);
    const outcome = await services.library.ingest({ allowRemovals: values['allow-removals'], onProgress: (message) => console.log(`  … ${message}`) });
    if (!outcome.changed) return 0;
    printSummary(services, outcome.run);
    return 0;
  } finally {
    services.close();
  }
}

async function addFiles(services: ReturnType<typeof createServices>, paths: string[]): Promise<number> {
  const progress = new ProgressLine(paths.length);
  let failed = 0;
  for (const [index, path] of paths.entries()) {
    const fileName = basename(path);
    progress.update(index, `reading ${fileName}`);
    try {
      const added = await services.library.add({ fileName, bytes: new Uint8Array(readFileSync(resolve(path))) }, { by: 'cli' });
      progress.note(`${fileName}: ${added.mergedInto ? `merged into ${added.mergedInto}` : `added ${added.document.id}`} (${added.document.clauses.filter((clause) => clause.kind === 'clause').length} clauses)`);
    } catch (error) {
      if (!(error instanceof FileRejectedError)) throw error;
      failed += 1;
      progress.note(`${fileName}: rejected: ${error.message}`);
    }
  }
  progress.update(paths.length, 'done');
  progress.end();
  return failed > 0 ? 1 : 0;
}

function printSummary(services: ReturnType<typeof createServices>, summary: IngestRun): void {
  console.log('\nDocuments:');
  for (const document of services.store.listDocuments()) {
    const sources = document.sources.map((source) => `${source.fileName}${source.primary ? '' : ' (merged)'}`).join(', ');
    console.log(`  ${document.id.padEnd(16)} ${String(document.clauseCount).padStart(3)} clauses  ${document.docNumber ?? '(no number)'}  ${document.titleSimplified}\n${' '.repeat(24)}${sources}`);
  }
  console.log(
    `\nSummary: ${summary.documents} documents, ${summary.clauses} clauses, ${summary.passages} other passages, ` +
      `${summary.units} units, ${summary.duplicatesMerged} duplicate source(s) merged, ${summary.rejected.length} file(s) rejected, ${summary.warnings.length} warning(s)`,
  );
  for (const file of summary.rejected) console.log(`  rejected ${file.fileName}: ${file.reason}`);
  for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
}

runEntryPoint(run);
