import { parseArgs } from 'node:util';
import { createServices } from '../app/composition.ts';
import { ingestChangedSeeds } from '../app/corpus-setup.ts';
import { runEntryPoint } from '../app/entry-point.ts';
import { setUpRetrieval } from '../app/retrieval-setup.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { TurnDecider } from '../services/turn-decision.ts';
import { explainTurn } from './turn-explanation.ts';

/**
 * npm run search -- "question" [--limit 5] [--document id] [--explain]
 * Ranked clauses with per-path scores; --explain adds how the question was read (its frame), the
 * topic gate's features and probability, and the answer decision with the rule that fired: why an
 * answer is what it is, or why it is "not found", in one place.
 */
async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string', default: '5' }, document: { type: 'string', multiple: true }, explain: { type: 'boolean', default: false } },
  });
  const question = positionals.join(' ').trim();
  if (question === '') {
    console.error('Usage: npm run search -- "which bureau leads dairy safety?" [--limit 5] [--document tj-2023-3] [--explain]');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const services = createServices(config);
  try {
    await ingestChangedSeeds(config, services, logger);
    const components = await setUpRetrieval(config, services.store, logger);
    const started = performance.now();
    if (values.explain) {
      const turn = await new TurnDecider({ ...components, store: services.store }).decide(question, [], values.document);
      console.log(explainTurn(turn, performance.now() - started));
      return 0;
    }
    const result = await components.search(question, { limit: Number(values.limit), ...(values.document ? { documentIds: values.document } : {}) });
    const elapsed = performance.now() - started;
    const frame = result.frame;
    console.log(`question:   ${question}`);
    console.log(`language:   ${frame.language}   asks: ${frame.slots.join(', ')}   scope: ${frame.scope.documentIds.join(', ') || 'all documents'}${frame.scope.cues.length ? ` (${frame.scope.cues.join(', ')})` : ''}`);
    if (frame.translation.length > 0) console.log(`translated: ${frame.translation.map((term) => `${term.english}→${term.chinese}`).join('  ')}`);
    console.log(`paths:      ${result.activePaths.join(' + ')}${components.status.dense.active ? '' : ` (dense off: ${components.status.dense.reason})`}`);
    console.log(`confidence: ${result.confidence.toFixed(2)}   ${elapsed.toFixed(1)} ms\n`);
    result.hits.forEach((hit, index) => {
      const { clause, document } = hit;
      const where = clause.clause ? `${clause.section}(${clause.clause})` : clause.section ? `${clause.section} ${clause.kind}` : clause.kind;
      const lexical = hit.paths.lexical ? `lexical #${hit.paths.lexical.rank} bm25 ${hit.paths.lexical.score.toFixed(2)}` : 'lexical -';
      const dense = hit.paths.dense ? `dense #${hit.paths.dense.rank} cos ${hit.paths.dense.similarity.toFixed(3)}` : 'dense -';
      console.log(`${index + 1}. ${clause.id}  ${document.docNumber ?? document.titleSimplified} ${where} ${clause.heading ?? ''}`);
      console.log(`   fused ${hit.score.toFixed(4)} | coverage ${hit.coverage.toFixed(2)} | ${lexical} | ${dense}`);
      if (clause.units.length > 0) console.log(`   units: ${clause.units.map((unit) => (unit.role === 'lead' ? `${unit.name} (lead)` : unit.name)).join('、')}`);
      console.log(`   ${clause.text.replace(/\s+/gu, ' ').slice(0, 110)}…`);
    });
    return 0;
  } finally {
    services.close();
  }
}

runEntryPoint(run);
