/**
 * npm run bench:fairness [-- --seconds 6 --clients 8 --rounds 3]
 * Other users' throughput while a few clients send the costliest requests the API accepts, measured
 * side by side in one run against the real server over HTTP. `clients` loops ask ordinary questions
 * while four more loops either ask ordinary questions too (normal load), or two post the largest
 * valid request (20 messages, earlier ones at the 4,000-character cap, a 2,000-character question)
 * and two read a stored conversation at its message cap, a full page at a time (worst load). The
 * ratio of the ordinary loops' throughput under the worst load to that under the normal one is what
 * the costliest requests take from everyone else beyond their fair share.
 */
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../src/app/server.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { loadEvalSet } from '../eval/eval-set.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '6' }, clients: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);
const directory = mkdtempSync(join(tmpdir(), 'bench-fairness-'));
cpSync(fileURLToPath(new URL('../seeds/', import.meta.url)), join(directory, 'seeds'), { recursive: true });
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SEEDS_DIR: 'seeds', DATABASE_PATH: 'db.sqlite', INDEX_DIR: 'index', EMBEDDINGS: 'off', RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_READS_PER_MINUTE: '100000', TRUST_PROXY: 'true', LOG_LEVEL: 'error' }, directory);
const server = await startServer(config, createLogger('error'));
const questions = loadEvalSet(fileURLToPath(new URL('../eval/sets/answers.jsonl', import.meta.url))).map((item) => item.question);

// Each loop is its own client (the one trusted proxy's X-Forwarded-For), with its own rate limit, as real users are.
const post = (body: unknown, client = 0) => fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.0.${client}` }, body: JSON.stringify(body) });
const read = (path: string, client: number) => fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': `10.1.0.${client}` } });
const largest = {
  messages: [
    ...Array.from({ length: 19 }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: `${'天津市质量强市建设协调推进领导小组各成员单位按职责分工负责，'.repeat(300)}`.slice(0, 4000) })),
    { role: 'user', content: `${'天津提升食品质量水平由哪个部门牵头，'.repeat(120)}`.slice(0, 2000) },
  ],
};
// A conversation at the message cap, for the page readers.
const first = (await (await post({ messages: [{ role: 'user', content: questions[0] }] })).json()) as { conversationId: string };
for (let index = 0; index < 99; index += 1) await (await post({ conversationId: first.conversationId, messages: [{ role: 'user', content: questions[index % questions.length] }] }, 200)).json();

async function loop(until: number, request: (index: number) => Promise<Response>): Promise<number> {
  let done = 0;
  for (let index = 0; performance.now() < until; index += 1) {
    try {
      const response = await request(index);
      await response.arrayBuffer();
      if (response.ok) done += 1;
    } catch {
      // A keep-alive socket the server closed as it was reused: the next request opens another.
    }
  }
  return done;
}

async function measure(withHeavy: boolean): Promise<{ ordinary: number; heavy: number }> {
  const until = performance.now() + seconds * 1000;
  const ordinaryQuestion = (client: number) => (index: number) => post({ messages: [{ role: 'user', content: questions[(client * 31 + index) % questions.length] }] }, client);
  const ordinary = Array.from({ length: Number(values.clients) }, (_, client) => loop(until, ordinaryQuestion(client)));
  const reader = (client: number) => (index: number) => read(`/api/conversations/${first.conversationId}?offset=${(index * 50) % 200}&limit=50`, client);
  const heavy = withHeavy
    ? [loop(until, () => post(largest, 100)), loop(until, () => post(largest, 101)), loop(until, reader(102)), loop(until, reader(103))]
    : [100, 101, 102, 103].map((client) => loop(until, ordinaryQuestion(client)));
  const [ordinaryCounts, heavyCounts] = await Promise.all([Promise.all(ordinary), Promise.all(heavy)]);
  return { ordinary: ordinaryCounts.reduce((sum, count) => sum + count, 0) / seconds, heavy: heavyCounts.reduce((sum, count) => sum + count, 0) / seconds };
}

await measure(false); // warm-up
// Alternating runs, medians compared: the machine is shared, one run alone says little.
const normal: { ordinary: number; heavy: number }[] = [];
const worst: { ordinary: number; heavy: number }[] = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  normal.push(await measure(false));
  worst.push(await measure(true));
}
const median = (samples: number[]) => [...samples].sort((left, right) => left - right)[Math.floor(samples.length / 2)]!;
const normalOrdinary = median(normal.map((run) => run.ordinary));
const worstOrdinary = median(worst.map((run) => run.ordinary));
console.log(`ordinary questions from ${values.clients} clients, ${values.rounds} alternating runs of ${seconds} s (extractive, lexical, real SQLite, HTTP on loopback); medians:`);
console.log(`  with 4 more clients asking ordinary questions                      ${normalOrdinary.toFixed(0)} answers/s  (the 4: ${median(normal.map((run) => run.heavy)).toFixed(0)} requests/s)`);
console.log(`  with 2 sending the largest valid request and 2 reading a conversation ${worstOrdinary.toFixed(0)} answers/s  (the 4: ${median(worst.map((run) => run.heavy)).toFixed(0)} requests/s)`);
console.log(`    at its message cap a page at a time`);
console.log(`  runs: normal ${normal.map((run) => run.ordinary.toFixed(0)).join(', ')}; worst ${worst.map((run) => run.ordinary.toFixed(0)).join(', ')}`);
console.log(`ratio under the worst valid requests: ${(worstOrdinary / normalOrdinary).toFixed(2)} of normal (goal ≥ 0.80)`);
await server.close();
rmSync(directory, { recursive: true, force: true });
