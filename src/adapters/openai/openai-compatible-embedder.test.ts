import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedderContract } from '../../domain/ports/embedder.contract.ts';
import { OpenAICompatibleEmbedder } from './openai-compatible-embedder.ts';

/**
 * A local server that answers POST /v1/embeddings as OpenAI documents it: {data: [{object,
 * embedding, index}], model, usage}; vectors are a deterministic function of the text's characters.
 */
function fakeEmbeddingsServer(dimensions: number) {
  const requests: { authorization: string | undefined; body: { model: string; input: string[] | string; encoding_format?: string } }[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/embeddings') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(raw) as { model: string; input: string[] | string; encoding_format?: string };
      requests.push({ authorization: request.headers.authorization, body });
      if (body.model === 'missing-model') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model not found', type: 'invalid_request_error' } }));
        return;
      }
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      const data = inputs.map((text, index) => {
        const vector = new Array<number>(dimensions).fill(0);
        for (const character of text) vector[character.codePointAt(0)! % dimensions]! += 1;
        // LangChain asks for base64 by default; answer in the format requested.
        const embedding = body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
        return { object: 'embedding', embedding, index };
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  return { server, requests };
}

describe('OpenAI-compatible embedder against a local /v1/embeddings server', () => {
  const fake = fakeEmbeddingsServer(24);
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => (fake.server as Server).close(() => resolve())));

  const connect = (model = 'bge-m3') =>
    OpenAICompatibleEmbedder.connect({ baseUrl, model, apiKey: 'test-key', queryPrefix: 'query: ', passagePrefix: 'passage: ', batchSize: 16, timeoutMs: 5000 });

  embedderContract('OpenAI-compatible server', () => connect());

  it('sends the model, the key and the prefixed texts, and learns the dimensions', async () => {
    const embedder = await connect();
    expect(embedder.dimensions).toBe(24);
    await embedder.embedQueries(['乳制品']);
    const last = fake.requests.at(-1)!;
    expect(last.authorization).toBe('Bearer test-key');
    expect(last.body.model).toBe('bge-m3');
    expect(last.body.input).toEqual(['query: 乳制品']);
  });

  it('fails with a message that names the settings to check', async () => {
    await expect(connect('missing-model')).rejects.toThrow(/EMBEDDING_BASE_URL, EMBEDDING_MODEL and EMBEDDING_API_KEY/u);
  });
});
