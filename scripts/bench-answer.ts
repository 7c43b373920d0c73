/**
 * npm run bench:answer [-- --rounds 5]
 * Server-side latency of non-streaming extractive answers on the seeds: every question of the eval
 * sets is posted to /api/chat and to /v1/chat/completions (the OpenAI-compatible face) through the
 * Hono app (no network), alternating per question so that both see the same load, several rounds,
 * after a warm-up. Prints both and the ratio of their p95.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ExtractiveAnswerer } from '../src/domain/answer/extractive-answerer.ts';
import { createApp } from '../src/http/app.ts';
import { createChatFixture } from '../src/test-support/chat-fixture.ts';
import { loadEvalSet } from '../eval/eval-set.ts';
import { percentile } from '../eval/report-table.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const sets = ['answers', 'dev'].map((name) => fileURLToPath(new URL(`../eval/sets/${name}.jsonl`, import.meta.url)));
const items = sets.flatMap((path) => loadEvalSet(path));
const fixture = await createChatFixture('bench-answer');
const app = createApp({ store: fixture.store, chat: fixture.chatWith(new ExtractiveAnswerer()), conversations: fixture.conversations });

const post = (item: (typeof items)[number]) =>
  app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [...(item.history ?? []), { role: 'user', content: item.question }] }),
  });

const complete = (item: (typeof items)[number]) =>
  app.request('/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'policy-qa', messages: [...(item.history ?? []), { role: 'user', content: item.question }] }),
  });

for (const item of items.slice(0, 20)) {
  await (await post(item)).json();
  await (await complete(item)).json();
}
const wall: number[] = [];
const openAi: number[] = [];
const retrieval: number[] = [];
const answer: number[] = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  for (const [index, item] of items.entries()) {
    // Which path goes first alternates, so neither always meets a warmer cache.
    const order = (round + index) % 2 === 0 ? ['chat', 'v1'] : ['v1', 'chat'];
    for (const path of order) {
      const started = performance.now();
      if (path === 'chat') {
        const reply = (await (await post(item)).json()) as { timings: { retrievalMs: number; answerMs: number } };
        wall.push(performance.now() - started);
        retrieval.push(reply.timings.retrievalMs);
        answer.push(reply.timings.answerMs);
      } else {
        await (await complete(item)).json();
        openAi.push(performance.now() - started);
      }
    }
  }
}
const show = (label: string, samples: number[]) => {
  const sorted = [...samples].sort((left, right) => left - right);
  console.log(`${label.padEnd(34)} p50 ${percentile(sorted, 0.5).toFixed(2).padStart(6)} ms   p95 ${percentile(sorted, 0.95).toFixed(2).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(2).padStart(6)} ms`);
};
console.log(`${items.length} questions × ${values.rounds} rounds = ${wall.length} requests (extractive, lexical retrieval, real SQLite)`);
show('POST /api/chat (request → JSON)', wall);
show('  of which retrieval', retrieval);
show('  of which answer composition', answer);
show('POST /v1/chat/completions', openAi);
const p95 = (samples: number[]) => percentile([...samples].sort((left, right) => left - right), 0.95);
console.log(`p95 ratio /v1/chat/completions : /api/chat = ${(p95(openAi) / p95(wall)).toFixed(3)} (goal ≤ 1.10)`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
fixture.close();
