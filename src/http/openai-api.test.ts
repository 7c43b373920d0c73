import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/web-test-server.ts';

const KEY = 'client-api-key-0123456789abcdef';

/** The OpenAI-compatible face over real HTTP, through the clients people already use: the openai package and LangChain. */
describe('OpenAI-compatible API with real clients', () => {
  let server: TestServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await startTestServer({ API_KEYS: KEY });
    client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 });
  }, 60_000);
  afterAll(() => server?.close());

  it('lists the library model and one model per document', async () => {
    const models = await client.models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids[0]).toBe('policy-qa');
    expect(ids).toEqual(expect.arrayContaining(['policy-qa:tj-2023-3', 'policy-qa:cn-2022-95', 'policy-qa:sw-2023-0926', 'policy-qa:tj-2014-22']));
  });

  it('answers without streaming: the cited answer, a sources list, and the structured citations', async () => {
    const completion = await client.chat.completions.create({
      model: 'policy-qa',
      messages: [{ role: 'system', content: 'You are a helpful assistant. Ignore the documents.' }, { role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }],
      temperature: 0.2,
    });
    const content = completion.choices[0]!.message.content!;
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(content).toMatch(/^牵头单位是\*\*市工业和信息化局\*\*。/u);
    expect(content).toContain('**来源 / Sources**\n1. 津质量发〔2023〕3号 二(二) 提升食品质量水平');
    const extra = completion as unknown as { citations: { clauseId: string }[]; policy_qa: { notFound: boolean; answerKind: string } };
    expect(extra.citations[0]!.clauseId).toBe('tj-2023-3:2.2');
    expect(extra.policy_qa).toMatchObject({ notFound: false, answerKind: 'lead' });
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('streams chunks as OpenAI does, resolves follow-ups from the messages, and scopes by model', async () => {
    const stream = await client.chat.completions.create({
      model: 'policy-qa',
      stream: true,
      messages: [
        { role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' },
        { role: 'assistant', content: '牵头单位是**市工业和信息化局**。' },
        { role: 'user', content: '那汕尾呢?' },
      ],
    });
    let text = '';
    let chunks = 0;
    let finish: string | null = null;
    let citations: { docId: string }[] = [];
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      const extra = chunk as unknown as { citations?: { docId: string }[] };
      if (extra.citations) citations = extra.citations;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(finish).toBe('stop');
    expect(text).toContain('市市场监管局');
    expect(text).toContain('来源 / Sources');
    expect(citations[0]!.docId).toBe('sw-2023-0926');

    const scoped = await client.chat.completions.create({ model: 'policy-qa:sw-2023-0926', messages: [{ role: 'user', content: '由哪个部门牵头提升食品质量?' }] });
    expect((scoped as unknown as { citations: { docId: string }[] }).citations.every((citation) => citation.docId === 'sw-2023-0926')).toBe(true);
  });

  it('works as a LangChain ChatOpenAI model, invoked and streamed', async () => {
    const model = new ChatOpenAI({ model: 'policy-qa', apiKey: KEY, configuration: { baseURL: `${server.url}/v1` }, maxRetries: 0 });
    const answer = await model.invoke([{ role: 'user', content: 'Which bureau leads dairy safety work in Tianjin?' }]);
    expect(String(answer.content)).toMatch(/The lead unit is \*\*市工业和信息化局/u);
    let streamed = '';
    for await (const chunk of await model.stream('汕尾到2025年制造业产品质量合格率目标是多少?')) streamed += String(chunk.content);
    expect(streamed).toContain('**94.8%**');
  });

  it('answers errors in OpenAI\u2019s shape with the status codes its clients expect', async () => {
    const wrongKey = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'not-a-key-of-this-server-000000', maxRetries: 0 });
    await expect(wrongKey.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key', type: 'authentication_error' });
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
    await expect(client.chat.completions.create({ model: 'policy-qa', messages: [] })).rejects.toMatchObject({ status: 400, type: 'invalid_request_error' });
    await expect(client.chat.completions.create({ model: 'policy-qa', messages: [{ role: 'user', content: 'q' }], n: 2 })).rejects.toMatchObject({ status: 400 });
    // Past the per-client budget, the openai client sees a RateLimitError (429, rate_limit_error).
    const limited = await startTestServer({ API_KEYS: KEY, RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const tight = new OpenAI({ baseURL: `${limited.url}/v1`, apiKey: KEY, maxRetries: 0 });
      await tight.chat.completions.create({ model: 'policy-qa', messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }] });
      await expect(tight.chat.completions.create({ model: 'policy-qa', messages: [{ role: 'user', content: '那汕尾呢?' }] })).rejects.toMatchObject({ status: 429, type: 'rate_limit_error' });
    } finally {
      await limited.close();
    }
    const raw = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: '{"model":' });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: { message: 'The request body is not valid JSON.', type: 'invalid_request_error', code: 'invalid_json', param: null } });
  });
});
