import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAICompatibleBackend } from '../src/adapters/llm/llm-providers.ts';
import { loadPromptFiles } from '../src/adapters/filesystem/prompt-files.ts';
import { loadConfig } from '../src/config.ts';
import { FakeLlmServer } from '../src/test-support/fake-llm-server.ts';
import { judgeItem } from './answer-metrics.ts';
import { judgeWith, parseJudgement, runJudge } from './judge-pass.ts';

const PROMPTS = fileURLToPath(new URL('../prompts/', import.meta.url));
const item = { id: 'x-1', language: 'zh-Hans' as const, kind: 'lead' as const, question: '谁牵头?', gold: ['tj-2023-3:2.2'], keys: ['市工业和信息化局'] };
const reply = { answer: '市工业和信息化局牵头[1]。', notFound: false, citations: [{ n: 1, clauseId: 'tj-2023-3:2.2', text: '提升食品质量水平。…（市工业和信息化局…按职责分工负责）' }], retrieved: ['tj-2023-3:2.2'], backend: 'extractive' };

describe('judge pass', () => {
  let server: FakeLlmServer;
  beforeAll(async () => {
    server = await new FakeLlmServer().start();
  });
  afterAll(() => server.close());

  it('is skipped cleanly when no LLM is configured', async () => {
    const outcome = await runJudge(loadConfig({}), [judgeItem(item, reply, 1)]);
    expect(outcome).toMatchObject({ skipped: true, reason: expect.stringMatching(/no LLM configured/u) });
  });

  it('scores faithfulness from the judge prompt and the cited clause text, through a real provider client', async () => {
    server.respond({ kind: 'text', pieces: ['```json\n{"supported": 1, "total": 2, "unsupported": ["另见某条"]}\n```'] });
    const backend = openAICompatibleBackend(
      { backend: 'openai', baseUrl: `${server.url}/v1`, model: 'judge', apiKey: 'k', timeoutMs: 5000, temperature: 0, promptsDirectory: PROMPTS },
      loadPromptFiles(PROMPTS),
    );
    const outcome = await judgeWith(backend, [judgeItem(item, reply, 1), judgeItem(item, { ...reply, notFound: true }, 1)], loadPromptFiles(PROMPTS).judge);
    expect(outcome).toEqual({ skipped: false, judged: 1, faithfulness: 0.5, unsupported: [{ id: 'x-1', sentences: ['另见某条'] }] });
    const prompt = JSON.stringify(server.requests.at(-1)!.body);
    expect(prompt).toContain('市工业和信息化局牵头[1]');
    expect(prompt).toContain('[1] 提升食品质量水平');
  });

  it('rejects judgements that are not JSON or count more supported sentences than there are', () => {
    expect(() => parseJudgement('looks fine to me')).toThrow(/JSON/u);
    expect(() => parseJudgement('{"supported": 3, "total": 2}')).toThrow(/impossible/u);
  });
});
