/**
 * npm run bench:upload [-- --rounds 3 --clients 2]
 * How long a 30-page PDF takes from upload to answerable, and what an upload costs everyone else:
 * the real server over HTTP, `clients` loops asking ordinary questions for as long as an upload takes
 * (during) and for as long again with no upload (at rest), side by side in each round. Prints
 * medians over the rounds, and the p95 chat latency during an upload against that at rest.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../src/app/server.ts';
import { loadConfig } from '../src/config.ts';
import { FileDocumentReader } from '../src/adapters/formats/document-readers.ts';
import { createLogger } from '../src/logger.ts';
import { closePolicyFileBrowser, policyPdf, type PolicyText } from '../src/test-support/policy-files.ts';
import { loadEvalSet } from '../eval/eval-set.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, clients: { type: 'string', default: '2' } } });
const TOKEN = 'bench-upload-token-0123456789abcdef';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const PRODUCTS = ['钢铁', '陶瓷', '纺织', '家具', '五金', '电子', '食品', '医药', '建材', '化工', '汽车配件', '船舶'];
const UNITS = ['市工业和信息化局', '市市场监管局', '市发展改革委', '市商务局', '市科技局', '市交通运输局'];

/** A long plan: twelve sections of eight clauses, each a paragraph of several sentences with its units. */
function longPlan(): PolicyText {
  const lines = ['唐山市制造业质量提升三年行动计划(2025—2027年)', '唐质量发〔2025〕9号', '为推动制造业高质量发展,制定本计划。'];
  NUMERALS.forEach((numeral, section) => {
    lines.push(`${numeral}、${PRODUCTS[section]}产业质量提升`);
    for (let clause = 1; clause <= 8; clause += 1) {
      const topic = `${PRODUCTS[section]}${['标准', '检测', '品牌', '计量', '认证', '人才', '数字化', '绿色'][clause - 1]}`;
      const sentence = `围绕${topic}开展专项行动,组织企业对标国内外先进水平,完善质量管理体系,推广先进质量方法,加强质量技术基础设施建设,提升产品质量稳定性和可靠性。`;
      lines.push(`(${NUMERALS[clause - 1]})加强${topic}工作。${sentence.repeat(9)}(${UNITS[(section + clause) % UNITS.length]}牵头,${UNITS[(section + clause + 1) % UNITS.length]}按职责分工负责)`);
    }
  });
  return { lines };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);

const directory = mkdtempSync(join(tmpdir(), 'bench-upload-'));
cpSync(fileURLToPath(new URL('../seeds/', import.meta.url)), join(directory, 'seeds'), { recursive: true });
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SEEDS_DIR: 'seeds', DATABASE_PATH: 'db.sqlite', INDEX_DIR: 'index', EMBEDDINGS: 'off', RATE_LIMIT_PER_MINUTE: '10000', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'error' }, directory);
const server = await startServer(config, createLogger('error'));
const questions = loadEvalSet(fileURLToPath(new URL('../eval/sets/answers.jsonl', import.meta.url))).map((item) => item.question);
const pdf = await policyPdf(longPlan(), { header: '唐山市制造业质量提升三年行动计划' });
await closePolicyFileBrowser();
const read = await new FileDocumentReader(config.maxSeedFileBytes).read({ fileName: 'plan.pdf', bytes: pdf });
const pages = read.ok ? Math.max(...(read.read.linePages ?? [0])) : 0;
console.log(`PDF: ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB`);

const ask = async (question: string) => {
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: question }] }) });
  return (await response.json()) as { notFound: boolean };
};

/** Ordinary questions in `clients` loops until `stop()` says so; the latency of each. */
async function askWhile(running: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(Array.from({ length: Number(values.clients) }, async (_, client) => {
    for (let index = 0; running(); index += 1) {
      const started = performance.now();
      await ask(questions[(client * 17 + index) % questions.length]!);
      latencies.push(performance.now() - started);
    }
  }));
  return latencies;
}

const rounds: { uploadMs: number; answerableMs: number; during: number[]; rest: number[] }[] = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  let uploading = true;
  const started = performance.now();
  const form = new FormData();
  form.append('file', new File([new Uint8Array(pdf)], 'plan.pdf'));
  const upload = fetch(`${server.url}/api/admin/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } }).then(async (response) => {
    if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    uploading = false;
    return (await response.json()) as { document: { id: string } };
  });
  const during = await askWhile(() => uploading);
  const added = await upload;
  const uploadMs = performance.now() - started;
  while ((await ask('唐山加强陶瓷认证工作由哪个部门牵头?')).notFound) await new Promise((resolve) => setTimeout(resolve, 10));
  const answerableMs = performance.now() - started;
  const restUntil = performance.now() + uploadMs;
  const rest = await askWhile(() => performance.now() < restUntil);
  rounds.push({ uploadMs, answerableMs, during, rest });
  await fetch(`${server.url}/api/admin/documents/${added.document.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
  console.log(`round ${round + 1}: upload ${uploadMs.toFixed(0)} ms, answerable ${answerableMs.toFixed(0)} ms, chat p95 during ${percentile(during, 95).toFixed(1)} ms (${during.length} asked) vs at rest ${percentile(rest, 95).toFixed(1)} ms (${rest.length})`);
}
const duringP95 = median(rounds.map((round) => percentile(round.during, 95)));
const restP95 = median(rounds.map((round) => percentile(round.rest, 95)));
console.log(`median over ${rounds.length} rounds: upload-to-answerable ${median(rounds.map((round) => round.answerableMs)).toFixed(0)} ms; chat p95 during upload ${duringP95.toFixed(1)} ms vs at rest ${restP95.toFixed(1)} ms (ratio ${(duringP95 / restP95).toFixed(2)}); p50 ${median(rounds.map((round) => percentile(round.during, 50))).toFixed(1)} vs ${median(rounds.map((round) => percentile(round.rest, 50))).toFixed(1)} ms`);
await server.close();
rmSync(directory, { recursive: true, force: true });
