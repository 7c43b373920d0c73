import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerSettings } from '../../config.ts';
import type { ChatEvent } from '../../services/chat-service.ts';
import { createChatFixture, type ChatFixture } from '../../test-support/chat-fixture.ts';
import { FakeLlmServer } from '../../test-support/fake-llm-server.ts';
import { loadPromptFiles } from '../filesystem/prompt-files.ts';
import { anthropicBackend, openAICompatibleBackend } from './llm-providers.ts';

const PROMPTS = fileURLToPath(new URL('../../../prompts/', import.meta.url));
const QUESTION = '天津提升食品质量水平由哪个部门牵头?';

const providers = [
  { name: 'openai-compatible', backend: 'openai' as const, create: openAICompatibleBackend, baseUrl: (url: string) => `${url}/v1`, path: '/v1/chat/completions' },
  { name: 'anthropic', backend: 'anthropic' as const, create: anthropicBackend, baseUrl: (url: string) => url, path: '/v1/messages' },
];

describe.each(providers)('$name backend against a local server speaking its protocol', (provider) => {
  let fixture: ChatFixture;
  let server: FakeLlmServer;
  const settings = (overrides: Partial<AnswerSettings> = {}): AnswerSettings => ({
    backend: provider.backend,
    baseUrl: provider.baseUrl(server.url),
    model: 'fake-model',
    apiKey: 'test-key',
    timeoutMs: 5000,
    temperature: 0,
    promptsDirectory: PROMPTS,
    ...overrides,
  });
  const chat = (overrides: Partial<AnswerSettings> = {}) => fixture.chatWith(provider.create(settings(overrides), loadPromptFiles(PROMPTS)), () => {});
  const ask = async (overrides: Partial<AnswerSettings> = {}, question = QUESTION) => {
    const events: ChatEvent[] = [];
    const reply = await chat(overrides).reply({ messages: [{ role: 'user', content: question }] }, (event) => events.push(event));
    return { reply, events, deltas: events.filter((event) => event.type === 'text-delta').map((event) => (event as { text: string }).text) };
  };

  beforeAll(async () => {
    fixture = await createChatFixture(`llm-${provider.name}`);
    server = await new FakeLlmServer().start();
  });
  afterEach(() => {
    server.requests.length = 0;
  });
  afterAll(async () => {
    await server.close();
    fixture.close();
  });

  it('streams the answer piece by piece and cites the numbered clauses it was given', async () => {
    server.respond({ kind: 'text', pieces: ['天津提升食品质量水平', '由市工业和信息化局牵头', '[1]。'] });
    const { reply, deltas, events } = await ask();
    expect(reply.backend).toBe(provider.name);
    expect(reply.answer).toBe('天津提升食品质量水平由市工业和信息化局牵头[1]。');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(reply.answer);
    expect(reply.citations.map((citation) => citation.clauseId)).toEqual([reply.retrieved[0]]);
    expect(reply.retrieved[0]).toBe('tj-2023-3:2.2');
    expect(events.map((event) => event.type).filter((type, index, all) => type !== all[index - 1])).toEqual(['answer-start', 'retrieved', 'text-delta', 'citation', 'answer-end']);

    const sent = server.requests.at(-1)!;
    expect(sent.path).toBe(provider.path);
    expect(sent.body.model).toBe('fake-model');
    expect(sent.body.stream).toBe(true);
    const prompt = JSON.stringify(sent.body);
    expect(prompt).toContain('<clause n=\\"1\\" source=\\"《天津市进一步提高产品 工程和服务质量行动实施方案');
    expect(prompt).toContain('市工业和信息化局（牵头）');
    expect(prompt).toContain('NOT_FOUND');
    if (provider.name === 'anthropic') expect(sent.headers['x-api-key']).toBe('test-key');
    else expect(sent.headers.authorization).toBe('Bearer test-key');
  });

  it('points a follow-up at the clause a model-written answer cited, from the stored conversation (its text names no clause)', async () => {
    server.respond({ kind: 'text', pieces: ['由市工业和信息化局牵头[1]。'] });
    const service = chat();
    const first = await service.reply({ messages: [{ role: 'user', content: QUESTION }] });
    expect(first.citations.map((citation) => citation.clauseId)).toEqual(['tj-2023-3:2.2']);
    server.respond({ kind: 'text', pieces: ['还有市发展改革委等[1]。'] });
    const history = [{ role: 'user' as const, content: QUESTION }, { role: 'assistant' as const, content: first.answer }];
    const follow = await service.reply({ conversationId: first.conversationId, messages: [...history, { role: 'user', content: '这一条还提到了哪些单位?' }] });
    expect(follow.retrieved).toEqual(['tj-2023-3:2.2']);
    // Without the conversation there is no clause to point at: the question is answered, or declined, from a search.
    const loose = await service.reply({ messages: [...history, { role: 'user', content: '这一条还提到了哪些单位?' }] });
    expect(loose.retrieved).not.toEqual(['tj-2023-3:2.2']);
  });

  it('removes a citation to a clause it was not given, from the stream and the reply, and reports it', async () => {
    server.respond({ kind: 'text', pieces: ['由市工业和信息化局牵头 [1]，另见 [', '7]。'] });
    const { reply, deltas } = await ask();
    expect(reply.retrieved.length).toBeLessThan(7);
    expect(reply.answer).toBe('由市工业和信息化局牵头 [1]，另见。');
    expect(deltas.join('')).not.toContain('[7]');
    expect(reply.citations.map((citation) => citation.n)).toEqual([1]);
    expect(reply.warnings).toContain('Removed citations to clauses that were not given: [7].');
  });

  it('turns a NOT_FOUND refusal into a not-found reply with related clauses and no citations', async () => {
    server.respond({ kind: 'text', pieces: ['NOT_', 'FOUND\n条款没有提到无人机。'] });
    const { reply, deltas } = await ask();
    expect(reply.notFound).toBe(true);
    expect(reply.answer).toBe('条款没有提到无人机。');
    expect(deltas.join('')).not.toContain('NOT_');
    expect(reply.citations).toEqual([]);
    expect(reply.related.length).toBeGreaterThan(0);
    expect(reply.notFoundReason).toMatchObject({ kind: 'model-declined' });
  });

  it('is not asked at all when the answer decision finds nothing to answer from, and the reply says why', async () => {
    for (const question of ['唐山提升钢铁产品质量由哪个部门牵头?', '天津方案对无人机产品质量监管有什么规定?']) {
      const { reply } = await ask({}, question);
      expect(reply.notFound).toBe(true);
      expect(reply.backend).toBe(provider.name);
      expect(reply.notFoundReason?.kind).toMatch(/uncovered-place|unseen-topic/u);
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [500, 'unreachable'],
    [401, 'rejected'],
    [429, 'rejected'],
  ])('falls back to the extractive answer on HTTP %i, and says so', async (status, kind) => {
    server.respond({ kind: 'status', status });
    const { reply } = await ask();
    expect(reply.backend).toBe(`extractive (fallback: ${provider.name} ${kind})`);
    expect(reply.answer).toContain('市工业和信息化局');
    expect(reply.citations[0]?.clauseId).toBe('tj-2023-3:2.2');
    expect(reply.warnings.join(' ')).toMatch(/did not answer/u);
  });

  it('falls back when the provider does not answer within LLM_TIMEOUT_MS', async () => {
    server.respond({ kind: 'hang' });
    const started = Date.now();
    const { reply } = await ask({ timeoutMs: 400 });
    expect(reply.backend).toBe(`extractive (fallback: ${provider.name} timeout)`);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(reply.notFound).toBe(false);
  });

  it('falls back when nothing listens at the base URL', async () => {
    const { reply } = await ask({ baseUrl: provider.baseUrl('http://127.0.0.1:9') });
    expect(reply.backend).toBe(`extractive (fallback: ${provider.name} unreachable)`);
  });

  it('rewrites a follow-up with the follow-up prompt before retrieving', async () => {
    server.respond({ kind: 'text', pieces: ['国家方案中扩大安全优质农产品食品供给由哪个部门牵头?'] }, { kind: 'text', pieces: ['由农业农村部牵头[1]。'] });
    const reply = await chat().reply({
      messages: [
        { role: 'user', content: QUESTION },
        { role: 'assistant', content: '由市工业和信息化局牵头[1]。' },
        { role: 'user', content: '那国家方案呢?' },
      ],
    });
    expect(server.requests).toHaveLength(2);
    expect(JSON.stringify(server.requests[0]!.body)).toContain('Follow-up question: <question>那国家方案呢?</question>');
    expect(reply.retrieved[0]).toBe('cn-2022-95:2.1');
    expect(reply.answer).toBe('由农业农村部牵头[1]。');
  });

  it('reports in status() whether the provider is reachable', async () => {
    const backend = provider.create(settings(), loadPromptFiles(PROMPTS));
    expect(await backend.status()).toMatchObject({ backend: provider.name, model: 'fake-model', reachable: true });
    const down = provider.create(settings({ baseUrl: provider.baseUrl('http://127.0.0.1:9') }), loadPromptFiles(PROMPTS));
    expect(await down.status()).toMatchObject({ reachable: false });
  });
});
