import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_MODEL_PATH } from '../test-support/fixture-model.ts';
import { SEEDS_DIRECTORY, temporaryDirectory } from '../test-support/seed-files.ts';
import { MAIN, startServerProcess, TSX } from '../test-support/server-process.ts';


/** Starts the real server as `npm start` does, on a fresh database, and talks HTTP to it. */
describe('server start-up', () => {
  it('ingests the seeds on first start and serves the documents, lexical path alone without a model', async () => {
    await withServer({ ADMIN_TOKEN: 'operator-token-0123456789abcdef' }, async (port, log) => {
      expect(log).toMatch(/corpus: 4 documents, 99 clauses/u);
      expect(log).toMatch(/retrieval: lexical on \(jieba\+bigram, CC-CEDICT\); dense off: No local model configured/u);
      const documents = (await (await fetch(`http://127.0.0.1:${port}/api/documents`)).json()) as { documents: unknown[] };
      expect(documents.documents).toHaveLength(4);
      const details = { headers: { authorization: 'Bearer operator-token-0123456789abcdef' } };
      const health = (await (await fetch(`http://127.0.0.1:${port}/health/details`, details)).json()) as { status: string; retrieval: { activePaths: string[]; dense: { active: boolean; reason: string } } };
      expect(health.status).toBe('ok');
      expect(health.retrieval.activePaths).toEqual(['lexical']);
      expect(health.retrieval.dense).toEqual({ active: false, reason: expect.stringContaining('EMBEDDING_MODEL_PATH') });
      expect(log).toMatch(/answers: extractive/u);
      expect(log).toMatch(/web: chat at http:\/\/127\.0\.0\.1:\d+\/, widget at .*\/widget\.js.*embedding allowed for this origin only/u);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('/assets/chat-page.js');
      const chat = await fetch(`http://127.0.0.1:${port}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: '汕尾到2025年制造业产品质量合格率目标是多少?' }] }),
      });
      const reply = (await chat.json()) as { answer: string; citations: { clauseId: string }[]; backend: string };
      expect(reply.backend).toBe('extractive');
      expect(reply.answer).toContain('94.8%');
      expect(reply.citations[0]!.clauseId).toBe('sw-2023-0926:1.2');
    });
  });

  it('turns the dense path on when a model folder is configured, and builds the index', async () => {
    await withServer({ EMBEDDING_MODEL_PATH: FIXTURE_MODEL_PATH, EMBEDDING_MODEL: 'fixture/tiny-bert', ADMIN_TOKEN: 'operator-token-0123456789abcdef' }, async (port, log) => {
      expect(log).toMatch(/dense index: building dense index \(no dense index yet\)/u);
      const health = (await (await fetch(`http://127.0.0.1:${port}/health/details`, { headers: { authorization: 'Bearer operator-token-0123456789abcdef' } })).json()) as { retrieval: { activePaths: string[]; dense: Record<string, unknown> } };
      expect(health.retrieval.activePaths).toEqual(['lexical', 'dense']);
      expect(health.retrieval.dense).toMatchObject({ active: true, model: 'fixture/tiny-bert', dimensions: 32 });
    });
  });

  it('refuses to start with bad configuration and says what to fix', async () => {
    const child = spawn(TSX, [MAIN], {
      env: { ...process.env, PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT: .*\nFix these environment variables/su);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/u);
  });

  it('names SEEDS_DIR when the seeds folder is missing, with exit code 2 and no stack trace', async () => {
    const directory = temporaryDirectory('no-seeds');
    try {
      const child = spawn(TSX, [MAIN], { cwd: directory.path, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: 'db/corpus.sqlite', SEEDS_DIR: 'missing-seeds' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(stderr).toMatch(/SEEDS_DIR: .*missing-seeds is not a folder/u);
      expect(stderr).not.toMatch(/ENOENT|at .*\.ts:\d+/u);
    } finally {
      directory.remove();
    }
  });
});

async function withServer(environment: Record<string, string>, check: (port: number, log: string) => Promise<void>) {
  const directory = temporaryDirectory('startup');
  cpSync(SEEDS_DIRECTORY, join(directory.path, 'seeds'), { recursive: true });
  const server = await startServerProcess(directory.path, environment).catch((error: unknown) => {
    directory.remove();
    throw error;
  });
  try {
    await check(server.port, server.log());
  } finally {
    await server.stop();
    directory.remove();
  }
}
