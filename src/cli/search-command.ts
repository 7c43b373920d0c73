import { parseArgs } from 'node:util';
import { createServices } from '../app/composition.ts';
import { loadConfig } from '../config.ts';
import { ingestChangedSeeds } from '../app/corpus-setup.ts';
import { runEntryPoint } from '../app/entry-point.ts';
import { createLogger } from '../logger.ts';
import { setUpRetrieval } from '../app/retrieval-setup.ts';

/** npm run search -- "question" [--limit 5] [--document id]: ranked clauses with per-path scores. */
async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string', default: '5' }, document: { type: 'string', multiple: true } },
  });
  const question = positionals.join(' ').trim();
  if (question === '') {
    console.error('Usage: npm run search -- "which bureau leads dairy safety?" [--limit 5] [--document tj-2023-3]');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const services = createServices(config);
  try {
    ingestChangedSeeds(config, services, logger);
    const { retriever, status } = await setUpRetrieval(config, services.store, logger);
    const started = performance.now();
    const result = await retriever.retrieve(question, { limit: Number(values.limit), ...(values.document ? { documentIds: values.document } : {}) });
    const elapsed = performance.now() - started;
    console.log(`question:   ${question}`);
    console.log(`language:   ${result.query.language}   intents: ${result.query.intents.join(', ')}   scope: ${result.query.scope.documentIds.join(', ') || 'all documents'}${result.query.scope.cues.length ? ` (${result.query.scope.cues.join(', ')})` : ''}`);
    if (result.translation.length > 0) console.log(`translated: ${result.translation.map((term) => `${term.english}→${term.chinese}`).join('  ')}`);
    console.log(`paths:      ${result.activePaths.join(' + ')}${status.dense.active ? '' : ` (dense off: ${status.dense.reason})`}`);
    console.log(`confidence: ${result.confidence.toFixed(2)}   ${elapsed.toFixed(1)} ms\n`);
    result.hits.forEach((hit, index) => {
      const { clause, document } = hit;
      const where = clause.clause ? `${clause.section}(${clause.clause})` : clause.section ? `${clause.section} ${clause.kind}` : clause.kind;
      const lexical = hit.paths.lexical ? `lexical #${hit.paths.lexical.rank} bm25 ${hit.paths.lexical.score.toFixed(2)} coverage ${hit.paths.lexical.coverage.toFixed(2)}` : 'lexical -';
      const dense = hit.paths.dense ? `dense #${hit.paths.dense.rank} cos ${hit.paths.dense.similarity.toFixed(3)}` : 'dense -';
      console.log(`${index + 1}. ${clause.id}  ${document.docNumber ?? document.titleSimplified} ${where} ${clause.heading ?? ''}`);
      console.log(`   fused ${hit.score.toFixed(4)} | ${lexical} | ${dense}`);
      if (clause.units.length > 0) console.log(`   units: ${clause.units.map((unit) => (unit.role === 'lead' ? `${unit.name} (lead)` : unit.name)).join('、')}`);
      console.log(`   ${clause.text.replace(/\s+/gu, ' ').slice(0, 110)}…`);
    });
    return 0;
  } finally {
    services.close();
  }
}

runEntryPoint(run);
