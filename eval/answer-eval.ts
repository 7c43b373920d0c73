/**
 * npm run eval [-- --set eval/sets/answers.jsonl] [--url http://127.0.0.1:3000] [--compare]
 *              [--max-drop 2] [--write-baseline] [--judge] [--failures]
 * Runs an eval set through the real pipeline and reports retrieval, citation and answer metrics.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { setUpChat } from '../src/app/chat-setup.ts';
import { createServices } from '../src/app/composition.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { summarize, type AnswerMetrics, type AnswerSummary } from './answer-metrics.ts';
import { httpResponder, inProcessResponder, runItems, type Responder } from './answer-runner.ts';
import { compareWithBaseline, type Baseline } from './baseline.ts';
import { loadEvalSet } from './eval-set.ts';
import { renderHtmlReport, reasons } from './html-report.ts';
import { printTable } from './report-table.ts';
import { runJudge } from './judge-pass.ts';

const EVAL_DIRECTORY = fileURLToPath(new URL('./', import.meta.url));
const { values } = parseArgs({
  options: {
    set: { type: 'string', default: `${EVAL_DIRECTORY}sets/answers.jsonl` },
    url: { type: 'string' },
    compare: { type: 'boolean', default: false },
    'max-drop': { type: 'string', default: '2' },
    'write-baseline': { type: 'boolean', default: false },
    judge: { type: 'boolean', default: false },
    failures: { type: 'boolean', default: false },
  },
});

const setPath = values.set!;
const items = loadEvalSet(setPath);
let config;
try {
  // In-process runs keep their conversations in memory: an eval never writes to the server's database.
  config = loadConfig({ ...process.env, DATABASE_PATH: ':memory:' });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
const logger = createLogger('warn');
let responder: Responder;
let mode: string;
if (values.url) {
  responder = httpResponder(values.url);
  mode = `server at ${values.url}`;
} else {
  const services = createServices(config);
  const setup = await setUpChat(config, services, logger);
  responder = inProcessResponder(setup.chat, 'in-process');
  const status = setup.retrievalStatus();
  mode = `in-process, ${setup.backend.name}, retrieval ${[status.lexical.active && 'lexical', status.dense.active && 'dense'].filter(Boolean).join('+')}`;
}

process.stderr.write(`${items.length} items from ${relative(process.cwd(), setPath)}; ${mode}\n`);
const verdicts = await runItems(items, responder, (done) => progress(done, items.length));
process.stderr.write('\n');
const summary = summarize(verdicts);

printSummary(summary);
if (values.failures) {
  for (const verdict of verdicts.filter((each) => !each.correct)) {
    console.log(`  ✗ ${verdict.item.id} [${verdict.item.language} ${verdict.item.kind}] ${verdict.item.question}\n      ${reasons(verdict).join('; ')}`);
  }
}

let judge: Awaited<ReturnType<typeof runJudge>> | undefined;
if (values.judge) {
  judge = await runJudge(config, verdicts);
  console.log(judge.skipped ? `judge: skipped (${judge.reason})` : `judge: faithfulness ${(judge.faithfulness! * 100).toFixed(1)}% over ${judge.judged} answers`);
}

const reportDirectory = `${EVAL_DIRECTORY}reports/`;
mkdirSync(reportDirectory, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/gu, '-');
const name = `${basename(setPath, '.jsonl')}-${stamp}`;
const report = { set: basename(setPath), mode, generatedAt: new Date().toISOString(), summary, judge: judge ?? null, items: verdicts };
writeFileSync(`${reportDirectory}${name}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${reportDirectory}${name}.html`, renderHtmlReport(`Eval ${basename(setPath)} — ${mode}`, summary, verdicts));
console.log(`\nreport: ${relative(process.cwd(), `${reportDirectory}${name}.html`)} (and .json)`);

const baselinePath = `${EVAL_DIRECTORY}baseline.json`;
if (values['write-baseline']) {
  const baseline: Baseline = { set: basename(setPath), mode, byLanguage: pick(summary.byLanguage), byKind: pick(summary.byKind), overall: summary.overall };
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`baseline written: ${relative(process.cwd(), baselinePath)}`);
}
if (values.compare) {
  const baseline = JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline;
  const comparison = compareWithBaseline(baseline, summary, basename(setPath), Number(values['max-drop']) / 100);
  for (const line of comparison.lines) console.log(line);
  if (!comparison.passed) {
    console.error(comparison.verdict);
    process.exit(1);
  }
  console.log(comparison.verdict);
}
process.exit(0);

function pick(groups: Record<string, AnswerMetrics>): Record<string, number> {
  return Object.fromEntries(Object.entries(groups).map(([group, metrics]) => [group, metrics.correct]));
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total && done % 25 !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${process.stderr.isTTY ? '' : '\n'}`);
}

function printSummary(summary: AnswerSummary): void {
  const header = ['group', 'n', 'correct', 'keys', 'NF acc', 'false NF', 'cite P', 'cite R', 'R@1', 'R@5', 'MRR', 'p50 ms', 'p95 ms'];
  const row = (name: string, metrics: AnswerMetrics) => [
    name, String(metrics.count), fixed(metrics.correct), fixed(metrics.keyAccuracy), metrics.notFoundAccuracy === null ? '–' : fixed(metrics.notFoundAccuracy),
    metrics.falseNotFound === null ? '–' : fixed(metrics.falseNotFound), fixed(metrics.citationPrecision), fixed(metrics.citationRecall),
    fixed(metrics.retrieval.recallAt1), fixed(metrics.retrieval.recallAt5), fixed(metrics.retrieval.mrr), metrics.latencyP50.toFixed(1), metrics.latencyP95.toFixed(1),
  ];
  const rows = [row('all', summary.overall), ...Object.entries(summary.byLanguage).map(([name, metrics]) => row(name, metrics)), ...Object.entries(summary.byKind).map(([name, metrics]) => row(name, metrics))];
  printTable(header, rows);
}

function fixed(value: number): string {
  return value.toFixed(3);
}
