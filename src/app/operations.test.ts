import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { FakeLlmServer } from '../test-support/fake-llm-server.ts';
import { SEEDS_DIRECTORY, temporaryDirectory } from '../test-support/seed-files.ts';
import { startServerProcess } from '../test-support/server-process.ts';
import { startTestServer, type TestServer } from '../test-support/web-test-server.ts';
import { startServer } from './server.ts';

const ADMIN = 'metrics-admin-token-0123456789abcdef';
const KEY = 'operations-api-key-0123456789abcdef';

function capturingLogger() {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    debug() {},
    info: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }),
    error: (message, error) => console.error(message, error),
  };
  return { lines, logger, requests: () => lines.filter((line) => line.message === 'request').map((line) => line.fields!) };
}

const ask = (url: string, content: string, stream = false, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ messages: [{ role: 'user', content }], stream }) });

describe('request logs and metrics', () => {
  let server: TestServer;
  const captured = capturingLogger();
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_TOKEN: ADMIN }, undefined, captured.logger);
  }, 60_000);
  afterAll(() => server?.close());

  it('logs one line per request with its id, route, status, time and the answer, without the question', async () => {
    const response = await ask(server.url, '天津提升食品质量水平由哪个部门牵头?', false, { 'x-request-id': 'trace-0123456789' });
    expect(response.headers.get('x-request-id')).toBe('trace-0123456789');
    await response.json();
    const streamed = await ask(server.url, '唐山提升钢铁产品质量由哪个部门牵头?', true);
    const streamedId = streamed.headers.get('x-request-id')!;
    expect(streamedId).toMatch(/^[0-9a-f-]{36}$/u);
    await streamed.text();
    await fetch(`${server.url}/api/documents`);
    const lines = captured.requests();
    expect(lines.find((line) => line.requestId === 'trace-0123456789')).toMatchObject({ method: 'POST', route: '/api/chat', status: 200, ms: expect.any(Number), answerKind: 'lead', notFoundReason: null, backend: 'extractive' });
    expect(lines.find((line) => line.requestId === streamedId)).toMatchObject({ route: '/api/chat', status: 200, answerKind: 'not-found', notFoundReason: 'uncovered-place' });
    expect(lines.find((line) => line.route === '/api/documents')).toMatchObject({ method: 'GET', status: 200 });
    expect(JSON.stringify(captured.lines)).not.toContain('天津提升食品质量水平');
    expect(JSON.stringify(captured.lines)).not.toContain(ADMIN);
  });

  it('serves Prometheus metrics to the operator only', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    await ask(server.url, '汕尾到2025年制造业产品质量合格率目标是多少?').then((response) => response.json());
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(text).toMatch(/policy_qa_http_requests_total\{[^}]*method="POST"[^}]*route="\/api\/chat"[^}]*status="200"[^}]*\} [1-9]/u);
    expect(text).toMatch(/policy_qa_http_request_duration_seconds_bucket\{[^}]*route="\/api\/chat"/u);
    expect(text).toMatch(/policy_qa_answers_total\{[^}]*kind="figure"[^}]*backend="extractive"[^}]*\} 1/u);
    expect(text).toMatch(/policy_qa_not_found_total\{[^}]*reason="uncovered-place"[^}]*\} 1/u);
    expect(text).toMatch(/policy_qa_library_size\{[^}]*what="documents"[^}]*\} 4/u);
    expect(text).toMatch(/policy_qa_library_change_duration_seconds_count\{[^}]*operation="ingest"[^}]*\} 1/u);
    expect(text).toMatch(/policy_qa_feedback\{[^}]*rating="down"[^}]*\} 0/u);
    expect(text).toContain('process_resident_memory_bytes');
  });
});

describe('open API warning', () => {
  it('warns at start when /v1 and /mcp listen beyond loopback without API_KEYS, and not with them', async () => {
    for (const [environment, warned] of [[{}, true], [{ API_KEYS: KEY }, false]] as const) {
      const captured = capturingLogger();
      const server = await startTestServer({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'qa.intranet.example', ...environment }, undefined, captured.logger);
      try {
        expect(captured.lines.some((line) => /\/v1 and \/mcp are open to anyone.*set API_KEYS/u.test(line.message)), JSON.stringify(environment)).toBe(warned);
      } finally {
        await server.close();
      }
    }
  }, 60_000);
});

describe('logs of the real process', () => {
  it('writes JSON lines on stderr with the request id, never the question or a secret unless asked', async () => {
    const directory = temporaryDirectory('json-logs');
    cpSync(SEEDS_DIRECTORY, join(directory.path, 'seeds'), { recursive: true });
    const server = await startServerProcess(directory.path, { API_KEYS: KEY, ADMIN_TOKEN: ADMIN, LOG_QUESTIONS: 'true' });
    try {
      const response = await ask(`http://127.0.0.1:${server.port}`, '天津提升食品质量水平由哪个部门牵头?');
      const id = response.headers.get('x-request-id');
      await response.json();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const lines = server.log().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.every((line) => typeof line.time === 'string' && typeof line.level === 'string' && typeof line.msg === 'string')).toBe(true);
      expect(lines.find((line) => line.requestId === id)).toMatchObject({ level: 'info', msg: 'request', route: '/api/chat', status: 200, answerKind: 'lead', question: '天津提升食品质量水平由哪个部门牵头?' });
      expect(server.log()).not.toContain(KEY);
      expect(server.log()).not.toContain(ADMIN);
    } finally {
      await server.stop();
      directory.remove();
    }
  }, 60_000);
});

describe('graceful shutdown', () => {
  let llm: FakeLlmServer;
  beforeAll(async () => {
    llm = await new FakeLlmServer().start();
  });
  afterAll(() => llm.close());

  it('lets an answer in flight finish, then closes SQLite cleanly', async () => {
    const directory = temporaryDirectory('graceful');
    cpSync(SEEDS_DIRECTORY, join(directory.path, 'seeds'), { recursive: true });
    const config = loadConfig({
      HOST: '127.0.0.1', PORT: '0', SEEDS_DIR: 'seeds', DATABASE_PATH: 'db/corpus.sqlite', INDEX_DIR: 'index', EMBEDDINGS: 'off',
      ANSWER_BACKEND: 'openai', LLM_BASE_URL: `${llm.url}/v1`, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '20000', SHUTDOWN_GRACE_MS: '10000',
    }, directory.path);
    const captured = capturingLogger();
    const server = await startServer(config, captured.logger);
    llm.respond({ kind: 'text', pieces: ['牵头单位为', '市工业和信息化局', '，按职责分工负责', '。[1]'], delayMs: 250 });
    try {
      const response = await ask(server.url, '天津提升食品质量水平由哪个部门牵头?', true);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader.read()).value);
      // The answer has started; the server is told to stop.
      const closed = server.close();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      expect(text).toContain('event: answer-end');
      expect(text).toContain('市工业和信息化局');
      // Closed gracefully, not by the grace period running out: no answer was cut. (Not a comparison of clocks:
      // the client may read the last bytes a few milliseconds after the server has closed, on a loaded machine.)
      await closed;
      expect(captured.lines.some((line) => /answers still running .* were cut/u.test(line.message))).toBe(false);
      const database = new Database(config.databasePath, { readonly: true });
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((database.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n).toBe(2);
      database.close();
      // Nothing listens any more.
      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    } finally {
      directory.remove();
    }
  }, 60_000);
});
